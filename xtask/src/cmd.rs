//! Running child processes, with errors that say which command failed.

use std::io::{BufRead, BufReader};
use std::path::PathBuf;
use std::process::{Command, Stdio};
use std::sync::mpsc::{self, RecvTimeoutError};
use std::time::Duration;

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
///
/// A run still going after `limit` is killed with everything it started, and the copy ends
/// with a line saying so: a hung browser must fail the run, not eat the CI job's time.
pub fn run_tee(c: &mut Command, limit: Duration) -> (bool, String) {
    let mut child = match c.stdout(Stdio::piped()).spawn() {
        Ok(child) => child,
        Err(e) => return (false, format!("could not start `{}`: {e}", describe(c))),
    };
    let (done, finished) = mpsc::channel::<()>();
    let pid = child.id();
    let watchdog = std::thread::spawn(move || {
        let expired = finished.recv_timeout(limit) == Err(RecvTimeoutError::Timeout);
        if expired {
            kill_tree(pid);
        }
        expired
    });
    let mut kept = String::new();
    if let Some(out) = child.stdout.take() {
        for line in BufReader::new(out).lines().map_while(Result::ok) {
            println!("{line}");
            kept.push_str(&line);
            kept.push('\n');
        }
    }
    let ok = child.wait().map(|s| s.success()).unwrap_or(false);
    let _ = done.send(());
    if watchdog.join().unwrap_or(false) {
        let line = format!("killed: still running after {} s", limit.as_secs());
        println!("{line}");
        kept.push_str(&line);
        kept.push('\n');
        return (false, kept);
    }
    (ok, kept)
}

/// Kills a process and all its descendants, found through /proc. The whole tree is listed
/// first and killed from the top, so that no parent lives to react to a child's death.
pub fn kill_tree(pid: u32) {
    let mut tree = vec![pid];
    let mut i = 0;
    while i < tree.len() {
        tree.extend(children_of(tree[i]));
        i += 1;
    }
    for pid in &tree {
        let _ = Command::new("kill").args(["-KILL", &pid.to_string()]).stderr(Stdio::null()).status();
    }
    // A signal is delivered asynchronously; return only once the tree has really stopped.
    let deadline = std::time::Instant::now() + Duration::from_secs(10);
    while tree.iter().any(|pid| running(*pid)) && std::time::Instant::now() < deadline {
        std::thread::sleep(Duration::from_millis(10));
    }
}

/// Whether a process exists and has not yet exited (a zombie has, though nobody reaped it).
fn running(pid: u32) -> bool {
    state_and_parent(pid).is_some_and(|(state, _)| state != "Z")
}

fn children_of(parent: u32) -> Vec<u32> {
    let Ok(entries) = std::fs::read_dir("/proc") else { return Vec::new() };
    entries
        .filter_map(|e| e.ok()?.file_name().to_str()?.parse::<u32>().ok())
        .filter(|pid| state_and_parent(*pid).is_some_and(|(_, ppid)| ppid == parent))
        .collect()
}

/// A process's state letter and its parent's pid, from /proc/<pid>/stat. Its second field (the
/// name) may hold spaces and parentheses: the fields after its last ')' are state, then ppid.
fn state_and_parent(pid: u32) -> Option<(String, u32)> {
    let stat = std::fs::read_to_string(format!("/proc/{pid}/stat")).ok()?;
    let mut fields = stat.rsplit_once(')')?.1.split_whitespace();
    Some((fields.next()?.to_string(), fields.next()?.parse().ok()?))
}

pub fn is_root() -> bool {
    Command::new("id").arg("-u").output().map(|o| o.stdout.trim_ascii() == b"0").unwrap_or(false)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_run_past_its_limit_is_killed_with_the_processes_it_started() {
        // The shell starts a grandchild that would outlive a kill of the shell alone.
        let mut c = Command::new("sh");
        c.args(["-c", "echo started; sleep 60 & echo $! ; wait; echo finished"]);
        let (ok, out) = run_tee(&mut c, Duration::from_secs(3));
        assert!(!ok, "a killed run is a failed run");
        assert!(out.starts_with("started\n"), "what the run printed is kept: {out}");
        assert!(!out.contains("finished"), "the run did not get to its end: {out}");
        assert!(out.ends_with("killed: still running after 3 s\n"), "the copy says why it ended: {out}");
        let grandchild: u32 = out.lines().nth(1).and_then(|l| l.parse().ok()).expect("the sleep's pid");
        assert!(!running(grandchild), "the backgrounded sleep {grandchild} was killed too");
    }

    #[test]
    fn a_run_within_its_limit_keeps_its_output_and_status() {
        let mut c = Command::new("sh");
        c.args(["-c", "echo one; echo two; exit 3"]);
        assert_eq!(run_tee(&mut c, Duration::from_secs(60)), (false, "one\ntwo\n".to_string()));
        let mut c = Command::new("true");
        assert_eq!(run_tee(&mut c, Duration::from_secs(60)), (true, String::new()));
    }
}
