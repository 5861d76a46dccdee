//! The map's legend: the shapes of the kinds of actors the map draws (an actor of kind `other`
//! under its own word), the relation kinds (a custom relation by its own verb) and statuses it
//! shows in force at the selected event, and what bold and faint edges mean when it
//! shows them (core's `legend` decides, for the map the reader sees). Folded on a phone, where
//! the map comes first; a `<details>`, so it opens and closes without script too.

use storyline_core::legend::Legend;
use storyline_core::map_scene::SHAPE_VIEW_BOX;
use storyline_core::{ActorKind, Status};
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct MapLegendProps {
    pub legend: Legend,
    /// Closed until the reader opens it.
    pub folded: bool,
}

/// A kind's shape, drawn as the map draws it, at two thirds of its size.
fn actor_sample(kind: ActorKind) -> Html {
    html! {
        <svg class="sl-legend-sample sl-legend-shape" width="20" height="20" viewBox={SHAPE_VIEW_BOX} aria-hidden="true">
            <g class={kind.key()}>{ super::actor_map::shape(kind) }</g>
        </svg>
    }
}

#[component]
pub fn MapLegend(props: &MapLegendProps) -> Html {
    let shown = &props.legend;
    if shown.actors.is_empty() {
        return html! {};
    }
    let sample = |classes: Classes| {
        html! {
            <svg class="sl-legend-sample" width="36" height="12" viewBox="0 0 36 12" aria-hidden="true">
                <g class={classes}><path class="sl-edge-line" d="M2,6 L26,6" /><polygon class="sl-edge-arrow" points="34,6 25,1.5 25,10.5" /></g>
            </svg>
        }
    };
    html! {
        <details class="sl-legend" open={!props.folded}>
            <summary>{ "Legend" }</summary>
            <div class="sl-legend-lists" role="group" aria-label="Map legend">
                <ul>
                    for (kind, word) in shown.actors.iter() {
                        <li>{ actor_sample(*kind) }{ word }</li>
                    }
                </ul>
                if !shown.kinds.is_empty() || !shown.verbs.is_empty() {
                    <ul>
                        for kind in shown.kinds.iter().copied() {
                            <li>{ sample(classes!("sl-edge", kind.key(), "confirmed", "holds")) }{ kind.verb() }</li>
                        }
                        for verb in shown.verbs.iter() {
                            <li>{ sample(classes!("sl-edge", "custom", "confirmed", "holds")) }{ verb }</li>
                        }
                    </ul>
                }
                if !shown.statuses.is_empty() || shown.begins || shown.faded {
                    <ul>
                        for status in shown.statuses.iter().copied() {
                            <li>{ sample(classes!("sl-edge", "meets", status.key(), "holds")) }
                                { if status == Status::Denied { format!("{} (struck through)", status.label()) } else { status.label().to_string() } }
                            </li>
                        }
                        if shown.begins {
                            <li>{ sample(classes!("sl-edge", "meets", "confirmed", "begins")) }{ "begins at this event" }</li>
                        }
                        if shown.faded {
                            <li>{ sample(classes!("sl-edge", "meets", "confirmed", "later")) }{ "not yet, or over, at this event" }</li>
                        }
                    </ul>
                }
            </div>
        </details>
    }
}
