//! The actor map's layout with groups: each actor drawn inside the region of the actor it is part
//! of, regions inside the regions of theirs, by the deterministic layout of `graph_layout`.
//!
//! Groups are laid out from the innermost out. A group's members (its subgroups as the boxes of
//! their regions) are arranged at full size by `graph_layout::arrange`, over the relations between
//! them, and drawn together as close as the gap allows (`tighten`), so that a region reads as one
//! thing and takes little room; the group's own node goes on top as the region's label, and the
//! region is the box around them with a margin. Then the top level, the outermost regions and the actors in no group, is
//! laid out in the area by `graph_layout::layout`, each region one box, and every member follows
//! its region. Everything is drawn at that one scale, so what holds at full size holds drawn:
//! boxes of one level never overlap (the layout keeps them a gap apart), and a region holds only
//! its own members, so no node overlaps another group's region.
//!
//! A relation between members of two groups pulls the two regions together at the level where
//! they meet, not the members inside them: a region is laid out once, whatever is outside it.
//! Only the layouts' own arithmetic is used, in a fixed order, so the result is as deterministic
//! as theirs.

use crate::graph_layout::{arrange, layout, size, tighten, Layout, Node, Params, Placed};

/// Inside a region, the space kept clear around its label and its members, in px at scale 1.
pub const REGION_MARGIN: f64 = 6.0;
/// The shape a region's members are arranged in, width over height: wider than tall, since labels
/// are, and the region's label sits on top.
const REGION_ASPECT: f64 = 1.6;
/// The share of a region's inner area its members' boxes are spread over before they are drawn
/// together: the shape they take, not their spacing, which `tighten` settles.
const REGION_FILL: f64 = 0.5;

/// The region of a group, as drawn.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Region {
    /// The node whose group this is; its own node is drawn at the top of the region.
    pub node: usize,
    /// The top left corner and the size, in px of the area.
    pub x: f64,
    pub y: f64,
    pub width: f64,
    pub height: f64,
    /// How many regions hold this one.
    pub depth: usize,
}

/// Where every node and region goes, and the zoom they are drawn at.
#[derive(Clone, Debug, PartialEq)]
pub struct GroupLayout {
    /// Node centres, in the order the nodes were given.
    pub nodes: Vec<Placed>,
    /// Every group with at least one member, outermost first (then in node order), so that
    /// drawing them in this order puts each region over the one that holds it.
    pub regions: Vec<Region>,
    /// As `graph_layout::Layout::scale`: boxes, gaps and margins are drawn this many times their size.
    pub scale: f64,
    /// As `graph_layout::Layout`'s: the area drawn in, larger than the one given where
    /// `Params::least_scale` needs.
    pub width: f64,
    pub height: f64,
}

/// Lays out `nodes` joined by `edges` in a `width`×`height` area, each node inside the region of
/// `part_of[node]` (an index into `nodes`, or none). A part-of that is out of range, names the
/// node itself or comes back round (validation refuses those) counts as none.
pub fn group_layout(nodes: &[Node], edges: &[(usize, usize)], part_of: &[Option<usize>], width: f64, height: f64, params: &Params) -> GroupLayout {
    grouped(nodes, edges, part_of, params, &|boxes, edges| layout(boxes, edges, width, height, params))
}

/// As [`group_layout`], at full size, with the top level packed in rows across `width` rather than
/// laid out as a graph: the phone's map, which a tall narrow column of regions would waste. The
/// top level's boxes keep the order of their graph layout read row by row (top to bottom, then
/// left to right), so that related regions stay neighbours; each row is filled while the next box
/// fits and centred; a box wider than the rows takes a row of its own and widens the drawing.
///
/// Where the rows break is decided on the boxes' widths over `fit` (how much wider than the
/// estimates the font draws): as they would be in the estimates' font, so that the prerendered
/// map (drawn at fit 1) and the live widget's break their rows alike and nothing moves as the
/// widget goes live; a row the wider font makes too wide widens the drawing instead.
/// A row also breaks where its boxes as drawn would not fit in `widest`, the most the drawing
/// may take without scrolling.
pub fn group_rows(nodes: &[Node], edges: &[(usize, usize)], part_of: &[Option<usize>], (width, widest): (f64, f64), fit: f64, params: &Params) -> GroupLayout {
    grouped(nodes, edges, part_of, params, &|boxes, edges| rows(boxes, edges, (width, widest), fit, params))
}

