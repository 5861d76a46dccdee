//! An element's width, watched by a ResizeObserver for as long as a guard lives.

use wasm_bindgen::prelude::*;
use web_sys::{Element, ResizeObserver, ResizeObserverEntry};
use yew::NodeRef;

/// A running observer; dropping it disconnects it.
#[must_use = "the observer disconnects as soon as this is dropped"]
pub struct WidthObserver {
    _observing: Option<Observing>,
}

struct Observing {
    observer: ResizeObserver,
    callback: Option<Closure<dyn FnMut(js_sys::Array)>>,
}

/// Calls `f` with the width of the element `node` holds, in CSS pixels: now, once it is laid
/// out, then at each change, in whole pixels rounded down, so that what is laid out for it never
/// draws wider than its box and is never scaled down (a label laid out at 12 px stays 12 px). A
/// zero width (a hidden element) is never reported.
pub fn observe_width(node: &NodeRef, f: impl Fn(f64) + 'static) -> WidthObserver {
    // One body for every caller: a generic one would be compiled again for each.
    observe(node, Box::new(f))
}

fn observe(node: &NodeRef, f: Box<dyn Fn(f64)>) -> WidthObserver {
    let Some(el) = node.cast::<Element>() else { return WidthObserver { _observing: None } };
    let w = el.client_width();
    if w > 0 {
        f(f64::from(w));
    }
    let callback = Closure::<dyn FnMut(js_sys::Array)>::new(move |entries: js_sys::Array| {
        if let Some(entry) = entries.get(0).dyn_ref::<ResizeObserverEntry>() {
            let w = entry.content_rect().width();
            if w > 0.0 {
                f(w.floor());
            }
        }
    });
    let observing = ResizeObserver::new(callback.as_ref().unchecked_ref()).ok().map(|observer| {
        observer.observe(&el);
        Observing { observer, callback: Some(callback) }
    });
    WidthObserver { _observing: observing }
}

impl Drop for Observing {
    fn drop(&mut self) {
        self.observer.disconnect();
        // Not freed: WebKit may still deliver a notification gathered before the disconnect,
        // and calling a freed closure corrupts memory. Widgets unmount rarely (the timeline
        // stays mounted while the list is shown), so this leaks little.
        if let Some(callback) = self.callback.take() {
            callback.forget();
        }
    }
}
