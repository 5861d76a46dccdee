//! `cargo xtask size`: the bytes a reader downloads, raw, gzip -9 and brotli -q 11, per file of `dist/`.

use crate::cmd::{describe, project_root};
use crate::{dist, tools};
use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};

pub struct FileSize {
    pub path: String,
    pub raw: u64,
    pub gzip: u64,
    pub brotli: u64,
}

/// The compressed length of `bytes` through a filter command such as `gzip -9 -c`.
fn compressed_len(program: &str, args: &[&str], bytes: &[u8]) -> Result<u64, String> {
    let mut c = Command::new(program);
    c.args(args).stdin(Stdio::piped()).stdout(Stdio::piped());
    let mut child = c.spawn().map_err(|e| format!("could not start `{}`: {e}", describe(&c)))?;
    let mut stdin = child.stdin.take().expect("stdin is piped");
    let input = bytes.to_vec();
    let writer = std::thread::spawn(move || stdin.write_all(&input));
    let out = child.wait_with_output().map_err(|e| e.to_string())?;
    writer.join().expect("writer thread").map_err(|e| e.to_string())?;
    if !out.status.success() {
        return Err(format!("`{}` failed", describe(&c)));
    }
    Ok(out.stdout.len() as u64)
}

fn files_under(dir: &Path, out: &mut Vec<PathBuf>) -> std::io::Result<()> {
    for entry in std::fs::read_dir(dir)? {
        let path = entry?.path();
        if path.is_dir() {
            files_under(&path, out)?;
        } else if !path.extension().is_some_and(|e| e == "br" || e == "gz") {
            // The compressed copies are what the columns below measure, not files of their own.
            out.push(path);
        }
    }
    Ok(())
}

/// Measures every file of `dist`, sorted by path.
pub fn measure(dist: &Path) -> Result<Vec<FileSize>, String> {
    let mut files = Vec::new();
    files_under(dist, &mut files).map_err(|e| format!("{}: {e}", dist.display()))?;
    files.sort();
    files
        .iter()
        .map(|file| {
            let bytes = std::fs::read(file).map_err(|e| format!("{}: {e}", file.display()))?;
            Ok(FileSize {
                path: file.strip_prefix(dist).unwrap_or(file).to_string_lossy().into_owned(),
                raw: bytes.len() as u64,
                gzip: compressed_len("gzip", &["-9", "-c", "-n"], &bytes)?,
                brotli: compressed_len("brotli", &["-q", "11", "-c"], &bytes)?,
            })
        })
        .collect()
}

/// What a reader's browser downloads for the iframe page; the other files of `dist/` are
/// loaded only when a story needs them (the import module), for host pages (`embed.js`) or for
/// people (`integrity.txt`).
const READER_DOWNLOADS: [&str; 4] = ["index.html", "storyline.js", "storyline-widget_bg.wasm", "storyline.css"];

/// The most, in bytes of brotli -q 11, that a reader may download for the widget's own page
/// (the four files above). It is the measured size: lower it whenever the download shrinks, so
/// that it can only go down. `cargo xtask test` fails a build over it.
pub const READER_BROTLI_BUDGET: u64 = 221_842;

/// The reader's download for the page in `dist`, raw, gzip and brotli.
pub fn reader_total(sizes: &[FileSize]) -> (u64, u64, u64) {
    total(sizes, |path| READER_DOWNLOADS.contains(&path))
}

/// What an editor downloads for the editor's page, besides the widget's files its preview loads.
fn editor_total(sizes: &[FileSize]) -> (u64, u64, u64) {
    total(sizes, dist::is_editor_file)
}

/// The sizes of the files whose path `keep` takes, added up: raw, gzip and brotli.
fn total(sizes: &[FileSize], keep: impl Fn(&str) -> bool) -> (u64, u64, u64) {
    sizes.iter().filter(|f| keep(&f.path)).fold((0, 0, 0), |(r, g, b), f| (r + f.raw, g + f.gzip, b + f.brotli))
}

