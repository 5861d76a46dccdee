//! Builds the release widget into `dist/` with Trunk, offline, with the pinned tools.

use crate::cmd::{project_root, run};
use std::process::Command;

/// `trunk build --release`: Trunk.toml makes it offline and locked, and names our wasm-bindgen and wasm-opt.
pub fn build_release() -> Result<(), String> {
    println!("Building the release widget into dist/");
    run(Command::new("trunk").args(["build", "--release"]).current_dir(project_root()))
}
