//! Any bytes into `load`, and the same bytes as the spreadsheet template's sheets into
//! `import_sheets`: neither panics; what either accepts also passes `validate`, survives a save
//! and reload unchanged, and goes to sheets and back unchanged.
#![no_main]

use libfuzzer_sys::fuzz_target;
use storyline_core::sheets::{export_sheets, import_sheets, Sheet};
use storyline_core::{load, validate, Dataset};

fuzz_target!(|data: &[u8]| {
    json(data);
    sheets(data);
});

fn json(data: &[u8]) {
    // Invalid UTF-8 becomes U+FFFD rather than being skipped, so every input reaches the parser.
    let text = String::from_utf8_lossy(data);
    match load(&text) {
        Ok(loaded) => {
            let report = validate(&loaded.dataset);
            assert!(report.is_ok(), "load accepted a dataset that validate refuses: {:?}", report.errors);
            let saved = serde_json::to_string(&loaded.dataset).expect("a dataset serializes");
            let reloaded = match load(&saved) {
                Ok(reloaded) => reloaded,
                Err(report) => panic!("a loaded dataset, saved, no longer loads: {:?}\n{saved}", report.errors),
            };
            assert_eq!(reloaded.dataset, loaded.dataset, "a save and reload changed the dataset:\n{saved}");
            // Writing sheets reads them back itself, and names what they cannot keep: it must not panic.
            export_sheets(&loaded.dataset);
        }
        Err(report) => assert!(!report.errors.is_empty(), "load refused the input without saying why"),
    }
}

/// The bytes cut at each form feed (0x0C) into the sheets, in the order of `Sheet::ALL`: one input
/// is a whole set of sheets, so that the ids between them (actors, events, sources) are reached.
/// The bytes go in as they are, invalid UTF-8 included: the reader must say so, not panic.
fn sheets(data: &[u8]) {
    let names: Vec<String> = Sheet::ALL.iter().map(|s| s.file_name()).collect();
    let files: Vec<(&str, &[u8])> = names.iter().map(String::as_str).zip(data.split(|&b| b == 0x0C)).collect();
    match import_sheets(&files) {
        Ok(imported) => {
            let report = validate(&imported.dataset);
            assert!(report.is_ok(), "import_sheets accepted a dataset that validate refuses: {:?}", report.errors);
            let exported = export_sheets(&imported.dataset);
            // What the sheets said, they can say again: written and read back, it is the same story.
            assert!(exported.notes.is_empty(), "a story read from sheets does not go back to sheets: {:?}", exported.notes);
            let written: Vec<(String, &[u8])> = exported.sheets.iter().map(|(s, text)| (s.file_name(), text.as_bytes())).collect();
            let files: Vec<(&str, &[u8])> = written.iter().map(|(n, b)| (n.as_str(), *b)).collect();
            let back: Dataset = import_sheets(&files).expect("written sheets read back").dataset;
            assert_eq!(back, imported.dataset, "sheets written and read back changed the story");
        }
        Err(report) => assert!(!report.errors.is_empty(), "import_sheets refused the sheets without saying why"),
    }
}
