//! Tells the host page what the reader is looking at: a `storyline:change` DOM event from the
//! widget's root, so a newsroom can count which events and actors readers open.
//!
//! The event bubbles and is `composed`, so it crosses a `<story-line>` element's shadow root
//! and reaches listeners on the element itself and on the document.

use crate::dom::{self, Field};
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
        let detail = [("event", Field::Text(change.event.as_deref())), ("actors", Field::Texts(&change.actors)), ("actor", Field::Text(change.actor.as_deref()))];
        dom::emit(&root, "storyline:change", &detail);
    });
}
