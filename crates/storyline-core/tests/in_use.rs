//! What a story uses, listed for the filters, on a synthetic story.

use storyline_core::in_use::{event_statuses, event_tags};
use storyline_core::Status;
use storyline_testkit::synth;

#[test]
fn only_what_the_story_uses_is_listed_in_the_formats_order() {
    let mut story = synth::story(30, 3);
    for (i, e) in story.events.iter_mut().enumerate() {
        e.status = if i % 2 == 0 { Status::Disputed } else { Status::Confirmed };
        e.tags = vec![if i % 3 == 0 { "war" } else { "diplomacy" }.to_string()];
    }
    assert_eq!(event_statuses(&story), [Status::Confirmed, Status::Disputed]);
    assert_eq!(event_tags(&story), ["diplomacy", "war"]);
}
