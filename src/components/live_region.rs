//! A polite live region that tells screen-reader users which event is now selected, and who takes part in it.

use crate::store::use_store;
use storyline_core::map_focus::actors_in_words;
use yew::prelude::*;

#[component]
pub fn LiveRegion() -> Html {
    let store = use_store();
    let text = store.view.selected.map(|e| {
        let event = &store.dataset.events[e];
        let visible = &store.visible;
        let n = visible.position(Some(e)).map(|_| format!("Event {}: ", visible.counter(Some(e)))).unwrap_or_default();
        // Who takes part, in a few words: what the map's emphasis shows.
        let actors = actors_in_words(&store.dataset, &store.index.event_actors[e]).map(|a| format!(" {a}")).unwrap_or_default();
        format!("{n}{}, {}. {}.{actors}", event.title, event.start.display_long(), event.status.label())
    });
    html! { <p class="sl-live" aria-live="polite" aria-atomic="true">{ text.unwrap_or_default() }</p> }
}
