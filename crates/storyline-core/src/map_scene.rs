//! The actor map's scene for a story at a size: which actors are drawn and where (the
//! deterministic layout, each actor inside the region of the group it is part of), at what scale,
//! each node's shape, and each relation's curve, arrowhead, strike and label point. The widget's
//! `ActorMap` writes this scene as SVG and computes no coordinate of its own.
//!
//! There are two maps. The whole map is computed once per story and size: time only changes how
//! its edges are styled, never where anything is. On a phone (below [`PHONE_WIDTH`]) the map
//! shows by default the selected event's actors, the groups that hold them and the relations in
//! force between them ([`event_scene`]), laid out for the phone's width at full size; the whole
//! map is a tap away, and is never drawn with labels under 11 px ([`LEAST_SCALE`]): where it
//! cannot fit the width at that size, it is drawn wider, and the reader scrolls it sideways (on a
//! desktop it goes under the event card instead, [`crate::map_beside`]).

use crate::edge_route::{label_box, route_pair, shape_box, Ends, Rect, Route};
use crate::graph_layout::{Direction, Node, Params, Placed};
use crate::group_layout::{group_layout, group_rows, Region};
use crate::model::{ActorKind, Dataset, Status};
use crate::relations::Standing;
use crate::text_width::{text_width, BOLD};
use std::collections::HashMap;

/// The side of a node's shape, in pixels at scale 1.
pub const SHAPE: f64 = 28.0;
/// The size of an actor's label.
pub const LABEL_FONT: f64 = 12.0;
/// Where the shape's centre sits above the node box's centre (the label goes below it).
pub const SHAPE_RISE: f64 = 8.0;
/// The box every node shape fits in, with a pixel to spare for its stroke, as an SVG `viewBox`:
/// the legend draws a shape alone in it.
pub const SHAPE_VIEW_BOX: &str = "-15 -23 30 30";

/// The baseline of an actor's label, from the node's centre, at scale 1.
pub const LABEL_BASELINE: f64 = SHAPE / 2.0 - SHAPE_RISE + 14.0;

/// The least scale the whole map is drawn at: its labels never drop under 11 px. Where the area
/// is too small for that, the map grows past it, and the reader scrolls.
pub const LEAST_SCALE: f64 = 11.0 / LABEL_FONT;

/// Below this width of the map, in CSS px, the map shows the selected event's actors at full size
/// ([`event_scene`]), with the whole map one tap away. It is where the map's box turns tall
/// (`map_height`), and below it the whole map of a story of a dozen actors or more cannot keep
/// its labels at 12 px: the built-in story's 15 are drawn at 0.94 of full size at 400 px, 0.74 at 320.
pub const PHONE_WIDTH: f64 = 520.0;

/// The width the prerendered page draws the phone's map for: a little under the map's width on
/// the narrowest phones (320 px), so that without script the stylesheet only ever scales it up.
pub const PHONE_PRERENDER_WIDTH: f64 = 280.0;

/// The most actors a map draws. A story with more shows its most connected actors (the rest
/// are in "Who's who"): a map of hundreds of nodes is unreadable, and it would make the page heavy.
pub const MAX_SHOWN: usize = 60;

/// Where the map's nodes go: which actors are drawn (indices into `Dataset::actors`, ascending), their
/// centres in the same order, the regions of the groups among them, and the scale nodes are drawn
/// at (below 1 when the area is too small for every node at full size).
#[derive(Debug, PartialEq)]
pub struct MapLayout {
    pub shown: Vec<usize>,
    pub placed: Vec<Placed>,
    /// For each drawn actor, the drawn actor whose region holds it (a place in `shown`): the
    /// nearest it is part of, through actors that are not drawn.
    pub part_of: Vec<Option<usize>>,
    /// The region of every drawn actor that others are drawn inside, outermost first; each
    /// region's `node` is a place in `shown`. Its own node is at the top, as its label.
    pub regions: Vec<Region>,
    pub scale: f64,
    /// The area drawn in, in CSS px: the one given, or larger where labels need the room (the
    /// SVG is as large, and its box scrolls).
    pub width: f64,
    pub height: f64,
}

impl MapLayout {
    /// Where actor `a` is in `shown` and `placed`, if it is drawn.
    pub fn slot(&self, a: usize) -> Option<usize> {
        self.shown.binary_search(&a).ok()
    }

