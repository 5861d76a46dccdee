//! Where the actor map's edges run: each relation a quadratic curve between its two actors' shapes,
//! bent as little as it can be around every actor's label (a group's node is its region's label),
//! and cut where it leaves its ends' outlines, so that no line crosses a name and every arrowhead
//! stops a gap short of the actor it points at.
//!
//! An actor's outline is its shape's box with its label's box under it, as drawn. The curves are
//! checked as polylines fine enough to be within a fraction of a pixel of the curve, against
//! boxes grown by half the widest stroke and a margin; the same arithmetic in the same order on
//! every platform, so the server's map and the browser's agree.

use crate::map_scene::{LABEL_BASELINE, LABEL_FONT, SHAPE, SHAPE_RISE};

/// A box as drawn: left, top, right, bottom.
pub type Rect = (f64, f64, f64, f64);
/// A point.
pub type Point = (f64, f64);

/// How far an edge's ends stop from its actors' outlines, in px.
pub const END_GAP: f64 = 3.0;
/// How far a line keeps from any label: half the widest stroke (a chosen edge's, 4.5 px) and a margin.
pub const LABEL_CLEARANCE: f64 = 3.0;
/// The arrowhead's length and half its width, in px.
const ARROW_LENGTH: f64 = 9.0;
const ARROW_HALF: f64 = 4.5;
/// The curve is checked as this many straight segments.
const SEGMENTS: usize = 32;
/// Extra bends tried, each this much more to either side, before the least bad is taken.
const BEND_STEP: f64 = 16.0;
const BEND_TRIES: usize = 12;
/// Where along the straight line each bend is tried, as a share of it from the start.
const ALONG: [f64; 5] = [0.5, 0.25, 0.75, 0.1, 0.9];

/// The box of the shape of an actor whose node is centred at `(x, y)`, drawn at `scale`.
pub fn shape_box(x: f64, y: f64, scale: f64) -> Rect {
    let h = SHAPE / 2.0 + 1.0;
    (x - h * scale, y - (SHAPE_RISE + h) * scale, x + h * scale, y + (h - SHAPE_RISE) * scale)
}

/// The box of the label `width` px wide (at full size) of an actor whose node is centred at
/// `(x, y)`, drawn at `scale`: from a capital's top to a descender's foot, with the label's halo.
pub fn label_box(x: f64, y: f64, scale: f64, width: f64) -> Rect {
    let (halo, half) = (1.5, width / 2.0 + 1.5);
    (x - half * scale, y + (LABEL_BASELINE - 0.75 * LABEL_FONT - halo) * scale, x + half * scale, y + (LABEL_BASELINE + 0.25 * LABEL_FONT + halo) * scale)
}

/// A box grown by `by` on every side.
pub fn grown(r: Rect, by: f64) -> Rect {
    (r.0 - by, r.1 - by, r.2 + by, r.3 + by)
}

fn contains(r: Rect, p: Point) -> bool {
    p.0 > r.0 && p.0 < r.2 && p.1 > r.1 && p.1 < r.3
}

/// Whether the segment from `a` to `b` passes through the inside of `r` (Liang–Barsky).
pub fn segment_crosses(a: Point, b: Point, r: Rect) -> bool {
    let (dx, dy) = (b.0 - a.0, b.1 - a.1);
    let (mut lo, mut hi) = (0.0f64, 1.0f64);
    for (p, q) in [(-dx, a.0 - r.0), (dx, r.2 - a.0), (-dy, a.1 - r.1), (dy, r.3 - a.1)] {
        if p == 0.0 {
            if q <= 0.0 {
                return false;
            }
        } else {
            let t = q / p;
            if p < 0.0 {
                lo = lo.max(t);
            } else {
                hi = hi.min(t);
            }
        }
    }
    lo < hi
}

/// The point at `t` on the quadratic curve from `p0` through `p1` to `p2`.
pub fn at(p0: Point, p1: Point, p2: Point, t: f64) -> Point {
    let (u, v, w) = ((1.0 - t) * (1.0 - t), 2.0 * (1.0 - t) * t, t * t);
    (u * p0.0 + v * p1.0 + w * p2.0, u * p0.1 + v * p1.1 + w * p2.1)
}

/// A relation's curve as drawn: from `start` bent through `control` to `end`, and its arrowhead
/// (tip first) when it has one.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Route {
    pub start: Point,
    pub control: Point,
    pub end: Point,
    pub arrow: Option<[Point; 3]>,
}

