//! Server-rendered HTML of a developing story: when it was last updated, its update log, the
//! badges of the latest update and a changed status's history, all readable without script.
#![cfg(not(target_arch = "wasm32"))]

use storyline::prerender::render_html;
use storyline_core::Dataset;

fn developing() -> Dataset {
    let path = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/data/valid/developing.json");
    storyline_core::load(&std::fs::read_to_string(path).unwrap()).expect("a valid story").dataset
}

/// The text of the first element whose opening tag contains `class`, tags stripped.
fn text_of(html: &str, class: &str) -> String {
    let from = html.find(class).unwrap_or_else(|| panic!("no {class} in {html}"));
    let start = from + html[from..].find('>').unwrap() + 1;
    let open = html[..=from].rfind('<').unwrap();
    let tag = html[open + 1..].split([' ', '>']).next().unwrap();
    let end = start + html[start..].find(&format!("</{tag}>")).unwrap();
    html[start..end].split('<').map(|part| part.split_once('>').map_or(part, |(_, t)| t)).collect()
}

#[test]
fn the_header_says_when_the_story_was_last_updated_and_holds_the_log_newest_first() {
    let html = render_html(&developing());
    let summary = text_of(&html, "<summary");
    assert_eq!(summary, "Updated 2 November 2024, 09:00 UTC · Update log (3 updates)");
    assert!(html.contains("<details class=\"sl-updates\">"), "a details element opens without script: {html}");
    let log = text_of(&html, "class=\"sl-update-list\"");
    let first = log.find("The first ship enters; a date").unwrap();
    let second = log.find("The fallen cranes confirmed").unwrap();
    let third = log.find("First published").unwrap();
    assert!(first < second && second < third, "newest first: {log}");
    assert!(log.contains("The harbour authority confirmed the union's account."), "the note: {log}");
}

#[test]
fn each_later_update_links_to_its_events_in_the_prerendered_list() {
    let html = render_html(&developing());
    assert!(html.contains("New: <a href=\"#sl-event-first-ship\">The first ship enters</a>"), "{html}");
    assert!(html.contains("Updated: <a href=\"#sl-event-reopening\">The ministry promises a reopening</a>"), "{html}");
    assert!(html.contains("id=\"sl-event-first-ship\""), "the link's target is in the page");
    // The story as first published is the whole timeline, not a list of links.
    assert!(!html.contains("href=\"#sl-event-storm\""), "{html}");
}

#[test]
fn the_latest_updates_events_carry_a_badge_in_words() {
    let html = render_html(&developing());
    assert_eq!(html.matches("<span class=\"sl-mark new\">New</span>").count(), 1, "first-ship, in the list");
    assert_eq!(html.matches("<span class=\"sl-mark updated\">Updated</span>").count(), 1, "reopening, in the list");
    assert!(!html.contains("sl-since"), "what is new since a last visit is the reader's browser's to tell, never the server's");
}

#[test]
fn a_changed_status_shows_its_history_and_what_changed_on_the_card() {
    let mut dataset = developing();
    // The card shows the first event: make it the one whose status changed.
    let cranes = dataset.events.iter().position(|e| e.id == "cranes").unwrap();
    let event = dataset.events.remove(cranes);
    dataset.events.insert(0, event);
    dataset.events[1].start = "2024-10-19".parse().unwrap();
    let html = render_html(&dataset);
    assert_eq!(text_of(&html, "class=\"sl-status-history\""), "Status: claimed 18 Oct 2024 → confirmed 28 Oct 2024");
    assert_eq!(text_of(&html, "class=\"sl-change\""), "Updated 28 Oct 2024: The harbour authority confirmed that two cranes fell");
}

#[test]
fn a_story_without_updates_renders_no_log() {
    let mut dataset = developing();
    dataset.updates.clear();
    let html = render_html(&dataset);
    assert!(!html.contains("class=\"sl-updates\"") && !html.contains("class=\"sl-mark "), "{html}");
}
