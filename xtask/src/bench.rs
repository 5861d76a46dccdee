//! `cargo xtask bench`: the native benchmarks, each printing its figures.

use crate::cmd::{project_root, run};
use std::process::Command;

pub fn bench(args: &[String]) -> Result<(), String> {
    if !args.is_empty() {
        return Err("usage: cargo xtask bench".into());
    }
    println!("Native benchmarks (optimised build, this machine):");
    run(Command::new("cargo")
        .args(["bench", "--quiet", "--package", "storyline-core", "--bench", "parse_validate"])
        .current_dir(project_root()))
}
