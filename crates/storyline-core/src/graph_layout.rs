//! Actor-map layout: stress majorization over graph distances, fitted to the area, with no two labels overlapping.
//!
//! The map is laid out once over every relation of the story; time only hides and shows
//! edges, so actors never jump about while the reader scrubs the timeline. The steps:
//! graph distances by breadth-first search, a pivot-MDS start, a fixed number of stress
//! majorization sweeps (Gansner, Koren & North 2004), a turn onto the principal axes so that
//! the long side of the drawing follows the wider side of the area, a uniform scale into the
//! area, then overlap removal: pairwise pushes to spread crowded parts, and a last pass that
//! moves whatever still overlaps outwards along one axis, which cannot fail.
//!
//! Only IEEE arithmetic and `sqrt` are used, in a fixed order, with no trigonometry, no fused
//! multiply-adds and no stopping rule other than exact comparisons, so the same inputs give
//! bit-identical positions run after run and, by construction, on every platform, wasm included.
//!
//! When the boxes cannot all fit the area at full size, the map is laid out in a larger virtual
//! area, drawn closer together as far as the gap allows (the same factor for every centre, so
//! the shape holds; a bisection of fixed steps), and only then shrunk to fit: [`Layout::scale`]
//! (below 1) is the zoom at which boxes and gap must be drawn. Memory is one n×n matrix of `f64` (8 MB at 1,000 actors, 32 MB at 2,000).

use crate::rng::Rng;

/// The box a node and its label occupy, in px.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Node {
    pub width: f64,
    pub height: f64,
}

#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Params {
    /// Stress majorization sweeps: a fixed count, so that every platform stops at the same place.
    pub iterations: usize,
    /// Chooses the first pivot and breaks the symmetries of the start; the same seed gives the same map.
    pub seed: u64,
    /// Kept clear inside the edges of the area, in px; never scaled.
    pub padding: f64,
    /// The least space between two boxes, in px.
    pub gap: f64,
    /// The share of the area boxes may cover before the layout moves to a larger virtual area.
    pub fill: f64,
    /// The least scale the drawing is shrunk to: below it, the area grows to hold the drawing
    /// instead, so that labels keep a readable size (the reader scrolls). 0 shrinks as far as the area needs.
    pub least_scale: f64,
}

impl Default for Params {
    fn default() -> Self {
        Params { iterations: 30, seed: 0x5709_11E0, padding: 10.0, gap: 8.0, fill: MAX_FILL, least_scale: 0.0 }
    }
}

/// A node centre, in px from the top left of the area.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Placed {
    pub x: f64,
    pub y: f64,
}

/// Where every node goes, and the zoom it must be drawn at.
#[derive(Clone, Debug, PartialEq)]
pub struct Layout {
    /// Node centres inside the area, in the order the nodes were given.
    pub nodes: Vec<Placed>,
    /// The area drawn in: the one given, or larger where `Params::least_scale` holds the drawing
    /// larger than it.
    pub width: f64,
    pub height: f64,
    /// 1 when every box fits at full size. Below 1, boxes and gap drawn this many times their
    /// size fit inside the padding without overlap (the padding itself is not scaled). 0 only
    /// when the padding leaves no room at all, and then every node sits at the centre.
    pub scale: f64,
}

/// Nodes arranged at full size, before they are fitted to an area.
#[derive(Clone, Debug, PartialEq)]
pub struct Arrangement {
    /// Node centres, in the order the nodes were given, about the middle of the drawing (0, 0).
    pub nodes: Vec<Placed>,
    /// The size of the rectangle around every box.
    pub width: f64,
    pub height: f64,
}

/// Pivots for the start: enough to catch the large-scale shape of graphs of a few thousand nodes.
const PIVOTS: usize = 50;
const POWER_STEPS: usize = 100;
/// Boxes may cover this share of the area before the layout moves to a larger virtual area
/// (`Params::fill`, by default). Measured on random graphs of 5 to 85 nodes: higher barely enlarges the final scale (boxes
/// pushed apart spread past the area anyway) while it distorts the drawing more.
const MAX_FILL: f64 = 0.3;
const SEPARATION_PASSES: usize = 30;
/// Pushed pairs are parted by this much more than needed, so rounding never leaves them touching.
const NUDGE: f64 = 1e-6;
/// How far pushes may be steered towards the axis the drawing is short of (see `separate`).
const BIAS_MIN: f64 = 0.1;

