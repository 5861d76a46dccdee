//! The card of the selected actor: who they are, the events they take part in, their relations,
//! and the sources of what the story says of them (their affiliation above all).

use crate::components::sources::source_list;
use crate::store::{on_click, use_dispatch, use_store};
use storyline_core::relations::describe;
use storyline_core::view_state::Action;
use yew::prelude::*;

/// An actor kind in words.

#[component]
pub fn ActorCard() -> Html {
    let store = use_store();
    let dispatch = use_dispatch();
    let ids = crate::ids::use_ids();
    let Some(a) = store.view.actor else { return html! {} };
    let dataset = &store.dataset;
    let actor = &dataset.actors[a];
    let events: Vec<usize> = store.index.items.iter().map(|i| i.event).filter(|&e| store.index.event_actors[e].contains(&a)).collect();
    let relations: Vec<usize> =
        dataset.relations.iter().enumerate().filter(|(_, r)| r.from == actor.id || r.to == actor.id).map(|(i, _)| i).collect();
    let filtered = store.view.filter.actors.contains(&a);
    let act = |action: Action| on_click(&dispatch, action);
    html! {
        <section class="sl-side-card" aria-labelledby={ids.id("sl-actor-card-title")}>
            <p class="sl-card-meta">{ actor.kind_word() }</p>
            <h3 id={ids.id("sl-actor-card-title")} class="sl-card-title">{ &actor.name }</h3>
            if !actor.description.is_empty() { <p class="sl-summary">{ &actor.description }</p> }
            <p class="sl-card-actions">
                <button type="button" aria-pressed={filtered.to_string()} onclick={act(Action::ToggleActorFilter(a))}>
                    { format!("Show only {}'s events on the timeline", actor.label()) }
                </button>
                <button type="button" onclick={act(Action::CloseCard)}>{ "Close" }</button>
            </p>
            if !events.is_empty() {
                <h4>{ format!("Events ({})", events.len()) }</h4>
                <ul class="sl-links">
                    for e in events.iter().copied() {
                        <li key={dataset.events[e].id.clone()}>
                            <button type="button" class="sl-link-button" onclick={act(Action::Select(e))}>
                                { format!("{}: {}", dataset.events[e].start.display_short(), dataset.events[e].title) }
                            </button>
                        </li>
                    }
                </ul>
            }
            if !relations.is_empty() {
                <h4>{ format!("Relations ({})", relations.len()) }</h4>
                <ul class="sl-links">
                    for r in relations.iter().copied() {
                        <li key={dataset.relations[r].id.clone()}>
                            <button type="button" class="sl-link-button" onclick={act(Action::SelectRelation(Some(r)))}>
                                { describe(dataset, &dataset.relations[r]) }
                            </button>
                        </li>
                    }
                </ul>
            }
            { source_list(&actor.sources) }
        </section>
    }
}
