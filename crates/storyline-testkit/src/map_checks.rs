//! The actor map layout's promises, as checks for tests and benchmarks: no two boxes overlap, and
//! every box stays inside the padding; with groups, also every member inside its regions and no
//! node or region reaching into a group it is not part of.
//!
//! All read the boxes as drawn, at the layout's scale, and allow 1e-6 px for rounding.

use storyline_core::graph_layout::{Layout, Node, Params, Placed};
use storyline_core::group_layout::GroupLayout;

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
