//! Tells the page, once, that the widget is live: `data-ready` on its root and a
//! `storyline:interactive` performance mark, which tests and benchmarks wait on.

use crate::dom;
use yew::prelude::*;

/// Runs after the first render in the browser; server rendering never runs effects,
/// so prerendered HTML never carries the mark.
#[hook]
pub fn use_ready_mark(root: NodeRef) {
    use_effect_with((), move |_| {
        dom::set_attribute(&root, "data-ready", "");
        dom::mark("storyline:interactive");
    });
}
