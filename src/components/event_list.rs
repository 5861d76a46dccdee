//! The "All events" list: every event in order with its date and status in words, for reading,
//! for screen readers and for print. Long stories are shown a page at a time.

use crate::components::{mark_badge, status_badge};
use crate::store::{use_dispatch, use_store};
use storyline_core::developing::mark;
use storyline_core::view_state::Action;
use yew::prelude::*;

/// How many events one page of the list shows.
pub const PAGE: usize = 100;

#[component]
pub fn EventList() -> Html {
    let store = use_store();
    let dispatch = use_dispatch();
    let ids = crate::ids::use_ids();
    let shown = use_state(|| PAGE);
    let dataset = &store.dataset;
    let events = &store.visible.events;
    // On paper there is no "Show more" button: print every event.
    let limit = if store.view.printing { events.len() } else { *shown };
    let more = {
        let shown = shown.clone();
        Callback::from(move |_: MouseEvent| shown.set(*shown + PAGE))
    };
    html! {
        <section class="sl-all-events" aria-labelledby={ids.id("sl-all-events-title")}>
            <h3 id={ids.id("sl-all-events-title")}>{ format!("All events ({})", events.len()) }</h3>
            <ol class="sl-event-list">
                for e in events.iter().take(limit).copied() {
                    {{
                        let event = &dataset.events[e];
                        let selected = store.view.selected == Some(e);
                        let onclick = {
                            let dispatch = dispatch.clone();
                            Callback::from(move |_: MouseEvent| {
                                dispatch.dispatch(Action::Select(e));
                                dispatch.dispatch(Action::ShowList(false));
                            })
                        };
                        html! {
                            <li key={event.id.clone()} id={ids.id(&format!("sl-event-{}", event.id))} class="sl-event-item"
                                aria-current={selected.then_some("true")}>
                                <time datetime={event.start.to_iso()}>{ event.start.display_long() }</time>
                                { status_badge(event.status) }
                                { mark_badge(mark(dataset, event)) }
                                <button type="button" class="sl-event-title" {onclick}>{ &event.title }</button>
                                <p class="sl-event-summary">{ &event.summary }</p>
                            </li>
                        }
                    }}
                }
            </ol>
            if events.len() > limit {
                <button type="button" class="sl-more" onclick={more}>
                    { format!("Show {} more of {}", PAGE.min(events.len() - *shown), events.len() - *shown) }
                </button>
            }
        </section>
    }
}
