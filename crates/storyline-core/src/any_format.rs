//! One entry point for whatever a newsroom points the widget at: a Storyline file, or a
//! TimelineJS3 file that is recognised and imported on the spot.
//!
//! Storyline files take the fast path of `load`; a file is only inspected for TimelineJS
//! after it has failed as Storyline, so the common case pays nothing for the detection.
//! `accept` is the door every tool and the widget go through: bytes in, a dataset or a report out.

use crate::timelinejs;
use crate::validate::{load, validate, Loaded, Problem, Report};
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
