//! Where the whole map goes on a desktop: beside the event card where it fits the card's side
//! column at the least scale, under the card where it would have to scroll sideways.

use storyline_core::map_beside::{side_column, Beside, SIDE_FROM_VIEWPORT, WIDEST_FROM_VIEWPORT};
use storyline_core::map_scene::{map_height, map_layout, PHONE_WIDTH};
use storyline_core::Dataset;
use storyline_testkit::synth;

fn built_in() -> Dataset {
    storyline_core::load(include_str!("../../../assets/stories/north-korea-troops-russia.json")).expect("the built-in story is valid").dataset
}

/// How wide the whole map is drawn in the map's column beside the card at a viewport of `viewport` px.
fn drawn_width(dataset: &Dataset, viewport: f64) -> f64 {
    let w = side_column(viewport);
    map_layout(dataset, w, map_height(w), 1.0).width
}

#[test]
fn the_side_column_is_490_px_where_the_card_first_has_one_and_604_at_the_widgets_widest() {
    // At its narrowest: a scrollbar takes its room from the viewport the media query reads.
    assert!((side_column(SIDE_FROM_VIEWPORT) - 490.4).abs() < 0.1);
    assert!((side_column(WIDEST_FROM_VIEWPORT) - 604.4).abs() < 0.1);
    assert_eq!(side_column(1920.0), side_column(WIDEST_FROM_VIEWPORT), "the widget grows no wider than 72em");
}

#[test]
fn the_built_in_stories_whole_map_is_too_wide_for_any_side_column_and_goes_under_the_card() {
    let dataset = built_in();
    assert!(drawn_width(&dataset, WIDEST_FROM_VIEWPORT) > side_column(WIDEST_FROM_VIEWPORT) + 50.0, "it would scroll sideways at the widest");
    assert_eq!(Beside::of(&dataset), Beside::Never);
    assert_eq!(Beside::of(&dataset).class(), "sl-map-under");
}

#[test]
fn a_small_story_fits_beside_the_card_at_every_desktop_width() {
    let dataset = synth::story(40, 1);
    assert_eq!(dataset.actors.len(), 4);
    assert_eq!(Beside::of(&dataset), Beside::Anywhere);
    for viewport in [960.0, 1000.0, 1100.0, 1280.0] {
        assert!(drawn_width(&dataset, viewport) <= side_column(viewport) + 0.5, "{viewport}px: the map scrolls");
    }
}

#[test]
fn a_story_of_60_actors_never_fits_beside_the_card() {
    let dataset = synth::story(600, 5);
    assert_eq!(dataset.actors.len(), 60);
    assert_eq!(Beside::of(&dataset), Beside::Never);
}

#[test]
fn a_map_that_fits_only_the_widest_column_goes_beside_the_card_only_there() {
    let dataset = synth::story(150, 0);
    assert_eq!(Beside::of(&dataset), Beside::WidestOnly);
    assert!(drawn_width(&dataset, WIDEST_FROM_VIEWPORT) <= side_column(WIDEST_FROM_VIEWPORT) + 0.5);
    // A narrower column, at the least where the map's box turns from tall to wide, would scroll.
    let at = |w: f64| map_layout(&dataset, w, map_height(w), 1.0).width;
    assert!(at(PHONE_WIDTH) > PHONE_WIDTH + 0.5);
}

#[test]
fn a_story_without_actors_keeps_the_side_by_side_panels() {
    let dataset = storyline_core::load(include_str!("../../../tests/data/valid/minimal.json")).expect("valid").dataset;
    assert!(dataset.actors.is_empty());
    assert_eq!(Beside::of(&dataset), Beside::Anywhere);
}
