//! One entry point for whatever a newsroom points the widget at: a Storyline file, or a
//! TimelineJS3 file that is recognised and imported on the spot.
//!
//! Storyline files take the fast path of `load`; a file is only inspected for TimelineJS
//! after it has failed as Storyline, so the common case pays nothing for the detection.
//! `accept` is the door every tool and the widget go through: bytes in, a dataset or a report out.

use crate::limits::MAX_FILE_BYTES;
use crate::model::{Dataset, FORMAT_VERSION};
use crate::timelinejs;
use crate::validate::{load, validate, Loaded, Problem, Report};
use serde::{Deserialize, Deserializer};
use serde_json::Value;

/// The format a dataset arrived in.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Format {
    Storyline,
    TimelineJs,
}

/// What Storyline accepts, from a file's bytes: the one rule that `storyline check`, `storyline
/// publish` and the widget all apply, so that a file one accepts the others accept too.
///
/// The bytes must be UTF-8 (a byte-order mark, which spreadsheet and Windows editors write,
/// is allowed and skipped), then `load_any` decides.
pub fn accept(bytes: &[u8]) -> Result<(Loaded, Format), Report> {
    let bytes = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
    match std::str::from_utf8(bytes) {
        Ok(text) => load_any(text),
        Err(e) => Err(Report {
            errors: vec![Problem {
                path: String::new(),
                message: format!("this file is not UTF-8 text (the byte at offset {} is not): save it as UTF-8", e.valid_up_to()),
            }],
            warnings: Vec::new(),
        }),
    }
}

/// What the reader's one pass made of a story the browser had already parsed.
// Made once per story and matched at once: boxing the accepted story would buy nothing.
#[allow(clippy::large_enum_variant)]
#[derive(Debug)]
pub enum Decided {
    /// A Storyline file that `accept` accepts, with the same warnings but unknown fields'.
    Accepted(Loaded),
    /// A Storyline file that `accept` refuses, with the same errors.
    Refused(Report),
    /// Not a Storyline file of this version that deserializes (a type error, a missing field,
    /// another format version, a TimelineJS file): only `accept` can say what it is and name
    /// every problem's path.
    Undecided,
}

/// The reader's path: the story as the browser parsed it (`JSON.parse`), read in one pass
/// through any serde `Deserializer` over it (serde-wasm-bindgen in the widget), then validated.
/// `file_bytes` is the size of the file it came from, held to the same limit as in `accept`.
///
/// It decides every story that deserializes as Storyline, with the verdict `accept` would give;
/// the rest is `Undecided`, for `accept` to decide. So the widget applies `accept`'s rule without
/// carrying a JSON parser, the item-by-item reports or the TimelineJS importer: those load only
/// when a story needs them.
pub fn accept_parsed<'de, D: Deserializer<'de>>(parsed: D, file_bytes: usize) -> Decided {
    if file_bytes > MAX_FILE_BYTES {
        return Decided::Undecided;
    }
    match Dataset::deserialize(parsed) {
        Ok(dataset) if dataset.storyline == FORMAT_VERSION => {
            let report = validate(&dataset);
            if report.is_ok() {
                Decided::Accepted(Loaded { dataset, warnings: report.warnings })
            } else {
                Decided::Refused(report)
            }
        }
        _ => Decided::Undecided,
    }
}

/// Parses and validates `json` as Storyline, or else as TimelineJS3.
///
/// A TimelineJS file's import notes become warnings (path ""), so an editor sees what the
/// conversion left behind. A file that is neither gets the Storyline report, because that is
/// the format the editor is most likely trying to write.
pub fn load_any(json: &str) -> Result<(Loaded, Format), Report> {
    let storyline_report = match load(json) {
        Ok(loaded) => return Ok((loaded, Format::Storyline)),
        Err(report) => report,
    };
    let Ok(value) = serde_json::from_str::<Value>(json) else { return Err(storyline_report) };
    if value.get("storyline").is_some() || !timelinejs::is_timelinejs_file(&value) {
        return Err(storyline_report);
    }
    let imported = timelinejs::import(json).map_err(|message| Report {
        errors: vec![Problem { path: String::new(), message: format!("this TimelineJS file could not be imported: {message}") }],
        warnings: Vec::new(),
    })?;
    let mut report = validate(&imported.dataset);
    if !report.is_ok() {
        return Err(report);
    }
    let notes = imported.notes.into_iter().map(|message| Problem { path: String::new(), message: format!("TimelineJS import: {message}") });
    report.warnings.splice(0..0, notes);
    Ok((Loaded { dataset: imported.dataset, warnings: report.warnings }, Format::TimelineJs))
}

#[cfg(test)]
mod tests {
    use super::*;

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
        let json = serde_json::to_string(&crate::synth::story(3, 1)).unwrap();
        assert!(matches!(decided(&json), Decided::Accepted(_)));
        let value: Value = serde_json::from_str(&json).unwrap();
        assert!(matches!(accept_parsed(&value, MAX_FILE_BYTES + 1), Decided::Undecided), "a file over the limit is decided by accept");
    }

    #[test]
    fn a_byte_order_mark_is_skipped() {
        let json = serde_json::to_string(&crate::synth::story(3, 1)).unwrap();
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
        let json = serde_json::to_string(&crate::synth::story(3, 1)).unwrap();
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
}
