//! One entry point for whatever a newsroom points the widget at: a Storyline file, or a
//! TimelineJS3 file that is recognised and imported on the spot.
//!
//! Storyline files take the fast path of `load`; a file is only inspected for TimelineJS
//! after it has failed as Storyline, so the common case pays nothing for the detection.
//! `accept` is the door every tool and the widget go through: bytes in, a dataset or a report out.

use crate::limits::MAX_FILE_BYTES;
use crate::model::{Dataset, FORMAT_VERSION};
use crate::timelinejs;
use crate::validate::{load_value, read, validate, Loaded, Problem, Read, Report};
use serde::{Deserialize, Deserializer};

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
///
/// The text is read once by the typed pass that decides a Storyline file; what it leaves comes
/// back parsed, and that one value serves the Storyline report or the importer.
pub fn load_any(json: &str) -> Result<(Loaded, Format), Report> {
    let value = match read(json) {
        Read::Decided(result) => return result.map(|loaded| (loaded, Format::Storyline)),
        Read::Parsed(value) => value,
    };
    if value.get("storyline").is_some() || !timelinejs::is_timelinejs_file(&value) {
        return load_value(&value).map(|loaded| (loaded, Format::Storyline));
    }
    let imported = timelinejs::import_value(value).map_err(|message| Report {
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
