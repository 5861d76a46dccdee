//! Installs what a task needs, once: each tool is checked by version first and installed only when missing.
//!
//! Everything comes from crates.io, Debian's apt or npm (the e2e suite's axe-core and the
//! benchmark's TimelineJS): the only registries reachable here. Trunk is pinned in `Trunk.toml`
//! to these same versions and runs offline, so it
//! never tries to download wasm-bindgen or wasm-opt itself.

use crate::cmd::{self, capture, project_root, run};
use std::path::PathBuf;
use std::process::Command;

/// trunk 0.21.14 is the newest trunk that builds on our pinned rustc 1.95 (0.22 needs 1.96.1).
pub const TRUNK_VERSION: &str = "0.21.14";
/// geckodriver from crates.io; pinned so that every machine drives Firefox the same way.
pub const GECKODRIVER_VERSION: &str = "0.37.1";
/// Debian 12's binaryen; Trunk.toml names it as `version_108`.
pub const WASM_OPT_VERSION: &str = "108";

/// Where `bench` installs Knight Lab's TimelineJS3 with npm: `package.json` pins its version,
/// `package-lock.json` its dependencies.
pub use storyline_browser::TIMELINEJS_DIR;
const TIMELINEJS_PACKAGE: &str = "@knight-lab/timelinejs";
/// The files a TimelineJS page loads, under the package's `dist/` (which the server mounts at `/timelinejs/`).
const TIMELINEJS_FILES: [&str; 3] = ["js/timeline.js", "css/timeline.css", "css/icons/tl-icons.woff2"];

pub const CHROMEDRIVER: &str = "/usr/bin/chromedriver";
pub const WEBKIT_DRIVER: &str = "/usr/bin/WebKitWebDriver";

/// What `serve` needs.
const BUILD_APT: &[&str] = &["binaryen", "brotli"];
/// What `test` needs on top: the three engines, their drivers, an X server for WebKitGTK, and the
/// DejaVu fonts, whose DejaVu Serif Bold the wide-font test pages load (fontconfig brings them as
/// its first choice; named here so that no other choice leaves the pages without it).
const BROWSER_APT: &[&str] = &["chromium", "chromium-driver", "firefox-esr", "webkit2gtk-driver", "xvfb", "fonts-dejavu-core"];

pub fn cargo_bin_dir() -> PathBuf {
    let home = std::env::var_os("CARGO_HOME")
        .map(PathBuf::from)
        .unwrap_or_else(|| PathBuf::from(std::env::var_os("HOME").unwrap_or_default()).join(".cargo"));
    home.join("bin")
}

/// Puts cargo-installed tools first on PATH for this process and every child, so trunk
/// finds our `wasm-bindgen` and the test runner finds `wasm-bindgen-test-runner`.
pub fn put_cargo_bin_on_path() {
    let bin = cargo_bin_dir();
    let path = std::env::var_os("PATH").unwrap_or_default();
    let mut parts: Vec<PathBuf> = std::env::split_paths(&path).collect();
    if parts.first() != Some(&bin) {
        parts.insert(0, bin);
        // Safety: xtask is single-threaded while it sets up its environment.
        unsafe { std::env::set_var("PATH", std::env::join_paths(parts).expect("PATH entries are valid")) };
    }
}

/// The wasm-bindgen version in Cargo.lock: the CLI must match it exactly.
pub fn locked_wasm_bindgen_version() -> Result<String, String> {
    let lock = std::fs::read_to_string(project_root().join("Cargo.lock")).map_err(|e| format!("Cargo.lock: {e}"))?;
    let mut lines = lock.lines();
    while let Some(line) = lines.next() {
        if line == "name = \"wasm-bindgen\"" {
            if let Some(v) = lines.next().and_then(|l| l.strip_prefix("version = \"")) {
                return Ok(v.trim_end_matches('"').to_string());
            }
        }
    }
    Err("Cargo.lock has no wasm-bindgen package".into())
}

/// Reads a `key = "value"` line of Trunk.toml.
fn trunk_toml_value(key: &str) -> Option<String> {
    let text = std::fs::read_to_string(project_root().join("Trunk.toml")).ok()?;
    text.lines().find_map(|l| {
        let (k, v) = l.split_once('=')?;
        (k.trim() == key).then(|| v.split('#').next().unwrap_or("").trim().trim_matches('"').to_string())
    })
}