impl Route {
    /// The curve as `SEGMENTS` straight segments' ends, and the arrowhead's sides.
    fn segments(&self) -> impl Iterator<Item = (Point, Point)> + '_ {
        let p = |i: usize| at(self.start, self.control, self.end, i as f64 / SEGMENTS as f64);
        let arrow = self.arrow.into_iter().flat_map(|[a, b, c]| [(a, b), (b, c), (c, a)]);
        (0..SEGMENTS).map(move |i| (p(i), p(i + 1))).chain(arrow)
    }

    /// How many of `labels` (grown by the clearance) the curve or its arrowhead runs through.
    fn crossings(&self, labels: &[Rect]) -> usize {
        let (lo, hi) = self.hull();
        labels
            .iter()
            .map(|&l| grown(l, LABEL_CLEARANCE))
            // Only labels near the curve can be crossed: it lies within its points' hull.
            .filter(|l| l.0 < hi.0 && l.2 > lo.0 && l.1 < hi.1 && l.3 > lo.1)
            .filter(|&l| self.segments().any(|(a, b)| segment_crosses(a, b, l)))
            .count()
    }

    fn hull(&self) -> (Point, Point) {
        let mut points = vec![self.start, self.control, self.end];
        points.extend(self.arrow.into_iter().flatten());
        let lo = points.iter().fold((f64::INFINITY, f64::INFINITY), |m, p| (m.0.min(p.0), m.1.min(p.1)));
        let hi = points.iter().fold((f64::NEG_INFINITY, f64::NEG_INFINITY), |m, p| (m.0.max(p.0), m.1.max(p.1)));
        (lo, hi)
    }
}

/// One relation to route: the centres of its two ends' shapes, the outlines of its ends (shape
/// and label boxes), whether it has an arrowhead, and its own bend (several relations of one
/// pair bend apart), seen in the pair's direction, which the relation runs against if `reversed`.
pub struct Ends {
    pub from: Point,
    pub to: Point,
    pub from_outline: [Rect; 2],
    pub to_outline: [Rect; 2],
    pub directed: bool,
    pub bend: f64,
    pub reversed: bool,
}

/// The routes of the relations of one pair of actors, bent together by the least extra bend
/// (none, then a step to one side, to the other, two steps…) that takes every one of them clear
/// of `labels`; where none does, the extra bend that crosses fewest.
pub fn route_pair(pair: &[Ends], labels: &[Rect]) -> Vec<Route> {
    let bends = (0..=2 * BEND_TRIES).map(|k| BEND_STEP * (k.div_ceil(2) as f64) * if k % 2 == 1 { 1.0 } else { -1.0 });
    // Each bend first at the middle of the line, then nearer one end or the other: a label next
    // to one end is passed by a curve that swerves there.
    let tries = bends.flat_map(|bend| ALONG.iter().map(move |&along| (bend, along)));
    let mut best: Option<(usize, Vec<Route>)> = None;
    for (extra, along) in tries {
        // In the pair's own direction: a relation that runs against it bends and swerves mirrored.
        let routes: Vec<Route> =
            pair.iter().map(|e| if e.reversed { route(e, -(e.bend + extra), 1.0 - along) } else { route(e, e.bend + extra, along) }).collect();
        let crossed = routes.iter().map(|r| r.crossings(labels)).sum::<usize>();
        if crossed == 0 {
            return routes;
        }
        if best.as_ref().is_none_or(|(c, _)| crossed < *c) {
            best = Some((crossed, routes));
        }
    }
    best.map(|(_, routes)| routes).unwrap_or_default()
}

