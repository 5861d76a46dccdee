//! Properties of the actor-map layout that must hold for any graph, box sizes and area.

use proptest::prelude::*;
use storyline_core::graph_layout::{layout, Layout, Node, Params};

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

fn first_overlap(l: &Layout, nodes: &[Node], gap: f64) -> Option<(usize, usize)> {
    let s = l.scale;
    for i in 0..nodes.len() {
        for j in i + 1..nodes.len() {
            let (a, b) = (l.nodes[i], l.nodes[j]);
            let apart_x = (a.x - b.x).abs() >= s * ((nodes[i].width + nodes[j].width) / 2.0 + gap) - 1e-6;
            let apart_y = (a.y - b.y).abs() >= s * ((nodes[i].height + nodes[j].height) / 2.0 + gap) - 1e-6;
            if !apart_x && !apart_y {
                return Some((i, j));
            }
        }
    }
    None
}

proptest! {
    // Modest case counts: each case lays out up to 60 nodes, in a debug build.
    #![proptest_config(ProptestConfig::with_cases(64))]

    #[test]
    fn no_two_boxes_overlap_when_drawn_at_the_layout_scale((nodes, edges) in any_graph(), (w, h, p) in any_params()) {
        let l = layout(&nodes, &edges, w, h, &p);
        prop_assert_eq!(l.nodes.len(), nodes.len());
        prop_assert!(l.scale > 0.0 && l.scale <= 1.0, "scale {}", l.scale);
        prop_assert_eq!(first_overlap(&l, &nodes, p.gap), None);
    }

    #[test]
    fn every_box_stays_inside_the_padding((nodes, edges) in any_graph(), (w, h, p) in any_params()) {
        let l = layout(&nodes, &edges, w, h, &p);
        for (q, b) in l.nodes.iter().zip(&nodes) {
            let (hw, hh) = (l.scale * b.width / 2.0, l.scale * b.height / 2.0);
            prop_assert!(q.x - hw >= p.padding - 1e-6 && q.x + hw <= w - p.padding + 1e-6, "{q:?} {b:?} in {w}×{h}");
            prop_assert!(q.y - hh >= p.padding - 1e-6 && q.y + hh <= h - p.padding + 1e-6, "{q:?} {b:?} in {w}×{h}");
        }
    }

    #[test]
    fn the_same_inputs_give_the_same_layout_to_the_bit((nodes, edges) in any_graph(), (w, h, p) in any_params()) {
        let (a, b) = (layout(&nodes, &edges, w, h, &p), layout(&nodes, &edges, w, h, &p));
        let bits = |l: &Layout| l.nodes.iter().flat_map(|q| [q.x.to_bits(), q.y.to_bits()]).chain([l.scale.to_bits()]).collect::<Vec<_>>();
        prop_assert_eq!(bits(&a), bits(&b));
    }
}
