//! The rules of a developing story: updates in order, naming events that exist, each event added
//! once; and each event's history of statuses, oldest first, ending before its current status.

use super::{count, text, Ids, Loc, Report, TOP};
use crate::limits::{MAX_HISTORY, MAX_LINE, MAX_SUMMARY};
use crate::model::{Event, Update};
use std::collections::HashMap;

pub(super) fn check_updates(updates: &[(usize, &Update)], event_ids: &Ids<'_>, report: &mut Report) {
    // The update that first adds each event (its position in `updates`).
    let mut added: Ids<'_> = HashMap::new();
    let mut previous: Option<&Update> = None;
    for (k, (i, update)) in updates.iter().enumerate() {
        let at = TOP.index("updates", *i);
        text(report, &at.field("summary"), &update.summary, MAX_LINE, true);
        if let Some(note) = &update.note {
            text(report, &at.field("note"), note, MAX_SUMMARY, false);
        }
        if let Some(before) = previous {
            if update.at.end_seconds() < before.at.start_seconds() {
                report.error(
                    at.field("at").to_string(),
                    format!("{} is before the update above it, {}; list updates oldest first", update.at, before.at),
                );
            }
        }
        previous = Some(update);
        for (j, id) in update.added.iter().enumerate() {
            let id_at = at.index("added", j);
            if exists(report, &id_at, id, event_ids) {
                match added.get(id.as_str()) {
                    Some(&first) => {
                        report.error(id_at.to_string(), format!("\"{id}\" is already added at {}; an event is added once", first_added(updates, first, id)))
                    }
                    None => {
                        added.insert(id, k);
                    }
                }
            }
        }
    }
    for (here, (i, update)) in updates.iter().enumerate() {
        let at = TOP.index("updates", *i);
        for (j, id) in update.changed.iter().enumerate() {
            let id_at = at.index("changed", j);
            if !exists(report, &id_at, id, event_ids) {
                continue;
            }
            match added.get(id.as_str()) {
                Some(&k) if k == here => report.error(
                    id_at.to_string(),
                    format!("\"{id}\" is added in this update ({}); an update adds an event or changes it, not both", first_added(updates, k, id)),
                ),
                Some(&k) if k > here => report.error(
                    id_at.to_string(),
                    format!("\"{id}\" is changed here but added only later, at {}; an event is changed after it is added", first_added(updates, k, id)),
                ),
                _ => {}
            }
        }
    }
}

/// The path where the update at position `k` adds `id`: named only when a problem is found.
fn first_added(updates: &[(usize, &Update)], k: usize, id: &str) -> String {
    let (i, update) = updates[k];
    let j = update.added.iter().position(|a| a == id).unwrap_or(0);
    TOP.index("updates", i).index("added", j).to_string()
}

fn exists(report: &mut Report, at: &Loc<'_>, id: &str, event_ids: &Ids<'_>) -> bool {
    let found = event_ids.contains_key(id);
    if !found {
        report.error(at.to_string(), format!("no event has the id \"{id}\""));
    }
    found
}

/// The statuses an event had are listed oldest first, all before its `updated` time, from which its
/// current status holds; the last of them is another status than the current one.
pub(super) fn check_history(at: &Loc<'_>, event: &Event, report: &mut Report) {
    if let Some(change) = &event.change {
        text(report, &at.field("change"), change, MAX_LINE, false);
    }
    if event.history.is_empty() {
        return;
    }
    count(report, &at.field("history"), event.history.len(), MAX_HISTORY);
    let Some(updated) = &event.updated else {
        let was = event.history.last().map_or("", |h| h.status.key());
        report.error(
            at.field("updated").to_string(),
            format!("is required with a history: say when the event became {} (it was {was})", event.status.key()),
        );
        return;
    };
    for (k, past) in event.history.iter().enumerate() {
        let past_at = at.index("history", k);
        if k > 0 {
            let before = &event.history[k - 1];
            if past.at.end_seconds() < before.at.start_seconds() {
                report.error(
                    past_at.field("at").to_string(),
                    format!("{} is before the status above it, {}; list the history oldest first", past.at, before.at),
                );
            }
        }
        if updated.end_seconds() < past.at.start_seconds() {
            report.error(
                past_at.field("at").to_string(),
                format!("{} is after the event's updated time, {updated}, from which its current status holds", past.at),
            );
        }
    }
    if let Some(last) = event.history.last().filter(|h| h.status == event.status) {
        report.error(
            at.index("history", event.history.len() - 1).field("status").to_string(),
            format!("is {}, the event's current status: the history holds the statuses it had before", last.status.key()),
        );
    }
}