/// The top level's boxes in rows across `width`, at scale 1 (see [`group_rows`]).
fn rows(boxes: &[Node], edges: &[(usize, usize)], (width, widest): (f64, f64), fit: f64, params: &Params) -> Layout {
    let (pad, gap) = (params.padding, params.gap);
    let fit = if fit.is_finite() && fit > 0.0 { fit } else { 1.0 };
    let plain: Vec<Node> = boxes.iter().map(|b| Node { width: b.width / fit, height: b.height }).collect();
    // The order is the graph layout's of boxes all of one size: it follows the relations alone,
    // and so does not change with the font.
    let unit = vec![Node { width: 60.0, height: 48.0 }; boxes.len()];
    let graph = layout(&unit, edges, width, ordering_height(&unit, width, params), &Params { least_scale: 1.0, ..*params });
    let mut order: Vec<usize> = (0..boxes.len()).collect();
    // Read like text: by the band of a row's height a box's centre falls in, then left to right.
    let band = 48.0;
    crate::order::sort_by(&mut order, |&a, &b| {
        let (pa, pb) = (graph.nodes[a], graph.nodes[b]);
        ((pa.y / band).floor().total_cmp(&(pb.y / band).floor())).then(pa.x.total_cmp(&pb.x)).then(a.cmp(&b))
    });
    let room = width - 2.0 * pad;
    // The rows first, each as many boxes as fit side by side in the estimates' font, and always one.
    let mut rows: Vec<&[usize]> = Vec::new();
    let mut rest = &order[..];
    while !rest.is_empty() {
        let (mut used, mut drawn) = (plain[rest[0]].width, boxes[rest[0]].width);
        let mut count = 1;
        while count < rest.len()
            && used + gap + plain[rest[count]].width <= room + 1e-9
            && drawn + gap + boxes[rest[count]].width <= widest.max(width) - 2.0 * pad + 1e-9
        {
            used += gap + plain[rest[count]].width;
            drawn += gap + boxes[rest[count]].width;
            count += 1;
        }
        let (row, after) = rest.split_at(count);
        rows.push(row);
        rest = after;
    }
    let span = |row: &[usize]| row.iter().map(|&i| boxes[i].width + gap).sum::<f64>() - gap;
    let inner = rows.iter().map(|row| span(row)).fold(room, f64::max);
    let mut nodes = vec![Placed { x: 0.0, y: 0.0 }; boxes.len()];
    let mut top = pad;
    for row in rows {
        let used = span(row);
        let tall = row.iter().map(|&i| boxes[i].height).fold(0.0, f64::max);
        let mut left = pad + (inner - used) / 2.0;
        for &i in row {
            // Tops aligned, so that a row of regions reads as one line of labels.
            nodes[i] = Placed { x: left + boxes[i].width / 2.0, y: top + boxes[i].height / 2.0 };
            left += boxes[i].width + gap;
        }
        top += tall + gap;
    }
    let height = if boxes.is_empty() { 2.0 * pad } else { top - gap + pad };
    Layout { nodes, width: inner + 2.0 * pad, height, scale: 1.0 }
}

/// A height for the graph layout that only orders the rows: room for every box at full size.
fn ordering_height(boxes: &[Node], width: f64, params: &Params) -> f64 {
    let area: f64 = boxes.iter().map(|b| (b.width + params.gap) * (b.height + params.gap)).sum();
    (area / (width - 2.0 * params.padding).max(1.0) * 2.0).max(width)
}

/// How the top level is placed: given its boxes and the relations between them.
type TopLevel<'a> = dyn Fn(&[Node], &[(usize, usize)]) -> Layout + 'a;

