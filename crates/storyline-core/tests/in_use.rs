//! What a story uses, listed for the filters and the legend, on a synthetic story.

use storyline_core::in_use::{event_statuses, event_tags, relation_kinds, relation_statuses};
use storyline_core::{RelationKind, Status};
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
    let kinds = relation_kinds(&story);
    assert!(kinds.windows(2).all(|w| RelationKind::ALL.iter().position(|k| *k == w[0]) < RelationKind::ALL.iter().position(|k| *k == w[1])));
    assert!(kinds.iter().all(|k| story.relations.iter().any(|r| r.kind == *k)));
    assert!(relation_statuses(&story).iter().all(|s| story.relations.iter().any(|r| r.status == *s)));
}
