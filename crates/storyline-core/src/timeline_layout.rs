//! Timeline layout: which events are drawn at this zoom, in which lane, and which are gathered into clusters.
//!
//! Only what falls inside the view (plus a margin) is laid out, so the DOM holds a bounded
//! number of markers whatever the size of the story: this is the virtualisation. Events get
//! lanes greedily so that no marker, bar or label overlaps another; what finds no lane is
//! counted into a cluster ("+12") that zooms in when chosen. The selected event always
//! gets a lane of its own before anything else.

use crate::model::{Dataset, Event};
use crate::scale::TimeScale;
use crate::text_width::{text_width, truncate_to_width, BOLD};

/// One event as the timeline sees it: its times and its short label, computed once per story.
#[derive(Clone, Debug, PartialEq)]
pub struct Item {
    /// Index into `Dataset::events`.
    pub event: usize,
    pub start: f64,
    /// The end of a range, if the event is one.
    pub end: Option<f64>,
    /// The end of the period the start date names ("October 2024" runs to 31 October).
    pub period_end: f64,
    pub title: String,
}

impl Item {
    pub fn from_event(index: usize, event: &Event) -> Item {
        Item {
            event: index,
            start: event.start.start_seconds() as f64,
            end: event.end.map(|e| e.end_seconds() as f64),
            period_end: event.start.end_seconds() as f64,
            title: event.title.clone(),
        }
    }

    /// The last instant the event covers.
    pub fn last(&self) -> f64 {
        self.end.unwrap_or(self.period_end)
    }
}

/// All events of a dataset as items, in chronological order (stable for equal starts).
pub fn items(dataset: &Dataset) -> Vec<Item> {
    let mut items: Vec<Item> = dataset.events.iter().enumerate().map(|(i, e)| Item::from_event(i, e)).collect();
    crate::order::sort_by(&mut items, |a, b| a.start.total_cmp(&b.start));
    items
}

/// The sizes the layout works with, in pixels.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Params {
    pub lanes: usize,
    pub font_px: f64,
    pub marker_radius: f64,
    /// The longest a label may be before it is shortened with an ellipsis.
    pub max_label_px: f64,
    /// Space kept between neighbours in a lane.
    pub gap: f64,
    /// Events this far outside the view are still laid out, so that panning reveals them at once.
    pub overscan: f64,
    /// How much wider than the estimates the widget's font draws ([`crate::font_fit`]): labels
    /// are measured at `font_px` times this.
    pub fit: f64,
}

impl Default for Params {
    fn default() -> Self {
        Params { lanes: 4, font_px: 13.0, marker_radius: 7.0, max_label_px: 190.0, gap: 12.0, overscan: 80.0, fit: 1.0 }
    }
}

/// Under this width the timeline is a phone's: three lanes, not four (and the stylesheet's
/// container queries for the axis name the same width).
pub const PHONE_WIDTH: f64 = 480.0;

/// The width the prerendered page's phone axis is drawn for: the timeline's box on a 320 px
/// screen. On a wider phone it is drawn at its own size, centred, and never scaled below it, so
/// its labels keep their size before the widget lays the axis out for the width it measures
/// and without script.
pub const PHONE_DRAWING_WIDTH: f64 = 288.0;

impl Params {
    /// The sizes for a timeline `width` pixels wide: three lanes on a phone, four wider, and
    /// labels that may take up to four tenths of the width.
    pub fn for_width(width: f64) -> Params {
        Params { lanes: if width < PHONE_WIDTH { 3 } else { 4 }, max_label_px: (width * 0.4).clamp(90.0, 220.0), ..Params::default() }
    }

    /// The width of a cluster's button, centred on the cluster's x: "+9999" fits in the widget's font.
    pub fn cluster_width(&self) -> f64 {
        CLUSTER_WIDTH * self.fit
    }
}

/// The timeline's vertical geometry: the lanes from the top, the row of clusters under them,
/// the axis with its ticks and their labels, and the drawing's height.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Rows {
    pub lanes: usize,
    pub cluster_y: f64,
    pub axis_y: f64,
    pub height: f64,
}

