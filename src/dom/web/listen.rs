//! Listening to DOM events for as long as a guard lives: dropping the [`Listener`] removes the
//! listener and frees its closure (gloo-events' `EventListener`).

use crate::dom::Passive;
use gloo_events::{EventListener, EventListenerOptions, EventListenerPhase};
use wasm_bindgen::JsCast;
use web_sys::{Element, Event, EventTarget};
use yew::NodeRef;

/// A registered listener; it is removed when this is dropped.
#[must_use = "the listener is removed as soon as this is dropped"]
pub struct Listener {
    _registered: Option<EventListener>,
}

/// Calls `f` with each `event` on the element `node` holds, as the event's own type `E`
/// (`WheelEvent`, `PointerEvent`); listens to nothing when `node` holds no element.
pub fn listen<E: JsCast>(node: &NodeRef, event: &'static str, passive: Passive, mut f: impl FnMut(&E) + 'static) -> Listener {
    Listener { _registered: node.cast::<Element>().map(|el| attach(&el, event, passive, Box::new(move |e: &Event| f(e.unchecked_ref())))) }
}

/// Calls `f` at each `event` on the window (`hashchange`, `beforeprint`).
pub fn listen_window(event: &'static str, mut f: impl FnMut() + 'static) -> Listener {
    Listener { _registered: Some(attach(&gloo_utils::window(), event, Passive::Yes, Box::new(move |_: &Event| f()))) }
}

/// One registration for every listener, so the closure's glue exists once in the wasm.
fn attach(target: &EventTarget, event: &'static str, passive: Passive, f: Box<dyn FnMut(&Event)>) -> EventListener {
    let options = EventListenerOptions { phase: EventListenerPhase::Bubble, passive: passive == Passive::Yes };
    EventListener::new_with_options(target, event, options, f)
}