/// Lays out `nodes` joined by `edges` (indices into `nodes`; direction, duplicates, self-loops and
/// out-of-range indices are ignored) inside a `width`×`height` area.
pub fn layout(nodes: &[Node], edges: &[(usize, usize)], width: f64, height: f64, params: &Params) -> Layout {
    let n = nodes.len();
    let (width, height) = (size(width), size(height));
    let padding = size(params.padding);
    let (avail_w, avail_h) = ((width - 2.0 * padding).max(0.0), (height - 2.0 * padding).max(0.0));
    let centre = Placed { x: width / 2.0, y: height / 2.0 };
    if n == 0 {
        return Layout { nodes: Vec::new(), width, height, scale: 1.0 };
    }
    if avail_w <= 0.0 || avail_h <= 0.0 {
        return Layout { nodes: vec![centre; n], width, height, scale: 0.0 };
    }
    // Centre the drawing in the area: drawn closer together if it came out larger, as far as the
    // gap allows, and shrunk only for what is still too large, so that labels keep their size.
    let mut drawing = arrange(nodes, edges, avail_w, avail_h, params);
    tighten(&mut drawing, nodes, params.gap, Some((avail_w, avail_h)));
    let scale = 1f64.min(avail_w / drawing.width).min(avail_h / drawing.height).max(params.least_scale.min(1.0));
    // Held at its least scale, the drawing may be larger than the area, which then grows to hold it.
    let width = width.max(drawing.width * scale + 2.0 * padding);
    let height = height.max(drawing.height * scale + 2.0 * padding);
    let centre = Placed { x: width / 2.0, y: height / 2.0 };
    let placed = drawing.nodes.iter().map(|p| Placed { x: centre.x + p.x * scale, y: centre.y + p.y * scale }).collect();
    Layout { nodes: placed, width, height, scale }
}

/// Arranges `nodes` joined by `edges` at full size, with no two boxes closer than the gap, for an
/// area of `avail_w`×`avail_h` (both above 0): the drawing takes the area's shape, and spreads
/// over it or, when the boxes would cover more than `Params::fill` of it, over a larger one.
/// `layout` fits the result to its area; the group layout nests results inside one another.
pub fn arrange(nodes: &[Node], edges: &[(usize, usize)], avail_w: f64, avail_h: f64, params: &Params) -> Arrangement {
    let n = nodes.len();
    let boxes: Vec<Node> = nodes.iter().map(|b| Node { width: size(b.width), height: size(b.height) }).collect();
    let gap = size(params.gap);
    let (mut x, mut y) = (vec![0.0; n], vec![0.0; n]);
    if n > 0 && avail_w > 0.0 && avail_h > 0.0 {
        let mut matrix = distances(n, edges);
        (x, y) = pivot_mds(&matrix, n, params.seed);
        majorize(&mut matrix, &mut x, &mut y, params.iterations);
        drop(matrix);
        principal_axes(&mut x, &mut y, avail_w >= avail_h);

        // A virtual area big enough for the boxes, of the same shape as the real one.
        let box_area: f64 = boxes.iter().map(|b| (b.width + gap) * (b.height + gap)).sum();
        let widest = boxes.iter().fold(0.0f64, |m, b| m.max(b.width));
        let tallest = boxes.iter().fold(0.0f64, |m, b| m.max(b.height));
        let fill = if params.fill > 0.0 { params.fill } else { MAX_FILL };
        let grow = 1f64.max((box_area / (fill * avail_w * avail_h)).sqrt()).max(widest / avail_w).max(tallest / avail_h);
        let (vw, vh) = (avail_w * grow, avail_h * grow);
        fit(&mut x, &mut y, widest, tallest, vw, vh);

        let mut order: Vec<usize> = (0..n).collect();
        separate(&mut x, &mut y, &boxes, gap, avail_w / avail_h, &mut order);
        if x.iter().chain(&y).all(|v| v.is_finite()) {
            let (widths, heights): (Vec<f64>, Vec<f64>) = boxes.iter().map(|b| (b.width, b.height)).unzip();
            let b = bounds(&x, &y, &boxes);
            // What still overlaps moves along the axis on which the drawing is short of the area's shape.
            if (b.x1 - b.x0) / (b.y1 - b.y0) < avail_w / avail_h {
                legalize(&mut x, &y, &widths, &heights, gap, &mut order);
            } else {
                legalize(&mut y, &x, &heights, &widths, gap, &mut order);
            }
        } else {
            shelves(&mut x, &mut y, &boxes, gap, avail_w / avail_h);
        }
    } else {
        shelves(&mut x, &mut y, &boxes, gap, 1.0);
    }
    let b = bounds(&x, &y, &boxes);
    let (mid_x, mid_y) = ((b.x0 + b.x1) / 2.0, (b.y0 + b.y1) / 2.0);
    let placed = x.iter().zip(&y).map(|(&px, &py)| Placed { x: px - mid_x, y: py - mid_y }).collect();
    Arrangement { nodes: placed, width: (b.x1 - b.x0).max(0.0), height: (b.y1 - b.y0).max(0.0) }
}

