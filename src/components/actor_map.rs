//! The actor map: the story's actors as nodes and their relations as typed, directed edges,
//! drawn as of the selected event. Positions come from core's deterministic layout, computed
//! once per story and size; time only changes how edges are drawn.
//!
//! The map is one tab stop: arrow keys move between nodes (to the nearest in that direction),
//! Enter opens the actor's card, Escape closes it. Nodes and edges are buttons named in words.

use crate::hooks::use_width;
use crate::store::{on_click, use_dispatch, use_store};
use crate::svg::px;
use std::collections::HashMap;
use storyline_core::graph_layout::{layout, nearest_in_direction, Direction, Node, Params, Placed};
use storyline_core::relations::{describe, standings, Standing};
use storyline_core::text_width::text_width;
use storyline_core::view_state::Action;
use storyline_core::{ActorKind, Dataset, RelationKind};
use yew::prelude::*;

const SHAPE: f64 = 28.0;
const LABEL_FONT: f64 = 12.0;
/// Where the shape's centre sits above the node box's centre (the label goes below it).
const SHAPE_RISE: f64 = 8.0;

/// The class that gives an edge its kind's colour (`--storyline-rel-*`).
pub fn kind_class(kind: RelationKind) -> &'static str {
    use RelationKind::*;
    match kind {
        AlliedWith => "allied_with",
        SuppliesWeaponsTo => "supplies_weapons_to",
        SendsTroopsTo => "sends_troops_to",
        AtWarWith => "at_war_with",
        Invades => "invades",
        Threatens => "threatens",
        Meets => "meets",
        Sanctions => "sanctions",
        Supports => "supports",
        Denies => "denies",
    }
}

fn kind_key(kind: ActorKind) -> &'static str {
    use ActorKind::*;
    match kind {
        State => "state",
        Leader => "leader",
        Military => "military",
        Agency => "agency",
        Organisation => "organisation",
        Group => "group",
    }
}

/// The shape of a node by its actor's kind, centred on (x, y).
fn shape(kind: ActorKind, x: f64, y: f64) -> Html {
    let h = SHAPE / 2.0;
    let poly = |points: &[(f64, f64)]| points.iter().map(|(dx, dy)| format!("{},{}", px(x + dx), px(y + dy))).collect::<Vec<_>>().join(" ");
    match kind {
        ActorKind::State => html! { <circle class="sl-node-shape" cx={px(x)} cy={px(y)} r={px(h)} /> },
        ActorKind::Leader => html! { <rect class="sl-node-shape" x={px(x - h)} y={px(y - h)} width={px(SHAPE)} height={px(SHAPE)} rx="8" /> },
        ActorKind::Organisation => html! { <rect class="sl-node-shape" x={px(x - h + 1.0)} y={px(y - h + 1.0)} width={px(SHAPE - 2.0)} height={px(SHAPE - 2.0)} /> },
        ActorKind::Military => html! { <polygon class="sl-node-shape" points={poly(&[(0.0, -h), (h, h * 0.8), (-h, h * 0.8)])} /> },
        ActorKind::Agency => html! { <polygon class="sl-node-shape" points={poly(&[(0.0, -h), (h, 0.0), (0.0, h), (-h, 0.0)])} /> },
        ActorKind::Group => {
            let pts: Vec<(f64, f64)> = (0..6).map(|i| {
                let a = std::f64::consts::PI / 3.0 * f64::from(i);
                (h * a.cos(), h * a.sin())
            }).collect();
            html! { <polygon class="sl-node-shape" points={poly(&pts)} /> }
        }
    }
}

/// The most actors a map draws. A story with more shows its most connected actors (the rest
/// are in "Who's who"): a map of hundreds of nodes is unreadable, and it would make the page heavy.
pub const MAX_SHOWN: usize = 60;

/// Where the map's nodes go: which actors are drawn (indices into `Dataset::actors`), their
/// centres in the same order, and the scale nodes are drawn at (below 1 when the area is too
/// small for every node at full size).
#[derive(Debug, PartialEq)]
pub struct MapLayout {
    pub shown: Vec<usize>,
    pub placed: Vec<Placed>,
    pub scale: f64,
}

