//! A polite live region that tells screen-reader users which event is now selected.

use crate::store::use_store;
use yew::prelude::*;

#[component]
pub fn LiveRegion() -> Html {
    let store = use_store();
    let text = store.view.selected.map(|e| {
        let event = &store.dataset.events[e];
        let visible = &store.visible;
        let n = visible.position(Some(e)).map(|_| format!("Event {}: ", visible.counter(Some(e)))).unwrap_or_default();
        format!("{n}{}, {}. {}", event.title, event.start.display_long(), event.status.label())
    });
    html! { <p class="sl-live" aria-live="polite" aria-atomic="true">{ text.unwrap_or_default() }</p> }
}
