//! The actor map layout's two promises, as checks for tests and benchmarks: no two boxes overlap, and every box stays inside the padding.
//!
//! Both read the boxes as drawn, at the layout's scale, and allow 1e-6 px for rounding.

use storyline_core::graph_layout::{Layout, Node, Placed};

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

#[cfg(test)]
mod tests {
    use super::*;

    fn drawn(centres: &[(f64, f64)], scale: f64) -> Layout {
        Layout { nodes: centres.iter().map(|&(x, y)| Placed { x, y }).collect(), scale }
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

    #[test]
    fn a_box_reaching_into_the_padding_is_outside() {
        let l = drawn(&[(50.0, 50.0), (15.0, 50.0), (50.0, 96.0)], 1.0);
        assert_eq!(outside(&l, &[BOX; 3], 100.0, 100.0, 4.0), [2]);
        assert_eq!(outside(&l, &[BOX; 3], 100.0, 100.0, 6.0), [1, 2]);
    }
}
