//! Previous and Next with an "N of M" counter, the zoom buttons, and the switch to the "All events" list.

use crate::store::{on_click, use_dispatch, use_store};
use storyline_core::view_state::Action;
use yew::prelude::*;

#[component]
pub fn Navigation() -> Html {
    let store = use_store();
    let dispatch = use_dispatch();
    let selected = store.view.selected;
    let counter = store.visible.counter(selected);
    let at_first = store.visible.position(selected).is_none_or(|p| p == 0);
    let at_last = store.visible.at_last(selected);
    let list = store.view.list_view;
    html! {
        <div class="sl-nav" role="toolbar" aria-label="Story navigation">
            <div class="sl-step">
                <button type="button" class="sl-prev" disabled={at_first} onclick={on_click(&dispatch, Action::Previous)}>
                    <span aria-hidden="true">{ "← " }</span>{ "Previous" }
                </button>
                // Read aloud as "Event 3 of 16"; seen as "3 of 16". Hidden text, not an aria-label:
                // ARIA gives a plain <span> no name, so a label there is not reliably read.
                <span class="sl-position"><span class="sl-sr-only">{ "Event " }</span><span class="sl-counter">{ counter }</span></span>
                <button type="button" class="sl-next" disabled={at_last} onclick={on_click(&dispatch, Action::Next)}>
                    { "Next" }<span aria-hidden="true">{ " →" }</span>
                </button>
            </div>
            <div class="sl-zoom" hidden={list}>
                <button type="button" aria-label="Zoom in" onclick={on_click(&dispatch, Action::ZoomIn)}>{ "+" }</button>
                <button type="button" aria-label="Zoom out" onclick={on_click(&dispatch, Action::ZoomOut)}>{ "−" }</button>
                <button type="button" onclick={on_click(&dispatch, Action::FitAll)}>{ "Fit all" }</button>
            </div>
            <button type="button" class="sl-list-toggle" aria-pressed={list.to_string()} onclick={on_click(&dispatch, Action::ShowList(!list))}>
                { "All events" }
            </button>
        </div>
    }
}