/// The nested layout: each group's region built innermost first, then the top level placed by `top`
/// (given its boxes and the relations between them), and every member following its region.
fn grouped(nodes: &[Node], edges: &[(usize, usize)], part_of: &[Option<usize>], params: &Params, top: &TopLevel) -> GroupLayout {
    let n = nodes.len();
    let parent = parents(n, part_of);
    let depth: Vec<usize> = (0..n).map(|i| std::iter::successors(parent[i], |&p| parent[p]).count()).collect();
    let mut members: Vec<Vec<usize>> = vec![Vec::new(); n];
    let mut roots: Vec<usize> = Vec::new();
    // Each node's place among its siblings: the members of its group, or the top level.
    let mut slot = vec![0usize; n];
    for i in 0..n {
        let siblings = match parent[i] {
            Some(p) => &mut members[p],
            None => &mut roots,
        };
        slot[i] = siblings.len();
        siblings.push(i);
    }

    // Each relation counts at the level where its two ends meet: between the two members of
    // that level that hold them. One between a group and its own member counts nowhere.
    let mut level_edges: Vec<Vec<(usize, usize)>> = vec![Vec::new(); n + 1];
    for &(a, b) in edges {
        if a >= n || b >= n {
            continue;
        }
        let (mut a, mut b) = (a, b);
        while depth[a] > depth[b] {
            a = parent[a].expect("a deeper node has a group");
        }
        while depth[b] > depth[a] {
            b = parent[b].expect("a deeper node has a group");
        }
        if a == b {
            continue;
        }
        while parent[a] != parent[b] {
            (a, b) = (parent[a].expect("nodes of one depth part below the top"), parent[b].expect("nodes of one depth part below the top"));
        }
        level_edges[parent[a].unwrap_or(n)].push((slot[a], slot[b]));
    }

    // Innermost first: each group's region, with its members' centres and its own node's centre
    // relative to the region's centre.
    let mut outer: Vec<Node> = nodes.iter().map(|b| Node { width: size(b.width), height: size(b.height) }).collect();
    let mut local = vec![Placed { x: 0.0, y: 0.0 }; n];
    let mut head = vec![Placed { x: 0.0, y: 0.0 }; n];
    // Nodes level by level, outermost first, each level in node order (chains are short: this
    // costs less than a sort, in time and in the reader's download).
    let deepest = depth.iter().copied().max().unwrap_or(0);
    let depth_of = &depth;
    let by_depth: Vec<usize> = (0..=deepest).flat_map(|d| (0..n).filter(move |&i| depth_of[i] == d)).collect();
    let groups = by_depth.iter().rev().copied().filter(|&g| !members[g].is_empty());
    let inner = Params { fill: REGION_FILL, least_scale: 0.0, ..*params };
    let gap = size(params.gap);
    for g in groups {
        let boxes: Vec<Node> = members[g].iter().map(|&m| outer[m]).collect();
        let area: f64 = boxes.iter().map(|b| (b.width + gap) * (b.height + gap)).sum::<f64>() / REGION_FILL;
        let avail_w = (area * REGION_ASPECT).sqrt().max(1.0);
        let mut drawing = arrange(&boxes, &level_edges[g], avail_w, (area / avail_w).max(1.0), &inner);
        tighten(&mut drawing, &boxes, gap, None);
        let label = outer[g];
        let width = drawing.width.max(label.width) + 2.0 * REGION_MARGIN;
        let height = REGION_MARGIN + label.height + gap + drawing.height + REGION_MARGIN;
        let top = -height / 2.0;
        head[g] = Placed { x: 0.0, y: top + REGION_MARGIN + label.height / 2.0 };
        let below = top + REGION_MARGIN + label.height + gap + drawing.height / 2.0;
        for (&m, p) in members[g].iter().zip(&drawing.nodes) {
            local[m] = Placed { x: p.x, y: below + p.y };
        }
        outer[g] = Node { width, height };
    }

    // The top level in the area; then, outermost first, every region and node where its holder puts it.
    let boxes: Vec<Node> = roots.iter().map(|&r| outer[r]).collect();
    let top = top(&boxes, &level_edges[n]);
    let s = top.scale;
    let mut centre = vec![Placed { x: 0.0, y: 0.0 }; n];
    for (&r, &p) in roots.iter().zip(&top.nodes) {
        centre[r] = p;
    }
    for &i in &by_depth {
        if let Some(p) = parent[i] {
            centre[i] = Placed { x: centre[p].x + s * local[i].x, y: centre[p].y + s * local[i].y };
        }
    }
    let placed = (0..n).map(|i| Placed { x: centre[i].x + s * head[i].x, y: centre[i].y + s * head[i].y }).collect();
    let regions = by_depth
        .iter()
        .filter(|&&g| !members[g].is_empty())
        .map(|&g| {
            let (w, h) = (s * outer[g].width, s * outer[g].height);
            Region { node: g, x: centre[g].x - w / 2.0, y: centre[g].y - h / 2.0, width: w, height: h, depth: depth[g] }
        })
        .collect();
    GroupLayout { nodes: placed, regions, scale: s, width: top.width, height: top.height }
}

