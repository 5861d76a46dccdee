//! Properties of the time scale, ticks and timeline layout that must hold for any range, width and story.

use proptest::prelude::*;
use storyline_core::scale::TimeScale;
use storyline_core::text_width::text_width;
use storyline_core::ticks::{labels_clear, ticks};
use storyline_core::timeline_layout::{layout, Item, Params};

const DAY: f64 = 86_400.0;
const YEAR: f64 = 365.2425 * DAY;

/// A view between 1 hour and 3,000 years wide, somewhere between 1000 BCE and 2500 CE.
fn any_scale() -> impl Strategy<Value = TimeScale> {
    (-3_000.0 * YEAR..500.0 * YEAR, (3_600.0f64).ln()..(3_000.0 * YEAR).ln(), 200.0f64..2_000.0)
        .prop_map(|(t0, log_span, width)| TimeScale::new(t0, t0 + log_span.exp(), width))
}

fn any_items() -> impl Strategy<Value = Vec<Item>> {
    prop::collection::vec((0.0..400.0f64, prop::option::of(0.0..30.0f64), "[A-Za-z ]{1,60}"), 0..300).prop_map(|raw| {
        let mut items: Vec<Item> = raw
            .into_iter()
            .enumerate()
            .map(|(i, (day, len, title))| Item {
                event: i,
                start: day * DAY,
                end: len.map(|l| (day + l) * DAY),
                period_end: day * DAY + DAY - 1.0,
                title,
            })
            .collect();
        items.sort_by(|a, b| a.start.total_cmp(&b.start));
        items
    })
}

/// The system font's own estimates, and fonts drawing 1.3 and 1.6 times as wide (`font_fit`).
fn any_fit() -> impl Strategy<Value = f64> {
    prop::sample::select(vec![1.0, 1.3, 1.6])
}

proptest! {
    #[test]
    fn tick_labels_never_overlap_at_any_range_and_width(scale in any_scale(), font in 10.0f64..16.0, fit in any_fit()) {
        let (_, t) = ticks(&scale, font * fit);
        prop_assert!(labels_clear(&t, font * fit));
    }

    #[test]
    fn ticks_are_in_time_order_and_inside_the_view(scale in any_scale()) {
        let (_, t) = ticks(&scale, 12.0);
        prop_assert!(t.windows(2).all(|w| w[0].t < w[1].t && w[0].x < w[1].x));
        prop_assert!(t.iter().all(|k| k.x >= -1e-6 && k.x <= scale.width + 1e-6));
    }

    #[test]
    fn positions_are_monotonic_in_time(scale in any_scale(), a in -1e11f64..1e11, b in -1e11f64..1e11) {
        prop_assume!(a < b);
        prop_assert!(scale.x(a) < scale.x(b));
    }

    #[test]
    fn markers_in_a_lane_never_overlap(items in any_items(), width in 300.0f64..1600.0, zoom in 0.0f64..6.0, sel in 0usize..300, fit in any_fit()) {
        let scale = TimeScale::new(0.0, 420.0 * DAY / zoom.exp(), width);
        let p = Params { fit, ..Params::default() };
        let selected = items.iter().find(|i| i.event == sel).map(|i| i.event);
        let l = layout(&items, &scale, &p, selected);
        for (i, a) in l.markers.iter().enumerate() {
            for b in &l.markers[i + 1..] {
                if a.lane == b.lane {
                    let apart = a.right + p.gap <= b.left + 1e-6 || b.right + p.gap <= a.left + 1e-6;
                    prop_assert!(apart, "{a:?} overlaps {b:?}");
                }
            }
            let font = fit * if Some(a.event) == selected { p.font_px * storyline_core::text_width::BOLD } else { p.font_px };
            prop_assert!(a.label.is_empty() || text_width(&a.label, font) <= p.max_label_px + 1e-6);
        }
        if let Some(s) = selected {
            prop_assert!(l.markers.iter().any(|m| m.event == s && !m.label.is_empty()), "the selected event is drawn with its label");
        }
    }

    #[test]
    fn every_event_in_view_is_drawn_or_counted(items in any_items(), width in 300.0f64..1600.0) {
        let scale = TimeScale::new(0.0, 420.0 * DAY, width);
        let l = layout(&items, &scale, &Params::default(), None);
        let in_view = items.iter().filter(|i| (0.0..=width).contains(&scale.x(i.start))).count();
        let drawn_in_view = l.markers.iter().filter(|m| (0.0..=width).contains(&m.x)).count();
        let clustered: usize = l.clusters.iter().map(|c| c.count).sum();
        prop_assert_eq!(drawn_in_view + clustered, in_view);
    }
}