/// The box actor `a` takes on the map at full size: its shape with its label under it.
pub fn node_box(dataset: &Dataset, a: usize) -> Node {
    Node { width: text_width(dataset.actors[a].label(), LABEL_FONT).max(SHAPE) + 8.0, height: SHAPE + 20.0 }
}

/// The map's height for a given width: taller than wide on phones, where the map stacks.
pub fn map_height(width: f64) -> f64 {
    if width < 520.0 { (width * 1.25).round() } else { (width * 0.7).clamp(380.0, 560.0).round() }
}

/// The map's layout for this story at this size: computed once over all relations, so that
/// positions stay put as the selected date changes.
pub fn map_layout(dataset: &Dataset, width: f64, height: f64) -> MapLayout {
    let ids: HashMap<&str, usize> = dataset.actors.iter().enumerate().map(|(i, a)| (a.id.as_str(), i)).collect();
    let pairs: Vec<(usize, usize)> = dataset.relations.iter().filter_map(|r| Some((*ids.get(r.from.as_str())?, *ids.get(r.to.as_str())?))).collect();
    let mut shown: Vec<usize> = (0..dataset.actors.len()).collect();
    if shown.len() > MAX_SHOWN {
        let mut degree = vec![0usize; dataset.actors.len()];
        for &(a, b) in &pairs {
            degree[a] += 1;
            degree[b] += 1;
        }
        storyline_core::order::sort_by(&mut shown, |&a, &b| degree[b].cmp(&degree[a]).then(a.cmp(&b)));
        shown.truncate(MAX_SHOWN);
        storyline_core::order::sort_by(&mut shown, usize::cmp);
    }
    let node_box = |a: usize| node_box(dataset, a);
    // Small groups apart from the main network (an actor with no relation, a pair linked only to
    // each other) would sit at the rim of the drawing and shrink everything else: they go in rows
    // along the bottom, each group's members side by side, and the network gets the rest.
    let group = {
        let mut parent: Vec<usize> = (0..dataset.actors.len()).collect();
        fn find(parent: &mut [usize], mut a: usize) -> usize {
            while parent[a] != a {
                parent[a] = parent[parent[a]];
                a = parent[a];
            }
            a
        }
        for &(a, b) in &pairs {
            let (ra, rb) = (find(&mut parent, a), find(&mut parent, b));
            parent[ra.max(rb)] = ra.min(rb);
        }
        (0..dataset.actors.len()).map(|a| find(&mut parent, a)).collect::<Vec<usize>>()
    };
    let mut size: HashMap<usize, usize> = HashMap::new();
    for &a in &shown {
        *size.entry(group[a]).or_insert(0) += 1;
    }
    let largest = shown.iter().map(|&a| group[a]).max_by_key(|g| (size[g], std::cmp::Reverse(*g)));
    /// Groups this small or smaller leave the network for the rows below.
    const SMALL_GROUP: usize = 3;
    let (graph, mut loose): (Vec<usize>, Vec<usize>) =
        shown.iter().partition(|&&a| Some(group[a]) == largest || size[&group[a]] > SMALL_GROUP);
    // Members of one group side by side; groups (and lone actors) in the order of their first member.
    storyline_core::order::sort_by_key(&mut loose, |&a| (group[a], a));
    let row_height = SHAPE + 26.0;
    let mut rows: Vec<Vec<usize>> = Vec::new();
    let mut row_width = f64::INFINITY;
    for &a in &loose {
        let w = node_box(a).width + 12.0;
        if row_width + w > width - 24.0 {
            rows.push(Vec::new());
            row_width = 0.0;
        }
        rows.last_mut().expect("a row was just pushed").push(a);
        row_width += w;
    }
    let strip = rows.len() as f64 * row_height;
    let local: HashMap<usize, usize> = graph.iter().enumerate().map(|(l, &a)| (a, l)).collect();
    let edges: Vec<(usize, usize)> = pairs.iter().filter_map(|(a, b)| Some((*local.get(a)?, *local.get(b)?))).collect();
    let boxes: Vec<Node> = graph.iter().map(|&a| node_box(a)).collect();
    let placed = layout(&boxes, &edges, width, (height - strip).max(row_height), &Params::default());
    let mut at: HashMap<usize, Placed> = graph.iter().zip(placed.nodes.iter()).map(|(&a, &p)| (a, p)).collect();
    for (r, row) in rows.iter().enumerate() {
        let total: f64 = row.iter().map(|&a| node_box(a).width + 12.0).sum();
        let mut x = (width - total) / 2.0;
        let y = height - strip + row_height * (r as f64 + 0.5);
        for &a in row {
            let w = node_box(a).width + 12.0;
            at.insert(a, Placed { x: x + w / 2.0, y });
            x += w;
        }
    }
    let positions = shown.iter().map(|a| at[a]).collect();
    MapLayout { shown, placed: positions, scale: if graph.is_empty() { 1.0 } else { placed.scale } }
}

