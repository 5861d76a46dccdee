//! Each relation's standing at the selected event (later, begins, holds, ended), and the sentence read out for an edge.

use storyline_core::relations::{describe, standing, standings, Standing};
use storyline_core::{Event, PartialDate, Relation, RelationKind, Status};
use storyline_testkit::{builders, synth};

fn relation(from: &str, to: Option<&str>) -> Relation {
    Relation {
        id: "r".into(),
        from: "kp".into(),
        to: "ru".into(),
        kind: RelationKind::AlliedWith,
        label: "pact".into(),
        directed: false,
        status: Status::Confirmed,
        attribution: None,
        valid_from: PartialDate::parse(from).unwrap(),
        valid_to: to.map(|t| PartialDate::parse(t).unwrap()),
        sources: vec![],
    }
}

/// An event on `date`: all that a relation's standing looks at.
fn on(date: &str) -> Event {
    builders::event("e", date)
}

#[test]
fn a_relation_is_later_before_it_begins_and_holds_after() {
    let pact = relation("2024-06-19", None);
    assert_eq!(standing(&pact, &on("2024-06-18")), Standing::Later);
    assert_eq!(standing(&pact, &on("2024-10-23")), Standing::Holds);
}

#[test]
fn a_relation_begins_at_the_event_of_its_first_day() {
    let pact = relation("2024-06-19", None);
    assert_eq!(standing(&pact, &on("2024-06-19")), Standing::Begins);
    assert!(Standing::Begins.in_force());
}

#[test]
fn a_relation_that_began_within_a_month_begins_at_an_event_of_that_month_only_if_as_precise() {
    let troops = relation("2024-10", None);
    assert_eq!(standing(&troops, &on("2024-10")), Standing::Begins);
    assert_eq!(standing(&troops, &on("2024-10-23")), Standing::Holds, "October holds on the 23rd, but did not begin then");
    assert_eq!(standing(&troops, &on("2024-09-30")), Standing::Later);
}

#[test]
fn a_relation_ends_after_its_valid_to_period() {
    let r = relation("2023-09", Some("2024-06"));
    assert_eq!(standing(&r, &on("2024-06-30")), Standing::Holds);
    assert_eq!(standing(&r, &on("2024-07-01")), Standing::Ended);
    assert!(!Standing::Ended.in_force() && !Standing::Later.in_force());
}

#[test]
fn with_no_selection_every_relation_holds() {
    let mut d = synth::story(30, 2);
    d.relations.truncate(3);
    assert_eq!(standings(&d, None), vec![Standing::Holds; 3]);
}

#[test]
fn an_edge_is_described_in_words_with_its_status() {
    let d = synth::story(20, 1);
    let r = &d.relations[0];
    let text = describe(&d, r);
    assert!(text.contains(" — ") && text.contains(r.kind.verb()) && text.ends_with(r.status.key()), "{text}");
}
