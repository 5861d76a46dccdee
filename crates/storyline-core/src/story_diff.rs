//! What changed between two versions of a story, event by event: the events added, removed and
//! changed, and how (each field that differs, before and after); and the update entry that says
//! so, for an editor to append to the new version.
//!
//! One rule needs both versions: an event whose status changed names, in the new version's
//! `history`, the status it changed from. A single file cannot show that, so it is checked here.

use crate::date::PartialDate;
use crate::model::{Dataset, Event, Status, Update};
use crate::validate::Problem;
use serde_json::Value;
use std::collections::HashMap;

/// An event in both versions whose fields differ.
#[derive(Clone, Debug, PartialEq)]
pub struct Changed {
    pub id: String,
    pub title: String,
    /// Each field that differs, in the format's order, as a line: `status: claimed → confirmed`.
    pub fields: Vec<String>,
}

/// The events of two versions compared by id.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct StoryDiff {
    /// In the new version, each (id, title), in its order.
    pub added: Vec<(String, String)>,
    /// From the old version, each (id, title), in its order.
    pub removed: Vec<(String, String)>,
    pub changed: Vec<Changed>,
    /// Changes the new version must say more about before its update is written.
    pub problems: Vec<Problem>,
}

impl StoryDiff {
    pub fn is_empty(&self) -> bool {
        self.added.is_empty() && self.removed.is_empty() && self.changed.is_empty()
    }

    /// The update entry this difference makes: the events added and changed.
    pub fn update(&self, at: PartialDate, summary: &str) -> Update {
        Update {
            at,
            summary: summary.to_string(),
            added: self.added.iter().map(|(id, _)| id.clone()).collect(),
            changed: self.changed.iter().map(|c| c.id.clone()).collect(),
            note: None,
        }
    }
}

/// Compares the events of `old` and `new` by id.
pub fn diff(old: &Dataset, new: &Dataset) -> StoryDiff {
    let before: HashMap<&str, &Event> = old.events.iter().map(|e| (e.id.as_str(), e)).collect();
    let after: HashMap<&str, &Event> = new.events.iter().map(|e| (e.id.as_str(), e)).collect();
    let mut out = StoryDiff::default();
    for (i, event) in new.events.iter().enumerate() {
        let Some(was) = before.get(event.id.as_str()) else {
            out.added.push((event.id.clone(), event.title.clone()));
            continue;
        };
        let fields = changed_fields(was, event);
        if fields.is_empty() {
            continue;
        }
        if was.status != event.status && event.history.last().is_none_or(|h| h.status != was.status) {
            out.problems.push(Problem {
                path: format!("events[{i}].history"),
                message: format!(
                    "the status changed from {} to {}: end the history with {{ \"status\": \"{}\", \"at\": \"<when it was first reported so>\" }}, and give the event's \"updated\" time",
                    was.status.key(),
                    event.status.key(),
                    was.status.key()
                ),
            });
        }
        out.changed.push(Changed { id: event.id.clone(), title: event.title.clone(), fields });
    }
    out.removed = old.events.iter().filter(|e| !after.contains_key(e.id.as_str())).map(|e| (e.id.clone(), e.title.clone())).collect();
    out
}

/// Each field of the format that differs between two versions of an event, as a line.
fn changed_fields(was: &Event, now: &Event) -> Vec<String> {
    let (Value::Object(a), Value::Object(b)) = (to_value(was), to_value(now)) else { return Vec::new() };
    let mut keys: Vec<&String> = b.keys().chain(a.keys().filter(|k| !b.contains_key(*k))).collect();
    keys.sort_by_key(|k| FIELDS.iter().position(|f| f == k));
    keys.into_iter().filter(|k| a.get(*k) != b.get(*k)).map(|k| format!("{k}: {} → {}", shown(a.get(k)), shown(b.get(k)))).collect()
}

/// An event's fields in the format's order (`Event`'s), for the lines of a change.
const FIELDS: [&str; 15] =
    ["id", "title", "summary", "start", "end", "place", "actors", "status", "attribution", "quotes", "sources", "tags", "updated", "change", "history"];

fn to_value(event: &Event) -> Value {
    serde_json::to_value(event).expect("events serialize")
}

/// A field's value in a line: text quoted (and cut short), a status or a date as written, a list by its length.
fn shown(value: Option<&Value>) -> String {
    const LONGEST: usize = 60;
    match value {
        None | Some(Value::Null) => "(none)".to_string(),
        Some(Value::String(s)) if s.chars().count() > LONGEST => format!("\"{}…\"", s.chars().take(LONGEST).collect::<String>()),
        Some(Value::String(s)) if is_bare(s) => s.clone(),
        Some(Value::String(s)) => format!("\"{s}\""),
        Some(Value::Array(items)) if items.len() == 1 => "1 item".to_string(),
        Some(Value::Array(items)) => format!("{} items", items.len()),
        Some(Value::Object(fields)) => match fields.get("name") {
            Some(name) => shown(Some(name)),
            None => "{…}".to_string(),
        },
        Some(other) => other.to_string(),
    }
}

