//! The map's legend: every relation kind and status that appears in this story, and what faded and bold edges mean.

use crate::store::use_store;
use yew::prelude::*;

#[component]
pub fn MapLegend() -> Html {
    let store = use_store();
    let dataset = &store.dataset;
    let kinds = storyline_core::in_use::relation_kinds(dataset);
    let statuses = storyline_core::in_use::relation_statuses(dataset);
    let sample = |classes: Classes| {
        html! {
            <svg class="sl-legend-sample" width="36" height="12" viewBox="0 0 36 12" aria-hidden="true">
                <g class={classes}><path class="sl-edge-line" d="M2,6 L26,6" /><polygon class="sl-edge-arrow" points="34,6 25,1.5 25,10.5" /></g>
            </svg>
        }
    };
    html! {
        <div class="sl-legend" aria-label="Map legend" role="group">
            <ul>
                for kind in kinds.iter().copied() {
                    <li>{ sample(classes!("sl-edge", kind.key(), "confirmed", "holds")) }{ kind.verb() }</li>
                }
            </ul>
            <ul>
                for status in statuses.iter().copied() {
                    <li>{ sample(classes!("sl-edge", "meets", status.key(), "holds")) }
                        { if status == storyline_core::Status::Denied { format!("{} (struck through)", status.label()) } else { status.label().to_string() } }
                    </li>
                }
                <li>{ sample(classes!("sl-edge", "meets", "confirmed", "begins")) }{ "begins at this event" }</li>
                <li>{ sample(classes!("sl-edge", "meets", "confirmed", "later")) }{ "not yet, or over, at this event" }</li>
            </ul>
        </div>
    }
}