/// The room above the first lane, where the era titles go.
const TOP: f64 = 26.0;
const LANE_HEIGHT: f64 = 30.0;
/// A cluster's button: "+N" in a pill this wide in the system fonts (`Params::cluster_width`
/// widens it for the widget's font) and this high.
const CLUSTER_WIDTH: f64 = 40.0;
pub const CLUSTER_HEIGHT: f64 = 18.0;
/// The pill's rounded ends.
pub const CLUSTER_RADIUS: f64 = CLUSTER_HEIGHT / 2.0;
/// The side of a cluster's hit area under a finger: the smallest target a finger hits reliably,
/// 44 CSS px (WCAG 2.5.5), and two pixels more, since the axis' drawing may be scaled a hair
/// down to fit its box.
pub const CLUSTER_HIT: f64 = 46.0;
/// The size of an era's title, at the top of its band.
pub const ERA_FONT: f64 = 11.0;
/// An era's title is drawn in capitals, spaced 0.04em apart (storyline.css), which the estimates
/// of its own letters do not see: capitals run about 1.25 times as wide as lower case there, and
/// the spacing adds to that. It is measured as a font this much larger.
pub const CAPITALS: f64 = 1.35;
/// An era title's baseline.
pub const ERA_TITLE_Y: f64 = 14.0;
/// The room between an era's edges and its title, on either side.
const ERA_TITLE_INSET: f64 = 4.0;
/// A range bar's thickness, centred on its lane.
pub const BAR_HEIGHT: f64 = 6.0;
/// A bar's rounded ends.
pub const BAR_RADIUS: f64 = BAR_HEIGHT / 2.0;
/// How far below the selected marker's middle its guide to the axis starts: past the halo's
/// dot, so the line does not cross it.
const GUIDE_GAP: f64 = 9.0;

impl Rows {
    pub fn new(params: &Params) -> Rows {
        let cluster_y = TOP + params.lanes as f64 * LANE_HEIGHT + 6.0;
        let axis_y = cluster_y + 26.0;
        Rows { lanes: params.lanes, cluster_y, axis_y, height: axis_y + 30.0 }
    }

    /// The middle of a lane, where its markers sit.
    pub fn lane_y(&self, lane: usize) -> f64 {
        TOP + lane as f64 * LANE_HEIGHT + LANE_HEIGHT / 2.0
    }

    /// Where a tick's line ends below the axis: major ticks reach further.
    pub fn tick_end(&self, major: bool) -> f64 {
        self.axis_y + if major { 8.0 } else { 5.0 }
    }

    /// A tick label's baseline.
    pub fn tick_label_y(&self) -> f64 {
        self.axis_y + 21.0
    }

    /// The top of a cluster's pill and its label's baseline.
    pub fn cluster_top(&self) -> f64 {
        self.cluster_y - CLUSTER_HEIGHT / 2.0
    }

    pub fn cluster_label_y(&self) -> f64 {
        self.cluster_y + 4.0
    }

    /// Where the selected marker's guide line, down to the axis, starts for a marker at `y`.
    pub fn guide_top(&self, y: f64) -> f64 {
        y + GUIDE_GAP
    }
}

/// A range bar as drawn: its left edge, top and width.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Bar {
    pub x: f64,
    pub y: f64,
    pub width: f64,
}

impl Marker {
    /// Where the label starts (or, before the marker, ends), and its baseline, for a marker in a
    /// lane whose middle is `y`.
    pub fn label_at(&self, y: f64) -> (f64, f64) {
        (self.label_x, y + 4.5)
    }

    /// The marker's range bar, for a marker in a lane whose middle is `y`, when it has one.
    pub fn bar(&self, y: f64) -> Option<Bar> {
        self.bar_end_x.map(|end| Bar { x: self.x, y: y - BAR_HEIGHT / 2.0, width: end - self.x })
    }
}

impl EraBand {
    pub fn width(&self) -> f64 {
        self.x1 - self.x0
    }

    /// Where the title starts: inside the band by the room `era_bands` kept when it shortened it.
    pub fn title_x(&self) -> f64 {
        self.x0 + ERA_TITLE_INSET
    }
}

