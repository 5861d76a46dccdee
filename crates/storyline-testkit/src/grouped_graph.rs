//! Seeded random graphs with groups, as the actor map lays them out: boxes sized like the map's
//! nodes, relations, and a forest of groups (some inside others), for the group layout's tests
//! and benchmark.

use storyline_core::graph_layout::Node;
use storyline_core::rng::Rng;
use storyline_core::text_width::text_width;

pub struct GroupedGraph {
    pub nodes: Vec<Node>,
    pub edges: Vec<(usize, usize)>,
    /// Each node's group, a node of lower index, so that no chain goes round.
    pub part_of: Vec<Option<usize>>,
}

/// `n` nodes, the first `groups` of them groups (each after the first part of an earlier one one
/// time in four), then every other node in a group but one in ten, and `m` relations at random.
pub fn grouped_graph(n: usize, groups: usize, m: usize, seed: u64) -> GroupedGraph {
    let mut rng = Rng::new(seed);
    let nodes = (0..n)
        .map(|i| {
            let label: String = format!("Actor {i} of the story").chars().take(3 + rng.below(16)).collect();
            Node { width: text_width(&label, 12.0).max(28.0) + 8.0, height: 48.0 }
        })
        .collect();
    let groups = groups.min(n);
    let part_of = (0..n)
        .map(|i| match i {
            0 => None,
            i if i < groups => (rng.below(4) == 0).then(|| rng.below(i)),
            _ => (rng.below(10) != 0 && groups > 0).then(|| rng.below(groups)),
        })
        .collect();
    let edges = (0..m).map(|_| (rng.below(n.max(1)), rng.below(n.max(1)))).collect();
    GroupedGraph { nodes, edges, part_of }
}
