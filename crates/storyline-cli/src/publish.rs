//! `storyline publish`: a story as a page for an iframe (`--out DIR`) or as a `<story-line>`
//! element for an article (`--element`), prerendered natively by the widget's own components
//! (`storyline::publish`), with the widget's files found, hashed for Subresource Integrity and,
//! for a page, copied beside it. No WebAssembly toolchain is involved.

use crate::{accept_file, describe, usage};
use base64::Engine as _;
use sha2::{Digest, Sha384};
use std::path::{Path, PathBuf};
use std::process::ExitCode;
use storyline::publish::{element, page, WidgetFiles, CSS, FILES, JS, WASM};

/// What an editor asked for.
#[derive(Debug, PartialEq, Eq)]
struct Request {
    story: String,
    target: Target,
    assets: Option<String>,
    widget: Option<PathBuf>,
}

#[derive(Debug, PartialEq, Eq)]
enum Target {
    Page(PathBuf),
    Element,
}

fn parse(args: &[String]) -> Option<Request> {
    let (mut story, mut out, mut as_element, mut assets, mut widget) = (None, None, false, None, None);
    let mut args = args.iter();
    while let Some(arg) = args.next() {
        match arg.as_str() {
            "--out" => out = Some(PathBuf::from(args.next()?)),
            "--element" => as_element = true,
            "--assets" => assets = Some(args.next()?.clone()),
            "--widget" => widget = Some(PathBuf::from(args.next()?)),
            flag if flag.starts_with("--") => return None,
            file if story.is_none() => story = Some(file.to_string()),
            _ => return None,
        }
    }
    let target = match (out, as_element) {
        (Some(dir), false) => Target::Page(dir),
        (None, true) => Target::Element,
        _ => return None,
    };
    Some(Request { story: story?, target, assets, widget })
}

/// A Subresource Integrity value: `sha384-` and the base64 digest.
fn integrity(bytes: &[u8]) -> String {
    format!("sha384-{}", base64::engine::general_purpose::STANDARD.encode(Sha384::digest(bytes)))
}

/// Where the widget's files are: `--widget DIR`, else `widget/` beside this program (the bundle's
/// layout), else `dist/` in the current directory (a build of this repository).
fn widget_dir(given: Option<&Path>) -> Result<PathBuf, String> {
    let beside = std::env::current_exe().ok().and_then(|exe| exe.parent().map(|d| d.join("widget")));
    let candidates: Vec<PathBuf> = match given {
        Some(dir) => vec![dir.to_path_buf()],
        None => beside.into_iter().chain([PathBuf::from("dist")]).collect(),
    };
    candidates.iter().find(|dir| FILES.iter().all(|f| dir.join(f).is_file())).cloned().ok_or_else(|| {
        let looked: Vec<String> = candidates.iter().map(|d| d.display().to_string()).collect();
        format!(
            "the widget's files ({}) are not in {}: give --widget DIR, the bundle's widget/ folder or a built dist/",
            FILES.join(", "),
            looked.join(" or ")
        )
    })
}

fn read(path: &Path) -> Result<Vec<u8>, String> {
    std::fs::read(path).map_err(|e| format!("{}: {e}", path.display()))
}

fn widget_files(dir: &Path, assets: Option<&str>) -> Result<WidgetFiles, String> {
    let files = WidgetFiles {
        base: String::new(),
        js_integrity: integrity(&read(&dir.join(JS))?),
        wasm_integrity: integrity(&read(&dir.join(WASM))?),
        css_integrity: integrity(&read(&dir.join(CSS))?),
    };
    Ok(files.with_base(assets.unwrap_or("")))
}