/// Trunk.toml's pins must name the tools we install, or trunk would try to download others.
pub fn check_trunk_pins(wasm_bindgen: &str) -> Result<(), String> {
    let pinned = trunk_toml_value("wasm_bindgen").unwrap_or_default();
    if pinned != wasm_bindgen {
        return Err(format!(
            "Trunk.toml pins wasm_bindgen = \"{pinned}\" but Cargo.lock has wasm-bindgen {wasm_bindgen}: make them equal"
        ));
    }
    let opt = trunk_toml_value("wasm_opt").unwrap_or_default();
    if opt != format!("version_{WASM_OPT_VERSION}") {
        return Err(format!("Trunk.toml pins wasm_opt = \"{opt}\", expected \"version_{WASM_OPT_VERSION}\""));
    }
    Ok(())
}

fn version_output(program: &str, arg: &str) -> Option<String> {
    let out = Command::new(program).arg(arg).output().ok()?;
    Some(format!("{}{}", String::from_utf8_lossy(&out.stdout), String::from_utf8_lossy(&out.stderr)))
}

/// `cargo install` of one crate at one version, skipped when `bin --version` already says so.
fn ensure_cargo_tool(krate: &str, bin: &str, version: &str, locked: bool) -> Result<(), String> {
    let path = cargo_bin_dir().join(bin);
    let have = version_output(path.to_str().unwrap_or(bin), "--version").unwrap_or_default();
    if have.split_whitespace().any(|w| w == version || w.trim_start_matches('v') == version) {
        println!("  ok  {bin} {version}");
        return Ok(());
    }
    println!("  ..  installing {krate} {version} from crates.io (a cold build takes minutes)");
    let mut c = Command::new("cargo");
    c.args(["install", krate, "--version", version, "--force"]);
    if locked {
        c.arg("--locked");
    }
    run(&mut c)
}

fn missing_apt(packages: &[&str]) -> Vec<String> {
    packages
        .iter()
        .filter(|p| {
            let out = Command::new("dpkg-query").args(["-W", "-f=${db:Status-Status}", p]).output();
            !matches!(out, Ok(o) if o.stdout == b"installed")
        })
        .map(|p| p.to_string())
        .collect()
}

fn ensure_apt(packages: &[&str]) -> Result<(), String> {
    let missing = missing_apt(packages);
    if missing.is_empty() {
        println!("  ok  apt: {}", packages.join(", "));
        return Ok(());
    }
    println!("  ..  installing from apt: {}", missing.join(", "));
    let sudo = !cmd::is_root();
    let apt = |args: &[&str]| {
        let mut c = if sudo { Command::new("sudo") } else { Command::new("apt-get") };
        if sudo {
            c.arg("apt-get");
        }
        c.args(args).env("DEBIAN_FRONTEND", "noninteractive");
        c
    };
    run(&mut apt(&["update", "-qq"]))?;
    let mut install = apt(&["install", "-y", "-qq", "--no-install-recommends"]);
    install.args(&missing);
    run(&mut install)
}

fn ensure_wasm_target() -> Result<(), String> {
    let installed = capture(Command::new("rustup").args(["target", "list", "--installed"]))?;
    if installed.lines().any(|l| l.trim() == "wasm32-unknown-unknown") {
        println!("  ok  rust target wasm32-unknown-unknown");
        return Ok(());
    }
    run(Command::new("rustup").args(["target", "add", "wasm32-unknown-unknown"]))
}

fn ensure_wasm_opt() -> Result<(), String> {
    let have = version_output("wasm-opt", "--version").unwrap_or_default();
    if have.contains(&format!("version {WASM_OPT_VERSION}")) {
        println!("  ok  wasm-opt version {WASM_OPT_VERSION}");
        Ok(())
    } else {
        Err(format!("wasm-opt reports {:?}; Trunk.toml expects binaryen {WASM_OPT_VERSION} from Debian 12", have.trim()))
    }
}

/// Everything needed to build the release `dist/`.
pub fn ensure_build_tools() -> Result<(), String> {
    println!("Checking build tools");
    put_cargo_bin_on_path();
    ensure_wasm_target()?;
    ensure_apt(BUILD_APT)?;
    ensure_wasm_opt()?;
    let wasm_bindgen = locked_wasm_bindgen_version()?;
    check_trunk_pins(&wasm_bindgen)?;
    // Not --locked: the CLI's own lockfile pins a webpki-roots release that crates.io no longer serves.
    ensure_cargo_tool("wasm-bindgen-cli", "wasm-bindgen", &wasm_bindgen, false)?;
    ensure_cargo_tool("trunk", "trunk", TRUNK_VERSION, true)
}

