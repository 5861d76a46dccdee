//! The actor map: the story's actors as nodes and their relations as typed, directed edges,
//! drawn as of the selected event, with its legend. Everything it draws comes from core's
//! `map_scene`: the whole map, computed once per story and size (time only changes how edges are
//! styled), or on a phone the selected event's map, with a pair of buttons between the two.
//!
//! The prerendered page carries both, the whole map drawn for 720 px and the event's for a
//! phone, and the stylesheet shows the one for the width; once live, the widget draws only the
//! one the reader sees, for the width it measures.
//!
//! The map is one tab stop: arrow keys move between nodes (to the nearest in that direction),
//! Enter opens the actor's card, Escape closes it. Nodes and edges are buttons named in words.

use crate::by_pointer::ByPointer;
use crate::components::{ActorCard, MapLegend, RelationCard};
use crate::dom;
use crate::hooks::{use_focus_back_from_cards, use_width};
use crate::store::{on_click, use_dispatch, use_store, Dispatch, StoreHandle};
use crate::svg::{self, px};
use std::rc::Rc;
use storyline_core::graph_layout::nearest_in_direction;
use storyline_core::group_layout::{Region, REGION_MARGIN};
use storyline_core::legend::legend;
use storyline_core::map_focus::{map_focus, scroll_to_actors, Emphasis};
use storyline_core::map_names::node_name;
use storyline_core::map_scene::{direction_of_key, map_height, node_hit, node_shape, EdgeDrawing, MapScene, MapView, Shape, LABEL_BASELINE, PHONE_PRERENDER_WIDTH, PHONE_WIDTH};
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

/// The width the widget lays the map out for before it measures it: the prerender's.
const PRERENDER_WIDTH: f64 = 720.0;

#[derive(Properties, PartialEq)]
pub struct ActorMapProps {
    /// False for the prerender and the render that hydrates it, which carry both maps.
    pub live: bool,
}

#[component]
pub fn ActorMap(props: &ActorMapProps) -> Html {
    let store = use_store();
    let dispatch = use_dispatch();
    let container = use_node_ref();
    let width = use_width(container.clone(), PRERENDER_WIDTH);
    let live = props.live;
    let dataset = store.dataset.clone();
    let view = &store.view;
    let involved: Rc<Vec<usize>> = Rc::new(view.selected.map_or_else(Vec::new, |e| store.index.event_actors[e].clone()));
    let shown = if live { MapView::for_width(width, view.whole_map, &involved) } else { MapView::Whole };
    // Core decides what each map holds; the event's map changes with the event, the whole one does not.
    let scene_for = |which: MapView, width: f64| {
        let (involved, event) = (involved.clone(), view.selected.filter(|_| which == MapView::Event));
        ((ByPointer(dataset.clone()), which, width as i64, event, view.font_fit), move |(d, which, w, event, fit): &(ByPointer<Dataset>, MapView, i64, Option<usize>, f64)| {
            which.scene(d, &involved, &standings(d, *event), *w as f64, *fit)
        })
    };
    let (deps, compute) = scene_for(shown, width);
    let memo = use_memo(deps, compute);
    let focus = use_state(|| None::<usize>);
    use_focus_back_from_cards(&store, &memo, &container, &focus);
    // A map wider than its box (the whole map on a phone) scrolls to the event's actors when it
    // is shown and at each new event, unless they are in view: core says where. Only such a map
    // reads the page's layout, and at the next frame: read at once, or while the widget is still
    // settling at its first width, it would lay the page out in a state the next render replaces,
    // and the browser counts that as the page shifting.
    {
        let (container, dataset, involved, fit, rtl) = (container.clone(), dataset.clone(), involved.clone(), view.font_fit, dataset.story.is_rtl());
        let wider = live && memo.layout.width > width + 0.5;
        use_effect_with((view.selected, ByPointer(memo.clone()), wider), move |(_, scene, wider)| {
            let scene = scene.0.clone();
            let frame = wider.then(|| {
                dom::animation_frames(move |_| {
                    let scroller = ".sl-map-main .sl-map-scroll";
                    if let Some(left) = dom::sideways_scroll(&container, scroller, rtl).and_then(|seen| scroll_to_actors(&dataset, &scene, &involved, fit, seen)) {
                        dom::scroll_sideways_to(&container, scroller, left, rtl);
                    }
                    false
                })
            });
            move || {
                let _ended = frame;
            }
        });
    }
    if dataset.actors.is_empty() {
        return html! {};
    }
    let drawn = |scene: &Rc<MapScene>, which: MapView, width: f64| {
        let one = Drawn { scene, which, width, phone: width < PHONE_WIDTH };
        map_view(&store, &dispatch, &one, &involved, &focus, &container)
    };
    let (map, key) = drawn(&memo, shown, width);
    // Until the widget is live, the page also carries the event's map drawn for the narrowest
    // phones, and the stylesheet shows the one for the width, with script or without. Drawn
    // once, for the prerender and the render that hydrates it.
    let narrow = MapView::for_width(PHONE_PRERENDER_WIDTH, false, &involved);
    let phone = (!live).then(|| {
        let scene = Rc::new(narrow.scene(&dataset, &involved, &standings(&dataset, view.selected), PHONE_PRERENDER_WIDTH, view.font_fit));
        drawn(&scene, narrow, PHONE_PRERENDER_WIDTH)
    });
    let (phone_map, phone_key) = phone.unzip();
    // The switch needs script: the live widget draws it, on a phone. The phone's prerendered map
    // carries it too, so that it takes its room from the first paint and nothing below the map
    // moves as the widget goes live; the stylesheet hides it without script, and a tap on it
    // before the widget is live is kept by the loader like any other.
    let offered = live && MapView::offered(width, &involved);
    let toggle = |whole: bool, label: &'static str| {
        html! { <button type="button" aria-pressed={(view.whole_map == whole).to_string()} onclick={on_click(&dispatch, Action::ShowWholeMap(whole))}>{ label }</button> }
    };
    let views = || {
        html! {
            <div class="sl-map-views" role="group" aria-label="Show on the map">
                { toggle(false, "This event's actors") }
                { toggle(true, "Whole map") }
            </div>
        }
    };
    let phone_views = MapView::offered(PHONE_PRERENDER_WIDTH, &involved).then(views);
    // The cards the map opens come right after it, so that a keyboard reader Tabs from a node
    // straight into its card; the legend follows them. The phone's map, when there is one, comes
    // before the other, which the stylesheet hides after it on a phone.
    html! {
        <>
            <div ref={container.clone()} class="sl-map">
                if offered { { views() } }
                if let Some(phone_map) = phone_map { <div class="sl-map-phone">{ for phone_views }{ phone_map }</div> }
                <div class="sl-map-main">{ map }</div>
            </div>
            <ActorCard />
            <RelationCard />
            if let Some(phone_key) = phone_key { <div class="sl-map-phone">{ phone_key }</div> }
            <div class="sl-map-main">{ key }</div>
        </>
    }
}

