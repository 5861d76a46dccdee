//! The story compiled into the widget meets the bar we set for newsroom data: valid, sourced, complete.

use storyline::story::EMBEDDED_JSON;
use storyline_core::{load, Status};

#[test]
fn the_embedded_story_is_valid_with_zero_errors_and_zero_warnings() {
    match load(EMBEDDED_JSON) {
        Ok(loaded) => assert!(loaded.warnings.is_empty(), "warnings: {:#?}", loaded.warnings),
        Err(report) => panic!("errors: {:#?}", report.errors),
    }
}

#[test]
fn the_embedded_story_has_at_least_12_events_10_actors_and_10_relations() {
    let dataset = load(EMBEDDED_JSON).unwrap().dataset;
    assert!(dataset.events.len() >= 12, "{} events", dataset.events.len());
    assert!(dataset.actors.len() >= 10, "{} actors", dataset.actors.len());
    assert!(dataset.relations.len() >= 10, "{} relations", dataset.relations.len());
}

#[test]
fn every_event_and_relation_of_the_embedded_story_has_a_source() {
    let dataset = load(EMBEDDED_JSON).unwrap().dataset;
    for event in &dataset.events {
        assert!(!event.sources.is_empty(), "event {} has no source", event.id);
    }
    for relation in &dataset.relations {
        assert!(!relation.sources.is_empty(), "relation {} has no source", relation.id);
    }
}

#[test]
fn moscows_denial_and_the_disputed_date_of_austins_remarks_are_recorded() {
    let dataset = load(EMBEDDED_JSON).unwrap().dataset;
    let denial = dataset.events.iter().any(|e| e.status == Status::Denied && e.quotes.iter().any(|q| q.text.contains("fabrication")));
    assert!(denial, "Moscow's \"another fabrication\" denial is an event of its own");
    let austin = dataset.events.iter().find(|e| e.quotes.iter().any(|q| q.text.contains("seeing evidence"))).expect("Austin's remarks");
    assert_eq!(austin.status, Status::Disputed, "the seed says Tuesday, wire reports Wednesday 23 October");
    assert_eq!(austin.start.to_string(), "2024-10-23");
    assert!(austin.sources.len() >= 2, "both accounts are sourced");
}

#[test]
fn the_events_of_the_embedded_story_are_in_chronological_order() {
    let dataset = load(EMBEDDED_JSON).unwrap().dataset;
    assert!(dataset.events.windows(2).all(|w| w[0].start <= w[1].start));
}

#[test]
fn no_actor_of_the_embedded_story_stands_outside_a_group_or_a_relation() {
    let dataset = load(EMBEDDED_JSON).unwrap().dataset;
    for actor in &dataset.actors {
        let grouped = actor.part_of.is_some() || dataset.actors.iter().any(|a| a.part_of.as_ref() == Some(&actor.id));
        let related = dataset.relations.iter().any(|r| r.from == actor.id || r.to == actor.id);
        assert!(grouped || related, "{} stands alone", actor.id);
    }
}

#[test]
fn each_agency_leader_and_force_of_the_embedded_story_belongs_to_its_state_or_alliance_and_russia_and_china_to_brics() {
    let dataset = load(EMBEDDED_JSON).unwrap().dataset;
    let mut affiliations: Vec<(&str, &str)> = dataset.actors.iter().filter_map(|a| Some((a.id.as_str(), a.part_of.as_deref()?))).collect();
    affiliations.sort();
    assert_eq!(
        affiliations,
        [
            ("antony-blinken", "united-states"),
            ("china", "brics"),
            ("choe-son-hui", "north-korea"),
            ("kim-jong-un", "north-korea"),
            ("kpa", "north-korea"),
            ("kremlin", "russia"),
            ("lloyd-austin", "united-states"),
            ("mark-rutte", "nato"),
            ("nis", "south-korea"),
            ("pentagon", "united-states"),
            ("russia", "brics"),
            ("rustem-umerov", "ukraine"),
            ("ukraine-hur", "ukraine"),
            ("vladimir-putin", "russia"),
            ("volodymyr-zelenskyy", "ukraine"),
            ("white-house", "united-states"),
        ]
    );
}
