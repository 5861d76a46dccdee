//! What the editor's page gets back for a story it checks: the story as Storyline JSON when it
//! is usable, and every problem with its place, its message and a one-line fix, as JSON text.
//!
//! `{"format", "story", "problems": [{"severity", "place", "message", "fix", "at"}]}`: `format`
//! is `storyline`, `timelinejs` or `sheets`; `story` is the Storyline JSON (imported and pretty
//! printed as `storyline import-csv` writes it), or null when the story has errors; `place` is a
//! JSON path or a sheet, row and column (empty for the file as a whole); `at` is where the place
//! is in the text checked, in UTF-16 units, when it is there.

use crate::locate::Places;
use serde_json::{json, Value};
use storyline_core::fixes::fix;
use storyline_core::sheets::{import_sheets, SheetProblem};
use storyline_core::{accept, Dataset, Format, Problem};

/// The story's JSON as the editor keeps and downloads it.
fn pretty(dataset: &Dataset) -> String {
    serde_json::to_string_pretty(dataset).expect("a dataset always serializes") + "\n"
}

fn entry(severity: &str, place: String, message: &str, at: Option<usize>) -> Value {
    json!({"severity": severity, "place": place, "message": message, "fix": fix(message), "at": at})
}

fn json_problems(text: &str, errors: &[Problem], warnings: &[Problem]) -> Vec<Value> {
    let places = Places::of(text);
    let tagged = errors.iter().map(|p| ("error", p)).chain(warnings.iter().map(|p| ("warning", p)));
    tagged.map(|(severity, p)| entry(severity, p.path.clone(), &p.message, places.find(&p.path))).collect()
}

fn sheet_problems(errors: &[SheetProblem], warnings: &[SheetProblem]) -> Vec<Value> {
    let tagged = errors.iter().map(|p| ("error", p)).chain(warnings.iter().map(|p| ("warning", p)));
    tagged.map(|(severity, p)| entry(severity, p.place.to_string(), &p.message, None)).collect()
}

/// A Storyline or TimelineJS file's text, checked by `accept`, the rule of `storyline check`.
pub fn check_text(text: &str) -> String {
    let answer = match accept(text.as_bytes()) {
        Ok((loaded, format)) => json!({
            "format": if format == Format::TimelineJs { "timelinejs" } else { "storyline" },
            "story": pretty(&loaded.dataset),
            "problems": json_problems(text, &[], &loaded.warnings),
        }),
        Err(report) => json!({"format": "storyline", "story": null, "problems": json_problems(text, &report.errors, &report.warnings)}),
    };
    answer.to_string()
}

/// The spreadsheet template's CSV files, each by its file name and bytes, as `storyline import-csv` reads them.
pub fn check_sheets(files: &[(&str, &[u8])]) -> String {
    let answer = match import_sheets(files) {
        Ok(imported) => json!({"format": "sheets", "story": pretty(&imported.dataset), "problems": sheet_problems(&[], &imported.warnings)}),
        Err(report) => json!({"format": "sheets", "story": null, "problems": sheet_problems(&report.errors, &report.warnings)}),
    };
    answer.to_string()
}

#[cfg(test)]
mod tests {
    use super::*;

    const ROOT: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/../../");

    fn read(path: &str) -> String {
        std::fs::read_to_string(format!("{ROOT}{path}")).unwrap()
    }

    fn parsed(answer: String) -> Value {
        serde_json::from_str(&answer).unwrap()
    }

    #[test]
    fn every_invalid_file_comes_back_with_its_expected_paths_each_placed_in_the_text() {
        let mut files: Vec<_> = std::fs::read_dir(format!("{ROOT}tests/data/invalid")).unwrap().map(|e| e.unwrap().path()).collect();
        files.retain(|p| p.extension().is_some_and(|e| e == "expect"));
        files.sort();
        assert!(files.len() > 40);
        for expect in files {
            let text = std::fs::read_to_string(expect.with_extension("json")).unwrap();
            let answer = parsed(check_text(&text));
            let problems = answer["problems"].as_array().unwrap();
            // Each line is `path => words of the message`.
            for line in std::fs::read_to_string(&expect).unwrap().lines().filter(|l| !l.trim().is_empty()) {
                let path = line.split_once(" => ").map_or(line, |(path, _)| path);
                let path = if path == "<root>" { "" } else { path };
                let found = problems.iter().find(|p| p["place"] == path);
                let found = found.unwrap_or_else(|| panic!("{}: {path} missing from {problems:?}", expect.display()));
                assert!(found["message"].as_str().is_some_and(|m| !m.is_empty()));
                if !path.is_empty() {
                    assert!(found["at"].is_u64(), "{}: {path} is not placed in the text", expect.display());
                }
            }
        }
    }

