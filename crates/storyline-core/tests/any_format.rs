//! `accept`, `accept_parsed` and `load_any`: the one door every story goes through, with the verdict the reader's pass and the editors' tools share.

use serde_json::Value;
use storyline_core::limits::MAX_FILE_BYTES;
use storyline_core::{accept, accept_parsed, load_any, Decided, Format};
use storyline_testkit::synth;

const TIMELINEJS: &str = r#"{"title": {"text": {"headline": "A war"}},
    "events": [{"start_date": {"year": "2024", "month": "10", "day": "18"},
                "text": {"headline": "Seoul speaks", "text": "<p>Intelligence <b>says</b> so.</p>"}}]}"#;

/// The reader's verdict on `json`, parsed first as a browser would (here by serde_json).
fn decided(json: &str) -> Decided {
    let value: Value = serde_json::from_str(json).unwrap();
    accept_parsed(&value, json.len())
}

#[test]
fn the_readers_pass_gives_accepts_verdict_on_every_story_it_decides() {
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../../tests/data");
    let (mut decided_n, mut undecided_n) = (0, 0);
    for sub in ["valid", "invalid", "timelinejs", "published"] {
        for entry in std::fs::read_dir(dir.join(sub)).unwrap() {
            let path = entry.unwrap().path();
            if path.extension().is_none_or(|e| e != "json") {
                continue;
            }
            let text = std::fs::read_to_string(&path).unwrap();
            let Ok(value) = serde_json::from_str::<Value>(&text) else { continue };
            match (accept_parsed(&value, text.len()), accept(text.as_bytes())) {
                (Decided::Accepted(fast), Ok((full, Format::Storyline))) => {
                    assert_eq!(fast.dataset, full.dataset, "{}", path.display());
                    // Unknown fields are the only warnings the reader's pass leaves to the editor's tools.
                    let known: Vec<_> = full.warnings.into_iter().filter(|w| !w.message.contains("not part of the Storyline format")).collect();
                    assert_eq!(fast.warnings, known, "{}", path.display());
                    decided_n += 1;
                }
                (Decided::Refused(fast), Err(full)) => {
                    assert_eq!(fast.errors, full.errors, "{}", path.display());
                    decided_n += 1;
                }
                (Decided::Undecided, _) => undecided_n += 1,
                (fast, full) => panic!("{}: the reader's pass says {fast:?}, accept says {full:?}", path.display()),
            }
        }
    }
    assert!(decided_n >= 20 && undecided_n >= 10, "{decided_n} decided, {undecided_n} left to accept");
}

#[test]
fn type_errors_other_versions_and_timelinejs_files_are_left_to_accept() {
    assert!(matches!(decided(r#"{"storyline": 2, "story": {}}"#), Decided::Undecided));
    assert!(matches!(decided(r#"{"storyline": 1, "story": {"title": 5}}"#), Decided::Undecided));
    assert!(matches!(decided(TIMELINEJS), Decided::Undecided));
    let json = serde_json::to_string(&synth::story(3, 1)).unwrap();
    assert!(matches!(decided(&json), Decided::Accepted(_)));
    let value: Value = serde_json::from_str(&json).unwrap();
    assert!(matches!(accept_parsed(&value, MAX_FILE_BYTES + 1), Decided::Undecided), "a file over the limit is decided by accept");
}

#[test]
fn a_byte_order_mark_is_skipped() {
    let json = serde_json::to_string(&synth::story(3, 1)).unwrap();
    let with_bom = [b"\xEF\xBB\xBF".as_slice(), json.as_bytes()].concat();
    let (loaded, format) = accept(&with_bom).unwrap();
    assert_eq!((loaded.dataset.events.len(), format), (3, Format::Storyline));
    let (_, format) = accept(&[b"\xEF\xBB\xBF".as_slice(), TIMELINEJS.as_bytes()].concat()).unwrap();
    assert_eq!(format, Format::TimelineJs);
}

#[test]
fn bytes_that_are_not_utf8_are_refused_with_where() {
    let report = accept(b"{\"storyline\": 1, \"story\": {\"title\": \"Caf\xE9\"}}").unwrap_err();
    assert_eq!(report.errors.len(), 1);
    assert!(report.errors[0].message.contains("not UTF-8") && report.errors[0].message.contains("offset 40"), "{:?}", report.errors);
}

#[test]
fn a_storyline_file_loads_as_storyline() {
    let json = serde_json::to_string(&synth::story(3, 1)).unwrap();
    let (loaded, format) = load_any(&json).unwrap();
    assert_eq!(format, Format::Storyline);
    assert_eq!(loaded.dataset.events.len(), 3);
}

#[test]
fn a_timelinejs_file_is_recognised_and_imported() {
    let (loaded, format) = load_any(TIMELINEJS).unwrap();
    assert_eq!(format, Format::TimelineJs);
    assert_eq!(loaded.dataset.events[0].title, "Seoul speaks");
    assert_eq!(loaded.dataset.events[0].summary, "Intelligence says so.");
    assert!(loaded.warnings.iter().any(|w| w.message.starts_with("TimelineJS import: ")), "{:?}", loaded.warnings);
}

#[test]
fn a_wrapped_timelinejs_file_is_recognised_too() {
    let wrapped = TIMELINEJS.replacen("\"events\"", "\"slides\"", 1);
    let (_, format) = load_any(&format!("{{\"timeline\": {wrapped}}}")).unwrap();
    assert_eq!(format, Format::TimelineJs);
}

#[test]
fn a_broken_storyline_file_keeps_its_storyline_errors() {
    let report = load_any(r#"{"storyline": 1, "story": {}, "events": []}"#).unwrap_err();
    assert!(report.errors.iter().any(|p| p.path.starts_with("story")), "{:?}", report.errors);
}

#[test]
fn a_file_that_is_neither_gets_the_storyline_report() {
    let report = load_any(r#"{"hello": "world"}"#).unwrap_err();
    assert!(report.errors.iter().any(|p| p.message.contains("storyline")), "{:?}", report.errors);
}

#[test]
fn a_timelinejs_file_without_usable_events_says_why() {
    let report = load_any(r#"{"events": [{"start_date": {"year": "nope"}}]}"#).unwrap_err();
    assert!(report.errors[0].message.starts_with("this TimelineJS file could not be imported"), "{:?}", report.errors);
}

#[test]
fn a_timelinejs_file_over_the_size_limit_is_refused_like_any_other() {
    // Spaces pad a valid TimelineJS file past the limit: the limit is on the file, whatever its format.
    let padded = format!("{}{}", TIMELINEJS, " ".repeat(MAX_FILE_BYTES));
    let report = load_any(&padded).unwrap_err();
    assert!(report.errors[0].message.contains("the limit is"), "{:?}", report.errors);
}