/// A status or a date reads better unquoted: `claimed → confirmed`, `2024-10 → 2024-10-18`.
fn is_bare(text: &str) -> bool {
    Status::EVERY.iter().any(|s| s.key() == text) || PartialDate::parse(text).is_ok()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::PastStatus;

    fn story() -> Dataset {
        let json = r#"{ "storyline": 1, "story": { "id": "s", "title": "T", "language": "en" }, "events": [
            { "id": "a", "title": "A", "summary": "First.", "start": "2024-10-01", "status": "claimed", "sources": [] },
            { "id": "b", "title": "B", "summary": "Second.", "start": "2024-10-02", "status": "confirmed", "sources": [] },
            { "id": "c", "title": "C", "summary": "Third.", "start": "2024-10-03", "status": "reported", "sources": [] } ] }"#;
        crate::load(json).expect("a valid story").dataset
    }

    #[test]
    fn events_are_added_removed_and_changed_by_id_with_each_field_that_differs() {
        let old = story();
        let mut new = story();
        new.events.remove(2);
        let mut d = new.events[0].clone();
        d.id = "d".into();
        d.title = "D".into();
        new.events.push(d);
        new.events[1].summary = "Second, with more.".into();
        new.events[1].end = Some(PartialDate::day(2024, 10, 4));
        let found = diff(&old, &new);
        assert_eq!(found.added, [("d".to_string(), "D".to_string())]);
        assert_eq!(found.removed, [("c".to_string(), "C".to_string())]);
        assert_eq!(found.changed, [Changed { id: "b".into(), title: "B".into(), fields: vec![
            "summary: \"Second.\" → \"Second, with more.\"".into(),
            "end: (none) → 2024-10-04".into(),
        ] }]);
        assert!(found.problems.is_empty());
    }

    #[test]
    fn a_status_that_changed_must_name_what_it_changed_from() {
        let old = story();
        let mut new = story();
        new.events[0].status = Status::Confirmed;
        let found = diff(&old, &new);
        assert_eq!(found.changed[0].fields, ["status: claimed → confirmed"]);
        assert_eq!(found.problems.len(), 1);
        assert_eq!(found.problems[0].path, "events[0].history");
        assert!(found.problems[0].message.starts_with("the status changed from claimed to confirmed"), "{}", found.problems[0].message);

        new.events[0].updated = Some(PartialDate::day(2024, 10, 28));
        new.events[0].history = vec![PastStatus { status: Status::Claimed, at: PartialDate::day(2024, 10, 1) }];
        let found = diff(&old, &new);
        assert!(found.problems.is_empty(), "{:?}", found.problems);
        assert_eq!(found.changed[0].fields, ["status: claimed → confirmed", "updated: (none) → 2024-10-28", "history: (none) → 1 item"]);
    }

    #[test]
    fn the_update_lists_what_was_added_and_changed() {
        let old = story();
        let mut new = story();
        new.events[2].title = "C again".into();
        let mut d = new.events[0].clone();
        d.id = "d".into();
        new.events.push(d);
        let update = diff(&old, &new).update(PartialDate::day(2024, 10, 28), "More");
        assert_eq!((update.added, update.changed, update.summary), (vec!["d".to_string()], vec!["c".to_string()], "More".to_string()));
        assert!(diff(&old, &old).is_empty());
    }

    #[test]
    fn every_field_of_an_event_has_its_place_in_the_order() {
        let json = r#"{ "id": "a", "title": "A", "summary": "S", "start": "2024", "end": "2025", "place": { "name": "P" },
            "actors": [{ "actor": "x" }], "status": "claimed", "attribution": "x", "quotes": [{ "text": "t", "speaker": "x",
            "source": { "publisher": "p", "title": "t", "url": "https://e.com" } }], "sources": [], "tags": ["t"],
            "updated": "2025", "change": "c", "history": [{ "status": "reported", "at": "2024" }] }"#;
        let event: Event = serde_json::from_str(json).unwrap();
        let Value::Object(fields) = to_value(&event) else { panic!("an object") };
        assert_eq!(fields.len(), FIELDS.len());
        assert!(fields.keys().all(|k| FIELDS.contains(&k.as_str())), "{:?}", fields.keys());
    }
}
