//! The era bands of the timeline on a synthetic story.

use storyline_core::scale::TimeScale;
use storyline_core::timeline_layout::era_bands;
use storyline_core::{Era, PartialDate};
use storyline_testkit::synth;

#[test]
fn an_era_is_cut_to_the_view_and_one_outside_it_is_not_drawn() {
    let mut story = synth::story(3, 1);
    let day = |d: &str| PartialDate::parse(d).unwrap();
    story.eras = vec![
        Era { id: "in".into(), title: "A long era title".into(), start: day("2023-12-01"), end: day("2024-03-01") },
        Era { id: "out".into(), title: "Later".into(), start: day("2030-01-01"), end: day("2031-01-01") },
    ];
    let t = |d: &str| day(d).start_seconds() as f64;
    let scale = TimeScale::new(t("2024-01-01"), t("2024-12-31"), 600.0);
    let bands = era_bands(&story, &scale, 600.0);
    assert_eq!(bands.len(), 1);
    assert_eq!((bands[0].era, bands[0].x0), (0, 0.0), "cut at the left edge");
    assert!(bands[0].x1 > 0.0 && bands[0].x1 < 600.0);
}
