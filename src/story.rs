//! The story compiled into the widget, shown when a page gives no dataset of its own.

use std::rc::Rc;
use storyline_core::Dataset;

/// The JSON text of the embedded story, as published under `assets/stories/`.
pub const EMBEDDED_JSON: &str = include_str!("../assets/stories/north-korea-troops-russia.json");

/// Parses and validates the embedded story. `tests/embedded_story.rs` proves it valid,
/// so a failure here is a build defect, not a reader's problem.
pub fn embedded() -> Rc<Dataset> {
    match storyline_core::load(EMBEDDED_JSON) {
        Ok(loaded) => Rc::new(loaded.dataset),
        Err(report) => panic!("the embedded story is invalid: {:?}", report.errors),
    }
}
