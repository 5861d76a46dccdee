//! Tells the page, once, that the widget is live: `data-ready` on its root and a
//! `storyline:interactive` performance mark, which tests and benchmarks wait on.

use yew::prelude::*;

/// Runs after the first render in the browser; server rendering never runs effects,
/// so prerendered HTML never carries the mark.
#[hook]
pub fn use_ready_mark(root: NodeRef) {
    use_effect_with((), move |_| {
        #[cfg(target_arch = "wasm32")]
        if let Some(el) = root.cast::<web_sys::Element>() {
            let _ = el.set_attribute("data-ready", "");
            if let Some(perf) = web_sys::window().and_then(|w| w.performance()) {
                let _ = perf.mark("storyline:interactive");
            }
        }
        #[cfg(not(target_arch = "wasm32"))]
        let _ = root;
    });
}