/// Draws the centres of `drawing` nearer its middle, all by one factor, so that it keeps its
/// shape: until it fits `room` (as far as the gap allows), or with no room given as close as the
/// gap allows. Boxes keep their size; no two come closer than the gap.
pub fn tighten(drawing: &mut Arrangement, nodes: &[Node], gap: f64, room: Option<(f64, f64)>) {
    let boxes: Vec<Node> = nodes.iter().map(|b| Node { width: size(b.width), height: size(b.height) }).collect();
    let gap = size(gap);
    let p = &drawing.nodes;
    // Each pair stays apart while one axis keeps its distance: the factor at which the later gives way.
    let mut least = 0.0f64;
    for i in 0..p.len() {
        for j in i + 1..p.len() {
            let need_x = (boxes[i].width + boxes[j].width) / 2.0 + gap;
            let need_y = (boxes[i].height + boxes[j].height) / 2.0 + gap;
            least = least.max((need_x / (p[i].x - p[j].x).abs()).min(need_y / (p[i].y - p[j].y).abs()));
        }
    }
    let least = least.min(1.0);
    let extent = |f: f64| {
        let (mut x0, mut x1, mut y0, mut y1) = (f64::INFINITY, f64::NEG_INFINITY, f64::INFINITY, f64::NEG_INFINITY);
        for (q, b) in p.iter().zip(&boxes) {
            (x0, x1) = (x0.min(q.x * f - b.width / 2.0), x1.max(q.x * f + b.width / 2.0));
            (y0, y1) = (y0.min(q.y * f - b.height / 2.0), y1.max(q.y * f + b.height / 2.0));
        }
        (x0, x1, y0, y1)
    };
    let fits = |f: f64, (w, h): (f64, f64)| {
        let (x0, x1, y0, y1) = extent(f);
        x1 - x0 <= w && y1 - y0 <= h
    };
    let factor = match room {
        None => least,
        Some(room) if fits(1.0, room) => 1.0,
        // The drawing grows with the factor: the largest that fits, by bisection in a fixed number of steps.
        Some(room) => {
            let (mut lo, mut hi) = (least, 1.0);
            for _ in 0..TIGHTEN_STEPS {
                let mid = (lo + hi) / 2.0;
                if fits(mid, room) {
                    lo = mid;
                } else {
                    hi = mid;
                }
            }
            lo
        }
    };
    if factor < 1.0 && p.len() > 1 {
        let (x0, x1, y0, y1) = extent(factor);
        let (mid_x, mid_y) = ((x0 + x1) / 2.0, (y0 + y1) / 2.0);
        drawing.nodes.iter_mut().for_each(|q| (q.x, q.y) = (q.x * factor - mid_x, q.y * factor - mid_y));
        (drawing.width, drawing.height) = (x1 - x0, y1 - y0);
    }
}

/// Bisection steps for `tighten`: 2⁻⁴⁰ of the range, far below a pixel.
const TIGHTEN_STEPS: usize = 40;

/// A usable size: negative, infinite and NaN sizes count as 0.
pub(crate) fn size(v: f64) -> f64 {
    if v.is_finite() && v > 0.0 {
        v
    } else {
        0.0
    }
}

