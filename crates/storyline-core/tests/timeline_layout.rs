//! The era bands of the timeline on a synthetic story.

use storyline_core::scale::TimeScale;
use storyline_core::text_width::text_width;
use storyline_core::timeline_layout::{era_bands, CAPITALS, ERA_FONT};
use storyline_core::{Dataset, Era, PartialDate};
use storyline_testkit::synth;

fn day(d: &str) -> PartialDate {
    PartialDate::parse(d).unwrap()
}

/// A synthetic story with these eras (id, title, first and last day), and the year 2024 drawn 600 px wide.
fn story_with_eras(eras: &[(&str, &str, &str, &str)]) -> (Dataset, TimeScale) {
    let mut story = synth::story(3, 1);
    story.eras = eras.iter().map(|&(id, title, start, end)| Era { id: id.into(), title: title.into(), start: day(start), end: day(end) }).collect();
    let t = |d: &str| day(d).start_seconds() as f64;
    (story, TimeScale::new(t("2024-01-01"), t("2024-12-31"), 600.0))
}

#[test]
fn an_era_is_cut_to_the_view_and_one_outside_it_is_not_drawn() {
    let (story, scale) = story_with_eras(&[("in", "A long era title", "2023-12-01", "2024-03-01"), ("out", "Later", "2030-01-01", "2031-01-01")]);
    let bands = era_bands(&story, &scale, 600.0, 1.0);
    assert_eq!(bands.len(), 1);
    assert_eq!((bands[0].era, bands[0].x0), (0, 0.0), "cut at the left edge");
    assert!(bands[0].x1 > 0.0 && bands[0].x1 < 600.0);
}

#[test]
fn an_era_title_stops_short_of_a_band_drawn_across_it_and_shortens_sooner_in_a_wider_font() {
    let (story, scale) = story_with_eras(&[("war", "Full-scale invasion", "2024-01-01", "2024-12-31"), ("talks", "Talks", "2024-04-10", "2024-05-20")]);
    let titles = |fit| era_bands(&story, &scale, 600.0, fit).into_iter().map(|b| (b.x0, b.title)).collect::<Vec<_>>();
    let plain = titles(1.0);
    let room = plain[1].0 - plain[0].0 - 8.0;
    assert!(room < 600.0 / 3.0, "the second era starts {room} px in");
    // Drawn in capitals, spaced: measured as a larger font, in the widget's font, within the room.
    for (fit, bands) in [(1.0, &plain), (1.3, &titles(1.3)), (1.6, &titles(1.6))] {
        let title = &bands[0].1;
        assert!(text_width(title, ERA_FONT * CAPITALS * fit) <= room, "{title:?} at fit {fit}");
        assert!("Full-scale invasion".starts_with(title.trim_end_matches('…')), "{title:?}");
    }
    assert_eq!(plain[0].1, "Full-scale invasion", "the title fits before the second era in the system font");
    assert!(titles(1.6)[0].1.ends_with('…'), "a wider font shortens it: {:?}", titles(1.6));
    assert_eq!(plain[1].1, "Talks");
}