    /// The drawn actors inside the region of the one at `slot`, directly (not those of its
    /// subgroups), as places in `shown`.
    pub fn members(&self, slot: usize) -> impl Iterator<Item = usize> + '_ {
        self.part_of.iter().enumerate().filter(move |&(_, &p)| p == Some(slot)).map(|(m, _)| m)
    }
}

/// The box actor `a` takes on the map at full size: its shape with its label under it.
///
/// The label is drawn in a font `fit` times as wide as the estimates ([`crate::font_fit`]), and
/// bold while its actor is involved in the selected event; no position changes with the event,
/// so the box holds the bold label.
pub fn node_box(dataset: &Dataset, a: usize, fit: f64) -> Node {
    Node { width: label_width(dataset, a, fit).max(SHAPE) + 8.0, height: SHAPE + 20.0 }
}

/// The side of the smallest target a finger hits reliably, 44 CSS px (WCAG 2.5.5), and two
/// pixels more, since a map may be drawn a hair smaller than its box.
pub const NODE_HIT: f64 = 46.0;

/// The area a finger taps actor `a`'s node in, around the node's centre at scale 1, as left,
/// top, width and height: its box, and no less than [`NODE_HIT`] across once drawn at `scale`.
/// Transparent, and tappable under a coarse pointer only (the stylesheet's rule).
pub fn node_hit(dataset: &Dataset, a: usize, fit: f64, scale: f64) -> (f64, f64, f64, f64) {
    let b = node_box(dataset, a, fit);
    let least = NODE_HIT / scale.max(1e-9);
    let (w, h) = (b.width.max(least), b.height.max(least));
    (-w / 2.0, -h / 2.0, w, h)
}

/// The map's height for a given width: taller than wide on phones, where the map stacks.
pub fn map_height(width: f64) -> f64 {
    if width < 520.0 { (width * 1.25).round() } else { (width * 0.7).clamp(380.0, 560.0).round() }
}

/// Who the story's actors are linked to, by index: each relation's ends (none for an end that
/// is no actor), and each actor's group.
struct Links {
    ends: Vec<Option<(usize, usize)>>,
    group: Vec<Option<usize>>,
}

impl Links {
    fn of(dataset: &Dataset) -> Links {
        let ids: HashMap<&str, usize> = dataset.actors.iter().enumerate().map(|(i, a)| (a.id.as_str(), i)).collect();
        let at = |id: &str| ids.get(id).copied();
        let ends = dataset.relations.iter().map(|r| Some((at(&r.from)?, at(&r.to)?))).collect();
        Links { ends, group: dataset.actors.iter().map(|a| a.part_of.as_deref().and_then(at)).collect() }
    }

    /// The actors the map draws, ascending: all of them, or the `MAX_SHOWN` most connected.
    fn shown(&self) -> Vec<usize> {
        let n = self.group.len();
        let mut shown: Vec<usize> = (0..n).collect();
        if n > MAX_SHOWN {
            // Belonging counts as a connection: a group is kept with the actors it holds.
            let mut degree = vec![0usize; n];
            for (a, b) in self.ends.iter().flatten().copied().chain((0..n).filter_map(|a| Some((a, self.group[a]?)))) {
                degree[a] += 1;
                degree[b] += 1;
            }
            crate::order::sort_by(&mut shown, |&a, &b| degree[b].cmp(&degree[a]).then(a.cmp(&b)));
            shown.truncate(MAX_SHOWN);
            crate::order::sort_by(&mut shown, usize::cmp);
        }
        shown
    }
}

/// The map's layout for this story at this size: computed once over all relations, so that
/// positions stay put as the selected date changes. Each actor is drawn inside the region of the
/// actor it is part of (`group_layout`); an actor with neither a group nor a relation is laid
/// out with the rest, as the exception it should be, not set apart. Labels are drawn at
/// [`LEAST_SCALE`] at the least, in an area larger than the one given if need be.
pub fn map_layout(dataset: &Dataset, width: f64, height: f64, fit: f64) -> MapLayout {
    let links = Links::of(dataset);
    let shown = links.shown();
    laid_out(dataset, &links, shown, &|_| true, Area::Fit { width, height }, fit)
}

/// What a map is laid out in: an area it is fitted to, shrunk no further than [`LEAST_SCALE`]
/// (the whole map), or rows across a width at full size, no row wider than `widest` (the phone's
/// map of one event).
#[derive(Clone, Copy)]
enum Area {
    Fit { width: f64, height: f64 },
    Rows { width: f64, widest: f64 },
}

