//! The actor map's layout on small graphs of known shape and on random ones: its shapes, its bounds, its determinism.

use storyline_core::graph_layout::{arrange, layout, tighten, Layout, Node, Params, Placed};
use storyline_core::rng::Rng;
use storyline_testkit::map_checks::{outside, overlapping};
use storyline_testkit::stress::stress;

fn boxes(n: usize, width: f64, height: f64) -> Vec<Node> {
    vec![Node { width, height }; n]
}

fn path(n: usize) -> Vec<(usize, usize)> {
    (1..n).map(|i| (i - 1, i)).collect()
}

/// A connected-ish random graph: a random tree plus extra random edges.
fn random_graph(n: usize, extra: usize, seed: u64) -> Vec<(usize, usize)> {
    let mut rng = Rng::new(seed);
    let mut edges: Vec<(usize, usize)> = (1..n).map(|i| (rng.below(i), i)).collect();
    edges.extend((0..extra).map(|_| (rng.below(n), rng.below(n))));
    edges
}

fn random_boxes(n: usize, seed: u64) -> Vec<Node> {
    let mut rng = Rng::new(seed);
    (0..n).map(|_| Node { width: 40.0 + 120.0 * rng.unit(), height: 20.0 + 20.0 * rng.unit() }).collect()
}

fn distance(a: Placed, b: Placed) -> f64 {
    ((a.x - b.x).powi(2) + (a.y - b.y).powi(2)).sqrt()
}

/// The least and the greatest of `v`.
fn range(v: &[f64]) -> (f64, f64) {
    v.iter().fold((f64::INFINITY, f64::NEG_INFINITY), |(lo, hi), &a| (lo.min(a), hi.max(a)))
}

#[test]
fn the_same_inputs_give_bit_identical_positions() {
    let (nodes, edges) = (random_boxes(80, 3), random_graph(80, 120, 4));
    let p = Params::default();
    let a = layout(&nodes, &edges, 1200.0, 800.0, &p);
    let b = layout(&nodes, &edges, 1200.0, 800.0, &p);
    let bits = |l: &Layout| l.nodes.iter().flat_map(|q| [q.x.to_bits(), q.y.to_bits()]).collect::<Vec<_>>();
    assert_eq!(bits(&a), bits(&b));
    assert_eq!(a.scale.to_bits(), b.scale.to_bits());
}

#[test]
fn direction_duplicates_and_self_loops_make_no_difference() {
    let (nodes, edges) = (random_boxes(40, 11), random_graph(40, 30, 12));
    let mut noisy: Vec<(usize, usize)> = edges.iter().map(|&(a, b)| (b, a)).collect();
    noisy.extend(&edges);
    noisy.extend((0..40).map(|i| (i, i)));
    let p = Params::default();
    assert_eq!(layout(&nodes, &edges, 900.0, 600.0, &p), layout(&nodes, &noisy, 900.0, 600.0, &p));
}

#[test]
fn a_path_lays_out_roughly_on_a_line_along_the_wider_side() {
    let nodes = boxes(8, 60.0, 24.0);
    let l = layout(&nodes, &path(8), 1200.0, 400.0, &Params::default());
    let (x0, x1) = range(&l.nodes.iter().map(|p| p.x).collect::<Vec<_>>());
    let (y0, y1) = range(&l.nodes.iter().map(|p| p.y).collect::<Vec<_>>());
    assert!(y1 - y0 < 0.05 * (x1 - x0), "x spans {}, y spans {}", x1 - x0, y1 - y0);
    let xs: Vec<f64> = l.nodes.iter().map(|p| p.x).collect();
    assert!(xs.windows(2).all(|w| w[0] < w[1]) || xs.windows(2).all(|w| w[0] > w[1]), "in path order: {xs:?}");
}

#[test]
fn a_path_in_a_tall_area_runs_top_to_bottom() {
    let nodes = boxes(8, 60.0, 24.0);
    let l = layout(&nodes, &path(8), 360.0, 900.0, &Params::default());
    let (x0, x1) = range(&l.nodes.iter().map(|p| p.x).collect::<Vec<_>>());
    let (y0, y1) = range(&l.nodes.iter().map(|p| p.y).collect::<Vec<_>>());
    assert!(x1 - x0 < 0.05 * (y1 - y0), "x spans {}, y spans {}", x1 - x0, y1 - y0);
}