/// Whether the built `dist/` keeps within the budget; the reader's brotli bytes when it does.
pub fn check_budget(dist: &Path) -> Result<u64, String> {
    let (_, _, brotli) = reader_total(&measure(dist)?);
    if brotli > READER_BROTLI_BUDGET {
        return Err(format!(
            "a reader downloads {brotli} bytes (brotli) for the widget's page, over the budget of {READER_BROTLI_BUDGET} in xtask/src/size.rs"
        ));
    }
    Ok(brotli)
}

fn print_row(name: &str, raw: u64, gzip: u64, brotli: u64) {
    println!("{name:<40} {raw:>10} {gzip:>10} {brotli:>10}");
}

fn json_of(name: &str, raw: u64, gzip: u64, brotli: u64) -> serde_json::Value {
    serde_json::json!({"path": name, "raw": raw, "gzip": gzip, "brotli": brotli})
}

/// The prerendered widget inside `index.html`: what the reader sees before any script runs.
fn prerendered(page: &str) -> Option<&str> {
    let start = page.find("class=\"storyline-root\"")?;
    let open_end = start + page[start..].find('>')? + 1;
    let close = open_end + page[open_end..].rfind("</main>")?;
    Some(&page[open_end..close])
}

pub fn size(args: &[String]) -> Result<(), String> {
    if !args.is_empty() {
        return Err("usage: cargo xtask size".into());
    }
    tools::ensure_build_tools()?;
    dist::build_release()?;
    let root = project_root();
    let sizes = measure(&root.join("dist"))?;
    println!("\n{:<40} {:>10} {:>10} {:>10}", "dist/", "raw", "gzip -9", "brotli -q 11");
    for f in &sizes {
        print_row(&f.path, f.raw, f.gzip, f.brotli);
    }
    let (raw, gzip, brotli) = reader_total(&sizes);
    print_row("total a reader downloads (iframe page)", raw, gzip, brotli);
    println!("{:<40} {:>10} {:>10} {READER_BROTLI_BUDGET:>10}", "  budget (xtask/src/size.rs)", "", "");
    let page = std::fs::read_to_string(root.join("dist/index.html")).map_err(|e| e.to_string())?;
    let html = prerendered(&page).ok_or("dist/index.html holds no prerendered widget")?.as_bytes();
    let (html_gzip, html_brotli) = (compressed_len("gzip", &["-9", "-c", "-n"], html)?, compressed_len("brotli", &["-q", "11", "-c"], html)?);
    print_row("  of which the prerendered widget HTML", html.len() as u64, html_gzip, html_brotli);
    if let Some(import) = sizes.iter().find(|f| f.path == dist::IMPORT_WASM) {
        print_row("only when a story needs it: import module", import.raw, import.gzip, import.brotli);
    }
    let (editor_raw, editor_gzip, editor_brotli) = editor_total(&sizes);
    print_row("the editor's page (editor*, storyline-editor*)", editor_raw, editor_gzip, editor_brotli);
    let json = serde_json::json!({
        "files": sizes.iter().map(|f| json_of(&f.path, f.raw, f.gzip, f.brotli)).collect::<Vec<_>>(),
        "reader_total": json_of("index.html + storyline.js + wasm + css", raw, gzip, brotli),
        "reader_brotli_budget": READER_BROTLI_BUDGET,
        "editor_total": json_of("editor.html and its files", editor_raw, editor_gzip, editor_brotli),
        "prerendered_html": json_of("the widget inside index.html", html.len() as u64, html_gzip, html_brotli),
    });
    let out = root.join("target/size.json");
    std::fs::create_dir_all(out.parent().expect("target/")).map_err(|e| e.to_string())?;
    std::fs::write(&out, serde_json::to_string_pretty(&json).expect("json")).map_err(|e| e.to_string())?;
    println!("\nWrote {}", out.display());
    check_budget(&root.join("dist")).map(drop)
}

#[cfg(test)]
mod tests {
    use super::prerendered;

    #[test]
    fn the_prerendered_widget_is_what_lies_inside_the_mount() {
        let page = r#"<body><main id="storyline" class="storyline-root" data-fragment-key="event"><section>x</section></main></body>"#;
        assert_eq!(prerendered(page), Some("<section>x</section>"));
        assert_eq!(prerendered("<body></body>"), None);
    }
}
