//! Properties of the actor-map layout that must hold for any graph, box sizes and area.

use proptest::prelude::*;
use storyline_core::graph_layout::{layout, Layout, Node, Params};
use storyline_testkit::map_checks::{outside, overlapping};

/// Up to 60 nodes with label-sized boxes, and up to twice as many edges (self-loops and duplicates included).
fn any_graph() -> impl Strategy<Value = (Vec<Node>, Vec<(usize, usize)>)> {
    (1usize..=60).prop_flat_map(|n| {
        (
            prop::collection::vec((40.0..160.0f64, 20.0..40.0f64).prop_map(|(width, height)| Node { width, height }), n),
            prop::collection::vec((0..n, 0..n), 0..=2 * n),
        )
    })
}

/// Areas from phone-narrow to desktop-wide, and every gap, padding and seed.
fn any_params() -> impl Strategy<Value = (f64, f64, Params)> {
    (200.0..1_600.0f64, 200.0..1_200.0f64, 0.0..16.0f64, 0.0..24.0f64, any::<u64>())
        .prop_map(|(width, height, gap, padding, seed)| (width, height, Params { gap, padding, seed, ..Params::default() }))
}

proptest! {
    // Modest case counts: each case lays out up to 60 nodes, in a debug build.
    #![proptest_config(ProptestConfig::with_cases(64))]

    #[test]
    fn no_two_boxes_overlap_when_drawn_at_the_layout_scale((nodes, edges) in any_graph(), (w, h, p) in any_params()) {
        let l = layout(&nodes, &edges, w, h, &p);
        prop_assert_eq!(l.nodes.len(), nodes.len());
        prop_assert!(l.scale > 0.0 && l.scale <= 1.0, "scale {}", l.scale);
        let overlaps = overlapping(&l, &nodes, p.gap);
        prop_assert!(overlaps.is_empty(), "{overlaps:?}");
    }

    #[test]
    fn every_box_stays_inside_the_padding((nodes, edges) in any_graph(), (w, h, p) in any_params()) {
        let l = layout(&nodes, &edges, w, h, &p);
        let out: Vec<_> = outside(&l, &nodes, w, h, p.padding).into_iter().map(|i| (l.nodes[i], nodes[i])).collect();
        prop_assert!(out.is_empty(), "{out:?} in {w}×{h}");
    }

    #[test]
    fn the_same_inputs_give_the_same_layout_to_the_bit((nodes, edges) in any_graph(), (w, h, p) in any_params()) {
        let (a, b) = (layout(&nodes, &edges, w, h, &p), layout(&nodes, &edges, w, h, &p));
        let bits = |l: &Layout| l.nodes.iter().flat_map(|q| [q.x.to_bits(), q.y.to_bits()]).chain([l.scale.to_bits()]).collect::<Vec<_>>();
        prop_assert_eq!(bits(&a), bits(&b));
    }
}
