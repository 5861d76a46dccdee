//! The actor map: the story's actors as nodes and their relations as typed, directed edges,
//! drawn as of the selected event. Everything it draws comes from core's `map_scene`, computed
//! once per story and size; time only changes how edges are styled.
//!
//! The map is one tab stop: arrow keys move between nodes (to the nearest in that direction),
//! Enter opens the actor's card, Escape closes it. Nodes and edges are buttons named in words.

use crate::by_pointer::ByPointer;
use crate::dom;
use crate::hooks::{use_focus_back_from_cards, use_width};
use crate::store::{on_click, use_dispatch, use_store};
use crate::svg::px;
use storyline_core::graph_layout::nearest_in_direction;
use storyline_core::group_layout::{Region, REGION_MARGIN};
use storyline_core::map_focus::{map_focus, Emphasis};
use storyline_core::map_names::node_name;
use storyline_core::map_scene::{direction_of_key, map_height, map_scene, node_shape, EdgeDrawing, Shape, LABEL_BASELINE};
use storyline_core::relations::{describe, standings, Standing};
use storyline_core::view_state::Action;
use storyline_core::{ActorKind, Dataset};
use yew::prelude::*;

/// Points as SVG writes them: `x,y x,y …`.
fn points(list: &[(f64, f64)]) -> String {
    list.iter().map(|&(x, y)| format!("{},{}", px(x), px(y))).collect::<Vec<_>>().join(" ")
}

/// A node's shape, as core gives it; the legend draws it too.
pub(crate) fn shape(kind: ActorKind) -> Html {
    match node_shape(kind) {
        Shape::Circle { cx, cy, r } => html! { <circle class="sl-node-shape" cx={px(cx)} cy={px(cy)} r={px(r)} /> },
        Shape::Rect { x, y, width, height, rounded } => {
            html! { <rect class="sl-node-shape" x={px(x)} y={px(y)} width={px(width)} height={px(height)} rx={rounded.then_some("8")} /> }
        }
        Shape::Polygon(corners) => html! { <polygon class="sl-node-shape" points={points(&corners)} /> },
    }
}

/// A group's region as core places it: `class` says what it is, and `rx` rounds its corners by
/// the margin it keeps around its members, so that no corner cuts into one.
fn region_rect(region: &Region, zoom: f64, class: &'static str) -> Html {
    html! {
        <rect {class} x={px(region.x)} y={px(region.y)} width={px(region.width)} height={px(region.height)} rx={px(REGION_MARGIN * zoom)} />
    }
}

/// One relation, drawn as core's scene says and styled by its standing at the selected event.
/// `of_event` marks one of the selected event's relations in force, drawn over the others.
fn edge(dataset: &Dataset, drawing: &EdgeDrawing, state: Standing, selected: bool, of_event: bool, onclick: Callback<MouseEvent>) -> Html {
    let relation = &dataset.relations[drawing.relation];
    let (s, c, e) = (drawing.start, drawing.control, drawing.end);
    let d = format!("M{},{} Q{},{} {},{}", px(s.0), px(s.1), px(c.0), px(c.1), px(e.0), px(e.1));
    // The dates tell apart two relations of one kind between one pair (two summits).
    let name = format!("{}, since {}{}", describe(dataset, relation), relation.valid_from.display_short(), match state {
        Standing::Later => ", not yet at this event",
        Standing::Ended => ", over by this event",
        Standing::Begins => ", begins at this event",
        Standing::Holds => "",
    });
    html! {
        <g key={relation.id.clone()} class={classes!("sl-edge", relation.kind.key(), relation.status.key(), state.key(), selected.then_some("selected"), of_event.then_some("of-event"))}
           role="button" tabindex="-1" aria-label={name} data-relation={relation.id.clone()} {onclick}>
            <path class="sl-edge-hit" d={d.clone()} />
            <path class="sl-edge-line" d={d} />
            if let Some(arrow) = drawing.arrow { <polygon class="sl-edge-arrow" points={points(&arrow)} /> }
            // A denied link is struck through where it is drawn, not only coloured.
            if let Some([a, b, c, d]) = drawing.strike {
                <path class="sl-edge-strike" d={format!("M{},{} L{},{} M{},{} L{},{}", px(a.0), px(a.1), px(b.0), px(b.1), px(c.0), px(c.1), px(d.0), px(d.1))} />
            }
            // Only the chosen relation is named on the map: names on every bold edge would
            // collide with the actors' labels; the legend, the card and the edge's accessible
            // name say the kind of every edge.
            if selected {
                <text class="sl-edge-label" x={px(drawing.label.0)} y={px(drawing.label.1)}>{ relation.verb() }</text>
            }
        </g>
    }
}

