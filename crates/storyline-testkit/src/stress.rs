//! How well an actor map's drawing keeps the graph's distances (normalized stress): the benchmark's quality figure, and the tests'.

use storyline_core::graph_layout::{distances, Placed};

/// Normalized stress of `points` against the graph distances of `edges`, at the best uniform
/// scale: 0 when every pair sits exactly at its graph distance, towards 1 as the drawing
/// ignores the graph.
pub fn stress(points: &[Placed], edges: &[(usize, usize)]) -> f64 {
    let n = points.len();
    if n < 2 {
        return 0.0;
    }
    let d = distances(n, edges);
    // With w = d⁻², Σw(s·e − d)² is least at s = Σ(e/d) / Σ(e/d)², where it is pairs − a²/b.
    let (mut a, mut b, mut pairs) = (0.0, 0.0, 0.0);
    for i in 0..n {
        for j in i + 1..n {
            let (dx, dy) = (points[i].x - points[j].x, points[i].y - points[j].y);
            let r = (dx * dx + dy * dy).sqrt() / d[i * n + j];
            a += r;
            b += r * r;
            pairs += 1.0;
        }
    }
    if b > 0.0 {
        1.0 - a * a / (b * pairs)
    } else {
        1.0
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn at(points: &[(f64, f64)]) -> Vec<Placed> {
        points.iter().map(|&(x, y)| Placed { x, y }).collect()
    }

    #[test]
    fn a_path_drawn_as_a_straight_line_has_no_stress_at_any_scale() {
        let edges = [(0, 1), (1, 2), (2, 3)];
        assert!(stress(&at(&[(0.0, 0.0), (1.0, 0.0), (2.0, 0.0), (3.0, 0.0)]), &edges).abs() < 1e-12);
        assert!(stress(&at(&[(0.0, 0.0), (0.0, 40.0), (0.0, 80.0), (0.0, 120.0)]), &edges).abs() < 1e-12);
    }

    #[test]
    fn a_path_folded_onto_itself_has_some() {
        let edges = [(0, 1), (1, 2), (2, 3)];
        assert!(stress(&at(&[(0.0, 0.0), (1.0, 0.0), (0.0, 0.0), (1.0, 0.0)]), &edges) > 0.1);
    }

    #[test]
    fn fewer_than_two_points_have_none_and_points_all_on_one_spot_the_most() {
        assert_eq!(stress(&at(&[(5.0, 5.0)]), &[]), 0.0);
        assert_eq!(stress(&at(&[(1.0, 1.0), (1.0, 1.0)]), &[(0, 1)]), 1.0);
    }
}
