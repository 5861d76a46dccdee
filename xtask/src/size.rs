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
        } else {
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

pub fn size(args: &[String]) -> Result<(), String> {
    if !args.is_empty() {
        return Err("usage: cargo xtask size".into());
    }
    tools::ensure_build_tools()?;
    dist::build_release()?;
    let root = project_root();
    let sizes = measure(&root.join("dist"))?;
    let (raw, gzip, brotli) = sizes.iter().fold((0, 0, 0), |(r, g, b), f| (r + f.raw, g + f.gzip, b + f.brotli));
    println!("\n{:<40} {:>10} {:>10} {:>10}", "dist/", "raw", "gzip -9", "brotli -q 11");
    for f in &sizes {
        println!("{:<40} {:>10} {:>10} {:>10}", f.path, f.raw, f.gzip, f.brotli);
    }
    println!("{:<40} {:>10} {:>10} {:>10}", "total", raw, gzip, brotli);
    let json = serde_json::json!({
        "files": sizes.iter().map(|f| serde_json::json!({"path": f.path, "raw": f.raw, "gzip": f.gzip, "brotli": f.brotli})).collect::<Vec<_>>(),
        "total": {"raw": raw, "gzip": gzip, "brotli": brotli},
    });
    let out = root.join("target/size.json");
    std::fs::create_dir_all(out.parent().expect("target/")).map_err(|e| e.to_string())?;
    std::fs::write(&out, serde_json::to_string_pretty(&json).expect("json")).map_err(|e| e.to_string())?;
    println!("\nWrote {}", out.display());
    Ok(())
}