/// Graph distances between all pairs, row-major n×n, by breadth-first search over undirected edges.
/// Pairs in different components are put one step further apart than the longest real distance,
/// which keeps components near each other without letting them interleave. The distances the
/// layout draws towards, so also those a drawing's stress is measured against.
pub fn distances(n: usize, edges: &[(usize, usize)]) -> Vec<f64> {
    // Neighbour lists, flat: the neighbours of u are neighbours[start[u]..start[u + 1]].
    let mut pairs: Vec<(u32, u32)> =
        edges.iter().filter(|&&(a, b)| a != b && a < n && b < n).flat_map(|&(a, b)| [(a as u32, b as u32), (b as u32, a as u32)]).collect();
    crate::order::sort_by(&mut pairs, <(u32, u32)>::cmp);
    pairs.dedup();
    let mut start = vec![0usize; n + 1];
    for &(a, _) in &pairs {
        start[a as usize + 1] += 1;
    }
    for u in 0..n {
        start[u + 1] += start[u];
    }
    let neighbours: Vec<u32> = pairs.iter().map(|&(_, b)| b).collect();
    let mut d = vec![f64::INFINITY; n * n];
    let mut queue: Vec<u32> = Vec::with_capacity(n);
    let mut longest = 0.0f64;
    for source in 0..n {
        let row = &mut d[source * n..(source + 1) * n];
        row[source] = 0.0;
        queue.clear();
        queue.push(source as u32);
        let mut head = 0;
        while head < queue.len() {
            let u = queue[head] as usize;
            head += 1;
            let next = row[u] + 1.0;
            for &v in &neighbours[start[u]..start[u + 1]] {
                if row[v as usize] == f64::INFINITY {
                    row[v as usize] = next;
                    queue.push(v);
                }
            }
        }
        // Breadth-first order: the last node reached is the farthest.
        longest = longest.max(row[queue[queue.len() - 1] as usize]);
    }
    for v in &mut d {
        if *v == f64::INFINITY {
            *v = longest + 1.0;
        }
    }
    d
}

/// The start, by pivot MDS (Brandes & Pich 2006): classical scaling against a few well-spread
/// pivots unfolds the large-scale shape of the graph, so majorization only has to settle detail
/// and does not get stuck in a folded local minimum as it can from a random start.
fn pivot_mds(d: &[f64], n: usize, seed: u64) -> (Vec<f64>, Vec<f64>) {
    let mut rng = Rng::new(seed);
    let k = n.min(PIVOTS);
    // Each pivot is the node farthest from those already chosen (the lowest index on ties).
    let mut pivots = Vec::with_capacity(k);
    let mut nearest = vec![f64::INFINITY; n];
    let mut p = rng.below(n);
    for _ in 0..k {
        pivots.push(p);
        for (near, &dv) in nearest.iter_mut().zip(&d[p * n..(p + 1) * n]) {
            *near = near.min(dv);
        }
        p = (0..n).fold(0, |best, v| if nearest[v] > nearest[best] { v } else { best });
    }

    // Squared distances to the pivots, double-centred: c is n×k.
    let mut c: Vec<f64> = (0..n).flat_map(|v| pivots.iter().map(move |&p| d[p * n + v] * d[p * n + v])).collect();
    let mut col_mean = vec![0.0; k];
    let mut row_mean = vec![0.0; n];
    for v in 0..n {
        for j in 0..k {
            col_mean[j] += c[v * k + j];
            row_mean[v] += c[v * k + j];
        }
    }
    let grand = row_mean.iter().sum::<f64>() / (n * k) as f64;
    col_mean.iter_mut().for_each(|m| *m /= n as f64);
    row_mean.iter_mut().for_each(|m| *m /= k as f64);
    for v in 0..n {
        for j in 0..k {
            c[v * k + j] = -0.5 * (c[v * k + j] - row_mean[v] - col_mean[j] + grand);
        }
    }
    // The two leading eigenvectors of cᵀc (k×k), by orthogonal power iteration from a seeded start.
    let mut ctc = vec![0.0; k * k];
    for v in 0..n {
        let row = &c[v * k..(v + 1) * k];
        for a in 0..k {
            for b in 0..k {
                ctc[a * k + b] += row[a] * row[b];
            }
        }
    }
    let mut v1: Vec<f64> = (0..k).map(|_| rng.unit() - 0.5).collect();
    let mut v2: Vec<f64> = (0..k).map(|_| rng.unit() - 0.5).collect();
    let mut tmp = vec![0.0; k];
    for _ in 0..POWER_STEPS {
        mul(&ctc, &v1, &mut tmp);
        normalize(&mut tmp);
        std::mem::swap(&mut v1, &mut tmp);
        mul(&ctc, &v2, &mut tmp);
        let along = dot(&tmp, &v1);
        tmp.iter_mut().zip(&v1).for_each(|(t, a)| *t -= along * a);
        normalize(&mut tmp);
        std::mem::swap(&mut v2, &mut tmp);
    }
    let mut x: Vec<f64> = (0..n).map(|v| dot(&c[v * k..(v + 1) * k], &v1)).collect();
    let mut y: Vec<f64> = (0..n).map(|v| dot(&c[v * k..(v + 1) * k], &v2)).collect();

    // Scale so that drawn distances best match graph distances, then jitter a little: nodes the
    // pivots cannot tell apart (leaves of one parent) would otherwise start on the same spot.
    let (mut num, mut den) = (0.0, 0.0);
    for i in 0..n {
        for j in i + 1..n {
            let e = ((x[i] - x[j]) * (x[i] - x[j]) + (y[i] - y[j]) * (y[i] - y[j])).sqrt() / d[i * n + j];
            num += e;
            den += e * e;
        }
    }
    let s = if den > 0.0 { num / den } else { 1.0 };
    for (a, b) in x.iter_mut().zip(y.iter_mut()) {
        *a = *a * s + (rng.unit() - 0.5) * 0.01;
        *b = *b * s + (rng.unit() - 0.5) * 0.01;
    }
    (x, y)
}

