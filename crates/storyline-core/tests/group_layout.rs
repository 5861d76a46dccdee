//! The actor map's layout with groups: members inside their regions, regions inside the regions
//! that hold them, nothing overlapping, the same every time, at every size.

use storyline_core::graph_layout::{layout, Node, Params};
use storyline_core::group_layout::{group_layout, GroupLayout, Region, REGION_MARGIN};
use storyline_testkit::grouped_graph::grouped_graph;
use storyline_testkit::map_checks::group_faults;

const SIZES: [(f64, f64); 5] = [(1200.0, 800.0), (720.0, 504.0), (480.0, 600.0), (320.0, 400.0), (300.0, 375.0)];

fn boxes(n: usize) -> Vec<Node> {
    vec![Node { width: 64.0, height: 48.0 }; n]
}

fn region(l: &GroupLayout, node: usize) -> Region {
    *l.regions.iter().find(|r| r.node == node).unwrap_or_else(|| panic!("{node} has no region"))
}

#[test]
fn members_stay_inside_their_regions_and_nothing_overlaps_at_every_size() {
    let p = Params::default();
    for (n, groups, m, seed) in [(8, 2, 6, 1), (16, 6, 15, 2), (40, 8, 50, 3), (60, 12, 90, 4), (500, 60, 1_500, 5)] {
        let g = grouped_graph(n, groups, m, seed);
        for (w, h) in SIZES {
            let l = group_layout(&g.nodes, &g.edges, &g.part_of, w, h, &p);
            let faults = group_faults(&l, &g.nodes, &g.part_of, &p, w, h);
            assert!(faults.is_empty(), "{n} nodes in {groups} groups at {w}×{h}: {faults:#?}");
            assert!(l.scale > 0.0 && l.scale <= 1.0);
        }
    }
}

#[test]
fn the_same_inputs_give_bit_identical_positions_and_regions() {
    let g = grouped_graph(60, 12, 90, 9);
    let p = Params::default();
    let (a, b) = (group_layout(&g.nodes, &g.edges, &g.part_of, 720.0, 504.0, &p), group_layout(&g.nodes, &g.edges, &g.part_of, 720.0, 504.0, &p));
    let bits = |l: &GroupLayout| {
        let nodes = l.nodes.iter().flat_map(|q| [q.x, q.y]);
        let regions = l.regions.iter().flat_map(|r| [r.x, r.y, r.width, r.height]);
        nodes.chain(regions).chain([l.scale]).map(f64::to_bits).collect::<Vec<_>>()
    };
    assert_eq!(bits(&a), bits(&b));
}

#[test]
fn without_groups_it_is_the_plain_layout() {
    let g = grouped_graph(30, 0, 40, 4);
    assert!(g.part_of.iter().all(Option::is_none));
    let p = Params::default();
    let grouped = group_layout(&g.nodes, &g.edges, &g.part_of, 720.0, 504.0, &p);
    let plain = layout(&g.nodes, &g.edges, 720.0, 504.0, &p);
    assert_eq!((grouped.nodes, grouped.scale), (plain.nodes, plain.scale));
    assert!(grouped.regions.is_empty());
}

#[test]
fn a_group_inside_a_group_is_drawn_inside_its_region_outermost_first() {
    // 0 holds 1, which holds 2 and 3; 4 stands alone, tied to 2.
    let part_of = [None, Some(0), Some(1), Some(1), None];
    let l = group_layout(&boxes(5), &[(2, 4)], &part_of, 720.0, 504.0, &Params::default());
    assert_eq!(l.regions.iter().map(|r| (r.node, r.depth)).collect::<Vec<_>>(), [(0, 0), (1, 1)]);
    let (outer, inner) = (region(&l, 0), region(&l, 1));
    assert!(outer.x < inner.x && outer.y < inner.y, "{outer:?} {inner:?}");
    assert!(inner.x + inner.width < outer.x + outer.width && inner.y + inner.height < outer.y + outer.height, "{outer:?} {inner:?}");
    assert!(group_faults(&l, &boxes(5), &part_of, &Params::default(), 720.0, 504.0).is_empty());
}

#[test]
fn a_groups_own_node_labels_its_region_at_the_top_centre() {
    let part_of = [None, Some(0), Some(0), Some(0)];
    let l = group_layout(&boxes(4), &[(1, 2)], &part_of, 720.0, 504.0, &Params::default());
    let r = region(&l, 0);
    let head = l.nodes[0];
    assert!((head.x - (r.x + r.width / 2.0)).abs() < 1e-9, "the label is centred: {head:?} in {r:?}");
    assert!((head.y - 24.0 * l.scale - r.y - REGION_MARGIN * l.scale).abs() < 1e-9, "the label is at the top: {head:?} in {r:?}");
    assert!((1..4).all(|m| l.nodes[m].y > head.y), "members are below their group's label");
}

#[test]
fn relations_between_members_pull_their_regions_together() {
    // Three groups of two: the members of the first two are tied to each other, the third's to nothing.
    let part_of = [None, Some(0), Some(0), None, Some(3), Some(3), None, Some(6), Some(6)];
    let l = group_layout(&boxes(9), &[(1, 4), (2, 5)], &part_of, 900.0, 600.0, &Params::default());
    let centre = |g: usize| {
        let r = region(&l, g);
        (r.x + r.width / 2.0, r.y + r.height / 2.0)
    };
    let apart = |a: usize, b: usize| ((centre(a).0 - centre(b).0).powi(2) + (centre(a).1 - centre(b).1).powi(2)).sqrt();
    assert!(apart(0, 3) < apart(0, 6) && apart(0, 3) < apart(3, 6), "tied {}, untied {} and {}", apart(0, 3), apart(0, 6), apart(3, 6));
}

#[test]
fn a_part_of_that_goes_round_or_out_of_range_is_drawn_without_it() {
    let part_of = [Some(1), Some(0), Some(7), None];
    let l = group_layout(&boxes(4), &[(0, 3)], &part_of, 720.0, 504.0, &Params::default());
    assert_eq!(l.nodes.len(), 4);
    assert!(l.nodes.iter().all(|p| p.x.is_finite() && p.y.is_finite()));
    assert_eq!(l.regions.len(), 1, "one link of the circle is cut, the other kept: {:?}", l.regions);
}