impl Cluster {
    /// The left edge of the cluster's pill, which is centred on `x`.
    pub fn left(&self, params: &Params) -> f64 {
        self.x - params.cluster_width() / 2.0
    }

    /// The square a finger taps the cluster in, centred on its pill, as left, top and side: a
    /// transparent area the stylesheet makes tappable under a coarse pointer only.
    pub fn hit(&self, rows: &Rows) -> (f64, f64, f64) {
        (self.x - CLUSTER_HIT / 2.0, rows.cluster_y - CLUSTER_HIT / 2.0, CLUSTER_HIT)
    }
}

/// An era drawn as a band behind the markers, cut to the view, with its title shortened to fit.
#[derive(Clone, Debug, PartialEq)]
pub struct EraBand {
    /// The era's index in `Dataset::eras`.
    pub era: usize,
    pub x0: f64,
    pub x1: f64,
    /// Empty when not even an ellipsis fits.
    pub title: String,
}

/// The eras that show in the view of `scale`, `width` pixels wide, with their titles shortened
/// for a font `fit` times as wide as the estimates.
pub fn era_bands(dataset: &Dataset, scale: &TimeScale, width: f64, fit: f64) -> Vec<EraBand> {
    let span = |e: &crate::model::Era| (scale.x(e.start.start_seconds() as f64).max(0.0), scale.x(e.end.end_seconds() as f64).min(width));
    dataset
        .eras
        .iter()
        .enumerate()
        .filter_map(|(era, e)| {
            let (x0, x1) = span(e);
            (x1 > x0).then(|| {
                // Eras may overlap: a band that starts inside this one covers the row of its
                // title, or carries a title of its own there, so the title stops short of it.
                let room = dataset.eras.iter().map(|other| span(other).0).filter(|&start| start > x0).fold(x1, f64::min);
                let title = truncate_to_width(&e.title, (room - x0 - 2.0 * ERA_TITLE_INSET).max(0.0), ERA_FONT * CAPITALS * fit);
                EraBand { era, x0, x1, title: if title == "…" { String::new() } else { title } }
            })
        })
        .collect()
}

/// An event drawn as a marker with its label.
#[derive(Clone, Debug, PartialEq)]
pub struct Marker {
    pub event: usize,
    pub x: f64,
    pub lane: usize,
    /// Where a range bar (or the span of an imprecise date) ends, when it is wider than the marker.
    pub bar_end_x: Option<f64>,
    /// The label as drawn, shortened to fit; empty when the marker stands alone.
    pub label: String,
    /// The label sits left of the marker (near the right edge, where it would be cut off).
    pub label_before: bool,
    /// Where the label starts (or, before the marker, ends): beside the marker, or past the end
    /// of a range bar shorter than the label, which would otherwise run under its first letters.
    pub label_x: f64,
    /// The left and right edges of everything this marker occupies.
    pub left: f64,
    pub right: f64,
}

/// Events gathered under one "+N" button because no lane had room for them.
#[derive(Clone, Debug, PartialEq)]
pub struct Cluster {
    pub x: f64,
    pub count: usize,
    /// The time span the cluster covers: choosing it zooms to this.
    pub t0: f64,
    pub t1: f64,
}

#[derive(Clone, Debug, Default, PartialEq)]
pub struct Layout {
    pub markers: Vec<Marker>,
    pub clusters: Vec<Cluster>,
}

/// The label a cluster shows.
pub fn cluster_label(count: usize) -> String {
    format!("+{count}")
}

