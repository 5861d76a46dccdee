//! A developing story, for its readers: when it was last updated, the update log newest first,
//! the badge an event of the latest update carries, the statuses an event went through, and what
//! is new to a reader who comes back.
//!
//! What a reader last saw is the time of the latest update they were shown, written back as the
//! story writes it ([`seen_marker`]); the widget keeps it in the reader's own browser under
//! [`storage_key`]. Nothing here reads or writes that storage: it only says what the marker means.

use crate::date::PartialDate;
use crate::model::{Dataset, Event, StoryMeta, Update};
use crate::view_state::StoryIndex;

/// What the latest update did to an event.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Mark {
    New,
    Updated,
}

impl Mark {
    /// The badge's word: status is never carried by colour alone, and neither is this.
    pub fn label(self) -> &'static str {
        match self {
            Mark::New => "New",
            Mark::Updated => "Updated",
        }
    }

    /// Its CSS class.
    pub fn key(self) -> &'static str {
        match self {
            Mark::New => "new",
            Mark::Updated => "updated",
        }
    }
}

/// The latest update, if the story lists any (they are in order, oldest first).
pub fn latest(dataset: &Dataset) -> Option<&Update> {
    dataset.updates.last()
}

/// The header's line: "Updated 28 October 2024, 14:00 UTC".
pub fn last_updated_line(update: &Update) -> String {
    format!("Updated {}", update.at.display_long())
}

/// The badge of `event` from the latest update. The first update is the story as first
/// published: nothing in it is news to anyone, so it marks nothing.
pub fn mark(dataset: &Dataset, event: &Event) -> Option<Mark> {
    if dataset.updates.len() < 2 {
        return None;
    }
    let latest = latest(dataset)?;
    if latest.added.contains(&event.id) {
        Some(Mark::New)
    } else if latest.changed.contains(&event.id) {
        Some(Mark::Updated)
    } else {
        None
    }
}

/// The statuses an event went through, with when each was reported:
/// "claimed 18 Oct 2024 → confirmed 28 Oct 2024". None for an event whose status never changed.
pub fn status_history(event: &Event) -> Option<String> {
    let now = event.updated.as_ref().filter(|_| !event.history.is_empty())?;
    let mut line = String::new();
    for (status, at) in event.history.iter().map(|past| (past.status, &past.at)).chain([(event.status, now)]) {
        if !line.is_empty() {
            line.push_str(" → ");
        }
        line.push_str(&format!("{} {}", status.label().to_lowercase(), at.display_short()));
    }
    Some(line)
}

/// The card's line of what changed: "Updated 28 Oct 2024: The Pentagon confirmed the figure".
pub fn change_line(event: &Event) -> Option<String> {
    let change = event.change.as_deref().map(str::trim).filter(|c| !c.is_empty());
    match (&event.updated, change) {
        (Some(at), Some(change)) => Some(format!("Updated {}: {change}", at.display_short())),
        (Some(at), None) => Some(format!("Updated {}", at.display_short())),
        (None, Some(change)) => Some(format!("Updated: {change}")),
        (None, None) => None,
    }
}

/// One entry of the update log, with the events it names as indices into `Dataset::events`
/// (ids that name no event are left out).
#[derive(Clone, Debug, PartialEq)]
pub struct LogEntry<'a> {
    pub update: &'a Update,
    pub added: Vec<usize>,
    pub changed: Vec<usize>,
}

/// The update log, newest first.
pub fn log<'a>(dataset: &'a Dataset, index: &StoryIndex) -> Vec<LogEntry<'a>> {
    let events = |ids: &[String]| ids.iter().filter_map(|id| index.event_by_id(id)).collect();
    dataset.updates.iter().rev().map(|update| LogEntry { update, added: events(&update.added), changed: events(&update.changed) }).collect()
}

/// The log's summary line: "Update log (3 updates)".
pub fn log_title(count: usize) -> String {
    match count {
        1 => "Update log (1 update)".to_string(),
        n => format!("Update log ({n} updates)"),
    }
}

/// Where the widget keeps, in the reader's browser, the latest update the reader saw of a story:
/// one key per story id, so that two stories on one page, or on two pages, keep their own.
pub fn storage_key(story: &StoryMeta) -> String {
    format!("storyline:seen:{}", story.id)
}

