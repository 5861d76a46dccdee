//! The stylesheet gives the timeline and the map, from the first paint, the boxes the live widget
//! lays them out in (so nothing moves when it goes live): its heights must be core's. And it
//! draws the timeline's labels at the size core measures the widget's font at, and sets the map
//! beside the card at the widths core tried its whole map at.
#![cfg(not(target_arch = "wasm32"))]

use storyline_core::font_fit::REFERENCE_PX;
use storyline_core::map_scene::map_height;
use storyline_core::timeline_layout::{Params, Rows};

const CSS: &str = include_str!("../assets/storyline.css");

/// The value of `property` in the first rule for `selector` inside `scope` (a line of the
/// stylesheet, such as a container query, or "" for the top level).
fn declared(scope: &str, selector: &str, property: &str) -> String {
    let rule = format!("{selector} {{");
    // The rule for exactly this selector: it starts the line, or the container query's block.
    let starts = |l: &str| l.starts_with(&rule) || l.contains(&format!("{{ {rule}"));
    let scoped = CSS.lines().find(|l| l.contains(scope) && starts(l)).unwrap_or_else(|| panic!("no {selector} rule in {scope:?}"));
    // A rule may run over several lines: its body ends at its closing brace.
    let from = scoped.as_ptr() as usize - CSS.as_ptr() as usize + scoped.find(&rule).unwrap();
    let body = &CSS[from..from + CSS[from..].find('}').unwrap()];
    let start = body.find(&format!("{property}:")).unwrap_or_else(|| panic!("no {property} in {body}")) + property.len() + 1;
    body[start..body[start..].find(';').unwrap() + start].trim().to_string()
}

#[test]
fn the_timelines_box_is_as_tall_as_core_lays_it_out_at_every_width() {
    let wide = Rows::new(&Params::for_width(720.0)).height;
    let phone = Rows::new(&Params::for_width(375.0)).height;
    assert_eq!(declared("", ".sl-axis", "height"), format!("{wide}px"));
    assert_eq!(declared("@container (width < 480px)", ".sl-axis", "height"), format!("{phone}px"));
    // The width where the lanes change is the one the container query names.
    assert_ne!(Rows::new(&Params::for_width(479.0)).height, Rows::new(&Params::for_width(480.0)).height);
}

#[test]
fn the_prerendered_axes_take_turns_at_the_width_where_core_turns_to_a_phones_timeline() {
    use storyline_core::timeline_layout::{PHONE_DRAWING_WIDTH, PHONE_WIDTH};
    assert_eq!(declared(&format!("@container (width < {PHONE_WIDTH}px)"), ".sl-timeline-phone ~ .sl-axis", "display"), "none");
    assert_eq!(declared(&format!("@container (width >= {PHONE_WIDTH}px)"), ".sl-timeline-phone", "display"), "none");
    assert_eq!(declared(&format!("@container (width < {PHONE_WIDTH}px)"), ".sl-axis", "height"), format!("{}px", Rows::new(&Params::for_width(PHONE_DRAWING_WIDTH)).height));
    assert_eq!(declared("", ".sl-axis-phone", "height"), format!("{}px", Rows::new(&Params::for_width(PHONE_DRAWING_WIDTH)).height));
}

#[test]
fn the_maps_box_is_as_tall_as_core_lays_it_out_at_every_width() {
    assert_eq!(declared("", ".sl-map-svg", "height"), "clamp(380px, 70cqw, 560px)");
    assert_eq!(declared("@container (width < 520px)", ".sl-map-svg", "height"), "125cqw");
    let css = |w: f64| if w < 520.0 { w * 1.25 } else { (w * 0.7).clamp(380.0, 560.0) };
    for w in [300.0, 375.0, 519.0, 520.0, 600.0, 704.0, 900.0, 1200.0] {
        assert!((map_height(w) - css(w)).abs() <= 0.5, "{w}px: core {} against the stylesheet's {}", map_height(w), css(w));
    }
}

#[test]
fn timeline_labels_are_drawn_at_the_size_the_font_is_measured_at() {
    assert_eq!(declared("", ".sl-marker .sl-label", "font-size"), format!("{REFERENCE_PX}px"));
}

#[test]
fn the_prerendered_maps_take_turns_at_the_width_where_core_turns_to_the_phones_map() {
    use storyline_core::map_scene::PHONE_WIDTH;
    assert_eq!(declared(&format!("@container (width < {PHONE_WIDTH}px)"), ".sl-map-phone ~ .sl-map-main", "display"), "none");
    assert_eq!(declared(&format!("@container (width >= {PHONE_WIDTH}px)"), ".sl-map-phone", "display"), "none");
}

#[test]
fn the_map_goes_beside_the_card_in_the_columns_core_tried_its_whole_map_in() {
    use storyline_core::map_beside::{side_column, Beside, MAP_SHARE, SCROLLBAR, SIDE_FROM_VIEWPORT, SIDE_TAKEN, WIDEST_FROM_VIEWPORT, WIDGET_MAX_WIDTH};
    // Core's widths are in px of the default text size, `medium`.
    assert!(CSS.contains("--storyline-font-size: medium;"));
    let em = |value: &str| value.strip_suffix("em").and_then(|n| n.parse::<f64>().ok()).unwrap_or_else(|| panic!("{value} is not in em")) * 16.0;
    assert_eq!(em(&declared("", ".storyline", "max-width")), WIDGET_MAX_WIDTH);
    let padding = declared("", ".storyline", "padding");
    let inline = em(padding.split(' ').nth(1).expect("the padding's second value is the inline one"));
    assert_eq!(2.0 * inline + em(&declared("", ".sl-panels", "gap")), SIDE_TAKEN);
    // The map's column is 6fr of 5fr + 6fr, from the viewport core starts at.
    let columns = "minmax(0, 5fr) minmax(0, 6fr)";
    assert_eq!(MAP_SHARE, 6.0 / (5.0 + 6.0));
    // The widest-only class from where the widget is at its widest even beside a scrollbar.
    assert_eq!(WIDEST_FROM_VIEWPORT, WIDGET_MAX_WIDTH + SCROLLBAR);
    for (from, class) in [(SIDE_FROM_VIEWPORT, Beside::Anywhere), (WIDEST_FROM_VIEWPORT, Beside::WidestOnly)] {
        let scope = format!("@media (min-width: {from}px)");
        assert_eq!(declared(&scope, &format!(".sl-panels.{}", class.class()), "grid-template-columns"), columns, "{class:?}");
    }
    // No other rule sets the two columns: a map that never fits stays under the card.
    assert_eq!(CSS.matches(columns).count(), 2);
    assert!(side_column(SIDE_FROM_VIEWPORT) < side_column(WIDEST_FROM_VIEWPORT));
}