#[component]
pub fn ActorMap() -> Html {
    let store = use_store();
    let dispatch = use_dispatch();
    let container = use_node_ref();
    let width = use_width(container.clone(), 720.0);
    let height = map_height(width);
    let dataset = store.dataset.clone();
    let memo = use_memo((dataset.clone(), width as i64, height as i64), |(d, w, h)| map_layout(d, *w as f64, *h as f64));
    let zoom = memo.scale;
    // Actor index → its place in the drawing, for the actors drawn.
    let slot: HashMap<usize, usize> = memo.shown.iter().enumerate().map(|(l, &a)| (a, l)).collect();
    let focus = use_state(|| None::<usize>);
    use_focus_back_from_cards(&store, &memo, &container, &focus);
    if dataset.actors.is_empty() {
        return html! {};
    }
    let view = &store.view;
    let involved: Vec<usize> = view.selected.map(|e| store.index.event_actors[e].clone()).unwrap_or_default();
    let standing = standings(&dataset, view.selected);
    let ids: HashMap<&str, usize> = dataset.actors.iter().enumerate().map(|(i, a)| (a.id.as_str(), i)).collect();
    let tab_node = focus.or(view.actor).filter(|a| slot.contains_key(a)).unwrap_or(memo.shown[0]);
    let center = |a: usize| (memo.placed[slot[&a]].x, memo.placed[slot[&a]].y - SHAPE_RISE * zoom);

    // Several relations between one pair bend apart so that each stays visible and clickable.
    let mut pair_count: HashMap<(usize, usize), usize> = HashMap::new();
    let mut pair_index = Vec::with_capacity(dataset.relations.len());
    for r in &dataset.relations {
        let key = match (ids.get(r.from.as_str()), ids.get(r.to.as_str())) {
            (Some(&a), Some(&b)) => Some((a.min(b), a.max(b))),
            _ => None,
        };
        pair_index.push(key.map(|k| {
            let n = pair_count.entry(k).or_insert(0);
            *n += 1;
            *n - 1
        }));
    }

    let edges = dataset.relations.iter().enumerate().filter_map(|(r, relation)| {
        let (&a, &b) = (ids.get(relation.from.as_str())?, ids.get(relation.to.as_str())?);
        if !slot.contains_key(&a) || !slot.contains_key(&b) {
            return None;
        }
        let ((x1, y1), (x2, y2)) = (center(a), center(b));
        let (dx, dy) = (x2 - x1, y2 - y1);
        let len = (dx * dx + dy * dy).sqrt().max(1.0);
        let (ux, uy) = (dx / len, dy / len);
        let total = pair_count[&(a.min(b), a.max(b))] as f64;
        let k = pair_index[r].unwrap_or(0) as f64;
        // Bend perpendicular to the pair's line, the same way whichever end the relation starts from.
        let sign = if a <= b { 1.0 } else { -1.0 };
        let bend = (k - (total - 1.0) / 2.0) * 22.0 * sign;
        let (mx, my) = ((x1 + x2) / 2.0 - uy * bend, (y1 + y2) / 2.0 + ux * bend);
        let trim = (SHAPE / 2.0 + 4.0) * zoom;
        let (sx, sy) = (x1 + ux * trim, y1 + uy * trim);
        let (ex, ey) = (x2 - ux * (trim + 2.0), y2 - uy * (trim + 2.0));
        let d = format!("M{},{} Q{},{} {},{}", px(sx), px(sy), px(mx), px(my), px(ex), px(ey));
        let state = standing[r];
        let selected = view.relation == Some(r);
        let arrow = relation.directed.then(|| {
            // The arrowhead follows the curve's last tangent, from the control point to the end.
            let (tx, ty) = (ex - mx, ey - my);
            let tl = (tx * tx + ty * ty).sqrt().max(1.0);
            let (ax, ay) = (tx / tl, ty / tl);
            let (bx, by) = (ex - ax * 9.0, ey - ay * 9.0);
            format!("{},{} {},{} {},{}", px(ex), px(ey), px(bx - ay * 4.5), px(by + ax * 4.5), px(bx + ay * 4.5), px(by - ax * 4.5))
        });
        let onclick = on_click(&dispatch, Action::SelectRelation(Some(r)));
        // The dates tell apart two relations of one kind between one pair (two summits).
        let name = format!("{}, since {}{}", describe(&dataset, relation), relation.valid_from.display_short(), match state {
            Standing::Later => ", not yet at this event",
            Standing::Ended => ", over by this event",
            Standing::Begins => ", begins at this event",
            Standing::Holds => "",
        });
        let label_at = (0.25 * sx + 0.5 * mx + 0.25 * ex, 0.25 * sy + 0.5 * my + 0.25 * ey);
        Some(html! {
            <g key={relation.id.clone()} class={classes!("sl-edge", kind_class(relation.kind), relation.status.key(), state.key(), selected.then_some("selected"))}
               role="button" tabindex="-1" aria-label={name} data-relation={relation.id.clone()} {onclick}>
                <path class="sl-edge-hit" d={d.clone()} />
                <path class="sl-edge-line" d={d} />
                if let Some(points) = arrow { <polygon class="sl-edge-arrow" points={points} /> }
                if relation.status == storyline_core::Status::Denied {
                    // A denied link is struck through where it is drawn, not only coloured.
                    <path class="sl-edge-strike" d={format!("M{},{} L{},{} M{},{} L{},{}", px(label_at.0 - 5.0), px(label_at.1 - 5.0), px(label_at.0 + 5.0), px(label_at.1 + 5.0), px(label_at.0 - 5.0), px(label_at.1 + 5.0), px(label_at.0 + 5.0), px(label_at.1 - 5.0))} />
                }
                // Only the chosen relation is named on the map: names on every bold edge would
                // collide with the actors' labels; the legend, the card and the edge's accessible
                // name say the kind of every edge.
                if selected {
                    <text class="sl-edge-label" x={px(label_at.0)} y={px(label_at.1 - 7.0)}>{ relation.kind.verb() }</text>
                }
            </g>
        })
    });

    let nodes = memo.shown.iter().enumerate().map(|(l, &i)| {
        let actor = &dataset.actors[i];
        let (x, y) = (memo.placed[l].x, memo.placed[l].y);
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
        let name = format!("{}, {}{}", actor.name_with_label(), crate::components::actor_card::kind_label(actor.kind).to_lowercase(),
            if involved.contains(&i) { ", involved in this event" } else { "" });
        html! {
            <g key={actor.id.clone()} class={classes!("sl-node", kind_key(actor.kind), involved.contains(&i).then_some("involved"), selected.then_some("selected"))}
               role="button" tabindex={if i == tab_node { "0" } else { "-1" }} aria-pressed={selected.to_string()} aria-label={name}
               data-actor={actor.id.clone()} {onclick} {onfocus}>
                <g transform={format!("translate({} {}) scale({})", px(x), px(y), px(zoom))}>
                    { shape(actor.kind, 0.0, -SHAPE_RISE) }
                    <text class="sl-node-label" x="0" y={px(SHAPE / 2.0 - SHAPE_RISE + 14.0)}>{ actor.label() }</text>
                </g>
            </g>
        }
    });

    let onkeydown = {
        let (dispatch, focus, memo, container) = (dispatch.clone(), focus.clone(), memo.clone(), container.clone());
        Callback::from(move |e: KeyboardEvent| {
            let dir = match e.key().as_str() {
                "ArrowUp" => Some(Direction::Up),
                "ArrowDown" => Some(Direction::Down),
                "ArrowLeft" => Some(Direction::Left),
                "ArrowRight" => Some(Direction::Right),
                _ => None,
            };
            match (dir, e.key().as_str()) {
                (Some(dir), _) => {
                    // Handled here: the timeline's own arrow keys must not also fire.
                    e.prevent_default();
                    let from = memo.shown.iter().position(|&a| a == tab_node).unwrap_or(0);
                    if let Some(next) = nearest_in_direction(&memo.placed, from, dir) {
                        focus.set(Some(memo.shown[next]));
                        #[cfg(target_arch = "wasm32")]
                        focus_node(&container, next);
                    }
                }
                (None, "Enter" | " ") => {
                    e.prevent_default();
                    dispatch.dispatch(Action::SelectActor(Some(tab_node)));
                }
                _ => {}
            }
            #[cfg(not(target_arch = "wasm32"))]
            let _ = &container;
        })
    };

    let note = (memo.shown.len() < dataset.actors.len()).then(|| {
        format!("The map shows the {} most connected of {} actors; \"Who's who\" lists them all.", memo.shown.len(), dataset.actors.len())
    });
    html! {
        <div ref={container} class="sl-map">
            if let Some(note) = note { <p class="sl-map-note">{ note }</p> }
            <svg class="sl-map-svg" width={px(width)} height={px(height)} viewBox={format!("0 0 {} {}", px(width), px(height))}
                 role="group" aria-label="Actor map: who is involved and how they relate, as of the selected event" {onkeydown}>
                <g class="sl-edges">{ for edges }</g>
                <g class="sl-nodes">{ for nodes }</g>
            </svg>
        </div>
    }
}