/// One map to draw: its scene, which map it is, and the width it is laid out for.
struct Drawn<'a> {
    scene: &'a Rc<MapScene>,
    which: MapView,
    width: f64,
    /// On a phone, the legend folds.
    phone: bool,
}

/// One map as SVG, and its legend.
fn map_view(store: &StoreHandle, dispatch: &Dispatch, one: &Drawn, involved: &[usize], focus: &UseStateHandle<Option<usize>>, container: &NodeRef) -> (Html, Html) {
    let (dataset, view, memo) = (&store.dataset, &store.view, one.scene);
    let map = &memo.layout;
    let standing = standings(dataset, view.selected);
    // Core decides what the selected event brings forward: its actors, its regions, its relations.
    let event = map_focus(memo, involved, &standing);
    let Some(&first) = map.shown.first() else { return (html! {}, html! {}) };
    let tab_node = focus.or(view.actor).filter(|&a| map.slot(a).is_some()).unwrap_or(first);
    let zoom = map.scale;

    let edges = event.edge_order.iter().enumerate().map(|(k, &d)| {
        let (drawing, r) = (&memo.edges[d], memo.edges[d].relation);
        let of_event = k + event.on_top >= event.edge_order.len();
        edge(dataset, drawing, standing[r], view.relation == Some(r), of_event, on_click(dispatch, Action::SelectRelation(Some(r))))
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
        let name = node_name(dataset, map, l, emphasis == Emphasis::Involved);
        // Under a finger the node is tapped in a box 44 px across at least (storyline.css).
        let hit = node_hit(dataset, i, view.font_fit, zoom);
        html! {
            <g key={actor.id.clone()} class={classes!("sl-node", actor.kind.key(), region.is_some().then_some("sl-group"), emphasis.class(), selected.then_some("selected"))}
               role="button" tabindex={if i == tab_node { "0" } else { "-1" }} aria-pressed={selected.to_string()} aria-label={name}
               data-actor={actor.id.clone()} {onclick} {onfocus}>
                if let Some(region) = region { { region_rect(region, zoom, "sl-group-ring") } }
                <g transform={format!("translate({} {}) scale({})", px(at.x), px(at.y), svg::zoom(zoom))}>
                    <rect class="sl-node-hit" x={px(hit.0)} y={px(hit.1)} width={px(hit.2)} height={px(hit.3)} />
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

    let all = dataset.actors.len();
    let note = (one.which == MapView::Whole && map.shown.len() < all).then(|| {
        format!("The map shows the {} most connected of {} actors; \"Who's who\" lists them all.", map.shown.len(), all)
    });
    // The event's map is as tall as what it draws, and a whole map larger than the box the
    // stylesheet gives it where its labels need the room: either is shown at its own size (and
    // scrolled, if wider than the widget).
    let own_size = one.which == MapView::Event || map.width > one.width + 0.05 || map.height > map_height(one.width) + 0.05;
    let drawing = html! {
        <>
            if let Some(note) = note { <p class="sl-map-note">{ note }</p> }
            <div class="sl-map-scroll">
                <svg class={classes!("sl-map-svg", own_size.then_some("sl-own-size"))} width={px(map.width)} height={px(map.height)} viewBox={format!("0 0 {} {}", px(map.width), px(map.height))}
                     role="group" aria-label="Actor map: who is involved and how they relate, as of the selected event" {onkeydown}>
                    <g class="sl-regions">{ for regions }</g>
                    <g class="sl-edges">{ for edges }</g>
                    <g class="sl-nodes">{ for nodes }</g>
                </svg>
            </div>
        </>
    };
    (drawing, html! { <MapLegend legend={legend(dataset, memo, &standing)} folded={one.phone} /> })
}