/// Lays out `items` (sorted by start) for `scale`.
pub fn layout(items: &[Item], scale: &TimeScale, params: &Params, selected: Option<usize>) -> Layout {
    let lanes = params.lanes.max(1);
    let (lo, hi) = (-params.overscan, scale.width + params.overscan);
    let r = params.marker_radius;
    let font_px = params.font_px * params.fit;
    let place = |item: &Item, with_label: bool| -> Marker {
        let x = scale.x(item.start);
        let bar_end = scale.x(item.last());
        let bar_end_x = (bar_end - x > r).then_some(bar_end.min(hi));
        // The selected label is drawn bold, which runs wider: measure it as a larger font.
        let font = if Some(item.event) == selected { font_px * BOLD } else { font_px };
        let label = if with_label { truncate_to_width(&item.title, params.max_label_px, font) } else { String::new() };
        let label_px = if label.is_empty() { 0.0 } else { 4.0 + text_width(&label, font) };
        // A label that would run off the right edge goes before its marker, if there is room there.
        let label_before = x + r + label_px > scale.width && x - r - label_px >= 0.0;
        // A bar that ends inside the label would strike through its first letters; a longer one
        // underlines all of it, a labelled span.
        let beside = match bar_end_x {
            Some(end) if !label_before && !label.is_empty() && end > x + r && end < x + r + label_px => end - x,
            _ => r,
        };
        let (left, right) = if label_before { (x - r - label_px, x + r) } else { (x - r, x + beside + label_px) };
        let label_x = if label_before { x - r - 4.0 } else { x + beside + 4.0 };
        Marker { event: item.event, x, lane: 0, bar_end_x, label, label_before, label_x, left, right: right.max(bar_end_x.unwrap_or(x)) }
    };

    let mut layout = Layout::default();
    let mut lane_right = vec![f64::NEG_INFINITY; lanes];
    // The selected event is placed first, in lane 0, and the others must keep clear of it.
    let reserved = selected.and_then(|sel| items.iter().find(|i| i.event == sel)).map(|item| place(item, true));
    let collides_with_reserved = |lane: usize, left: f64, right: f64| {
        reserved.as_ref().is_some_and(|res| lane == 0 && left < res.right + params.gap && right + params.gap > res.left)
    };
    // The overflow: events that found no lane, bucketed by position so cluster buttons never
    // overlap. The buckets tile the width, each wide enough for a button and a gap, so that a
    // button centred on its bucket never reaches past either edge.
    let across = (scale.width / (text_width(&cluster_label(9_999), font_px) + params.gap)).floor().max(1.0);
    let bucket_px = scale.width / across;
    // Only events in view are bucketed, so the buckets are the view's slots, left to right.
    let mut buckets: Vec<Option<Cluster>> = vec![None; across as usize];

    for item in items {
        if Some(item.event) == selected || item.last() < scale.t(lo) || item.start > scale.t(hi) {
            continue;
        }
        let marker = place(item, true);
        let fits = |m: &Marker| (0..lanes).find(|&l| lane_right[l] + params.gap <= m.left && !collides_with_reserved(l, m.left, m.right));
        let free = fits(&marker);
        // A lane too full for the label may still have room for the bare marker.
        let bare = || {
            let m = place(item, false);
            fits(&m).map(|l| (l, m))
        };
        let x = marker.x;
        match free.map(|l| (l, marker)).or_else(bare) {
            Some((lane, mut m)) => {
                lane_right[lane] = m.right;
                m.lane = lane;
                layout.markers.push(m);
            }
            // Overscanned events that find no lane stay out of sight: a cluster counts only what is in view.
            None if !(0.0..=scale.width).contains(&x) => {}
            None => {
                let bucket = ((x / bucket_px) as usize).min(buckets.len() - 1);
                let cluster = buckets[bucket].get_or_insert(Cluster { x: (bucket as f64 + 0.5) * bucket_px, count: 0, t0: item.start, t1: item.last() });
                cluster.count += 1;
                cluster.t0 = cluster.t0.min(item.start);
                cluster.t1 = cluster.t1.max(item.last());
            }
        }
    }
    if let Some(r) = reserved {
        layout.markers.push(r);
    }
    // A pill, and its hit area under a finger, stay whole inside the timeline even where a bucket
    // is narrower than they are (a narrow timeline in a wide font): the edge ones are moved in.
    let half = params.cluster_width().max(CLUSTER_HIT) / 2.0;
    layout.clusters = buckets.into_iter().flatten().map(|c| Cluster { x: c.x.clamp(half.min(scale.width / 2.0), (scale.width - half).max(scale.width / 2.0)), ..c }).collect();
    layout
}

