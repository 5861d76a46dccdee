//! What a story uses of the format's vocabulary, in the format's own order: the statuses and
//! topics its events have (the filters offer those). The map's legend explains what the map
//! shows at the selected event (`legend`).

use crate::model::{Dataset, Status};
use crate::order::sorted_unique;

/// The statuses the events carry, in `Status::EVERY`'s order.
pub fn event_statuses(dataset: &Dataset) -> Vec<Status> {
    Status::EVERY.into_iter().filter(|s| dataset.events.iter().any(|e| e.status == *s)).collect()
}

/// Every topic tag of the events, once, in alphabetical order.
pub fn event_tags(dataset: &Dataset) -> Vec<&str> {
    sorted_unique(dataset.events.iter().flat_map(|e| e.tags.iter().map(String::as_str)).collect())
}
