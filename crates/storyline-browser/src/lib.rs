//! Storyline in real browsers: where the pages, packages and DevTools commands that the e2e suite
//! (`tests/e2e/`) and the benchmark (`benches/browser/`) share live, so that neither borrows from the other.

#[cfg(feature = "driver")]
pub mod cdp;
pub mod fixtures;
mod hostile_pages;

use std::path::{Path, PathBuf};

/// This crate's folder inside the workspace.
pub const DIR: &str = "crates/storyline-browser";
/// TimelineJS3, pinned for npm, and the page template that shows a story in it.
pub const TIMELINEJS_DIR: &str = "crates/storyline-browser/timelinejs";
/// The e2e suite's npm packages (axe-core), pinned.
pub const NPM_DIR: &str = "crates/storyline-browser/npm";

/// The workspace's root, two folders above this crate.
pub fn workspace_root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).ancestors().nth(2).expect("the crate sits in crates/ of the workspace").to_path_buf()
}
