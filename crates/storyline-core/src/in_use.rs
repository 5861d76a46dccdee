//! What a story uses of the format's vocabulary, in the format's own order: the statuses and
//! topics its events have (the filters offer those), and the kinds and statuses of its
//! relations (the map's legend explains those, and no other).

use crate::model::{Dataset, RelationKind, Status};
use crate::order::sorted_unique;

/// The statuses the events carry, in `Status::EVERY`'s order.
pub fn event_statuses(dataset: &Dataset) -> Vec<Status> {
    Status::EVERY.into_iter().filter(|s| dataset.events.iter().any(|e| e.status == *s)).collect()
}

/// Every topic tag of the events, once, in alphabetical order.
pub fn event_tags(dataset: &Dataset) -> Vec<&str> {
    sorted_unique(dataset.events.iter().flat_map(|e| e.tags.iter().map(String::as_str)).collect())
}

/// The kinds of the relations, in `RelationKind::ALL`'s order.
pub fn relation_kinds(dataset: &Dataset) -> Vec<RelationKind> {
    RelationKind::ALL.into_iter().filter(|k| dataset.relations.iter().any(|r| r.kind == *k)).collect()
}

/// The statuses of the relations, in `Status::EVERY`'s order.
pub fn relation_statuses(dataset: &Dataset) -> Vec<Status> {
    Status::EVERY.into_iter().filter(|s| dataset.relations.iter().any(|r| r.status == *s)).collect()
}
