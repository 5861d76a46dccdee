//! Story parts built by hand, for tests in which only a field or two matter: each builder fills the rest with blank values.

use storyline_core::model::{Event, Status};
use storyline_core::PartialDate;

/// A confirmed event `id`, titled by its id, on `start` (a date as the format writes it), with
/// nothing else: no summary, actors, quotes, sources or tags.
pub fn event(id: &str, start: &str) -> Event {
    Event {
        id: id.into(),
        title: id.into(),
        summary: String::new(),
        start: PartialDate::parse(start).expect("a test date"),
        end: None,
        place: None,
        actors: vec![],
        status: Status::Confirmed,
        attribution: None,
        quotes: vec![],
        sources: vec![],
        tags: vec![],
        updated: None,
        change: None,
        history: vec![],
    }
}
