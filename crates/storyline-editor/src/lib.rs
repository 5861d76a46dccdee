//! The editor's page's WebAssembly (`storyline-editor_bg.wasm`, loaded by `dist/editor.js`
//! only): a newsroom's story checked in the browser by the rules of the CLI, with nothing sent
//! anywhere. It is apart from the reader's module and the import module, so neither grows.
//!
//! - `answer`: a file's text or the template's sheets to the story and its problems, each with
//!   its place and fix (core's `accept`, `sheets` and `fixes`);
//! - `locate`: where a problem's JSON path is in the text being edited.
//!
//! The exports answer JSON text, so that the glue stays small and the page's script thin.

pub mod answer;
pub mod locate;

use serde_json::json;
use storyline_core::embed_code::{element_code, iframe_code};
use wasm_bindgen::prelude::*;

/// A Storyline or TimelineJS file's text: the story and its problems (see `answer`).
#[wasm_bindgen(js_name = checkText)]
pub fn check_text(text: &str) -> String {
    answer::check_text(text)
}

/// The template's CSV files: `names[i]` is a file's name, and its bytes are the next
/// `lengths[i]` bytes of `bytes` (one buffer for every file, so that the glue copies once).
#[wasm_bindgen(js_name = checkSheets)]
pub fn check_sheets(names: Vec<String>, bytes: &[u8], lengths: &[u32]) -> String {
    let mut files = Vec::with_capacity(names.len());
    let mut rest = bytes;
    for (name, &length) in names.iter().zip(lengths) {
        let (file, after) = rest.split_at((length as usize).min(rest.len()));
        files.push((name.as_str(), file));
        rest = after;
    }
    answer::check_sheets(&files)
}

/// The iframe code and the `<story-line>` code for a checked story, as JSON text
/// `{"iframe", "element"}`, or `{}` when the story is not one `accept` takes.
#[wasm_bindgen(js_name = embedCodes)]
pub fn embed_codes(story: &str, page_url: &str, widget_url: &str, js_integrity: &str) -> String {
    let codes = match storyline_core::accept(story.as_bytes()) {
        Ok((loaded, _)) => json!({
            "iframe": iframe_code(&loaded.dataset, page_url),
            "element": element_code(&loaded.dataset, widget_url, js_integrity),
        }),
        Err(_) => json!({}),
    };
    codes.to_string()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_sheets_are_cut_from_one_buffer_by_their_lengths() {
        let story = std::fs::read(concat!(env!("CARGO_MANIFEST_DIR"), "/../../docs/template/story.csv")).unwrap();
        let events = b"id,date,title,summary,status\nx,2024-02-30,T,S,reported\n".to_vec();
        let bytes = [story.clone(), events.clone()].concat();
        let answer: serde_json::Value =
            serde_json::from_str(&check_sheets(vec!["story.csv".into(), "events.csv".into()], &bytes, &[story.len() as u32, events.len() as u32])).unwrap();
        let places: Vec<&str> = answer["problems"].as_array().unwrap().iter().map(|p| p["place"].as_str().unwrap()).collect();
        assert!(places.contains(&"events row 2, column date"), "{places:?}");
        let whole: serde_json::Value = serde_json::from_str(&answer::check_sheets(&[("story.csv", &story), ("events.csv", &events)])).unwrap();
        assert_eq!(answer, whole);
    }

    #[test]
    fn the_embed_codes_are_given_for_a_story_and_not_for_a_broken_one() {
        let story = std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/../../assets/stories/north-korea-troops-russia.json")).unwrap();
        let codes: serde_json::Value = serde_json::from_str(&embed_codes(&story, "https://news.example/troops/", "https://cdn.example/sl/", "sha384-x")).unwrap();
        assert!(codes["iframe"].as_str().unwrap().starts_with("<iframe src=\"https://news.example/troops/\""));
        assert!(codes["element"].as_str().unwrap().starts_with("<story-line id=\"north-korea-troops-russia\">"));
        assert_eq!(embed_codes("{", "", "", ""), "{}");
    }
}
