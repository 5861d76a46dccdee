//! The map's legend: the relation kinds (a custom relation by its own verb) and statuses the
//! map shows in force at the selected event, what bold and faint edges mean when it shows them,
//! and the shapes of companies and other actors (core's `legend` decides).

use crate::by_pointer::ByPointer;
use crate::components::actor_map::shape;
use crate::store::use_store;
use storyline_core::legend::{actor_shapes, legend};
use storyline_core::map_scene::{drawn_actors, drawn_relations, SHAPE_VIEW_BOX};
use storyline_core::relations::standings;
use yew::prelude::*;

#[component]
pub fn MapLegend() -> Html {
    let store = use_store();
    let dataset = &store.dataset;
    // Which relations and actors the map draws depends on the story alone.
    let drawn = use_memo(ByPointer(dataset.clone()), |d| (drawn_relations(d), actor_shapes(d, &drawn_actors(d))));
    let (drawn, shapes) = (&drawn.0, &drawn.1);
    let shown = legend(dataset, drawn, &standings(dataset, store.view.selected));
    if drawn.is_empty() && shapes.is_empty() {
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
        <div class="sl-legend" aria-label="Map legend" role="group">
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
            if !shapes.is_empty() {
                <ul>
                    for (kind, word) in shapes {
                        <li>
                            <svg class="sl-legend-sample sl-legend-shape" width="14" height="14" viewBox={SHAPE_VIEW_BOX} aria-hidden="true">
                                <g class={kind.key()}>{ shape(*kind) }</g>
                            </svg>
                            { word }
                        </li>
                    }
                </ul>
            }
            <ul>
                for status in shown.statuses.iter().copied() {
                    <li>{ sample(classes!("sl-edge", "meets", status.key(), "holds")) }
                        { if status == storyline_core::Status::Denied { format!("{} (struck through)", status.label()) } else { status.label().to_string() } }
                    </li>
                }
                if shown.begins {
                    <li>{ sample(classes!("sl-edge", "meets", "confirmed", "begins")) }{ "begins at this event" }</li>
                }
                if shown.faded {
                    <li>{ sample(classes!("sl-edge", "meets", "confirmed", "later")) }{ "not yet, or over, at this event" }</li>
                }
            </ul>
        </div>
    }
}