#[component]
pub fn ActorMap() -> Html {
    let store = use_store();
    let dispatch = use_dispatch();
    let container = use_node_ref();
    let width = use_width(container.clone(), 720.0);
    let height = map_height(width);
    let dataset = store.dataset.clone();
    let memo = use_memo((ByPointer(dataset.clone()), width as i64, height as i64, store.view.font_fit), |(d, w, h, fit)| map_scene(d, *w as f64, *h as f64, *fit));
    let map = &memo.layout;
    let zoom = map.scale;
    let focus = use_state(|| None::<usize>);
    use_focus_back_from_cards(&store, &memo, &container, &focus);
    if dataset.actors.is_empty() {
        return html! {};
    }
    let view = &store.view;
    let involved: &[usize] = view.selected.map_or(&[], |e| &store.index.event_actors[e]);
    let standing = standings(&dataset, view.selected);
    // Core decides what the selected event brings forward: its actors, its regions, its relations.
    let event = map_focus(&memo, involved, &standing);
    let tab_node = focus.or(view.actor).filter(|&a| map.slot(a).is_some()).unwrap_or(map.shown[0]);

    let edges = event.edge_order.iter().enumerate().map(|(k, &d)| {
        let (drawing, r) = (&memo.edges[d], memo.edges[d].relation);
        let of_event = k + event.on_top >= event.edge_order.len();
        edge(&dataset, drawing, standing[r], view.relation == Some(r), of_event, on_click(&dispatch, Action::SelectRelation(Some(r))))
    });

    // Regions behind the edges, outermost first: the picture of the groups. Their names are said
    // by their groups' nodes, which are the buttons.
    let regions = map.regions.iter().zip(&event.regions).map(|(region, emphasis)| {
        let group = &dataset.actors[map.shown[region.node]];
        html! {
            <g key={group.id.clone()} class={classes!("sl-region", emphasis.class())} data-group={group.id.clone()}>{ region_rect(region, zoom, "sl-region-box") }</g>
        }
    });

    let nodes = map.shown.iter().enumerate().map(|(l, &i)| {
        let actor = &dataset.actors[i];
        let at = map.placed[l];
        // A group's node labels its region and outlines all of it when focused.
        let region = map.regions.iter().find(|r| r.node == l);
        let selected = view.actor == Some(i);
        let onclick = {
            let (dispatch, focus) = (dispatch.clone(), focus.clone());
            Callback::from(move |_: MouseEvent| {
                focus.set(Some(i));
                dispatch.dispatch(Action::SelectActor(if selected { None } else { Some(i) }));
            })
        };
        let onfocus = {
            let focus = focus.clone();
            Callback::from(move |_: FocusEvent| focus.set(Some(i)))
        };
        let emphasis = event.nodes[l];
        let name = node_name(&dataset, map, l, emphasis == Emphasis::Involved);
        html! {
            <g key={actor.id.clone()} class={classes!("sl-node", actor.kind.key(), region.is_some().then_some("sl-group"), emphasis.class(), selected.then_some("selected"))}
               role="button" tabindex={if i == tab_node { "0" } else { "-1" }} aria-pressed={selected.to_string()} aria-label={name}
               data-actor={actor.id.clone()} {onclick} {onfocus}>
                if let Some(region) = region { { region_rect(region, zoom, "sl-group-ring") } }
                <g transform={format!("translate({} {}) scale({})", px(at.x), px(at.y), px(zoom))}>
                    { shape(actor.kind) }
                    <text class="sl-node-label" x="0" y={px(LABEL_BASELINE)}>{ actor.label() }</text>
                </g>
            </g>
        }
    });

    let onkeydown = {
        let (dispatch, focus, memo, container) = (dispatch.clone(), focus.clone(), memo.clone(), container.clone());
        Callback::from(move |e: KeyboardEvent| {
            let map = &memo.layout;
            match (direction_of_key(&e.key()), e.key().as_str()) {
                (Some(dir), _) => {
                    // Handled here: the timeline's own arrow keys must not also fire.
                    e.prevent_default();
                    let from = map.slot(tab_node).unwrap_or(0);
                    if let Some(next) = nearest_in_direction(&map.placed, from, dir) {
                        focus.set(Some(map.shown[next]));
                        dom::focus(&container, ".sl-node", next as u32);
                    }
                }
                (None, "Enter" | " ") => {
                    e.prevent_default();
                    dispatch.dispatch(Action::SelectActor(Some(tab_node)));
                }
                _ => {}
            }
        })
    };

    let note = (map.shown.len() < dataset.actors.len()).then(|| {
        format!("The map shows the {} most connected of {} actors; \"Who's who\" lists them all.", map.shown.len(), dataset.actors.len())
    });
    html! {
        <div ref={container} class="sl-map">
            if let Some(note) = note { <p class="sl-map-note">{ note }</p> }
            <svg class="sl-map-svg" width={px(width)} height={px(height)} viewBox={format!("0 0 {} {}", px(width), px(height))}
                 role="group" aria-label="Actor map: who is involved and how they relate, as of the selected event" {onkeydown}>
                <g class="sl-regions">{ for regions }</g>
                <g class="sl-edges">{ for edges }</g>
                <g class="sl-nodes">{ for nodes }</g>
            </svg>
        </div>
    }
}