/// What to keep as the reader's latest seen update: the latest update's time, as written.
pub fn seen_marker(dataset: &Dataset) -> Option<String> {
    latest(dataset).map(|u| u.at.to_string())
}

/// What is new to a reader since the update they last saw.
#[derive(Clone, Debug, PartialEq)]
pub struct SinceLastVisit {
    /// The events added or changed since, in chronological order.
    pub events: Vec<usize>,
    /// How many of them were added, not only changed.
    pub added: usize,
}

impl SinceLastVisit {
    /// "3 new events since your last visit", "1 new and 2 updated events since your last visit".
    pub fn label(&self) -> String {
        let changed = self.events.len() - self.added;
        let what = match (self.added, changed) {
            (1, 0) => "1 new event".to_string(),
            (n, 0) => format!("{n} new events"),
            (0, 1) => "1 updated event".to_string(),
            (0, n) => format!("{n} updated events"),
            (a, c) => format!("{a} new and {c} updated {}", if c == 1 { "event" } else { "events" }),
        };
        format!("{what} since your last visit")
    }

    /// The first of them in the story's order: where the jump goes.
    pub fn first(&self) -> Option<usize> {
        self.events.first().copied()
    }
}

/// The time a marker that [`seen_marker`] wrote names; None for anything else (storage another
/// script wrote over), for which a reader is offered nothing.
pub fn read_marker(marker: &str) -> Option<PartialDate> {
    PartialDate::parse(marker).ok()
}