/// The curve between `ends` bent `bend` px to the left of the straight line (seen from its start)
/// at `along` of its length,
/// cut where it leaves the start's outline and where it meets the end's, each a gap away.
fn route(ends: &Ends, bend: f64, along: f64) -> Route {
    let (p0, p2) = (ends.from, ends.to);
    let (dx, dy) = (p2.0 - p0.0, p2.1 - p0.1);
    let len = (dx * dx + dy * dy).sqrt().max(1.0);
    let (ux, uy) = (dx / len, dy / len);
    let p1 = (p0.0 + dx * along - uy * bend, p0.1 + dy * along + ux * bend);
    let inside = |outline: &[Rect; 2], t: f64| {
        let p = at(p0, p1, p2, t);
        outline.iter().any(|&r| contains(grown(r, END_GAP), p))
    };
    // Fine steps along the curve, then halving between the last step in and the first out.
    const STEPS: usize = 64;
    let step = |i: usize| i as f64 / STEPS as f64;
    let edge = |mut lo: f64, mut hi: f64, outline: &[Rect; 2]| {
        let lo_in = inside(outline, lo);
        for _ in 0..20 {
            let mid = (lo + hi) / 2.0;
            if inside(outline, mid) == lo_in {
                lo = mid;
            } else {
                hi = mid;
            }
        }
        if lo_in {
            hi
        } else {
            lo
        }
    };
    let last_in = (0..STEPS).rev().find(|&i| inside(&ends.from_outline, step(i))).unwrap_or(0);
    let t0 = edge(step(last_in), step(last_in + 1), &ends.from_outline);
    let first_in = (last_in + 1..=STEPS).find(|&i| inside(&ends.to_outline, step(i))).unwrap_or(STEPS);
    let t1 = edge(step(first_in - 1).max(t0), step(first_in), &ends.to_outline);
    // The part of the curve from t0 to t1 is itself a quadratic curve, with this control point.
    let blend = |a: f64, b: f64, c: f64| (1.0 - t0) * (1.0 - t1) * a + ((1.0 - t0) * t1 + t0 * (1.0 - t1)) * b + t0 * t1 * c;
    let (start, end) = (at(p0, p1, p2, t0), at(p0, p1, p2, t1));
    let control = (blend(p0.0, p1.0, p2.0), blend(p0.1, p1.1, p2.1));
    let arrow = ends.directed.then(|| {
        let (tx, ty) = (end.0 - control.0, end.1 - control.1);
        let tl = (tx * tx + ty * ty).sqrt().max(1e-9);
        let (ax, ay) = (tx / tl, ty / tl);
        let (bx, by) = (end.0 - ax * ARROW_LENGTH, end.1 - ay * ARROW_LENGTH);
        [end, (bx - ay * ARROW_HALF, by + ax * ARROW_HALF), (bx + ay * ARROW_HALF, by - ax * ARROW_HALF)]
    });
    Route { start, control, end, arrow }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn ends(from: Point, to: Point) -> Ends {
        let outline = |(x, y): Point| [shape_box(x, y + SHAPE_RISE, 1.0), label_box(x, y + SHAPE_RISE, 1.0, 40.0)];
        Ends { from, to, from_outline: outline(from), to_outline: outline(to), directed: true, bend: 0.0, reversed: false }
    }

    #[test]
    fn a_segment_through_a_box_crosses_it_and_one_beside_it_does_not() {
        let r = (0.0, 0.0, 10.0, 10.0);
        assert!(segment_crosses((-5.0, 5.0), (15.0, 5.0), r));
        assert!(segment_crosses((5.0, 5.0), (5.0, 6.0), r), "a segment wholly inside crosses");
        assert!(!segment_crosses((-5.0, 11.0), (15.0, 11.0), r));
        assert!(!segment_crosses((-5.0, -5.0), (-1.0, 20.0), r));
    }

    #[test]
    fn a_straight_edge_goes_straight_and_stops_a_gap_short_of_both_outlines() {
        let e = ends((0.0, 0.0), (200.0, 0.0));
        let [r] = route_pair(std::slice::from_ref(&e), &[])[..] else { panic!("one route") };
        assert!((r.start.1).abs() < 1e-9 && (r.end.1).abs() < 1e-9, "{r:?}");
        // Each end is on its outline (here its shape's side) grown by the gap.
        assert!((r.start.0 - (e.from_outline[0].2 + END_GAP)).abs() < 1e-3, "{r:?}");
        assert!((r.end.0 - (e.to_outline[0].0 - END_GAP)).abs() < 1e-3, "{r:?}");
        assert_eq!(r.arrow.unwrap()[0], r.end, "the arrowhead's tip is the curve's end");
    }

    #[test]
    fn an_edge_bends_around_a_label_in_its_way() {
        let e = ends((0.0, 0.0), (300.0, 0.0));
        let label = (120.0, -8.0, 180.0, 8.0);
        let [r] = route_pair(std::slice::from_ref(&e), &[label])[..] else { panic!("one route") };
        assert_eq!(r.crossings(&[label]), 0, "{r:?}");
        assert!(r.control.1.abs() > 10.0, "it bends: {r:?}");
    }
}