/// Each node's group, with what cannot be one left out: an index out of range, the node itself,
/// and, in a chain that comes back round, the link of the first node found to lead into it.
fn parents(n: usize, part_of: &[Option<usize>]) -> Vec<Option<usize>> {
    let mut parent: Vec<Option<usize>> = (0..n).map(|i| part_of.get(i).copied().flatten().filter(|&p| p < n && p != i)).collect();
    for i in 0..n {
        // A chain longer than the number of nodes has come back round.
        if std::iter::successors(parent[i], |&p| parent[p]).nth(n).is_some() {
            parent[i] = None;
        }
    }
    parent
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_chain_that_comes_back_round_is_cut_and_what_is_out_of_range_ignored() {
        let parent = parents(4, &[Some(1), Some(2), Some(0), Some(9)]);
        assert_eq!(parent[3], None);
        // Every chain now ends.
        for i in 0..4 {
            assert!(std::iter::successors(parent[i], |&p| parent[p]).nth(4).is_none(), "{parent:?}");
        }
        assert_eq!(parents(2, &[Some(0), None]), [None, None], "a node is not its own group");
    }

    #[test]
    fn a_phones_top_level_is_packed_in_rows_that_use_the_width() {
        let params = Params::default();
        // Five groups of two members each, and two actors alone, in 280 px.
        let mut nodes = vec![Node { width: 60.0, height: 48.0 }; 17];
        nodes[0].width = 90.0;
        let part_of: Vec<Option<usize>> = (0..17).map(|i| if i < 15 && i % 3 != 0 { Some(i - i % 3) } else { None }).collect();
        let drawn = group_rows(&nodes, &[(1, 4), (4, 7), (15, 16)], &part_of, (280.0, 280.0), 1.0, &params);
        assert_eq!(drawn.scale, 1.0, "a phone's map is drawn at full size");
        // Every top-level box: the regions and the actors alone, as left, top, right, bottom.
        let mut boxes: Vec<(f64, f64, f64, f64)> = drawn.regions.iter().map(|r| (r.x, r.y, r.x + r.width, r.y + r.height)).collect();
        boxes.extend([15, 16].map(|i| (drawn.nodes[i].x - 30.0, drawn.nodes[i].y - 24.0, drawn.nodes[i].x + 30.0, drawn.nodes[i].y + 24.0)));
        assert!(boxes.iter().all(|b| b.0 >= params.padding - 1e-9 && b.2 <= 280.0 - params.padding + 1e-9), "{boxes:?}");
        // Rows by their tops: more than one box in a row, and each row as full as the next row's
        // first box allows.
        let mut tops: Vec<f64> = boxes.iter().map(|b| b.1).collect();
        tops.sort_by(f64::total_cmp);
        tops.dedup_by(|a, b| (*a - *b).abs() < 1e-9);
        assert!(tops.len() < boxes.len(), "not one box a row: {boxes:?}");
        for (row, next) in tops.iter().zip(tops.iter().skip(1)) {
            let used: f64 = boxes.iter().filter(|b| b.1 == *row).map(|b| b.2 - b.0 + params.gap).sum();
            let first_next = boxes.iter().filter(|b| b.1 == *next).min_by(|a, b| a.0.total_cmp(&b.0)).map(|b| b.2 - b.0).unwrap();
            assert!(used + first_next > 280.0 - 2.0 * params.padding + params.gap - 1e-9, "row at {row} had room: {boxes:?}");
        }
        assert_eq!(drawn, group_rows(&nodes, &[(1, 4), (4, 7), (15, 16)], &part_of, (280.0, 280.0), 1.0, &params), "the same on every run");
    }
}