/// The layout of the actors `shown` (ascending indices into `Dataset::actors`) over the relations
/// `counted` keeps, each drawn actor inside the region of the nearest drawn actor it is part of.
fn laid_out(dataset: &Dataset, links: &Links, shown: Vec<usize>, counted: &dyn Fn(usize) -> bool, area: Area, fit: f64) -> MapLayout {
    let n = dataset.actors.len();
    let group = &links.group;
    // Actor index → its place among the drawn ones.
    let mut slot = vec![None; n];
    for (l, &a) in shown.iter().enumerate() {
        slot[a] = Some(l);
    }
    // The nearest drawn actor up each chain; validation keeps chains from going round, and the
    // count keeps a chain that did from going on for ever.
    let part_of: Vec<Option<usize>> =
        shown.iter().map(|&a| std::iter::successors(group[a], |&g| group[g]).take(n).find_map(|g| slot[g])).collect();
    let edges: Vec<(usize, usize)> =
        links.ends.iter().enumerate().filter(|&(r, _)| counted(r)).filter_map(|(_, e)| e.and_then(|(a, b)| Some((slot[a]?, slot[b]?)))).collect();
    let boxes: Vec<Node> = shown.iter().map(|&a| node_box(dataset, a, fit)).collect();
    let drawn = match area {
        Area::Fit { width, height } => group_layout(&boxes, &edges, &part_of, width, height, &Params { least_scale: LEAST_SCALE, ..Params::default() }),
        Area::Rows { width, widest } => group_rows(&boxes, &edges, &part_of, (width, widest), fit, &Params::default()),
    };
    MapLayout { shown, placed: drawn.nodes, part_of, regions: drawn.regions, scale: drawn.scale, width: drawn.width, height: drawn.height }
}

/// A node's shape by its actor's kind, around the node's centre at scale 1 (the shape's own
/// centre `SHAPE_RISE` above it, the label below).
#[derive(Clone, Debug, PartialEq)]
pub enum Shape {
    Circle { cx: f64, cy: f64, r: f64 },
    Rect { x: f64, y: f64, width: f64, height: f64, rounded: bool },
    Polygon(Vec<(f64, f64)>),
}

/// The shape of a node of `kind`: a state is a circle, a leader a rounded square, an
/// organisation a square, a military a triangle, an agency a diamond, a group a hexagon, a
/// company a house (a building's outline), and any other actor a cross.
pub fn node_shape(kind: ActorKind) -> Shape {
    let (x, y, h) = (0.0, -SHAPE_RISE, SHAPE / 2.0);
    let at = |points: &[(f64, f64)]| Shape::Polygon(points.iter().map(|(dx, dy)| (x + dx, y + dy)).collect());
    match kind {
        ActorKind::State => Shape::Circle { cx: x, cy: y, r: h },
        ActorKind::Leader => Shape::Rect { x: x - h, y: y - h, width: SHAPE, height: SHAPE, rounded: true },
        ActorKind::Organisation => Shape::Rect { x: x - h + 1.0, y: y - h + 1.0, width: SHAPE - 2.0, height: SHAPE - 2.0, rounded: false },
        ActorKind::Military => at(&[(0.0, -h), (h, h * 0.8), (-h, h * 0.8)]),
        ActorKind::Agency => at(&[(0.0, -h), (h, 0.0), (0.0, h), (-h, 0.0)]),
        // The corners at every sixth of a turn from due right, written out: sin and cos would
        // bring the wasm ~6 KB of argument reduction for six constants.
        ActorKind::Group => {
            let s = h * 3f64.sqrt() / 2.0;
            at(&[(h, 0.0), (h / 2.0, s), (-h / 2.0, s), (-h, 0.0), (-h / 2.0, -s), (h / 2.0, -s)])
        }
        ActorKind::Company => at(&[(0.0, -h), (h, -h * 0.2), (h, h * 0.9), (-h, h * 0.9), (-h, -h * 0.2)]),
        ActorKind::Other => {
            let t = h * 0.4;
            at(&[(-t, -h), (t, -h), (t, -t), (h, -t), (h, t), (t, t), (t, h), (-t, h), (-t, t), (-h, t), (-h, -t), (-t, -t)])
        }
    }
}