#[test]
fn a_triangle_is_roughly_equilateral() {
    let nodes = boxes(3, 50.0, 20.0);
    let l = layout(&nodes, &[(0, 1), (1, 2), (2, 0)], 800.0, 600.0, &Params::default());
    let sides = [distance(l.nodes[0], l.nodes[1]), distance(l.nodes[1], l.nodes[2]), distance(l.nodes[2], l.nodes[0])];
    let (short, long) = range(&sides);
    assert!(long / short < 1.05, "sides {sides:?}");
}

#[test]
fn disconnected_components_do_not_overlap() {
    // Two triangles, a path of three and a loner.
    let edges = [(0, 1), (1, 2), (2, 0), (3, 4), (4, 5), (5, 3), (6, 7), (7, 8)];
    let nodes = boxes(10, 70.0, 24.0);
    let p = Params::default();
    let l = layout(&nodes, &edges, 900.0, 600.0, &p);
    assert!(overlapping(&l, &nodes, p.gap).is_empty());
    let component = [0, 0, 0, 1, 1, 1, 2, 2, 2, 3];
    // The rectangle around a component's boxes: (left, right, top, bottom).
    let extent = |c: usize| {
        let sides = |i: usize| (l.nodes[i].x, nodes[i].width / 2.0, l.nodes[i].y, nodes[i].height / 2.0);
        (0..10).filter(|&i| component[i] == c).map(sides).fold(
            (f64::INFINITY, f64::NEG_INFINITY, f64::INFINITY, f64::NEG_INFINITY),
            |(x0, x1, y0, y1), (x, hw, y, hh)| (x0.min(x - hw), x1.max(x + hw), y0.min(y - hh), y1.max(y + hh)),
        )
    };
    for a in 0..4 {
        for b in a + 1..4 {
            let (p, q) = (extent(a), extent(b));
            let disjoint = p.1 <= q.0 || q.1 <= p.0 || p.3 <= q.2 || q.3 <= p.2;
            assert!(disjoint, "components {a} and {b} overlap: {p:?} {q:?}");
        }
    }
}

#[test]
fn boxes_stay_inside_wide_tall_and_square_areas_without_overlap() {
    let p = Params::default();
    for (n, seed) in [(5, 1), (30, 2), (60, 3)] {
        let (nodes, edges) = (random_boxes(n, seed), random_graph(n, n, seed + 10));
        for (w, h) in [(1200.0, 400.0), (360.0, 900.0), (600.0, 600.0)] {
            let l = layout(&nodes, &edges, w, h, &p);
            assert!(outside(&l, &nodes, w, h, p.padding).is_empty(), "{n} nodes in {w}×{h}");
            assert!(overlapping(&l, &nodes, p.gap).is_empty(), "{n} nodes in {w}×{h}: {:?}", overlapping(&l, &nodes, p.gap));
            assert!(l.scale > 0.0 && l.scale <= 1.0);
        }
    }
}

#[test]
fn a_sparse_map_is_drawn_at_full_size() {
    let (nodes, edges) = (random_boxes(15, 7), random_graph(15, 10, 8));
    assert_eq!(layout(&nodes, &edges, 1200.0, 800.0, &Params::default()).scale, 1.0);
}

#[test]
fn boxes_too_many_for_the_area_are_drawn_smaller_rather_than_overlapping() {
    let p = Params::default();
    let (nodes, edges) = (random_boxes(200, 5), random_graph(200, 300, 6));
    let l = layout(&nodes, &edges, 400.0, 300.0, &p);
    assert!(l.scale < 1.0);
    assert!(outside(&l, &nodes, 400.0, 300.0, p.padding).is_empty());
    assert!(overlapping(&l, &nodes, p.gap).is_empty());
}

#[test]
fn a_box_wider_than_the_area_is_shrunk_to_fit() {
    let nodes = [Node { width: 900.0, height: 30.0 }];
    let p = Params::default();
    let l = layout(&nodes, &[], 300.0, 200.0, &p);
    assert!(outside(&l, &nodes, 300.0, 200.0, p.padding).is_empty());
    assert!((l.scale - (300.0 - 2.0 * p.padding) / 900.0).abs() < 1e-12);
}

#[test]
fn an_empty_graph_gives_an_empty_layout() {
    let l = layout(&[], &[], 800.0, 600.0, &Params::default());
    assert!(l.nodes.is_empty());
    assert_eq!(l.scale, 1.0);
}