fn mul(m: &[f64], v: &[f64], out: &mut [f64]) {
    let k = v.len();
    for (a, o) in out.iter_mut().enumerate() {
        *o = dot(&m[a * k..(a + 1) * k], v);
    }
}

fn dot(a: &[f64], b: &[f64]) -> f64 {
    a.iter().zip(b).map(|(p, q)| p * q).sum()
}

fn normalize(v: &mut [f64]) {
    let norm = dot(v, v).sqrt();
    if norm > 0.0 {
        v.iter_mut().for_each(|a| *a /= norm);
    }
}

/// Stress majorization by localized updates (Gansner, Koren & North, eq. 11), node by node in
/// place, with weights d⁻². Turns the distance matrix into inverse distances as it goes.
fn majorize(matrix: &mut [f64], x: &mut [f64], y: &mut [f64], iterations: usize) {
    let n = x.len();
    // 1/d stands for both weights: w = 1/d² and w·d = 1/d. The diagonal becomes 0 and drops out.
    for v in matrix.iter_mut() {
        *v = if *v > 0.0 { 1.0 / *v } else { 0.0 };
    }
    let weight_sums: Vec<f64> = matrix.chunks_exact(n).map(|row| row.iter().map(|v| v * v).sum()).collect();
    let mut scratch = vec![0.0; n];
    for _ in 0..iterations {
        for i in 0..n {
            if weight_sums[i] <= 0.0 {
                continue;
            }
            let (nx, ny) = pull(&matrix[i * n..(i + 1) * n], x, y, x[i], y[i], &mut scratch);
            x[i] = nx / weight_sums[i];
            y[i] = ny / weight_sums[i];
        }
    }
}

/// Σⱼ wᵢⱼ·(xⱼ + dᵢⱼ·(xᵢ − xⱼ)/‖xᵢ − xⱼ‖) for one node, given its row of inverse distances.
/// The square roots and divisions go first, in a plain loop the compiler turns into vector
/// instructions; the sums follow in four lanes added in a fixed order. The result is the same
/// with or without vector instructions.
#[inline]
fn pull(inv: &[f64], x: &[f64], y: &[f64], xi: f64, yi: f64, r: &mut [f64]) -> (f64, f64) {
    // A coincident node (and the node itself) has dx = dy = 0: the tiny floor, which vanishes in
    // rounding for any real distance, keeps r finite, so its pull is 0 without a branch.
    for (((r, &inv), &xj), &yj) in r.iter_mut().zip(inv).zip(x).zip(y) {
        *r = inv / ((xi - xj) * (xi - xj) + (yi - yj) * (yi - yj) + f64::MIN_POSITIVE).sqrt();
    }
    const L: usize = 4;
    let (mut sx, mut sy) = ([0.0f64; L], [0.0f64; L]);
    let term = |j: usize| {
        let w = inv[j] * inv[j];
        (w * x[j] + r[j] * (xi - x[j]), w * y[j] + r[j] * (yi - y[j]))
    };
    let chunks = inv.len() / L * L;
    for c in (0..chunks).step_by(L) {
        for l in 0..L {
            let (tx, ty) = term(c + l);
            sx[l] += tx;
            sy[l] += ty;
        }
    }
    let (mut tx, mut ty) = ((sx[0] + sx[1]) + (sx[2] + sx[3]), (sy[0] + sy[1]) + (sy[2] + sy[3]));
    for j in chunks..inv.len() {
        let (a, b) = term(j);
        tx += a;
        ty += b;
    }
    (tx, ty)
}

