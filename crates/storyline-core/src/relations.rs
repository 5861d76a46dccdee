//! Relations as of a date: which links of the actor map hold when the selected event happens.
//!
//! The map's layout never changes with time (positions are computed once over all
//! relations); time only decides how each edge is drawn.

use crate::model::{Dataset, Event, Relation};

/// How a relation stands at the selected event.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Standing {
    /// Not yet in force: it begins after this event.
    Later,
    /// In force, and it begins with this very event (same day, or within the event's period).
    Begins,
    /// In force.
    Holds,
    /// Over: it ended before this event.
    Ended,
}

impl Standing {
    /// Whether the edge is drawn at full strength.
    pub fn in_force(self) -> bool {
        matches!(self, Standing::Begins | Standing::Holds)
    }

    pub fn key(self) -> &'static str {
        match self {
            Standing::Later => "later",
            Standing::Begins => "begins",
            Standing::Holds => "holds",
            Standing::Ended => "ended",
        }
    }
}

/// How `relation` stands at `event`. Periods count in full: a relation valid from
/// "2024-10" holds on 23 October 2024, and one valid to "2024-06" still holds on 30 June.
pub fn standing(relation: &Relation, event: &Event) -> Standing {
    let (from_start, from_end) = (relation.valid_from.start_seconds(), relation.valid_from.end_seconds());
    let (at_start, at_end) = (event.start.start_seconds(), event.start.end_seconds());
    if from_start > at_end {
        Standing::Later
    } else if relation.valid_to.is_some_and(|to| to.end_seconds() < at_start) {
        Standing::Ended
    } else if from_start >= at_start || from_end >= at_start && from_start <= at_end && relation.valid_from.precision >= event.start.precision {
        Standing::Begins
    } else {
        Standing::Holds
    }
}

/// Every relation's standing at the selected event; with no selection, every relation holds.
pub fn standings(dataset: &Dataset, selected: Option<usize>) -> Vec<Standing> {
    match selected.and_then(|e| dataset.events.get(e)) {
        Some(event) => dataset.relations.iter().map(|r| standing(r, event)).collect(),
        None => vec![Standing::Holds; dataset.relations.len()],
    }
}

/// The sentence a screen reader hears for an edge: "North Korea — sends troops to — Russia, reported".
pub fn describe(dataset: &Dataset, relation: &Relation) -> String {
    let name = |id: &str| dataset.actors.iter().find(|a| a.id == id).map_or(id, |a| a.name.as_str()).to_string();
    format!("{} — {} — {}, {}", name(&relation.from), relation.kind.verb(), name(&relation.to), relation.status.key())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::date::PartialDate;
    use crate::model::{RelationKind, Status};

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

    fn event(on: &str) -> Event {
        Event {
            id: "e".into(),
            title: "t".into(),
            summary: "s".into(),
            start: PartialDate::parse(on).unwrap(),
            end: None,
            place: None,
            actors: vec![],
            status: Status::Confirmed,
            attribution: None,
            quotes: vec![],
            sources: vec![],
            tags: vec![],
        }
    }

    #[test]
    fn a_relation_is_later_before_it_begins_and_holds_after() {
        let pact = relation("2024-06-19", None);
        assert_eq!(standing(&pact, &event("2024-06-18")), Standing::Later);
        assert_eq!(standing(&pact, &event("2024-10-23")), Standing::Holds);
    }

    #[test]
    fn a_relation_begins_at_the_event_of_its_first_day() {
        let pact = relation("2024-06-19", None);
        assert_eq!(standing(&pact, &event("2024-06-19")), Standing::Begins);
        assert!(Standing::Begins.in_force());
    }

    #[test]
    fn a_relation_that_began_within_a_month_begins_at_an_event_of_that_month_only_if_as_precise() {
        let troops = relation("2024-10", None);
        assert_eq!(standing(&troops, &event("2024-10")), Standing::Begins);
        assert_eq!(standing(&troops, &event("2024-10-23")), Standing::Holds, "October holds on the 23rd, but did not begin then");
        assert_eq!(standing(&troops, &event("2024-09-30")), Standing::Later);
    }

    #[test]
    fn a_relation_ends_after_its_valid_to_period() {
        let r = relation("2023-09", Some("2024-06"));
        assert_eq!(standing(&r, &event("2024-06-30")), Standing::Holds);
        assert_eq!(standing(&r, &event("2024-07-01")), Standing::Ended);
        assert!(!Standing::Ended.in_force() && !Standing::Later.in_force());
    }

    #[test]
    fn with_no_selection_every_relation_holds() {
        let mut d = crate::synth::story(30, 2);
        d.relations.truncate(3);
        assert_eq!(standings(&d, None), vec![Standing::Holds; 3]);
    }

    #[test]
    fn an_edge_is_described_in_words_with_its_status() {
        let d = crate::synth::story(20, 1);
        let r = &d.relations[0];
        let text = describe(&d, r);
        assert!(text.contains(" — ") && text.contains(r.kind.verb()) && text.ends_with(r.status.key()), "{text}");
    }
}
