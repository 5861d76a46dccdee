//! Every TimelineJS file under tests/data imports with every event TimelineJS can show.
//!
//! TimelineJS shows a slide that is an object with a `start_date` object holding a whole year;
//! the count here reads the files on its own terms, not the importer's, and prints the table.

use serde_json::Value;
use std::path::PathBuf;
use storyline_core::timelinejs::import;

fn files() -> Vec<PathBuf> {
    let dir = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../tests/data/timelinejs");
    let mut files: Vec<PathBuf> = std::fs::read_dir(&dir)
        .expect("tests/data/timelinejs")
        .map(|entry| entry.expect("a directory entry").path())
        .filter(|path| path.extension().is_some_and(|e| e == "json"))
        .collect();
    files.sort();
    files
}

/// The slides TimelineJS shows: objects whose start_date has a year written as a whole number.
fn events_timelinejs_shows(json: &Value) -> usize {
    let root = json.get("timeline").unwrap_or(json);
    let slides = root.get("events").or_else(|| root.get("slides")).and_then(Value::as_array).expect("a list of slides");
    let whole = |year: &Value| match year {
        Value::Number(n) => n.as_i64().is_some() || n.as_f64().is_some_and(|f| f.fract() == 0.0),
        Value::String(s) => s.trim().parse::<i64>().is_ok(),
        _ => false,
    };
    slides.iter().filter(|slide| slide.get("start_date").and_then(|d| d.get("year")).is_some_and(whole)).count()
}

#[test]
fn every_event_timelinejs_can_show_is_imported_from_every_file() {
    let mut table = vec![format!("{:<28} {:>14} {:>15}", "file", "events in file", "events imported")];
    let mut mismatches = vec![];
    for path in files() {
        let text = std::fs::read_to_string(&path).expect("a readable file");
        let shown = events_timelinejs_shows(&serde_json::from_str(&text).expect("JSON"));
        let imported = import(&text).map_or(0, |i| i.dataset.events.len());
        let name = path.file_name().unwrap().to_string_lossy().to_string();
        table.push(format!("{name:<28} {shown:>14} {imported:>15}"));
        if shown != imported {
            mismatches.push(name);
        }
    }
    println!("{}", table.join("\n"));
    assert!(table.len() > 4, "the TimelineJS files are there");
    assert!(mismatches.is_empty(), "events lost or invented in {mismatches:?}:\n{}", table.join("\n"));
}

#[test]
fn every_imported_file_passes_validation_and_reads_back_from_its_storyline_json() {
    for path in files() {
        let imported = import(&std::fs::read_to_string(&path).unwrap()).expect("imports");
        let report = storyline_core::validate(&imported.dataset);
        assert!(report.is_ok(), "{}: {:#?}", path.display(), report.errors);
        let written = serde_json::to_string(&imported.dataset).unwrap();
        let back = storyline_core::validate::load(&written).unwrap_or_else(|r| panic!("{}: {:#?}", path.display(), r.errors));
        assert_eq!(back.dataset, imported.dataset, "{}", path.display());
    }
}

#[test]
fn a_deep_time_file_reads_as_timelinejs_shows_it_from_the_big_bang_to_hubble() {
    let text = std::fs::read_to_string(PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../tests/data/timelinejs/deep-time.json")).unwrap();
    let story = import(&text).expect("imports").dataset;
    let dates: Vec<String> = story.events.iter().map(|e| e.start.display_long()).collect();
    assert_eq!(
        dates,
        [
            "13.8 billion years ago",
            "13.6 billion years ago",
            "4.6 billion years ago",
            "3.7 billion years ago",
            "2.4 billion years ago",
            "538.8 million years ago",
            "66 million years ago",
            "300 thousand years ago",
            "17,000 BCE",
            "3500 BCE",
            "300 BCE",
            "November 1609",
            "20 July 1969, 20:17",
            "25 April 1990",
        ]
    );
    assert_eq!(story.events[4].end.map(|e| e.display_long()), Some("2 billion years ago".into()));
    assert_eq!(story.eras[0].start.display_long(), "4.6 billion years ago");
    assert_eq!(story.story.published, None, "the file gives no publication date");
}