/// Turns the drawing about its centroid so that its principal (longest) axis runs along x when
/// `wide`, else along y. The axis comes from the 2×2 covariance by square roots alone.
fn principal_axes(x: &mut [f64], y: &mut [f64], wide: bool) {
    let n = x.len() as f64;
    let (mx, my) = (x.iter().sum::<f64>() / n, y.iter().sum::<f64>() / n);
    let (mut a, mut b, mut c) = (0.0, 0.0, 0.0);
    for (&px, &py) in x.iter().zip(y.iter()) {
        let (dx, dy) = (px - mx, py - my);
        a += dx * dx;
        b += dx * dy;
        c += dy * dy;
    }
    let lambda = (a + c) / 2.0 + (((a - c) / 2.0) * ((a - c) / 2.0) + b * b).sqrt();
    // Of the two equivalent forms of the eigenvector, the one that does not cancel.
    let (ux, uy) = if a >= c { (lambda - c, b) } else { (b, lambda - a) };
    let norm = (ux * ux + uy * uy).sqrt();
    let (ux, uy) = if norm > 0.0 { (ux / norm, uy / norm) } else { (1.0, 0.0) };
    for (px, py) in x.iter_mut().zip(y.iter_mut()) {
        let (dx, dy) = (*px - mx, *py - my);
        let (major, minor) = (dx * ux + dy * uy, dy * ux - dx * uy);
        (*px, *py) = if wide { (major, minor) } else { (minor, major) };
    }
}

/// Scales the drawing uniformly, about its middle, so that its centres span the `vw`×`vh` area
/// less the largest box: the shape is kept, only its size changes.
fn fit(x: &mut [f64], y: &mut [f64], widest: f64, tallest: f64, vw: f64, vh: f64) {
    let (x0, x1) = range(x);
    let (y0, y1) = range(y);
    // Room for centres; at least a quarter of the area, so one wide box cannot squash the rest to a point.
    let (room_x, room_y) = ((vw - widest).max(vw / 4.0), (vh - tallest).max(vh / 4.0));
    let sx = if x1 > x0 { room_x / (x1 - x0) } else { f64::INFINITY };
    let sy = if y1 > y0 { room_y / (y1 - y0) } else { f64::INFINITY };
    let s = if sx.min(sy).is_finite() { sx.min(sy) } else { 1.0 };
    let (mx, my) = ((x0 + x1) / 2.0, (y0 + y1) / 2.0);
    x.iter_mut().for_each(|v| *v = (*v - mx) * s);
    y.iter_mut().for_each(|v| *v = (*v - my) * s);
}

fn range(v: &[f64]) -> (f64, f64) {
    v.iter().fold((f64::INFINITY, f64::NEG_INFINITY), |(lo, hi), &a| (lo.min(a), hi.max(a)))
}

/// Sorts node indices by the left edge of their box, the lowest index first on ties.
fn sort_by_left(order: &mut [usize], x: &[f64], boxes: &[Node]) {
    crate::order::sort_by(order, |&i, &j| (x[i] - boxes[i].width / 2.0).total_cmp(&(x[j] - boxes[j].width / 2.0)).then(i.cmp(&j)));
}

