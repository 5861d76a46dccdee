//! The actor map layout's promises, as checks for tests and benchmarks: no two boxes overlap, and
//! every box stays inside the padding; with groups, also every member inside its regions and no
//! node or region reaching into a group it is not part of.
//!
//! With a story, also the edges' promises: no edge or arrowhead crosses an actor's label (a
//! group's node is its region's label), and every edge stops a gap short of its ends.
//!
//! All read the boxes as drawn, at the layout's scale, and allow 1e-6 px for rounding.

use storyline_core::graph_layout::{Layout, Node, Params, Placed};
use storyline_core::group_layout::GroupLayout;
use storyline_core::edge_route::{at, label_box, segment_crosses, shape_box, END_GAP};
use storyline_core::map_scene::{label_width, MapScene};
use storyline_core::Dataset;

/// The pairs of nodes whose boxes, drawn at the layout's scale, come closer than `gap` (also scaled).
pub fn overlapping(l: &Layout, nodes: &[Node], gap: f64) -> Vec<(usize, usize)> {
    let s = l.scale;
    let mut found = Vec::new();
    for i in 0..nodes.len() {
        for j in i + 1..nodes.len() {
            let (a, b) = (l.nodes[i], l.nodes[j]);
            let apart_x = (a.x - b.x).abs() >= s * ((nodes[i].width + nodes[j].width) / 2.0 + gap) - 1e-6;
            let apart_y = (a.y - b.y).abs() >= s * ((nodes[i].height + nodes[j].height) / 2.0 + gap) - 1e-6;
            if !apart_x && !apart_y {
                found.push((i, j));
            }
        }
    }
    found
}

/// The nodes whose boxes, drawn at the layout's scale, reach into the `padding` of a `width`×`height` area or past it.
pub fn outside(l: &Layout, nodes: &[Node], width: f64, height: f64, padding: f64) -> Vec<usize> {
    let inside = |(p, b): (&Placed, &Node)| {
        let (hw, hh) = (l.scale * b.width / 2.0, l.scale * b.height / 2.0);
        p.x - hw >= padding - 1e-6
            && p.x + hw <= width - padding + 1e-6
            && p.y - hh >= padding - 1e-6
            && p.y + hh <= height - padding + 1e-6
    };
    l.nodes.iter().zip(nodes).enumerate().filter(|&(_, node)| !inside(node)).map(|(i, _)| i).collect()
}

/// A rectangle as drawn: left, top, right, bottom.
type Rect = (f64, f64, f64, f64);

/// Whether `a` and `b` are at least `gap` apart along one axis.
fn apart(a: Rect, b: Rect, gap: f64) -> bool {
    b.0 - a.2 >= gap - 1e-6 || a.0 - b.2 >= gap - 1e-6 || b.1 - a.3 >= gap - 1e-6 || a.1 - b.3 >= gap - 1e-6
}

/// Whether `inner` lies within `outer`.
fn within(inner: Rect, outer: Rect) -> bool {
    inner.0 >= outer.0 - 1e-6 && inner.1 >= outer.1 - 1e-6 && inner.2 <= outer.2 + 1e-6 && inner.3 <= outer.3 + 1e-6
}

/// Every promise of the group layout that `l` breaks, in words: two nodes, a node and a region
/// it is not part of, or two regions neither of which holds the other, closer than the gap; a
/// node or a region not inside a region that holds it; anything in the area's padding or past it.
pub fn group_faults(l: &GroupLayout, nodes: &[Node], part_of: &[Option<usize>], params: &Params, width: f64, height: f64) -> Vec<String> {
    let s = l.scale;
    let gap = s * params.gap;
    let node = |i: usize| {
        let (p, b) = (l.nodes[i], nodes[i]);
        (p.x - s * b.width / 2.0, p.y - s * b.height / 2.0, p.x + s * b.width / 2.0, p.y + s * b.height / 2.0)
    };
    // Whether group `g` holds node `i`: `i` is `g` (its label) or part of it, through any chain.
    let holds = |g: usize, i: usize| i == g || std::iter::successors(part_of[i], |&p| part_of[p]).any(|p| p == g);
    let area = (params.padding, params.padding, width - params.padding, height - params.padding);
    let mut faults = Vec::new();
    for i in 0..nodes.len() {
        if !within(node(i), area) {
            faults.push(format!("node {i} at {:?} leaves the area", node(i)));
        }
        for j in i + 1..nodes.len() {
            if !apart(node(i), node(j), gap) {
                faults.push(format!("nodes {i} and {j} overlap: {:?} {:?}", node(i), node(j)));
            }
        }
    }
    for (k, r) in l.regions.iter().enumerate() {
        let rect = (r.x, r.y, r.x + r.width, r.y + r.height);
        if !within(rect, area) {
            faults.push(format!("the region of {} leaves the area", r.node));
        }
        for i in 0..nodes.len() {
            match holds(r.node, i) {
                true if !within(node(i), rect) => faults.push(format!("node {i} is outside the region of {}, its group", r.node)),
                false if !apart(node(i), rect, gap) => faults.push(format!("node {i} reaches into the region of {}", r.node)),
                _ => {}
            }
        }
        for q in &l.regions[k + 1..] {
            let other = (q.x, q.y, q.x + q.width, q.y + q.height);
            let fine = if holds(r.node, q.node) {
                within(other, rect)
            } else if holds(q.node, r.node) {
                within(rect, other)
            } else {
                apart(rect, other, gap)
            };
            if !fine {
                faults.push(format!("the regions of {} and {} overlap", r.node, q.node));
            }
        }
    }
    faults
}