#[cfg(test)]
mod tests {
    use super::*;

    const DAY: f64 = 86_400.0;

    #[test]
    fn a_range_bar_is_centred_on_its_lane_and_an_era_title_starts_inside_its_band() {
        let marker = Marker { event: 0, x: 100.0, lane: 1, bar_end_x: Some(160.0), label: String::new(), label_before: false, label_x: 111.0, left: 100.0, right: 160.0 };
        let y = Rows::new(&Params::default()).lane_y(1);
        assert_eq!(marker.bar(y), Some(Bar { x: 100.0, y: y - BAR_HEIGHT / 2.0, width: 60.0 }));
        assert_eq!(Marker { bar_end_x: None, ..marker }.bar(y), None, "an instant has no bar");
        let band = EraBand { era: 0, x0: 50.0, x1: 250.0, title: "War".into() };
        assert!(band.title_x() > band.x0 && band.title_x() < band.x1);
        assert_eq!(band.width(), 200.0);
        let params = Params::default();
        assert_eq!(Cluster { x: 80.0, count: 3, t0: 0.0, t1: DAY }.left(&params) + params.cluster_width() / 2.0, 80.0, "the pill is centred on its x");
    }

    #[test]
    fn lanes_then_clusters_then_the_axis_from_the_top_with_three_lanes_on_a_phone() {
        for (width, lanes) in [(320.0, 3), (479.0, 3), (480.0, 4), (1100.0, 4)] {
            let params = Params::for_width(width);
            let rows = Rows::new(&params);
            assert_eq!(rows.lanes, lanes, "{width}px");
            let last_lane = rows.lane_y(lanes - 1);
            assert!(last_lane < rows.cluster_top() && rows.cluster_y < rows.axis_y && rows.tick_label_y() < rows.height, "{rows:?}");
            assert!(params.max_label_px >= 90.0 && params.max_label_px <= 220.0);
        }
    }

    fn item(event: usize, day: f64, title: &str) -> Item {
        Item { event, start: day * DAY, end: None, period_end: day * DAY + DAY - 1.0, title: title.into() }
    }

    /// Two things collide when they share a lane and their extents overlap.
    fn overlaps(layout: &Layout, _radius: f64) -> Vec<(usize, usize)> {
        let mut found = Vec::new();
        for (i, a) in layout.markers.iter().enumerate() {
            for b in &layout.markers[i + 1..] {
                if a.lane == b.lane && a.left < b.right && b.left < a.right {
                    found.push((a.event, b.event));
                }
            }
        }
        found
    }

    #[test]
    fn events_far_apart_share_the_first_lane() {
        let items = [item(0, 0.0, "One"), item(1, 50.0, "Two"), item(2, 100.0, "Three")];
        let scale = TimeScale::new(-5.0 * DAY, 105.0 * DAY, 1000.0);
        let l = layout(&items, &scale, &Params::default(), None);
        assert_eq!(l.markers.iter().map(|m| m.lane).collect::<Vec<_>>(), [0, 0, 0]);
        assert!(l.clusters.is_empty());
    }

    #[test]
    fn events_close_together_go_to_separate_lanes_without_overlap() {
        let items: Vec<Item> = (0..4).map(|i| item(i, i as f64, "A long enough label")).collect();
        let scale = TimeScale::new(-DAY, 30.0 * DAY, 1000.0);
        let l = layout(&items, &scale, &Params::default(), None);
        assert_eq!(l.markers.len(), 4);
        let mut lanes: Vec<usize> = l.markers.iter().map(|m| m.lane).collect();
        lanes.sort();
        assert_eq!(lanes, [0, 1, 2, 3]);
        assert!(overlaps(&l, 7.0).is_empty());
    }

    #[test]
    fn what_finds_no_lane_is_counted_into_a_cluster() {
        let items: Vec<Item> = (0..50).map(|i| item(i, i as f64 * 0.01, "Crowded")).collect();
        let scale = TimeScale::new(-DAY, 30.0 * DAY, 1000.0);
        let l = layout(&items, &scale, &Params::default(), None);
        let clustered: usize = l.clusters.iter().map(|c| c.count).sum();
        assert_eq!(l.markers.len() + clustered, 50);
        assert!(!l.clusters.is_empty());
        assert!(overlaps(&l, 7.0).is_empty());
    }