/// When the last open card closes (Escape, its Close button) while focus was inside it, focus
/// would fall to the page's body and a keyboard reader would start again from the top. It goes
/// back to the map instead: to the node of the actor whose card it was, or to the map's tab stop.
#[hook]
fn use_focus_back_from_cards(store: &crate::store::StoreHandle, memo: &std::rc::Rc<MapLayout>, container: &NodeRef, focus: &UseStateHandle<Option<usize>>) {
    let open = use_mut_ref(|| (None::<usize>, None::<usize>));
    let (memo, container, focus) = (memo.clone(), container.clone(), focus.clone());
    use_effect_with((store.view.actor, store.view.relation), move |&(actor, relation)| {
        let (was_actor, was_relation) = std::mem::replace(&mut *open.borrow_mut(), (actor, relation));
        let closed = actor.is_none() && relation.is_none() && (was_actor.is_some() || was_relation.is_some());
        #[cfg(target_arch = "wasm32")]
        if closed && focus_is_lost() {
            let back = was_actor.or(*focus).filter(|a| memo.shown.contains(a)).or(memo.shown.first().copied());
            if let Some(a) = back {
                focus.set(Some(a));
                if let Some(index) = memo.shown.iter().position(|&s| s == a) {
                    focus_node(&container, index);
                }
            }
        }
        #[cfg(not(target_arch = "wasm32"))]
        let _ = (closed, was_actor, memo, container, focus);
    });
}

/// Whether nothing has focus any more: the focused element was removed with its card.
#[cfg(target_arch = "wasm32")]
fn focus_is_lost() -> bool {
    let Some(document) = web_sys::window().and_then(|w| w.document()) else { return false };
    match (document.active_element(), document.body()) {
        (None, _) => true,
        (Some(active), Some(body)) => active == *body.as_ref(),
        (Some(_), None) => false,
    }
}

/// Moves focus to the node at `index`: the roving tab stop follows the arrow keys.
#[cfg(target_arch = "wasm32")]
fn focus_node(container: &NodeRef, index: usize) {
    use wasm_bindgen::JsCast;
    let Some(root) = container.cast::<web_sys::Element>() else { return };
    if let Ok(nodes) = root.query_selector_all(".sl-node") {
        if let Some(svg) = nodes.item(index as u32).and_then(|n| n.dyn_into::<web_sys::SvgElement>().ok()) {
            let _ = svg.focus();
        }
    }
}