/// The segments an edge is checked as: its curve cut into 200 (each within a hundredth of a pixel
/// of the curve for any bend the map draws), then its arrowhead's three sides.
fn edge_segments(e: &storyline_core::map_scene::EdgeDrawing) -> Vec<((f64, f64), (f64, f64))> {
    const PIECES: usize = 200;
    let p = |i: usize| at(e.start, e.control, e.end, i as f64 / PIECES as f64);
    let mut segments: Vec<_> = (0..PIECES).map(|i| (p(i), p(i + 1))).collect();
    segments.extend(e.arrow.into_iter().flat_map(|[a, b, c]| [(a, b), (b, c), (c, a)]));
    segments
}

/// How far `p` is from the box `r` (0 inside it).
fn distance(p: (f64, f64), r: Rect) -> f64 {
    let dx = (r.0 - p.0).max(p.0 - r.2).max(0.0);
    let dy = (r.1 - p.1).max(p.1 - r.3).max(0.0);
    (dx * dx + dy * dy).sqrt()
}

/// Every promise of the map's edges that `scene` breaks, in words, with labels drawn `fit` times
/// as wide as the estimates: an edge or arrowhead crossing the label of an actor (a group's node
/// labels its region), or an edge's end not a gap short of its actor's outline (its shape's box
/// and its label's): closer, or more than a gap and a half away along either axis.
pub fn edge_faults(dataset: &Dataset, scene: &MapScene, fit: f64) -> Vec<String> {
    let map = &scene.layout;
    let s = map.scale;
    let name = |l: usize| dataset.actors[map.shown[l]].id.as_str();
    let labels: Vec<Rect> = map.shown.iter().zip(&map.placed).map(|(&a, p)| label_box(p.x, p.y, s, label_width(dataset, a, fit))).collect();
    let outline = |l: usize| [shape_box(map.placed[l].x, map.placed[l].y, s), labels[l]];
    let mut faults = Vec::new();
    for e in &scene.edges {
        let id = &dataset.relations[e.relation].id;
        let segments = edge_segments(e);
        for (l, &label) in labels.iter().enumerate() {
            if segments.iter().any(|&(a, b)| segment_crosses(a, b, label)) {
                faults.push(format!("{id} crosses the label of {}", name(l)));
            }
        }
        for (end, point) in [(e.ends.0, e.start), (e.ends.1, e.end)] {
            let away = outline(end).iter().map(|&r| distance(point, r)).fold(f64::INFINITY, f64::min);
            // On a box grown by the gap: the gap away from a side, up to √2 times it from a corner.
            if !(END_GAP - 0.01..=END_GAP * 1.5).contains(&away) {
                faults.push(format!("{id} stops {away:.2} px from {}, not a gap ({END_GAP} px)", name(end)));
            }
        }
        if let Some(arrow) = e.arrow {
            for corner in arrow {
                let away = outline(e.ends.1).iter().map(|&r| distance(corner, r)).fold(f64::INFINITY, f64::min);
                if away < END_GAP - 0.01 {
                    faults.push(format!("{id}'s arrowhead comes {away:.2} px from {}", name(e.ends.1)));
                }
            }
        }
    }
    faults
}

#[cfg(test)]
mod tests {
    use super::*;

