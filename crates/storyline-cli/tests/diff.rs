//! `storyline diff` on two versions of the built-in story: what the new one added, removed and
//! changed, and the update it writes. The new version is made here from whatever the built-in
//! story holds, so the test follows the story as it grows.

mod common;

use common::{repo, scratch, stderr, stdout, storyline};
use serde_json::{json, Value};
use std::path::Path;

const BUILT_IN: &str = "assets/stories/north-korea-troops-russia.json";

fn path(p: &Path) -> &str {
    p.to_str().unwrap()
}

fn built_in() -> Value {
    serde_json::from_str(&std::fs::read_to_string(repo().join(BUILT_IN)).unwrap()).unwrap()
}

/// The built-in story with its last event gone, a new event, and the first event that is not yet
/// confirmed confirmed; `with_history` says whether the new version names the status it had.
fn next_version(with_history: bool) -> (Value, String, String, String) {
    let mut story = built_in();
    let events = story["events"].as_array_mut().unwrap();
    let gone = events.pop().unwrap();
    let gone_id = gone["id"].as_str().unwrap().to_string();
    let mut added = events[0].clone();
    added["id"] = json!("a-new-event");
    added["title"] = json!("A new event");
    events.push(added);
    let changed = events.iter_mut().find(|e| e["status"] != "confirmed").expect("an event not yet confirmed");
    let was = changed["status"].clone();
    changed["status"] = json!("confirmed");
    if with_history {
        changed["updated"] = json!("2025-01-01T12:00Z");
        changed["history"] = json!([{ "status": was, "at": changed["start"].clone() }]);
    }
    let changed_id = changed["id"].as_str().unwrap().to_string();
    for update in story["updates"].as_array_mut().into_iter().flatten() {
        for list in ["added", "changed"] {
            if let Some(ids) = update.get_mut(list).and_then(Value::as_array_mut) {
                ids.retain(|id| id != gone_id.as_str());
            }
        }
    }
    (story, gone_id, changed_id, was.as_str().unwrap().to_string())
}

fn write(dir: &Path, story: &Value) -> String {
    let file = dir.join("new.json");
    std::fs::write(&file, serde_json::to_string_pretty(story).unwrap()).unwrap();
    path(&file).to_string()
}

#[test]
fn diff_names_each_event_added_removed_and_changed_and_how() {
    let dir = scratch("diff");
    let (story, gone, changed, was) = next_version(true);
    let new = write(&dir, &story);
    let run = storyline(&["diff", BUILT_IN, &new]);
    assert_eq!(run.status.code(), Some(0), "{}", stderr(&run));
    let out = stdout(&run);
    assert!(out.starts_with(&format!("{BUILT_IN} → {new}: 1 event added, 1 removed, 1 changed\n")), "{out}");
    assert!(out.contains("  added: a-new-event \"A new event\"\n"), "{out}");
    assert!(out.contains(&format!("  removed: {gone} \"")), "{out}");
    assert!(out.contains(&format!("  changed: {changed} \"")), "{out}");
    assert!(out.contains(&format!("    status: {was} → confirmed\n    updated: (none) → 2025-01-01T12:00Z\n    history: (none) → 1 item\n")), "{out}");
}

#[test]
fn a_status_change_without_its_history_is_a_problem_and_writes_no_update() {
    let dir = scratch("diff-problem");
    let (story, _, changed, was) = next_version(false);
    let new = write(&dir, &story);
    let before = std::fs::read(&new).unwrap();
    let run = storyline(&["diff", BUILT_IN, &new, "--write-update", "Confirmed", "--at", "2025-01-01T12:00Z"]);
    assert_eq!(run.status.code(), Some(1));
    let index = story["events"].as_array().unwrap().iter().position(|e| e["id"] == changed.as_str()).unwrap();
    assert!(stdout(&run).contains(&format!("  problem: events[{index}].history: the status changed from {was} to confirmed")), "{}", stdout(&run));
    assert!(stderr(&run).contains("no update written"), "{}", stderr(&run));
    assert_eq!(std::fs::read(&new).unwrap(), before, "the new version is left as it was");
}

#[test]
fn write_update_appends_the_update_and_the_story_stays_valid() {
    let dir = scratch("diff-write");
    let (story, _, changed, _) = next_version(true);
    let new = write(&dir, &story);
    let run = storyline(&["diff", BUILT_IN, &new, "--write-update", "A new event; one confirmed", "--at", "2025-01-01T12:00Z"]);
    assert_eq!(run.status.code(), Some(0), "{}", stderr(&run));
    assert!(stderr(&run).starts_with(&format!("{new}: update 2025-01-01T12:00Z appended (1 added, 1 changed)\n")), "{}", stderr(&run));
    let written: Value = serde_json::from_str(&std::fs::read_to_string(&new).unwrap()).unwrap();
    let last = written["updates"].as_array().unwrap().last().unwrap().clone();
    assert_eq!(last, json!({ "at": "2025-01-01T12:00Z", "summary": "A new event; one confirmed", "added": ["a-new-event"], "changed": [changed] }));
    assert_eq!(storyline(&["check", &new]).status.code(), Some(0));
    // Nothing new since: a second update is refused.
    let again = storyline(&["diff", &new, &new, "--write-update", "Again"]);
    assert_eq!(again.status.code(), Some(1));
    assert!(stderr(&again).contains("no event was added or changed"), "{}", stderr(&again));
}

#[test]
fn an_update_dated_before_the_last_one_is_refused_by_the_format_s_rule() {
    let dir = scratch("diff-early");
    let (story, _, _, _) = next_version(true);
    let new = write(&dir, &story);
    let run = storyline(&["diff", BUILT_IN, &new, "--write-update", "Too early", "--at", "2001-01-01"]);
    assert_eq!(run.status.code(), Some(1));
    assert!(stderr(&run).contains("is before the update above it"), "{}", stderr(&run));
}