    #[test]
    fn the_selected_event_is_always_drawn_with_its_label() {
        let items: Vec<Item> = (0..50).map(|i| item(i, i as f64 * 0.01, "Crowded")).collect();
        let scale = TimeScale::new(-DAY, 30.0 * DAY, 1000.0);
        let l = layout(&items, &scale, &Params::default(), Some(37));
        let selected = l.markers.iter().find(|m| m.event == 37).expect("selected is drawn");
        assert_eq!(selected.label, "Crowded");
        assert!(overlaps(&l, 7.0).is_empty(), "{:?}", overlaps(&l, 7.0));
    }

    #[test]
    fn only_events_in_view_are_laid_out() {
        let items: Vec<Item> = (0..10_000).map(|i| item(i, i as f64, "Event")).collect();
        let scale = TimeScale::new(5_000.0 * DAY, 5_030.0 * DAY, 1000.0);
        let l = layout(&items, &scale, &Params::default(), None);
        let drawn = l.markers.len() + l.clusters.len();
        assert!(drawn <= 40, "{drawn} things drawn for a 30-day view");
        // A marker may start left of the view when its period reaches into it.
        assert!(l.markers.iter().all(|m| m.bar_end_x.unwrap_or(m.x) >= -80.0 && m.x <= 1080.0));
    }

    #[test]
    fn a_label_near_the_right_edge_is_drawn_before_its_marker() {
        let items = [item(0, 29.0, "Late event")];
        let scale = TimeScale::new(0.0, 30.0 * DAY, 900.0);
        let m = &layout(&items, &scale, &Params::default(), None).markers[0];
        assert!(m.label_before);
        assert!(m.left >= 0.0 && m.right <= 900.0);
    }

    #[test]
    fn a_range_draws_a_bar_to_its_end() {
        let mut range = item(0, 10.0, "Range");
        range.end = Some(20.0 * DAY);
        let scale = TimeScale::new(0.0, 30.0 * DAY, 900.0);
        let l = layout(&[range], &scale, &Params::default(), None);
        assert_eq!(l.markers[0].bar_end_x, Some(scale.x(20.0 * DAY)));
    }

    #[test]
    fn a_range_bar_shorter_than_its_label_puts_the_label_past_its_end_and_a_longer_one_underlines_it() {
        let scale = TimeScale::new(0.0, 100.0 * DAY, 1000.0);
        let mut short = item(0, 10.0, "Oxygen fills the air");
        short.end = Some(13.0 * DAY);
        let mut long = item(1, 10.0, "Oxygen fills the air");
        long.end = Some(80.0 * DAY);
        let (p, y) = (Params::default(), 50.0);
        let s = &layout(&[short], &scale, &p, None).markers[0];
        let end = s.bar_end_x.expect("a bar");
        assert!(s.label_at(y).0 > end, "the label starts past the bar's end ({end}): {s:?}");
        assert!(s.right >= s.label_at(y).0 + text_width(&s.label, p.font_px), "the marker's extent holds the moved label: {s:?}");
        let l = &layout(&[long], &scale, &p, None).markers[0];
        assert_eq!(l.label_at(y).0, l.x + p.marker_radius + 4.0, "a long bar runs under the whole label, beside the marker");
        assert_eq!(l.right, l.bar_end_x.expect("a bar"));
    }

    #[test]
    fn long_titles_are_shortened_to_the_label_budget() {
        let items = [item(0, 1.0, "A very long event title that would run over everything else on the axis")];
        let scale = TimeScale::new(0.0, 30.0 * DAY, 900.0);
        let p = Params::default();
        let l = layout(&items, &scale, &p, None);
        assert!(l.markers[0].label.ends_with('…'));
        assert!(text_width(&l.markers[0].label, p.font_px) <= p.max_label_px);
    }

