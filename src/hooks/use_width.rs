//! The rendered width of an element, kept current by a ResizeObserver.

use yew::prelude::*;

/// The width of `node` in CSS pixels; `fallback` until it is measured (and always on the server).
#[hook]
pub fn use_width(node: NodeRef, fallback: f64) -> f64 {
    let width = use_state_eq(|| fallback);
    {
        let width = width.clone();
        use_effect_with(node, move |node| {
            #[cfg(target_arch = "wasm32")]
            {
                observe::start(node.clone(), width)
            }
            #[cfg(not(target_arch = "wasm32"))]
            {
                let _ = (node, width);
                || ()
            }
        });
    }
    *width
}

#[cfg(target_arch = "wasm32")]
mod observe {
    use wasm_bindgen::prelude::*;
    use web_sys::{Element, ResizeObserver, ResizeObserverEntry};
    use yew::prelude::*;

    /// Observes `node` and returns the cleanup that disconnects the observer.
    pub fn start(node: NodeRef, width: UseStateHandle<f64>) -> impl FnOnce() {
        let set = width.clone();
        let callback = Closure::<dyn FnMut(js_sys::Array)>::new(move |entries: js_sys::Array| {
            if let Some(entry) = entries.get(0).dyn_ref::<ResizeObserverEntry>() {
                let w = entry.content_rect().width();
                if w > 0.0 {
                    set.set(w.round());
                }
            }
        });
        let observer = ResizeObserver::new(callback.as_ref().unchecked_ref()).ok();
        if let (Some(observer), Some(el)) = (&observer, node.cast::<Element>()) {
            let w = el.client_width();
            if w > 0 {
                width.set(f64::from(w));
            }
            observer.observe(&el);
        }
        move || {
            if let Some(observer) = observer {
                observer.disconnect();
            }
            // Not dropped: WebKit may still deliver a notification gathered before the
            // disconnect, and calling a freed closure corrupts memory. Widgets unmount rarely
            // (the timeline stays mounted while the list is shown), so this leaks little.
            callback.forget();
        }
    }
}