/// How one relation between two drawn actors is drawn.
#[derive(Clone, Debug, PartialEq)]
pub struct EdgeDrawing {
    /// The relation's index in `Dataset::relations`.
    pub relation: usize,
    /// Its two ends, from and to, as places in the layout's `shown`.
    pub ends: (usize, usize),
    /// A quadratic curve from `start` to `end`, bent through `control`; it stops short of both
    /// shapes, and of the arrowhead at the end.
    pub start: (f64, f64),
    pub control: (f64, f64),
    pub end: (f64, f64),
    /// The arrowhead's three corners, for a directed relation: it follows the curve's last tangent.
    pub arrow: Option<[(f64, f64); 3]>,
    /// Where the relation's name goes when it is chosen.
    pub label: (f64, f64),
    /// The two strokes that strike a denied relation through, where it is drawn.
    pub strike: Option<[(f64, f64); 4]>,
}

/// Every relation between two drawn actors that `drawn` keeps. Several relations between one pair
/// bend apart, the same way whichever end each starts from, so that each stays visible and clickable.
// The filters are `dyn`: one copy of each function in the reader's download, not one per filter.
fn edge_drawings(dataset: &Dataset, map: &MapLayout, fit: f64, drawn: &dyn Fn(usize) -> bool) -> Vec<EdgeDrawing> {
    let ids: HashMap<&str, usize> = dataset.actors.iter().enumerate().map(|(i, a)| (a.id.as_str(), i)).collect();
    let ends = |r: &crate::model::Relation| Some((*ids.get(r.from.as_str())?, *ids.get(r.to.as_str())?));
    // The drawn relations by pair (sorted by pair, stably: in story order within one), each with
    // its slots; a relation's bend follows its rank among its pair's.
    let slots = |r: usize| ends(&dataset.relations[r]).and_then(|(a, b)| Some((a, b, map.slot(a)?, map.slot(b)?)));
    let pair_of = |r: usize| slots(r).map(|(a, b, _, _)| (a.min(b), a.max(b)));
    let mut by_pair: Vec<usize> = (0..dataset.relations.len()).filter(|&r| drawn(r) && slots(r).is_some()).collect();
    crate::order::sort_by_key(&mut by_pair, |&r| pair_of(r));
    let s = map.scale;
    let labels: Vec<Rect> = map.shown.iter().zip(&map.placed).map(|(&a, p)| label_box(p.x, p.y, s, label_width(dataset, a, fit))).collect();
    let outline = |l: usize| [shape_box(map.placed[l].x, map.placed[l].y, s), labels[l]];
    let centre = |l: usize| (map.placed[l].x, map.placed[l].y - SHAPE_RISE * s);
    let mut routes: Vec<Option<Route>> = vec![None; dataset.relations.len()];
    for run in by_pair.chunk_by(|&r, &q| pair_of(r) == pair_of(q)) {
        let total = run.len() as f64;
        let pair: Vec<Ends> = run
            .iter()
            .enumerate()
            .filter_map(|(i, &r)| {
                let (a, b, from, to) = slots(r)?;
                let bend = (i as f64 - (total - 1.0) / 2.0) * 22.0;
                let (from_outline, to_outline) = (outline(from), outline(to));
                Some(Ends { from: centre(from), to: centre(to), from_outline, to_outline, directed: dataset.relations[r].directed, bend, reversed: a > b })
            })
            .collect();
        for (&r, route) in run.iter().zip(route_pair(&pair, &labels)) {
            routes[r] = Some(route);
        }
    }
    dataset
        .relations
        .iter()
        .enumerate()
        .filter_map(|(r, relation)| {
            let route = routes[r]?;
            let (_, _, from, to) = slots(r)?;
            let (sx, sy) = route.start;
            let (mx, my) = route.control;
            let (ex, ey) = route.end;
            let (lx, ly) = (0.25 * sx + 0.5 * mx + 0.25 * ex, 0.25 * sy + 0.5 * my + 0.25 * ey);
            let strike = (relation.status == Status::Denied)
                .then_some([(lx - 5.0, ly - 5.0), (lx + 5.0, ly + 5.0), (lx - 5.0, ly + 5.0), (lx + 5.0, ly - 5.0)]);
            Some(EdgeDrawing { relation: r, ends: (from, to), start: route.start, control: route.control, end: route.end, arrow: route.arrow, label: (lx, ly - 7.0), strike })
        })
        .collect()
}

/// How wide actor `a`'s label is drawn at full size, bold (as while its actor is involved).
pub fn label_width(dataset: &Dataset, a: usize, fit: f64) -> f64 {
    text_width(dataset.actors[a].label(), LABEL_FONT * BOLD * fit)
}