    #[test]
    fn a_wider_font_widens_each_label_box_and_shortens_a_long_label_sooner() {
        let items = [item(0, 1.0, "Short"), item(1, 15.0, "A very long event title that would run over everything else on the axis")];
        let scale = TimeScale::new(0.0, 30.0 * DAY, 900.0);
        let laid = |fit| layout(&items, &scale, &Params { fit, ..Params::default() }, None).markers;
        let (plain, wide) = (laid(1.0), laid(1.3));
        let extent = |m: &Marker| m.right - m.left;
        assert_eq!(wide[0].label, plain[0].label);
        assert!(extent(&wide[0]) - extent(&plain[0]) > 0.29 * text_width("Short", 13.0), "{plain:?} {wide:?}");
        assert!(wide[1].label.len() < plain[1].label.len(), "{:?} against {:?}", wide[1].label, plain[1].label);
        assert!(text_width(&wide[1].label, 13.0 * 1.3) <= Params::default().max_label_px);
    }

    #[test]
    fn cluster_buttons_stay_inside_the_timeline_and_apart_in_any_font() {
        // Crowds at both edges and in the middle, more than four lanes can hold.
        let items: Vec<Item> = (0..600).map(|i| item(i, [0.0, 15.0, 29.99][i % 3] + (i / 3) as f64 * 1e-4, "Crowded")).collect();
        for width in [324.0, 375.0, 603.0, 1120.0] {
            let scale = TimeScale::new(0.0, 30.0 * DAY, width);
            for fit in [1.0, 1.3, 1.6] {
                let p = Params { fit, ..Params::for_width(width) };
                let (w, l) = (p.cluster_width(), layout(&items, &scale, &p, None));
                assert!(l.clusters.len() >= 2, "{width}px, fit {fit}: {:?}", l.clusters);
                assert!(l.clusters.iter().all(|c| c.x - w / 2.0 >= 0.0 && c.x + w / 2.0 <= width), "{width}px, fit {fit}: {:?}", l.clusters);
                assert!(l.clusters.windows(2).all(|c| c[1].x - c[0].x >= w + p.gap), "{width}px, fit {fit}: {:?}", l.clusters);
            }
        }
    }

    #[test]
    fn a_cluster_at_either_edge_keeps_its_pill_and_its_hit_area_inside_the_timeline() {
        // Crowds at both ends of the view, on a phone's timeline, in the system font and wider ones.
        let items: Vec<Item> = (0..200).map(|i| item(i, if i % 2 == 0 { 0.0 } else { 29.99 } + (i / 2) as f64 * 1e-4, "Crowded")).collect();
        for width in [280.0, 300.0, 320.0, 343.0, 375.0] {
            let scale = TimeScale::new(0.0, 30.0 * DAY, width);
            for fit in [1.0, 1.15, 1.3, 1.6] {
                let p = Params { fit, ..Params::for_width(width) };
                let (w, l, rows) = (p.cluster_width(), layout(&items, &scale, &p, None), Rows::new(&p));
                assert!(l.clusters.len() >= 2, "{width}px, fit {fit}: {:?}", l.clusters);
                for c in &l.clusters {
                    let (left, top, side) = c.hit(&rows);
                    assert!(c.left(&p) >= 0.0 && c.left(&p) + w <= width, "{width}px, fit {fit}: the pill of {c:?} is cut");
                    assert!(left >= 0.0 && left + side <= width && side >= 44.0, "{width}px, fit {fit}: the hit area of {c:?} is cut");
                    assert!(top >= 0.0 && top + side <= rows.height, "{width}px, fit {fit}: the hit area of {c:?} leaves the timeline");
                }
            }
        }
    }

    #[test]
    fn cluster_buttons_never_overlap() {
        let items: Vec<Item> = (0..3_000).map(|i| item(i, (i / 10) as f64 * 0.1, "Dense")).collect();
        let scale = TimeScale::new(0.0, 30.0 * DAY, 600.0);
        let p = Params::default();
        let l = layout(&items, &scale, &p, None);
        let w = text_width(&cluster_label(9_999), p.font_px);
        assert!(l.clusters.windows(2).all(|c| c[1].x - c[0].x >= w), "{:?}", l.clusters);
    }
}