/// Pushes overlapping boxes apart, each pair along the axis where they overlap less (weighed
/// towards the area's shape), until a pass finds nothing to push or the passes run out. This
/// spreads crowded parts of the drawing in both directions; `legalize` settles what is left.
fn separate(x: &mut [f64], y: &mut [f64], boxes: &[Node], gap: f64, aspect: f64, order: &mut [usize]) {
    for _ in 0..SEPARATION_PASSES {
        sort_by_left(order, x, boxes);
        // Favour pushes along the axis the drawing is short of, so that it grows into the area's shape.
        let b = bounds(x, y, boxes);
        let bias = (((b.x1 - b.x0) / (b.y1 - b.y0)) / aspect).clamp(BIAS_MIN, 1.0 / BIAS_MIN);
        let mut moved = false;
        for a in 0..order.len() {
            let i = order[a];
            for &j in &order[a + 1..] {
                // A sweep along x: boxes further right start past this one's reach. Positions move
                // during the pass, so the sweep is exact only in a pass that moves nothing.
                if x[j] - boxes[j].width / 2.0 >= x[i] + boxes[i].width / 2.0 + gap {
                    break;
                }
                let (dx, dy) = (x[j] - x[i], y[j] - y[i]);
                let over_x = (boxes[i].width + boxes[j].width) / 2.0 + gap - dx.abs();
                let over_y = (boxes[i].height + boxes[j].height) / 2.0 + gap - dy.abs();
                if over_x <= 0.0 || over_y <= 0.0 {
                    continue;
                }
                moved = true;
                // Coincident pairs part by index: the lower index goes left (or up).
                if over_x * bias < over_y {
                    let step = if dx > 0.0 || (dx == 0.0 && j > i) { (over_x + NUDGE) / 2.0 } else { -(over_x + NUDGE) / 2.0 };
                    x[i] -= step;
                    x[j] += step;
                } else {
                    let step = if dy > 0.0 || (dy == 0.0 && j > i) { (over_y + NUDGE) / 2.0 } else { -(over_y + NUDGE) / 2.0 };
                    y[i] -= step;
                    y[j] += step;
                }
            }
        }
        if !moved {
            return;
        }
    }
}

/// The guarantee. Takes the boxes from the middle of the drawing outwards along one axis and
/// moves each one further out, if it must, to the nearest place where it overlaps none of those
/// already placed; past all of them there is always such a place, so no two boxes overlap at the
/// end. One pass settles what pairwise pushing converges to only slowly: long stacks of boxes.
fn legalize(along: &mut [f64], across: &[f64], size_along: &[f64], size_across: &[f64], gap: f64, order: &mut [usize]) {
    let (lo, hi) = range(along);
    let mid = (lo + hi) / 2.0;
    crate::order::sort_by(order, |&i, &j| (along[i] - mid).abs().total_cmp(&(along[j] - mid).abs()).then(i.cmp(&j)));
    let mut lane: Vec<usize> = Vec::new();
    let mut candidates: Vec<f64> = Vec::new();
    for a in 0..order.len() {
        let i = order[a];
        // Boxes already placed that this one would overlap if it were level with them.
        lane.clear();
        lane.extend(order[..a].iter().copied().filter(|&j| (across[j] - across[i]).abs() < (size_across[i] + size_across[j]) / 2.0 + gap));
        let need = |j: usize| (size_along[i] + size_along[j]) / 2.0 + gap;
        let clear = |c: f64| lane.iter().all(|&j| (c - along[j]).abs() >= need(j));
        if clear(along[i]) {
            continue;
        }
        let out = if along[i] >= mid { 1.0 } else { -1.0 };
        // Just past each placed box, on the far side from the middle, nearest first.
        candidates.clear();
        candidates.extend(lane.iter().map(|&j| along[j] + out * (need(j) + NUDGE)).filter(|&c| out * (c - along[i]) > 0.0));
        crate::order::sort_by(&mut candidates, |p, q| (out * p).total_cmp(&(out * q)));
        // The farthest candidate is always clear: it is past every box in the lane.
        let farthest = candidates.last().copied().unwrap_or(along[i]);
        along[i] = candidates.iter().copied().find(|&c| clear(c)).unwrap_or(farthest);
    }
}

struct Bounds {
    x0: f64,
    x1: f64,
    y0: f64,
    y1: f64,
}

/// The rectangle around every box.
fn bounds(x: &[f64], y: &[f64], boxes: &[Node]) -> Bounds {
    let mut b = Bounds { x0: f64::INFINITY, x1: f64::NEG_INFINITY, y0: f64::INFINITY, y1: f64::NEG_INFINITY };
    for ((&px, &py), node) in x.iter().zip(y).zip(boxes) {
        b.x0 = b.x0.min(px - node.width / 2.0);
        b.x1 = b.x1.max(px + node.width / 2.0);
        b.y0 = b.y0.min(py - node.height / 2.0);
        b.y1 = b.y1.max(py + node.height / 2.0);
    }
    b
}

