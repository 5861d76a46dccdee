//! Prints how long the actor-map layout takes natively, and how good it is (`cargo bench -p storyline-core --bench graph_layout`).

use storyline_core::graph_layout::{layout, Node, Params};
use storyline_core::rng::Rng;
use storyline_core::text_width::text_width;
use storyline_testkit::map_checks::{outside, overlapping};
use storyline_testkit::stress::stress;
use storyline_testkit::timing::time_runs;

const WIDTH: f64 = 1200.0;
const HEIGHT: f64 = 800.0;

/// A connected-ish random graph: a random forest (a new tree every 100 nodes) plus random edges up to `m`.
fn graph(n: usize, m: usize, seed: u64) -> Vec<(usize, usize)> {
    let mut rng = Rng::new(seed);
    let mut edges: Vec<(usize, usize)> = (1..n).filter(|i| i % 100 != 0).map(|i| (rng.below(i), i)).collect();
    while edges.len() < m {
        edges.push((rng.below(n), rng.below(n)));
    }
    edges
}

/// Boxes sized as the widget sizes them: a marker and a label of 3 to 24 characters at 13 px.
fn nodes(n: usize, seed: u64) -> Vec<Node> {
    let mut rng = Rng::new(seed);
    (0..n)
        .map(|i| {
            let label: String = format!("Actor {i} of the story").chars().take(3 + rng.below(22)).collect();
            Node { width: 24.0 + text_width(&label, 13.0), height: 28.0 }
        })
        .collect()
}

fn main() {
    let params = Params::default();
    for (n, m, runs) in [(15, 25, 25), (500, 1_500, 9), (1_000, 3_000, 5)] {
        let (nodes, edges) = (nodes(n, 1), graph(n, m, 2));
        let timed = time_runs(runs, || layout(&nodes, &edges, WIDTH, HEIGHT, &params));
        let l = &timed.result;
        // The same graph with points for nodes: what majorization alone achieves, before boxes push it about.
        let points = layout(&vec![Node { width: 0.0, height: 0.0 }; n], &edges, WIDTH, HEIGHT, &Params { gap: 0.0, ..params });
        println!(
            "graph_layout {n:>5} nodes/{m:>5} edges in {WIDTH}×{HEIGHT}: {timed}; \
             overlaps {}, outside {}, scale {:.3}, normalized stress {:.3} (points alone {:.3})",
            overlapping(l, &nodes, params.gap).len(),
            outside(l, &nodes, WIDTH, HEIGHT, params.padding).len(),
            l.scale,
            stress(&l.nodes, &edges),
            stress(&points.nodes, &edges),
        );
    }
}
