//! The built-in story (North Korean troops sent to Russia, October 2024), for tests and for
//! the widget's own page, which `cargo xtask build` publishes from it with `storyline publish`.
//!
//! The reader's WebAssembly holds no story: nothing in the browser build refers to this module.

use std::rc::Rc;
use storyline_core::Dataset;

/// The JSON text of the built-in story, as published under `assets/stories/`.
pub const EMBEDDED_JSON: &str = include_str!("../assets/stories/north-korea-troops-russia.json");

/// Parses and validates the built-in story. `tests/embedded_story.rs` proves it valid,
/// so a failure here is a build defect, not a reader's problem.
pub fn embedded() -> Rc<Dataset> {
    match storyline_core::load(EMBEDDED_JSON) {
        Ok(loaded) => Rc::new(loaded.dataset),
        Err(report) => panic!("the built-in story is invalid: {:?}", report.errors),
    }
}