/// Writes `index.html` into `out` and, unless the files come from `--assets`, copies the widget's
/// files and their `integrity.txt` beside it, with the brotli and gzip copies the bundle has of
/// each (`.br`, `.gz`) for servers that send them ready-made. Returns the bytes written.
fn write_page(out: &Path, html: &str, widget: &Path, copy: bool) -> Result<u64, String> {
    std::fs::create_dir_all(out).map_err(|e| format!("{}: {e}", out.display()))?;
    let index = out.join("index.html");
    std::fs::write(&index, html).map_err(|e| format!("{}: {e}", index.display()))?;
    let mut written = html.len() as u64;
    let same = |a: &Path, b: &Path| a.canonicalize().ok().zip(b.canonicalize().ok()).is_some_and(|(a, b)| a == b);
    if copy && !same(out, widget) {
        let mut sri = String::new();
        for file in FILES {
            let bytes = read(&widget.join(file))?;
            sri.push_str(&format!("{}  {file}\n", integrity(&bytes)));
            std::fs::write(out.join(file), &bytes).map_err(|e| format!("{}: {e}", out.join(file).display()))?;
            written += bytes.len() as u64;
            for ext in ["br", "gz"] {
                let copy = widget.join(format!("{file}.{ext}"));
                if copy.is_file() {
                    std::fs::copy(&copy, out.join(format!("{file}.{ext}"))).map_err(|e| format!("{}: {e}", copy.display()))?;
                }
            }
        }
        std::fs::write(out.join("integrity.txt"), sri).map_err(|e| format!("{}: {e}", out.display()))?;
    }
    Ok(written)
}

pub fn publish(args: &[String]) -> ExitCode {
    let Some(request) = parse(args) else { return usage() };
    let loaded = match accept_file(&request.story) {
        Ok(loaded) => loaded,
        Err(report) => {
            eprintln!("{}: not published: {} error{}", request.story, report.errors.len(), if report.errors.len() == 1 { "" } else { "s" });
            for e in &report.errors {
                eprintln!("  error: {}", describe(e));
            }
            return ExitCode::FAILURE;
        }
    };
    for w in &loaded.warnings {
        eprintln!("  warning: {}", describe(w));
    }
    let done = widget_dir(request.widget.as_deref()).and_then(|dir| {
        let files = widget_files(&dir, request.assets.as_deref())?;
        let dataset = &loaded.dataset;
        match &request.target {
            Target::Element => {
                say!("{}", element(dataset, &files));
                if request.assets.is_none() {
                    eprintln!("note: the element loads the widget's files from beside the article page; give --assets URL for where they are hosted");
                }
                Ok(())
            }
            Target::Page(out) => {
                let written = write_page(out, &page(dataset, &files), &dir, request.assets.is_none())?;
                eprintln!(
                    "published \"{}\" ({} events) to {} ({} KB)",
                    dataset.story.title,
                    dataset.events.len(),
                    out.join("index.html").display(),
                    written.div_ceil(1024)
                );
                Ok(())
            }
        }
    });
    match done {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("storyline publish: {e}");
            ExitCode::FAILURE
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn args(list: &[&str]) -> Vec<String> {
        list.iter().map(|s| s.to_string()).collect()
    }

    #[test]
    fn a_page_or_an_element_is_asked_for_never_both_or_neither() {
        let page = parse(&args(&["s.json", "--out", "site", "--assets", "https://cdn.example/sl"])).unwrap();
        assert_eq!(page.target, Target::Page(PathBuf::from("site")));
        assert_eq!(page.assets.as_deref(), Some("https://cdn.example/sl"));
        assert_eq!(parse(&args(&["s.json", "--element"])).unwrap().target, Target::Element);
        assert_eq!(parse(&args(&["s.json", "--element", "--out", "site"])), None);
        assert_eq!(parse(&args(&["s.json"])), None);
        assert_eq!(parse(&args(&["--element"])), None);
        assert_eq!(parse(&args(&["s.json", "--out"])), None);
        assert_eq!(parse(&args(&["s.json", "--element", "--frobnicate"])), None);
    }

    #[test]
    fn integrity_is_the_base64_sha384_of_the_bytes() {
        // The empty input's SHA-384, as `openssl dgst -sha384 -binary | base64` prints it.
        assert_eq!(integrity(b""), "sha384-OLBgp1GsljhM2TJ+sbHjaiH9txEUvgdDTAzHv2P24donTt6/529l+9Ua0vFImLlb");
    }
}
