//! Any bytes into `load`: it never panics; what it accepts also passes `validate`, and survives a save and reload unchanged.
#![no_main]

use libfuzzer_sys::fuzz_target;
use storyline_core::{load, validate};

fuzz_target!(|data: &[u8]| {
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
        }
        Err(report) => assert!(!report.errors.is_empty(), "load refused the input without saying why"),
    }
});
