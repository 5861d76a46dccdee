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
    format!("{} — {} — {}, {}", name(&relation.from), relation.verb(), name(&relation.to), relation.status.key())
}
