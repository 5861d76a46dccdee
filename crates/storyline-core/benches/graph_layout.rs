//! Prints how long the actor-map layout takes natively, and how good it is (`cargo bench -p storyline-core --bench graph_layout`).

use std::time::Instant;
use storyline_core::graph_layout::{layout, stress, Layout, Node, Params};
use storyline_core::synth::Rng;
use storyline_core::text_width::text_width;

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

fn overlaps(l: &Layout, nodes: &[Node], gap: f64) -> usize {
    let s = l.scale;
    let mut count = 0;
    for i in 0..nodes.len() {
        for j in i + 1..nodes.len() {
            let (a, b) = (l.nodes[i], l.nodes[j]);
            let apart_x = (a.x - b.x).abs() >= s * ((nodes[i].width + nodes[j].width) / 2.0 + gap) - 1e-6;
            let apart_y = (a.y - b.y).abs() >= s * ((nodes[i].height + nodes[j].height) / 2.0 + gap) - 1e-6;
            count += usize::from(!apart_x && !apart_y);
        }
    }
    count
}

fn outside(l: &Layout, nodes: &[Node], padding: f64) -> usize {
    l.nodes
        .iter()
        .zip(nodes)
        .filter(|(p, b)| {
            let (hw, hh) = (l.scale * b.width / 2.0, l.scale * b.height / 2.0);
            p.x - hw < padding - 1e-6
                || p.x + hw > WIDTH - padding + 1e-6
                || p.y - hh < padding - 1e-6
                || p.y + hh > HEIGHT - padding + 1e-6
        })
        .count()
}

fn main() {
    let params = Params::default();
    for (n, m, runs) in [(15, 25, 25), (500, 1_500, 9), (1_000, 3_000, 5)] {
        let (nodes, edges) = (nodes(n, 1), graph(n, m, 2));
        let mut last = None;
        let mut times: Vec<f64> = (0..runs)
            .map(|_| {
                let start = Instant::now();
                let l = layout(&nodes, &edges, WIDTH, HEIGHT, &params);
                let elapsed = start.elapsed().as_secs_f64() * 1e3;
                if let Some(previous) = &last {
                    assert_eq!(previous, &l, "the layout is deterministic");
                }
                last = Some(l);
                elapsed
            })
            .collect();
        let l = last.expect("at least one run");
        times.sort_by(f64::total_cmp);
        // The same graph with points for nodes: what majorization alone achieves, before boxes push it about.
        let points = layout(&vec![Node { width: 0.0, height: 0.0 }; n], &edges, WIDTH, HEIGHT, &Params { gap: 0.0, ..params });
        println!(
            "graph_layout {n:>5} nodes/{m:>5} edges in {WIDTH}×{HEIGHT}: median {:>7.2} ms, min {:>7.2} ms, max {:>7.2} ms ({runs} runs); \
             overlaps {}, outside {}, scale {:.3}, normalized stress {:.3} (points alone {:.3})",
            times[times.len() / 2],
            times[0],
            times[times.len() - 1],
            overlaps(&l, &nodes, params.gap),
            outside(&l, &nodes, params.padding),
            l.scale,
            stress(&l.nodes, &edges),
            stress(&points.nodes, &edges),
        );
    }
}