/// What was added or changed after the update the reader last saw, at `seen`. None when nothing was.
pub fn since_last_visit(dataset: &Dataset, index: &StoryIndex, seen: &PartialDate) -> Option<SinceLastVisit> {
    let mut added = Vec::new();
    let mut changed = Vec::new();
    for update in dataset.updates.iter().filter(|u| u.at > *seen) {
        added.extend(update.added.iter().filter_map(|id| index.event_by_id(id)));
        changed.extend(update.changed.iter().filter_map(|id| index.event_by_id(id)));
    }
    // In the story's order, each once: an event added and then changed since is new to this reader.
    let events: Vec<usize> = index.items.iter().map(|i| i.event).filter(|e| added.contains(e) || changed.contains(e)).collect();
    let added = events.iter().filter(|e| added.contains(e)).count();
    (!events.is_empty()).then_some(SinceLastVisit { events, added })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::load;

    /// Published on 23 October with two events; a third added and the first confirmed on the 28th;
    /// a fourth added on 2 November.
    fn story() -> Dataset {
        let event = |id: &str, start: &str, status: &str, extra: &str| {
            format!(r#"{{ "id": "{id}", "title": "Event {id}", "summary": "S.", "start": "{start}", "status": "{status}", "attribution": "someone", "sources": [{{ "publisher": "P", "title": "T", "url": "https://example.com/" }}] {extra} }}"#)
        };
        let events = [
            event("a", "2024-10-01", "confirmed", r#", "updated": "2024-10-28T14:00Z", "change": "Confirmed", "history": [{ "status": "claimed", "at": "2024-10-18" }]"#),
            event("b", "2024-10-10", "reported", ""),
            event("c", "2024-10-05", "reported", ""),
            event("d", "2024-10-30", "claimed", ""),
        ]
        .join(",");
        let json = format!(
            r#"{{ "storyline": 1, "story": {{ "id": "kp", "title": "T", "language": "en" }}, "events": [{events}],
               "updates": [
                 {{ "at": "2024-10-23T18:00Z", "summary": "First published", "added": ["a", "b"] }},
                 {{ "at": "2024-10-28T14:00Z", "summary": "Confirmed", "added": ["c"], "changed": ["a"] }},
                 {{ "at": "2024-11-02", "summary": "More", "added": ["d"], "changed": ["b"] }}
               ] }}"#
        );
        load(&json).expect("a valid story").dataset
    }

    fn since(d: &Dataset, marker: &str) -> Option<SinceLastVisit> {
        since_last_visit(d, &StoryIndex::new(d), &read_marker(marker).expect("a marker"))
    }

    fn at(dataset: &Dataset, id: &str) -> usize {
        dataset.events.iter().position(|e| e.id == id).unwrap()
    }

    #[test]
    fn the_latest_update_marks_what_it_added_and_changed() {
        let d = story();
        assert_eq!(last_updated_line(latest(&d).unwrap()), "Updated 2 November 2024");
        assert_eq!(mark(&d, &d.events[at(&d, "d")]), Some(Mark::New));
        assert_eq!(mark(&d, &d.events[at(&d, "b")]), Some(Mark::Updated));
        assert_eq!(mark(&d, &d.events[at(&d, "c")]), None, "an earlier update's events are not news any more");
    }

    #[test]
    fn the_story_as_first_published_marks_nothing() {
        let mut d = story();
        d.updates.truncate(1);
        assert!(d.events.iter().all(|e| mark(&d, e).is_none()));
    }

    #[test]
    fn a_changed_status_shows_its_history() {
        let d = story();
        assert_eq!(status_history(&d.events[at(&d, "a")]).as_deref(), Some("claimed 18 Oct 2024 → confirmed 28 Oct 2024"));
        assert_eq!(status_history(&d.events[at(&d, "b")]), None);
    }

    #[test]
    fn a_changed_event_says_when_and_what() {
        let d = story();
        assert_eq!(change_line(&d.events[at(&d, "a")]).as_deref(), Some("Updated 28 Oct 2024: Confirmed"));
        assert_eq!(change_line(&d.events[at(&d, "b")]), None);
        let mut e = d.events[at(&d, "a")].clone();
        e.change = None;
        assert_eq!(change_line(&e).as_deref(), Some("Updated 28 Oct 2024"));
        e.updated = None;
        e.change = Some("A second source".into());
        assert_eq!(change_line(&e).as_deref(), Some("Updated: A second source"));
    }

    #[test]
    fn the_log_is_newest_first_with_its_events() {
        let d = story();
        let log = log(&d, &StoryIndex::new(&d));
        assert_eq!(log.iter().map(|e| e.update.summary.as_str()).collect::<Vec<_>>(), ["More", "Confirmed", "First published"]);
        assert_eq!(log[1].added, vec![at(&d, "c")]);
        assert_eq!(log[1].changed, vec![at(&d, "a")]);
        assert_eq!(log_title(log.len()), "Update log (3 updates)");
    }

    #[test]
    fn a_reader_who_saw_the_first_version_is_offered_what_came_since_in_story_order() {
        let d = story();
        let since = since(&d, "2024-10-23T18:00Z").expect("news since");
        // c (5 Oct), b (10 Oct) and d (30 Oct) are news; a changed too.
        assert_eq!(since.events, vec![at(&d, "a"), at(&d, "c"), at(&d, "b"), at(&d, "d")]);
        assert_eq!(since.added, 2);
        assert_eq!(since.label(), "2 new and 2 updated events since your last visit");
        assert_eq!(since.first(), Some(at(&d, "a")));
    }

    #[test]
    fn a_reader_who_saw_the_latest_update_is_offered_nothing() {
        let d = story();
        let marker = seen_marker(&d).unwrap();
        assert_eq!(marker, "2024-11-02");
        assert_eq!(since(&d, &marker), None);
        assert_eq!(read_marker("not a time"), None, "storage someone else wrote is no news");
    }

    #[test]
    fn an_event_added_and_then_changed_since_is_new_once() {
        let d = story();
        assert_eq!(since(&d, "2024-10-28T14:00Z").unwrap().label(), "1 new and 1 updated event since your last visit");
        let mut d2 = d.clone();
        d2.updates[2].changed = vec!["c".into()];
        let news = since(&d2, "2024-10-24").unwrap();
        assert_eq!(news.events, vec![at(&d2, "a"), at(&d2, "c"), at(&d2, "d")]);
        assert_eq!(news.added, 2);
        assert_eq!(SinceLastVisit { events: vec![0, 1, 2], added: 3 }.label(), "3 new events since your last visit");
    }

    #[test]
    fn each_story_keeps_its_own_marker() {
        assert_eq!(storage_key(&story().story), "storyline:seen:kp");
    }
}