/// The last resort, never expected: boxes in rows in node order, which cannot overlap.
fn shelves(x: &mut [f64], y: &mut [f64], boxes: &[Node], gap: f64, aspect: f64) {
    let area: f64 = boxes.iter().map(|b| (b.width + gap) * (b.height + gap)).sum();
    let widest = boxes.iter().fold(0.0f64, |m, b| m.max(b.width + gap));
    let row_width = (area * aspect).sqrt().max(widest);
    let (mut cursor, mut top, mut row_height) = (0.0f64, 0.0f64, 0.0f64);
    for (i, b) in boxes.iter().enumerate() {
        if cursor > 0.0 && cursor + b.width + gap > row_width {
            top += row_height;
            (cursor, row_height) = (0.0, 0.0);
        }
        x[i] = cursor + (b.width + gap) / 2.0;
        y[i] = top + (b.height + gap) / 2.0;
        cursor += b.width + gap;
        row_height = row_height.max(b.height + gap);
    }
}

/// A direction on screen, for moving the keyboard focus across the map.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Direction {
    Up,
    Down,
    Left,
    Right,
}

/// The node nearest to `from` within the 90° cone opening in `dir` (screen coordinates: y grows
/// downwards; the cone's edges count), the lowest index on ties; None when the cone is empty.
pub fn nearest_in_direction(points: &[Placed], from: usize, dir: Direction) -> Option<usize> {
    let origin = points.get(from)?;
    let mut best: Option<(f64, usize)> = None;
    for (j, p) in points.iter().enumerate() {
        let (dx, dy) = (p.x - origin.x, p.y - origin.y);
        let (along, across) = match dir {
            Direction::Right => (dx, dy),
            Direction::Left => (-dx, dy),
            Direction::Down => (dy, dx),
            Direction::Up => (-dy, dx),
        };
        // Written so that NaN fails: a point must be ahead and within 45° of the direction.
        if j == from || !(along > 0.0 && across.abs() <= along) {
            continue;
        }
        let d2 = dx * dx + dy * dy;
        if best.is_none_or(|(b, _)| d2 < b) {
            best = Some((d2, j));
        }
    }
    best.map(|(_, j)| j)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn plus() -> Vec<Placed> {
        // 0 in the middle; 1 right, 2 below, 3 left, 4 above; 5 far right and slightly up.
        [(0.0, 0.0), (10.0, 1.0), (0.0, 10.0), (-10.0, 0.0), (-2.0, -10.0), (30.0, -5.0)].map(|(x, y)| Placed { x, y }).to_vec()
    }

    #[test]
    fn nearest_in_direction_picks_the_closest_node_in_the_cone() {
        let p = plus();
        assert_eq!(nearest_in_direction(&p, 0, Direction::Right), Some(1));
        assert_eq!(nearest_in_direction(&p, 0, Direction::Down), Some(2));
        assert_eq!(nearest_in_direction(&p, 0, Direction::Left), Some(3));
        assert_eq!(nearest_in_direction(&p, 0, Direction::Up), Some(4));
        assert_eq!(nearest_in_direction(&p, 1, Direction::Right), Some(5));
    }

    #[test]
    fn nearest_in_direction_ignores_a_closer_node_outside_the_cone() {
        // Node 1 is nearer, but more down than right; node 2 is further and to the right.
        let p = [(0.0, 0.0), (3.0, 4.0), (10.0, 2.0)].map(|(x, y)| Placed { x, y });
        assert_eq!(nearest_in_direction(&p, 0, Direction::Right), Some(2));
        assert_eq!(nearest_in_direction(&p, 0, Direction::Down), Some(1));
        assert_eq!(nearest_in_direction(&p, 0, Direction::Up), None);
    }

    #[test]
    fn nearest_in_direction_finds_nothing_past_the_edge() {
        let p = plus();
        assert_eq!(nearest_in_direction(&p, 5, Direction::Right), None);
        assert_eq!(nearest_in_direction(&p, 2, Direction::Down), None);
        assert_eq!(nearest_in_direction(&p, 9, Direction::Down), None);
        assert_eq!(nearest_in_direction(&[], 0, Direction::Up), None);
    }

    #[test]
    fn nearest_in_direction_breaks_ties_by_the_lower_index() {
        let p = [(0.0, 0.0), (5.0, 5.0), (5.0, -5.0), (7.5, 0.0)].map(|(x, y)| Placed { x, y });
        // 1 and 2 are equally near, on the edges of the cone, and nearer than 3.
        assert_eq!(nearest_in_direction(&p, 0, Direction::Right), Some(1));
        let p = [(0.0, 0.0), (5.0, -5.0), (5.0, 5.0)].map(|(x, y)| Placed { x, y });
        assert_eq!(nearest_in_direction(&p, 0, Direction::Right), Some(1));
    }
}