    #[test]
    fn a_problem_is_placed_at_its_field_and_carries_its_fix() {
        let text = read("tests/data/invalid/12-title-is-a-number.json");
        let answer = parsed(check_text(&text));
        let problem = &answer["problems"][0];
        assert_eq!(problem["place"], "events[0].title");
        assert_eq!(problem["severity"], "error");
        assert_eq!(problem["fix"], "Make it a string");
        let at = problem["at"].as_u64().unwrap() as usize;
        assert!(text.encode_utf16().skip(at).take(7).eq("\"title\"".encode_utf16()), "{at}");
        assert!(answer["story"].is_null());
    }

    #[test]
    fn a_story_whose_actors_carry_sources_loads_and_a_bad_one_is_named_and_placed_at_its_url() {
        let text = read("assets/stories/north-korea-troops-russia.json");
        let answer = parsed(check_text(&text));
        assert_eq!(answer["problems"], json!([]), "every affiliation of the built-in story has its source");
        let story = accept(answer["story"].as_str().unwrap().as_bytes()).unwrap().0.dataset;
        let nis = story.actors.iter().position(|a| a.id == "nis").unwrap();
        assert!(!story.actors[nis].sources.is_empty(), "the story the editor keeps carries the actor's sources");
        let mut broken: Value = serde_json::from_str(&text).unwrap();
        broken["actors"][nis]["sources"][0]["url"] = json!("javascript:alert(1)");
        let text = serde_json::to_string_pretty(&broken).unwrap();
        let answer = parsed(check_text(&text));
        let problem = &answer["problems"][0];
        assert_eq!(problem["place"], format!("actors[{nis}].sources[0].url"));
        assert_eq!(problem["severity"], "error");
        let at = problem["at"].as_u64().unwrap() as usize;
        let url = "\"url\": \"javascript:alert(1)\"";
        assert!(text.encode_utf16().skip(at).take(url.encode_utf16().count()).eq(url.encode_utf16()), "{at}");
    }

    #[test]
    fn a_timelinejs_file_comes_back_as_a_storyline_story() {
        let answer = parsed(check_text(&read("tests/data/timelinejs/minimal.json")));
        assert_eq!(answer["format"], "timelinejs");
        let story = answer["story"].as_str().unwrap();
        assert_eq!(accept(story.as_bytes()).unwrap().1, Format::Storyline);
    }

    #[test]
    fn the_template_sheets_come_back_as_the_built_in_story() {
        let names = ["story", "events", "actors", "relations", "eras", "sources", "quotes", "updates"].map(|s| format!("{s}.csv"));
        let bytes: Vec<Vec<u8>> = names.iter().map(|n| std::fs::read(format!("{ROOT}docs/template/{n}")).unwrap()).collect();
        let files: Vec<(&str, &[u8])> = names.iter().map(String::as_str).zip(bytes.iter().map(Vec::as_slice)).collect();
        let answer = parsed(check_sheets(&files));
        assert_eq!(answer["format"], "sheets");
        let story = accept(answer["story"].as_str().unwrap().as_bytes()).unwrap().0.dataset;
        let built_in = accept(read("assets/stories/north-korea-troops-russia.json").as_bytes()).unwrap().0.dataset;
        assert_eq!(story, built_in);
    }

    #[test]
    fn a_sheet_problem_is_named_by_sheet_row_and_column() {
        let story = std::fs::read(format!("{ROOT}docs/template/story.csv")).unwrap();
        let events = b"id,date,title,summary,status\nx,2024-02-30,T,S,reported\n";
        let answer = parsed(check_sheets(&[("story.csv", &story), ("events.csv", events)]));
        assert!(answer["story"].is_null());
        let problems = answer["problems"].as_array().unwrap();
        assert!(problems.iter().any(|p| p["place"] == "events row 2, column date" && p["fix"] == "Use a day from 1 to 29"), "{problems:?}");
    }
}