#[test]
fn a_single_node_sits_in_the_middle() {
    let l = layout(&boxes(1, 80.0, 24.0), &[(0, 0), (0, 5)], 800.0, 600.0, &Params::default());
    assert_eq!(l.nodes, [Placed { x: 400.0, y: 300.0 }]);
    assert_eq!(l.scale, 1.0);
}

#[test]
fn an_area_with_no_room_inside_the_padding_puts_everything_in_the_middle_at_zero_scale() {
    let l = layout(&boxes(3, 80.0, 24.0), &path(3), 20.0, 600.0, &Params::default());
    assert!(l.nodes.iter().all(|p| *p == Placed { x: 10.0, y: 300.0 }));
    assert_eq!(l.scale, 0.0);
}

#[test]
fn nodes_with_no_edges_are_still_spread_out() {
    let nodes = boxes(12, 60.0, 24.0);
    let p = Params::default();
    let l = layout(&nodes, &[], 800.0, 600.0, &p);
    assert!(overlapping(&l, &nodes, p.gap).is_empty());
    assert_eq!(l.scale, 1.0);
}

#[test]
fn a_star_does_not_pile_its_leaves_on_one_spot() {
    let nodes = boxes(9, 60.0, 24.0);
    let edges: Vec<(usize, usize)> = (1..9).map(|i| (0, i)).collect();
    let p = Params::default();
    let l = layout(&nodes, &edges, 800.0, 600.0, &p);
    assert!(overlapping(&l, &nodes, p.gap).is_empty());
    let spokes: Vec<f64> = (1..9).map(|i| distance(l.nodes[0], l.nodes[i])).collect();
    let (short, long) = range(&spokes);
    assert!(long / short < 1.5, "spokes {spokes:?}");
}

#[test]
fn majorization_lowers_the_stress_of_a_random_start() {
    let edges = random_graph(60, 60, 9);
    let laid = layout(&boxes(60, 4.0, 4.0), &edges, 1000.0, 1000.0, &Params { gap: 0.0, ..Params::default() });
    let mut rng = Rng::new(1);
    let random: Vec<Placed> = (0..60).map(|_| Placed { x: rng.unit(), y: rng.unit() }).collect();
    assert!(stress(&laid.nodes, &edges) < 0.5 * stress(&random, &edges));
}

#[test]
fn a_drawing_too_large_for_its_area_is_drawn_closer_together_before_it_is_shrunk() {
    let p = Params::default();
    let (nodes, edges) = (random_boxes(14, 21), random_graph(14, 4, 22));
    let (w, h) = (320.0, 260.0);
    let (avail_w, avail_h) = (w - 2.0 * p.padding, h - 2.0 * p.padding);
    let loose = arrange(&nodes, &edges, avail_w, avail_h, &p);
    let shrunk_alone = (avail_w / loose.width).min(avail_h / loose.height);
    assert!(shrunk_alone < 1.0, "the case needs a drawing larger than its area");
    let l = layout(&nodes, &edges, w, h, &p);
    assert!(l.scale > shrunk_alone, "labels drawn at {} rather than {shrunk_alone}", l.scale);
    assert!(overlapping(&l, &nodes, p.gap).is_empty());
    assert!(outside(&l, &nodes, w, h, p.padding).is_empty());
}

#[test]
fn tightened_without_a_room_the_closest_pair_ends_a_gap_apart_and_the_shape_is_kept() {
    let nodes = boxes(3, 20.0, 10.0);
    let mut drawing = storyline_core::graph_layout::Arrangement {
        nodes: vec![Placed { x: -100.0, y: 0.0 }, Placed { x: 0.0, y: 0.0 }, Placed { x: 200.0, y: 0.0 }],
        width: 320.0,
        height: 10.0,
    };
    tighten(&mut drawing, &nodes, 4.0, None);
    let xs: Vec<f64> = drawing.nodes.iter().map(|q| q.x).collect();
    assert!((xs[1] - xs[0] - 24.0).abs() < 1e-9, "{xs:?}");
    assert!((xs[2] - xs[1] - 48.0).abs() < 1e-9, "twice as far, as before: {xs:?}");
    assert!((drawing.width - 92.0).abs() < 1e-9 && (xs[0] + xs[2]).abs() < 1e-9, "centred, {} wide", drawing.width);
}
