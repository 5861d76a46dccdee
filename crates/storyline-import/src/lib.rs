//! The widget's second WebAssembly module: the part of `storyline_core::accept` that the reader's
//! module leaves out, loaded by the page only when a story needs it. The reader's module decides
//! every Storyline file that the browser's `JSON.parse` and one pass of deserialisation can
//! read (`accept_parsed`); this module decides the rest, with the same rule the CLI applies:
//! a TimelineJS file is imported, and a broken file gets every problem with its path.
//!
//! Its answer is JSON text, so that the glue stays small: `{"story": <Storyline JSON>}` for a
//! story to show (a TimelineJS file converted), or `{"errors": [{"path", "message"}]}`, and in
//! either case `"console"`, the warning lines for the developer (one per kind).

use serde_json::json;
use storyline_core::problem_lines::problem_lines;
use storyline_core::Problem;
use wasm_bindgen::prelude::*;

fn problems(list: &[Problem]) -> serde_json::Value {
    list.iter().map(|p| json!({"path": p.path, "message": p.message})).collect()
}

/// `accept`'s verdict on a file's bytes, as JSON text (see the module's head).
pub fn verdict(bytes: &[u8], source: &str) -> String {
    let answer = match storyline_core::accept(bytes) {
        Ok((loaded, _)) => json!({"story": loaded.dataset, "console": problem_lines(source, &loaded.warnings)}),
        Err(report) => json!({"errors": problems(&report.errors), "console": problem_lines(source, &report.warnings)}),
    };
    answer.to_string()
}

/// The page's loader calls this when the reader's module left a story undecided.
#[wasm_bindgen(js_name = acceptStory)]
pub fn accept_story(bytes: &[u8], source: &str) -> String {
    verdict(bytes, source)
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::Value;

    #[test]
    fn a_timelinejs_file_comes_back_as_a_storyline_story_with_its_import_notes() {
        let file = std::fs::read(concat!(env!("CARGO_MANIFEST_DIR"), "/../../tests/data/timelinejs/minimal.json")).unwrap();
        let answer: Value = serde_json::from_str(&verdict(&file, "tl.json")).unwrap();
        let story = serde_json::to_string(&answer["story"]).unwrap();
        let (loaded, format) = storyline_core::accept(story.as_bytes()).expect("the story given back is a valid Storyline file");
        assert_eq!(format, storyline_core::Format::Storyline);
        assert!(!loaded.dataset.events.is_empty());
        assert!(answer["console"].as_array().is_some_and(|l| l.iter().any(|line| line.as_str().unwrap().starts_with("Storyline: tl.json: "))), "{answer}");
    }

    #[test]
    fn a_broken_file_comes_back_with_every_path() {
        let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/../../tests/data/invalid/");
        let file = std::fs::read(format!("{dir}12-title-is-a-number.json")).unwrap();
        let expected = std::fs::read_to_string(format!("{dir}12-title-is-a-number.expect")).unwrap();
        let answer: Value = serde_json::from_str(&verdict(&file, "bad.json")).unwrap();
        let errors: Vec<(&str, &str)> =
            answer["errors"].as_array().unwrap().iter().map(|p| (p["path"].as_str().unwrap(), p["message"].as_str().unwrap())).collect();
        // Each line of the case is `path => words of the message`.
        for (path, says) in expected.lines().filter_map(|l| l.split_once(" => ")) {
            assert!(errors.iter().any(|(p, m)| *p == path && m.contains(says)), "{path} => {says} missing from {errors:?}");
        }
        assert!(answer.get("story").is_none());
    }

    #[test]
    fn bytes_that_are_not_json_say_so_at_the_root() {
        let answer: Value = serde_json::from_str(&verdict(b"{\"storyline\": 1,", "x.json")).unwrap();
        assert_eq!(answer["errors"][0]["path"], "");
        assert!(answer["errors"][0]["message"].as_str().unwrap().contains("not valid JSON"), "{answer}");
    }
}
