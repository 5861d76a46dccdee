//! Tells the host page what the reader is looking at: a `storyline:change` DOM event from the
//! widget's root, so a newsroom can count which events and actors readers open.
//!
//! The event bubbles and is `composed`, so it crosses a `<story-line>` element's shadow root
//! and reaches listeners on the element itself and on the document.

use crate::store::StoreHandle;
use yew::prelude::*;

/// What the host page is told: the selected event's id, the ids of the actors it involves,
/// and the actor whose card is open, if any.
#[derive(Clone, Debug, PartialEq)]
pub struct Change {
    pub event: Option<String>,
    pub actors: Vec<String>,
    pub actor: Option<String>,
}

impl Change {
    pub fn of(store: &StoreHandle) -> Change {
        let dataset = &store.dataset;
        let event = store.view.selected.map(|e| &dataset.events[e]);
        Change {
            event: event.map(|e| e.id.clone()),
            actors: event.map(|e| e.actors.iter().map(|i| i.actor.clone()).collect()).unwrap_or_default(),
            actor: store.view.actor.map(|a| dataset.actors[a].id.clone()),
        }
    }
}

/// Dispatches `storyline:change` from `root` whenever the selection changes after the first
/// render: the state the widget opens in is not something a reader did.
#[hook]
pub fn use_change_event(root: NodeRef, change: Change) {
    let first = use_mut_ref(|| true);
    use_effect_with(change, move |change| {
        if std::mem::replace(&mut *first.borrow_mut(), false) {
            return;
        }
        #[cfg(target_arch = "wasm32")]
        dispatch(&root, change);
        #[cfg(not(target_arch = "wasm32"))]
        let _ = (root, change);
    });
}

#[cfg(target_arch = "wasm32")]
fn dispatch(root: &NodeRef, change: &Change) {
    use wasm_bindgen::JsValue;
    let Some(el) = root.cast::<web_sys::Element>() else { return };
    let detail = js_sys::Object::new();
    let text = |v: &Option<String>| v.as_deref().map_or(JsValue::NULL, JsValue::from_str);
    let actors: js_sys::Array = change.actors.iter().map(|a| JsValue::from_str(a)).collect();
    let _ = js_sys::Reflect::set(&detail, &"event".into(), &text(&change.event));
    let _ = js_sys::Reflect::set(&detail, &"actors".into(), &actors);
    let _ = js_sys::Reflect::set(&detail, &"actor".into(), &text(&change.actor));
    let init = web_sys::CustomEventInit::new();
    init.set_bubbles(true);
    init.set_composed(true);
    init.set_detail(&detail);
    if let Ok(event) = web_sys::CustomEvent::new_with_event_init_dict("storyline:change", &init) {
        let _ = el.dispatch_event(&event);
    }
}
