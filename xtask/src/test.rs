//! `cargo xtask test`: every test layer, in every engine, then one summary.
//!
//! Layers: native (`cargo test --workspace`, SSR component tests included), wasm
//! (`wasm-bindgen-test` in headless Chromium, Firefox and WebKit), and e2e (WebDriver
//! against the release `dist/` served on 127.0.0.1). A failing layer does not stop the
//! others, so the summary always shows the whole picture; any failure makes the exit non-zero.

use crate::cmd::{describe, project_root, run_tee};
use crate::engine::{Driver, Engine};
use crate::{dist, server, size, tools};
use std::process::Command;
use std::time::Duration;

/// One run of one layer in one engine.
pub struct Outcome {
    pub layer: &'static str,
    pub engine: &'static str,
    pub passed: u32,
    pub failed: u32,
    pub ignored: u32,
    /// Why the run failed when no test reported a failure (a build error, a dead driver).
    pub note: Option<String>,
}

impl Outcome {
    pub fn ok(&self) -> bool {
        self.failed == 0 && self.note.is_none() && self.passed > 0
    }
}

/// Sums the counts of libtest-style "test result:" lines, the format that cargo test,
/// wasm-bindgen-test-runner and our e2e harness all print.
pub fn count_results(output: &str) -> (u32, u32, u32) {
    let mut totals = (0, 0, 0);
    for line in output.lines().filter_map(|l| l.trim().strip_prefix("test result: ")) {
        for part in line.split([';', '.']) {
            let mut words = part.split_whitespace();
            let (Some(n), Some(what)) = (words.next().and_then(|n| n.parse::<u32>().ok()), words.next()) else {
                continue;
            };
            match what {
                "passed" => totals.0 += n,
                "failed" => totals.1 += n,
                "ignored" => totals.2 += n,
                _ => {}
            }
        }
    }
    totals
}

/// How long one layer in one engine may run. A whole cold `cargo xtask test` takes about
/// 15 minutes; this only stops a run that hung (a browser that answers nothing), so that
/// the summary still comes and CI's 90 minutes are not spent waiting.
const LAYER_LIMIT: Duration = Duration::from_secs(25 * 60);

fn run_layer(layer: &'static str, engine: &'static str, c: &mut Command) -> Outcome {
    println!("\n=== {layer} tests{} ===\n$ {}", if engine == "-" { String::new() } else { format!(" in {engine}") }, describe(c));
    let (ok, output) = run_tee(c, LAYER_LIMIT);
    let (passed, failed, ignored) = count_results(&output);
    let killed = output.lines().last().filter(|l| l.starts_with("killed: ")).map(str::to_string);
    let note = match (ok, failed, passed) {
        _ if killed.is_some() => killed,
        (false, 0, _) => Some("the run failed before reporting a test failure (see above)".into()),
        (true, 0, 0) => Some("no test ran".into()),
        _ => None,
    };
    Outcome { layer, engine, passed, failed, ignored, note }
}

fn native() -> Outcome {
    let mut c = Command::new("cargo");
    c.args(["test", "--workspace", "--color", "never"]).current_dir(project_root());
    run_layer("native", "-", &mut c)
}

/// wasm-bindgen-test in one engine. The runner picks its driver from the environment,
/// so each run sets exactly one of CHROMEDRIVER, GECKODRIVER and SAFARIDRIVER.
fn wasm(engine: Engine) -> Outcome {
    let mut c = match engine {
        // WebKitGTK has no headless mode: it needs an X display.
        Engine::Webkit => {
            let mut c = Command::new("xvfb-run");
            c.args(["-a", "-s", "-screen 0 1280x1024x24", "cargo"]);
            c
        }
        _ => Command::new("cargo"),
    };
    // Optimised, as readers run it (see [profile.wasm-test] in Cargo.toml).
    c.args(["test", "--profile", "wasm-test", "--package", "storyline", "--target", "wasm32-unknown-unknown", "--color", "never"])
        .current_dir(project_root())
        .env("CARGO_TARGET_WASM32_UNKNOWN_UNKNOWN_RUNNER", "wasm-bindgen-test-runner")

        .env("WASM_BINDGEN_TEST_TIMEOUT", "120")
        .env_remove("CHROMEDRIVER")
        .env_remove("GECKODRIVER")
        .env_remove("SAFARIDRIVER");
    match engine {
        Engine::Chromium => c.env("CHROMEDRIVER", tools::CHROMEDRIVER),
        Engine::Firefox => c.env("GECKODRIVER", tools::geckodriver()),
        Engine::Webkit => c.env("SAFARIDRIVER", tools::WEBKIT_DRIVER),
    };
    run_layer("wasm", engine.name(), &mut c)
}

/// The WebDriver suite (`crates/storyline-browser/tests/e2e`) in one engine, against the served release build.
fn e2e(engine: Engine, base_url: &str) -> Outcome {
    let driver = match Driver::start(engine) {
        Ok(d) => d,
        Err(e) => {
            return Outcome { layer: "e2e", engine: engine.name(), passed: 0, failed: 0, ignored: 0, note: Some(e) };
        }
    };
    let mut c = Command::new("cargo");
    c.args(["test", "--package", "storyline-browser", "--features", "driver", "--test", "e2e", "--color", "never"])
        .current_dir(project_root())
        .env("STORYLINE_E2E_ENGINE", engine.name())
        .env("STORYLINE_E2E_WEBDRIVER", driver.url())
        .env("STORYLINE_E2E_BASE", base_url);
    let outcome = run_layer("e2e", engine.name(), &mut c);
    drop(driver);
    outcome
}

