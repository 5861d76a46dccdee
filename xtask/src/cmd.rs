//! Running child processes, with errors that say which command failed.

use std::io::{BufRead, BufReader};
use std::path::PathBuf;
use std::process::{Command, Stdio};

/// The workspace root: xtask lives one level below it.
pub fn project_root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).parent().expect("xtask sits in the workspace").to_path_buf()
}

pub fn describe(c: &Command) -> String {
    let mut s = c.get_program().to_string_lossy().into_owned();
    for a in c.get_args() {
        s.push(' ');
        s.push_str(&a.to_string_lossy());
    }
    s
}

/// Runs a command with inherited output; fails when it exits non-zero.
pub fn run(c: &mut Command) -> Result<(), String> {
    let status = c.status().map_err(|e| format!("could not start `{}`: {e}", describe(c)))?;
    if status.success() {
        Ok(())
    } else {
        Err(format!("`{}` failed ({status})", describe(c)))
    }
}

/// Runs a command and returns its standard output.
pub fn capture(c: &mut Command) -> Result<String, String> {
    let out = c.output().map_err(|e| format!("could not start `{}`: {e}", describe(c)))?;
    if out.status.success() {
        Ok(String::from_utf8_lossy(&out.stdout).into_owned())
    } else {
        Err(format!("`{}` failed ({}): {}", describe(c), out.status, String::from_utf8_lossy(&out.stderr)))
    }
}

/// Runs a command, echoing its standard output line by line while keeping a copy,
/// so that a test layer's results can be both watched and counted.
pub fn run_tee(c: &mut Command) -> (bool, String) {
    let mut child = match c.stdout(Stdio::piped()).spawn() {
        Ok(child) => child,
        Err(e) => return (false, format!("could not start `{}`: {e}", describe(c))),
    };
    let mut kept = String::new();
    if let Some(out) = child.stdout.take() {
        for line in BufReader::new(out).lines().map_while(Result::ok) {
            println!("{line}");
            kept.push_str(&line);
            kept.push('\n');
        }
    }
    let ok = child.wait().map(|s| s.success()).unwrap_or(false);
    (ok, kept)
}

pub fn is_root() -> bool {
    Command::new("id").arg("-u").output().map(|o| o.stdout.trim_ascii() == b"0").unwrap_or(false)
}
