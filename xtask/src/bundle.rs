//! `cargo xtask bundle`: what a newsroom downloads to publish stories, with no Rust or wasm
//! toolchain of its own: `target/bundle/storyline-<version>/` holds the `storyline` CLI built
//! for this machine, the widget's files (the same for every story), the publishing guide, the
//! format's reference and the spreadsheet template; beside it, the same folder as a `.tar.gz`.

use crate::cmd::{project_root, run};
use crate::{dist, tools};
use std::path::Path;
use std::process::Command;

/// The files of `dist/` a newsroom serves: the widget's own page (the built-in story, also the
/// page that `?src=` points at another story), the four widget files, their hashes, and the
/// brotli and gzip copies of each. The editor's page (`dist::EDITOR_FILES`) goes beside them.
const WIDGET_FILES: [&str; 7] =
    ["index.html", "storyline.js", "storyline-widget_bg.wasm", dist::IMPORT_WASM, "storyline.css", "embed.js", "integrity.txt"];

/// The version of the `storyline` CLI, from its manifest.
fn version(root: &Path) -> Result<String, String> {
    let manifest = std::fs::read_to_string(root.join("crates/storyline-cli/Cargo.toml")).map_err(|e| e.to_string())?;
    manifest
        .lines()
        .find_map(|l| l.strip_prefix("version = \"").and_then(|v| v.strip_suffix('"')))
        .map(str::to_string)
        .ok_or_else(|| "crates/storyline-cli/Cargo.toml names no version".into())
}

fn copy(from: &Path, to: &Path) -> Result<u64, String> {
    std::fs::copy(from, to).map_err(|e| format!("{} → {}: {e}", from.display(), to.display()))
}

/// The total size of the files under `dir`.
fn size_of(dir: &Path) -> u64 {
    std::fs::read_dir(dir)
        .into_iter()
        .flatten()
        .flatten()
        .map(|e| if e.path().is_dir() { size_of(&e.path()) } else { e.metadata().map(|m| m.len()).unwrap_or(0) })
        .sum()
}

pub fn bundle(args: &[String]) -> Result<(), String> {
    if !args.is_empty() {
        return Err("usage: cargo xtask bundle".into());
    }
    tools::ensure_build_tools()?;
    dist::build_release()?;
    let root = project_root();
    println!("Building the storyline CLI for this machine");
    run(Command::new("cargo").args(["build", "--release", "--package", "storyline-cli"]).current_dir(&root))?;

    let version = version(&root)?;
    let name = format!("storyline-{version}");
    let out = root.join("target/bundle");
    let dir = out.join(&name);
    if dir.exists() {
        std::fs::remove_dir_all(&dir).map_err(|e| format!("{}: {e}", dir.display()))?;
    }
    let widget = dir.join("widget");
    let examples = dir.join("examples");
    // Beside dataset.md as docs/template/ is beside docs/dataset.md, so that its links hold in both.
    let template = dir.join("template");
    for d in [&widget, &examples, &template] {
        std::fs::create_dir_all(d).map_err(|e| format!("{}: {e}", d.display()))?;
    }
    copy(&root.join("target/release/storyline"), &dir.join("storyline"))?;
    for file in WIDGET_FILES.iter().chain(&dist::EDITOR_FILES) {
        copy(&root.join("dist").join(file), &widget.join(file))?;
        for ext in ["br", "gz"] {
            let compressed = root.join("dist").join(format!("{file}.{ext}"));
            if compressed.is_file() {
                copy(&compressed, &widget.join(format!("{file}.{ext}")))?;
            }
        }
    }
    copy(&root.join("docs/publishing.md"), &dir.join("README.md"))?;
    copy(&root.join("docs/dataset.md"), &dir.join("dataset.md"))?;
    copy(&root.join("schema/storyline-1.schema.json"), &dir.join("storyline-1.schema.json"))?;
    copy(&root.join(dist::BUILT_IN_STORY), &examples.join("north-korea-troops-russia.json"))?;
    copy(&root.join("tests/data/published/ever-given-suez.json"), &examples.join("ever-given-suez.json"))?;
    let sheets = std::fs::read_dir(root.join("docs/template")).map_err(|e| format!("docs/template: {e}"))?;
    for sheet in sheets {
        let sheet = sheet.map_err(|e| format!("docs/template: {e}"))?.path();
        copy(&sheet, &template.join(sheet.file_name().unwrap_or_default()))?;
    }

    let archive = out.join(format!("{name}-linux-x86_64.tar.gz"));
    run(Command::new("tar").arg("-czf").arg(&archive).arg("-C").arg(&out).arg(&name))?;
    let archive_size = std::fs::metadata(&archive).map_err(|e| e.to_string())?.len();
    println!("\nThe bundle: {}", dir.display());
    println!("  {:>9} bytes in all ({} KB), of which the storyline CLI {} KB and widget/ {} KB",
        size_of(&dir),
        size_of(&dir).div_ceil(1024),
        std::fs::metadata(dir.join("storyline")).map(|m| m.len()).unwrap_or(0).div_ceil(1024),
        size_of(&widget).div_ceil(1024));
    println!("  {:>9} bytes as {} ({} KB)", archive_size, archive.display(), archive_size.div_ceil(1024));
    Ok(())
}