/// Everything needed to run every test layer in the three engines.
pub fn ensure_test_tools() -> Result<(), String> {
    ensure_build_tools()?;
    println!("Checking browsers and drivers");
    ensure_apt(BROWSER_APT)?;
    ensure_cargo_tool("geckodriver", "geckodriver", GECKODRIVER_VERSION, true)?;
    ensure_npm_packages(E2E_NPM)
}

/// The e2e suite's npm tools (axe-core), pinned exactly in the package's lockfile.
const E2E_NPM: &str = storyline_browser::NPM_DIR;

/// The `version` field of a JSON file, if it can be read.
fn json_version(path: &std::path::Path) -> Option<String> {
    let json: serde_json::Value = serde_json::from_str(&std::fs::read_to_string(path).ok()?).ok()?;
    json["version"].as_str().map(str::to_string)
}

/// The packages of `dir`'s lockfile that node_modules lacks or holds at another version.
fn stale_npm_packages(dir: &std::path::Path) -> Result<Vec<String>, String> {
    let lock_path = dir.join("package-lock.json");
    let lock: serde_json::Value = std::fs::read_to_string(&lock_path)
        .ok()
        .and_then(|t| serde_json::from_str(&t).ok())
        .ok_or_else(|| format!("{} is missing or not JSON", lock_path.display()))?;
    let packages = lock["packages"].as_object().ok_or_else(|| format!("{} lists no packages", lock_path.display()))?;
    Ok(packages
        .iter()
        .filter(|(path, _)| path.starts_with("node_modules/"))
        .filter_map(|(path, entry)| {
            let want = entry["version"].as_str().unwrap_or_default();
            let have = json_version(&dir.join(path).join("package.json"));
            (have.as_deref() != Some(want)).then(|| format!("{}@{want}", path.trim_start_matches("node_modules/")))
        })
        .collect())
}

/// `npm ci` in `dir` (relative to the project root), skipped when node_modules already holds
/// every package at its locked version. Install scripts never run: the tools are plain files.
fn ensure_npm_packages(dir: &str) -> Result<(), String> {
    let path = project_root().join(dir);
    let stale = stale_npm_packages(&path)?;
    if stale.is_empty() {
        println!("  ok  npm packages in {dir}");
        return Ok(());
    }
    if version_output("npm", "--version").is_none() {
        ensure_apt(&["nodejs", "npm"])?;
    }
    println!("  ..  installing from npm into {dir}: {}", stale.join(", "));
    run(Command::new("npm").args(["ci", "--ignore-scripts", "--no-audit", "--no-fund"]).current_dir(&path))
}

pub fn geckodriver() -> PathBuf {
    cargo_bin_dir().join("geckodriver")
}

/// The package's `dist/` directory, relative to the project root.
pub fn timelinejs_dist() -> String {
    format!("{TIMELINEJS_DIR}/node_modules/{TIMELINEJS_PACKAGE}/dist")
}

/// TimelineJS for `bench`, from its lockfile like every npm tool here; returns its version.
/// The files the benchmark pages load are checked too: a package that moved them would
/// otherwise show as a blank TimelineJS and a meaningless comparison.
pub fn ensure_timelinejs() -> Result<String, String> {
    ensure_npm_packages(TIMELINEJS_DIR)?;
    let root = project_root();
    let package = root.join(TIMELINEJS_DIR).join("node_modules").join(TIMELINEJS_PACKAGE).join("package.json");
    let version = json_version(&package).ok_or_else(|| format!("{} has no version", package.display()))?;
    let dist = root.join(timelinejs_dist());
    match TIMELINEJS_FILES.iter().find(|f| !dist.join(f).is_file()) {
        None => Ok(version),
        Some(missing) => Err(format!("{TIMELINEJS_PACKAGE} {version} has no dist/{missing}")),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_project_pins_an_exact_timelinejs() {
        let lock: serde_json::Value =
            serde_json::from_str(&std::fs::read_to_string(project_root().join(TIMELINEJS_DIR).join("package-lock.json")).unwrap()).unwrap();
        let version = lock["packages"][format!("node_modules/{TIMELINEJS_PACKAGE}")]["version"].as_str().unwrap();
        assert!(version.chars().all(|c| c.is_ascii_digit() || c == '.'), "{version}");
    }
}
