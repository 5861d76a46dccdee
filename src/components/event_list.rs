//! The "All events" list: every event in order, with its date and status in words.

use std::rc::Rc;
use storyline_core::Dataset;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct EventListProps {
    pub dataset: Rc<Dataset>,
}

#[component]
pub fn EventList(props: &EventListProps) -> Html {
    let events = &props.dataset.events;
    html! {
        <section class="sl-all-events" aria-labelledby="sl-all-events-title">
            <h3 id="sl-all-events-title">{ "All events" }</h3>
            <ol class="sl-event-list">
                for event in events.iter() {
                    <li key={event.id.clone()} id={format!("sl-event-{}", event.id)} class="sl-event-item">
                        <time datetime={event.start.to_iso()}>{ event.start.display_long() }</time>
                        <span class={classes!("sl-status", event.status.key())}>{ event.status.label() }</span>
                        <strong class="sl-event-title">{ &event.title }</strong>
                        <p class="sl-event-summary">{ &event.summary }</p>
                    </li>
                }
            </ol>
        </section>
    }
}
