//! The rendered width of an element, kept current by a ResizeObserver.

use crate::dom;
use yew::prelude::*;

/// The width of `node` in CSS pixels; `fallback` until it is measured (and always on the server).
#[hook]
pub fn use_width(node: NodeRef, fallback: f64) -> f64 {
    let width = use_state_eq(|| fallback);
    {
        let width = width.clone();
        use_effect_with(node, move |node| {
            let observer = dom::observe_width(node, move |w| width.set(w));
            move || drop(observer)
        });
    }
    *width
}
