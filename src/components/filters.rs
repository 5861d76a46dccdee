//! Filters by status, tag and actor, as toggle buttons in a disclosure so they stay out of the way.

use crate::store::{on_click, use_dispatch, use_store};
use storyline_core::view_state::Action;
use yew::prelude::*;

fn toggle(dispatch: &crate::store::Dispatch, label: String, pressed: bool, action: Action) -> Html {
    let onclick = on_click(dispatch, action);
    html! { <button type="button" class="sl-chip" aria-pressed={pressed.to_string()} {onclick}>{ label }</button> }
}

#[component]
pub fn Filters() -> Html {
    let store = use_store();
    let dispatch = use_dispatch();
    let dataset = &store.dataset;
    let filter = &store.view.filter;
    let statuses = storyline_core::in_use::event_statuses(dataset);
    let tags = storyline_core::in_use::event_tags(dataset);
    let shown = store.visible.events.len();
    let clear = on_click(&dispatch, Action::ClearFilters);
    html! {
        <details class="sl-filters" open={!filter.is_empty()}>
            <summary>{ if filter.is_empty() { "Filter events".to_string() } else { format!("Filter events ({shown} shown)") } }</summary>
            <div class="sl-filter-group" role="group" aria-label="By status">
                <span class="sl-filter-name">{ "Status" }</span>
                for s in statuses.iter().copied() {
                    { toggle(&dispatch, s.label().into(), filter.statuses.contains(&s), Action::ToggleStatus(s)) }
                }
            </div>
            if !tags.is_empty() {
                <div class="sl-filter-group" role="group" aria-label="By topic">
                    <span class="sl-filter-name">{ "Topic" }</span>
                    for t in tags.iter() {
                        { toggle(&dispatch, t.to_string(), filter.tags.contains(*t), Action::ToggleTag(t.to_string())) }
                    }
                </div>
            }
            if !dataset.actors.is_empty() {
                <div class="sl-filter-group" role="group" aria-label="By actor">
                    <span class="sl-filter-name">{ "Actor" }</span>
                    for (i, a) in dataset.actors.iter().enumerate().take(storyline_core::map_scene::MAX_SHOWN) {
                        { toggle(&dispatch, a.label().to_string(), filter.actors.contains(&i), Action::ToggleActorFilter(i)) }
                    }
                </div>
            }
            if !filter.is_empty() {
                <button type="button" class="sl-clear" onclick={clear}>{ "Show all events" }</button>
            }
        </details>
    }
}
