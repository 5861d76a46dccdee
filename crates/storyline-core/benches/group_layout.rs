//! Prints how long the actor-map layout with groups takes natively, and whether it keeps its
//! promises (`cargo bench -p storyline-core --bench group_layout`).

use storyline_core::graph_layout::Params;
use storyline_core::group_layout::group_layout;
use storyline_testkit::grouped_graph::grouped_graph;
use storyline_testkit::map_checks::group_faults;
use storyline_testkit::timing::time_runs;

const WIDTH: f64 = 1200.0;
const HEIGHT: f64 = 800.0;

fn main() {
    let params = Params::default();
    // The built-in story's size, a large story's (issue 19 asks < 200 ms for the second), a very large one's.
    for (n, groups, m, runs) in [(16, 6, 15, 25), (500, 60, 1_500, 9), (2_000, 200, 6_000, 3)] {
        let g = grouped_graph(n, groups, m, 3);
        let timed = time_runs(runs, || group_layout(&g.nodes, &g.edges, &g.part_of, WIDTH, HEIGHT, &params));
        let l = &timed.result;
        println!(
            "group_layout {n:>5} nodes/{:>3} regions/{m:>5} edges in {WIDTH}×{HEIGHT}: {timed}; faults {}, scale {:.3}",
            l.regions.len(),
            group_faults(l, &g.nodes, &g.part_of, &params, WIDTH, HEIGHT).len(),
            l.scale,
        );
    }
}