    fn drawn(centres: &[(f64, f64)], scale: f64) -> Layout {
        Layout { nodes: centres.iter().map(|&(x, y)| Placed { x, y }).collect(), width: 100.0, height: 100.0, scale }
    }

    const BOX: Node = Node { width: 20.0, height: 10.0 };

    #[test]
    fn boxes_closer_than_the_gap_overlap_and_boxes_a_gap_apart_do_not() {
        let nodes = [BOX; 3];
        let l = drawn(&[(0.0, 0.0), (25.0, 0.0), (53.0, 0.0)], 1.0);
        assert_eq!(overlapping(&l, &nodes, 6.0), [(0, 1)], "5 px apart is closer than the gap, 8 px apart is not");
        assert!(overlapping(&l, &nodes, 0.0).is_empty());
    }

    #[test]
    fn boxes_apart_on_either_axis_do_not_overlap() {
        let l = drawn(&[(0.0, 0.0), (5.0, 12.0)], 1.0);
        assert!(overlapping(&l, &[BOX; 2], 0.0).is_empty());
    }

    #[test]
    fn a_smaller_scale_draws_smaller_boxes_and_gaps() {
        let l = drawn(&[(0.0, 0.0), (13.0, 0.0)], 0.5);
        assert!(overlapping(&l, &[BOX; 2], 4.0).is_empty());
        assert_eq!(overlapping(&Layout { scale: 1.0, ..l }, &[BOX; 2], 4.0), [(0, 1)]);
    }

    fn grouped(centres: &[(f64, f64)], regions: &[(usize, f64, f64, f64, f64)]) -> GroupLayout {
        let regions = regions.iter().map(|&(node, x, y, width, height)| storyline_core::group_layout::Region { node, x, y, width, height, depth: 0 }).collect();
        GroupLayout { nodes: centres.iter().map(|&(x, y)| Placed { x, y }).collect(), regions, scale: 1.0, width: 100.0, height: 100.0 }
    }

    #[test]
    fn a_member_inside_its_region_and_a_stranger_outside_it_are_fine() {
        let p = Params { padding: 0.0, gap: 4.0, ..Params::default() };
        // 0 holds 1; 2 stands apart, right of the region.
        let l = grouped(&[(30.0, 10.0), (30.0, 30.0), (90.0, 20.0)], &[(0, 5.0, 0.0, 50.0, 40.0)]);
        assert_eq!(group_faults(&l, &[BOX; 3], &[None, Some(0), None], &p, 200.0, 100.0), Vec::<String>::new());
    }

    #[test]
    fn a_member_outside_its_region_or_a_stranger_inside_it_is_a_fault() {
        let p = Params { padding: 0.0, gap: 4.0, ..Params::default() };
        let l = grouped(&[(30.0, 10.0), (80.0, 30.0), (30.0, 30.0)], &[(0, 5.0, 0.0, 50.0, 40.0)]);
        let faults = group_faults(&l, &[BOX; 3], &[None, Some(0), None], &p, 200.0, 100.0);
        assert_eq!(faults, ["node 1 is outside the region of 0, its group", "node 2 reaches into the region of 0"]);
    }

    #[test]
    fn regions_either_hold_one_another_or_stay_apart() {
        let p = Params { padding: 0.0, gap: 4.0, ..Params::default() };
        let part_of = [None, Some(0), None];
        // 1's region inside 0's is fine; 2's region crossing 0's is not.
        let l = grouped(&[(50.0, 10.0), (50.0, 40.0), (150.0, 10.0)], &[(0, 0.0, 0.0, 100.0, 60.0), (1, 20.0, 25.0, 60.0, 30.0), (2, 70.0, 0.0, 100.0, 60.0)]);
        let faults: Vec<String> = group_faults(&l, &[BOX; 3], &part_of, &p, 300.0, 100.0).into_iter().filter(|f| f.starts_with("the regions")).collect();
        assert_eq!(faults, ["the regions of 0 and 2 overlap", "the regions of 1 and 2 overlap"]);
    }

    #[test]
    fn a_box_reaching_into_the_padding_is_outside() {
        let l = drawn(&[(50.0, 50.0), (15.0, 50.0), (50.0, 96.0)], 1.0);
        assert_eq!(outside(&l, &[BOX; 3], 100.0, 100.0, 4.0), [2]);
        assert_eq!(outside(&l, &[BOX; 3], 100.0, 100.0, 6.0), [1, 2]);
    }
}