/// The map for a story at a size: where its nodes go and how its edges are drawn.
#[derive(Debug, PartialEq)]
pub struct MapScene {
    pub layout: MapLayout,
    pub edges: Vec<EdgeDrawing>,
}

/// The whole map: every drawn actor and every relation between two of them.
pub fn map_scene(dataset: &Dataset, width: f64, height: f64, fit: f64) -> MapScene {
    let layout = map_layout(dataset, width, height, fit);
    let edges = edge_drawings(dataset, &layout, fit, &|_| true);
    MapScene { layout, edges }
}

/// The phone's map of one event: its `actors` (indices into `Dataset::actors`), the groups that
/// hold them up every chain, and the relations in force between any two of them by `standing`,
/// at full size, as tall as they need. It is laid out for the narrowest phone
/// ([`PHONE_PRERENDER_WIDTH`]) and centred in `width`: the same picture at every phone's width,
/// so that the prerendered map and the live widget's agree and nothing moves as it goes live.
/// Wider than `width` only where a group's region is. Empty when the event has no actors.
pub fn event_scene(dataset: &Dataset, actors: &[usize], standing: &[Standing], width: f64, fit: f64) -> MapScene {
    let links = Links::of(dataset);
    let n = dataset.actors.len();
    let mut drawn = vec![false; n];
    for &a in actors.iter().filter(|&&a| a < n) {
        for g in std::iter::successors(Some(a), |&g| links.group[g]).take(n) {
            drawn[g] = true;
        }
    }
    let shown: Vec<usize> = (0..n).filter(|&a| drawn[a]).collect();
    let in_force = |r: usize| standing.get(r).is_some_and(|s| s.in_force()) && links.ends[r].is_some_and(|(a, b)| drawn[a] && drawn[b]);
    let area = PHONE_PRERENDER_WIDTH.min(width);
    let mut layout = laid_out(dataset, &links, shown, &in_force, Area::Rows { width: area, widest: width }, fit);
    fit_to_drawing(&mut layout, dataset, fit, width);
    let edges = edge_drawings(dataset, &layout, fit, &in_force);
    MapScene { layout, edges }
}

/// Crops `map`'s area to what is drawn, with the layout's padding above and below, and centres it
/// in `width` (or the drawing's own width, if that is wider).
fn fit_to_drawing(map: &mut MapLayout, dataset: &Dataset, fit: f64, width: f64) {
    let s = map.scale;
    let (mut top, mut bottom) = (f64::INFINITY, f64::NEG_INFINITY);
    for (p, &a) in map.placed.iter().zip(&map.shown) {
        let half = s * node_box(dataset, a, fit).height / 2.0;
        (top, bottom) = (top.min(p.y - half), bottom.max(p.y + half));
    }
    for r in &map.regions {
        (top, bottom) = (top.min(r.y), bottom.max(r.y + r.height));
    }
    // Nothing drawn: nothing to crop.
    if !top.is_finite() || !bottom.is_finite() {
        return;
    }
    let padding = Params::default().padding;
    let wide = width.max(map.width);
    let (dx, dy) = ((wide - map.width) / 2.0, padding - top);
    map.placed.iter_mut().for_each(|p| (p.x, p.y) = (p.x + dx, p.y + dy));
    map.regions.iter_mut().for_each(|r| (r.x, r.y) = (r.x + dx, r.y + dy));
    (map.width, map.height) = (wide, bottom - top + 2.0 * padding);
}

/// Which of the two maps the reader sees.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum MapView {
    /// Every drawn actor (the default from [`PHONE_WIDTH`] up, or asked for on a phone).
    Whole,
    /// The selected event's actors, at full size (the default on a phone).
    Event,
}

impl MapView {
    /// The map for a map `width` px wide, when the reader has (`whole_asked`) or has not asked for
    /// the whole map, at an event with `actors`: the event's map on a phone, unless the event has
    /// no actors to show.
    pub fn for_width(width: f64, whole_asked: bool, actors: &[usize]) -> MapView {
        if MapView::offered(width, actors) && !whole_asked {
            MapView::Event
        } else {
            MapView::Whole
        }
    }

    /// Whether the reader can switch between the two maps: on a phone, at an event with actors.
    pub fn offered(width: f64, actors: &[usize]) -> bool {
        width < PHONE_WIDTH && !actors.is_empty()
    }