fn print_summary(outcomes: &[Outcome]) {
    println!("\n=== Summary ===");
    println!("{:<8} {:<9} {:>7} {:>7} {:>8}  result", "layer", "engine", "passed", "failed", "ignored");
    for o in outcomes {
        let result = if o.ok() { "ok".to_string() } else { format!("FAILED{}", o.note.as_ref().map(|n| format!(": {n}")).unwrap_or_default()) };
        println!("{:<8} {:<9} {:>7} {:>7} {:>8}  {result}", o.layer, o.engine, o.passed, o.failed, o.ignored);
    }
    for engine in Engine::ALL {
        let (p, f) = outcomes
            .iter()
            .filter(|o| o.engine == engine.name())
            .fold((0, 0), |(p, f), o| (p + o.passed, f + o.failed));
        println!("{:<8} {:<9} {p:>7} {f:>7}", "engine", engine.name());
    }
    let (p, f) = outcomes.iter().fold((0, 0), |(p, f), o| (p + o.passed, f + o.failed));
    println!("{:<8} {:<9} {p:>7} {f:>7}", "total", "");
}

/// Which layers and engines a run covers: all of them unless narrowed while working on one.
struct Selection {
    layer: Option<String>,
    engine: Option<String>,
}

impl Selection {
    fn parse(args: &[String]) -> Result<Selection, String> {
        let usage = || "usage: cargo xtask test [--layer native|wasm|e2e] [--engine chromium|firefox|webkit]".to_string();
        let mut selection = Selection { layer: None, engine: None };
        let mut it = args.iter();
        while let Some(flag) = it.next() {
            let value = it.next().ok_or_else(usage)?.clone();
            match flag.as_str() {
                "--layer" if ["native", "wasm", "e2e"].contains(&value.as_str()) => selection.layer = Some(value),
                "--engine" if Engine::ALL.iter().any(|e| e.name() == value) => selection.engine = Some(value),
                _ => return Err(usage()),
            }
        }
        Ok(selection)
    }

    fn layer(&self, layer: &str) -> bool {
        self.layer.as_deref().is_none_or(|l| l == layer)
    }

    fn engines(&self) -> impl Iterator<Item = Engine> + '_ {
        Engine::ALL.into_iter().filter(|e| self.engine.as_deref().is_none_or(|n| n == e.name()))
    }
}

pub fn test(args: &[String]) -> Result<(), String> {
    let only = Selection::parse(args)?;
    tools::ensure_test_tools()?;
    let mut outcomes = Vec::new();
    if only.layer("native") {
        outcomes.push(native());
    }
    if only.layer("wasm") {
        outcomes.extend(only.engines().map(wasm));
    }
    if only.layer("e2e") {
        match dist::build_release().and_then(|()| storyline_browser::fixtures::write(&dist::publish).map(drop)) {
            Ok(()) => {
                // The reader's download is deterministic, so it is held to its budget like a test.
                outcomes.push(match size::check_budget(&project_root().join("dist")) {
                    Ok(bytes) => {
                        println!("\n=== size ===\nthe reader's download: {bytes} bytes (brotli), budget {}", size::READER_BROTLI_BUDGET);
                        Outcome { layer: "size", engine: "-", passed: 1, failed: 0, ignored: 0, note: None }
                    }
                    Err(e) => Outcome { layer: "size", engine: "-", passed: 0, failed: 1, ignored: 0, note: Some(e) },
                });
                let addr = server::start(0, server::site_mounts(&project_root()))
                    .map_err(|e| format!("could not serve dist/ on 127.0.0.1: {e}"))?;
                let base = format!("http://{addr}");
                outcomes.extend(only.engines().map(|engine| e2e(engine, &base)));
            }
            Err(e) => outcomes.push(Outcome { layer: "e2e", engine: "-", passed: 0, failed: 0, ignored: 0, note: Some(e) }),
        }
    }
    print_summary(&outcomes);
    if outcomes.iter().all(Outcome::ok) {
        println!("\nAll test layers passed; screenshots are under target/e2e/<engine>/.");
        Ok(())
    } else {
        Err("some tests failed (see the summary above)".into())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn result_lines_of_every_binary_are_summed() {
        let out = "test result: ok. 12 passed; 0 failed; 1 ignored; 0 measured; 0 filtered out; finished in 0.01s\n\
                   noise\n\
                   test result: FAILED. 3 passed; 2 failed; 0 ignored; 0 measured; 0 filtered out; finished in 1.20s\n";
        assert_eq!(count_results(out), (15, 2, 1));
    }

    #[test]
    fn a_run_without_result_lines_counts_nothing() {
        assert_eq!(count_results("error[E0425]: cannot find value"), (0, 0, 0));
    }
}