    /// This map `width` px wide, at an event with `actors` and the relations `standing` so.
    pub fn scene(self, dataset: &Dataset, actors: &[usize], standing: &[Standing], width: f64, fit: f64) -> MapScene {
        match self {
            MapView::Whole => map_scene(dataset, width, map_height(width), fit),
            MapView::Event => event_scene(dataset, actors, standing, width, fit),
        }
    }
}

/// The map's arrow keys: each moves to the nearest actor in its direction.
pub fn direction_of_key(key: &str) -> Option<Direction> {
    match key {
        "ArrowUp" => Some(Direction::Up),
        "ArrowDown" => Some(Direction::Down),
        "ArrowLeft" => Some(Direction::Left),
        "ArrowRight" => Some(Direction::Right),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn built_in() -> Dataset {
        crate::load(include_str!("../../../assets/stories/north-korea-troops-russia.json")).expect("the built-in story is valid").dataset
    }

    #[test]
    fn the_built_in_story_maps_without_overlaps_at_every_width_and_in_wider_fonts() {
        let dataset = built_in();
        for (width, fit) in [300.0, 320.0, 480.0, 605.0, 720.0, 1100.0].into_iter().flat_map(|w| [(w, 1.0), (w, 1.3), (w, 1.6)]) {
            let height = map_height(width);
            let map = map_layout(&dataset, width, height, fit);
            assert_eq!(map.shown.len(), dataset.actors.len(), "a story of 15 actors maps them all");
            let boxes: Vec<(f64, f64, f64, f64)> = map
                .shown
                .iter()
                .zip(&map.placed)
                .map(|(&a, p)| {
                    let b = node_box(&dataset, a, fit);
                    let (w, h) = (b.width * map.scale / 2.0, b.height * map.scale / 2.0);
                    (p.x - w, p.y - h, p.x + w, p.y + h)
                })
                .collect();
            for (i, a) in boxes.iter().enumerate() {
                // The map grows past its box where its labels need the room, and is drawn as large.
                let (w, h) = (map.width.max(width), map.height.max(height));
                assert!(a.0 >= -0.5 && a.1 >= -0.5 && a.2 <= w + 0.5 && a.3 <= h + 0.5, "{width}px: actor {i} at {a:?} leaves the map");
                for (j, b) in boxes.iter().enumerate().skip(i + 1) {
                    let apart = a.2 <= b.0 + 0.5 || b.2 <= a.0 + 0.5 || a.3 <= b.1 + 0.5 || b.3 <= a.1 + 0.5;
                    assert!(apart, "{width}px: actors {} and {} overlap", dataset.actors[map.shown[i]].id, dataset.actors[map.shown[j]].id);
                }
            }
        }
    }

    #[test]
    fn a_wider_font_widens_every_labelled_box_by_its_label() {
        let dataset = built_in();
        let mut widened = 0;
        for a in 0..dataset.actors.len() {
            let (plain, wide) = (node_box(&dataset, a, 1.0), node_box(&dataset, a, 1.3));
            let label = text_width(dataset.actors[a].label(), LABEL_FONT * BOLD) * 1.3;
            assert_eq!(wide.height, plain.height);
            // A label narrower than the shape leaves the box as wide as the shape.
            assert!((wide.width - 8.0 - label.max(SHAPE)).abs() < 1e-9, "{}: {wide:?} for a label {label} px wide", dataset.actors[a].id);
            widened += usize::from(wide.width > plain.width);
        }
        assert!(widened > 10, "only {widened} boxes widened");
    }

    #[test]
    fn the_map_is_the_same_on_every_load() {
        let dataset = built_in();
        assert_eq!(map_scene(&dataset, 720.0, 504.0, 1.0), map_scene(&dataset, 720.0, 504.0, 1.0));
    }

    #[test]
    fn every_relation_between_drawn_actors_is_drawn_between_its_ends() {
        let dataset = built_in();
        let scene = map_scene(&dataset, 720.0, 504.0, 1.0);
        assert_eq!(scene.edges.len(), dataset.relations.len(), "every relation of the built-in story joins two drawn actors");
        for edge in &scene.edges {
            let relation = &dataset.relations[edge.relation];
            let at = |id: &str| {
                let a = dataset.actors.iter().position(|a| a.id == id).unwrap();
                let p = scene.layout.placed[scene.layout.shown.iter().position(|&s| s == a).unwrap()];
                (p.x, p.y - SHAPE_RISE * scene.layout.scale)
            };
            let dist = |p: (f64, f64), q: (f64, f64)| ((p.0 - q.0).powi(2) + (p.1 - q.1).powi(2)).sqrt();
            // Each end stops just short of its actor's shape, nearer to it than to the other actor.
            let (from, to) = (at(&relation.from), at(&relation.to));
            assert!(dist(edge.start, from) < dist(edge.start, to), "{}", relation.id);
            assert!(dist(edge.end, to) < dist(edge.end, from), "{}", relation.id);
            assert_eq!(edge.arrow.is_some(), relation.directed, "{}", relation.id);
            assert_eq!(edge.strike.is_some(), relation.status == Status::Denied, "{}", relation.id);
        }
    }

    #[test]
    fn two_relations_of_one_pair_bend_apart() {
        let dataset = built_in();
        let scene = map_scene(&dataset, 720.0, 504.0, 1.0);
        let pair = |e: &EdgeDrawing| {
            let r = &dataset.relations[e.relation];
            (r.from.clone().min(r.to.clone()), r.from.clone().max(r.to.clone()))
        };
        let shared: Vec<_> = scene.edges.iter().filter(|e| scene.edges.iter().filter(|f| pair(f) == pair(e)).count() > 1).collect();
        assert!(!shared.is_empty(), "the built-in story has a pair with several relations");
        for e in &shared {
            for f in shared.iter().filter(|f| pair(f) == pair(e) && f.relation != e.relation) {
                assert!(e.control != f.control, "{} and {} take the same curve", dataset.relations[e.relation].id, dataset.relations[f.relation].id);
            }
        }
        // The relations of one pair bend apart by the same step whichever way their pair is bent
        // around labels: their curves' middles are half a step (11 px) apart at the least.
        let middle = |e: &EdgeDrawing| crate::edge_route::at(e.start, e.control, e.end, 0.5);
        for e in &shared {
            for f in shared.iter().filter(|f| pair(f) == pair(e) && f.relation != e.relation) {
                let (m, n) = (middle(e), middle(f));
                let apart = ((m.0 - n.0).powi(2) + (m.1 - n.1).powi(2)).sqrt();
                assert!(apart > 9.0, "{} and {} run {apart} px apart", dataset.relations[e.relation].id, dataset.relations[f.relation].id);
            }
        }
    }

    #[test]
    fn a_groups_hexagon_is_regular() {
        let Shape::Polygon(corners) = node_shape(ActorKind::Group) else { panic!("a group is a polygon") };
        let centre = (0.0, -SHAPE_RISE);
        let dist = |a: (f64, f64), b: (f64, f64)| ((a.0 - b.0).powi(2) + (a.1 - b.1).powi(2)).sqrt();
        assert_eq!(corners.len(), 6);
        for (i, &c) in corners.iter().enumerate() {
            assert!((dist(c, centre) - SHAPE / 2.0).abs() < 1e-9, "corner {i} is off the circle");
            assert!((dist(c, corners[(i + 1) % 6]) - SHAPE / 2.0).abs() < 1e-9, "side {i} is not a radius long");
        }
    }

    #[test]
    fn every_shape_fits_the_legends_box() {
        let b: Vec<f64> = SHAPE_VIEW_BOX.split(' ').map(|n| n.parse().unwrap()).collect();
        let inside = |(x, y): (f64, f64)| x > b[0] && x < b[0] + b[2] && y > b[1] && y < b[1] + b[3];
        for kind in ActorKind::ALL {
            let corners = match node_shape(kind) {
                Shape::Circle { cx, cy, r } => vec![(cx - r, cy - r), (cx + r, cy + r)],
                Shape::Rect { x, y, width, height, .. } => vec![(x, y), (x + width, y + height)],
                Shape::Polygon(corners) => corners,
            };
            assert!(corners.into_iter().all(inside), "{kind:?}");
        }
    }

    #[test]
    fn every_kind_has_its_own_shape_and_the_arrow_keys_their_directions() {
        let shapes: Vec<Shape> = ActorKind::ALL.into_iter().map(node_shape).collect();
        for (i, a) in shapes.iter().enumerate() {
            assert!(shapes.iter().skip(i + 1).all(|b| b != a));
        }
        assert_eq!(direction_of_key("ArrowLeft"), Some(Direction::Left));
        assert_eq!(direction_of_key("a"), None);
    }
}
