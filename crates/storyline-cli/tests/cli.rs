//! The `storyline` command as an editor runs it: exit codes, `path: message` lines, JSON output, imports.

mod common;

use common::{repo, scratch, stderr, stdout, storyline};
use std::path::PathBuf;

#[test]
fn check_passes_the_embedded_story_with_exit_code_0() {
    let out = storyline(&["check", "assets/stories/north-korea-troops-russia.json"]);
    assert_eq!(out.status.code(), Some(0), "{}", stdout(&out));
    assert!(stdout(&out).contains("valid (0 errors, 0 warnings)"), "{}", stdout(&out));
}

#[test]
fn check_fails_every_invalid_file_naming_each_error_path() {
    let dir = repo().join("tests/data/invalid");
    let mut cases = 0;
    for entry in std::fs::read_dir(&dir).expect("the invalid corpus") {
        let path = entry.unwrap().path();
        if path.extension().is_none_or(|e| e != "json") {
            continue;
        }
        cases += 1;
        let expected = std::fs::read_to_string(path.with_extension("expect")).expect("an .expect file per case");
        let out = storyline(&["check", path.to_str().unwrap()]);
        let text = stdout(&out);
        assert_eq!(out.status.code(), Some(1), "{}: {text}", path.display());
        // Each line is `path => words of the message`; the file as a whole has no path to print.
        for (at, says) in expected.lines().filter_map(|l| l.split_once(" => ")) {
            let line = if at == "<root>" { "  error: ".to_string() } else { format!("  error: {at}: ") };
            assert!(text.contains(&line) && text.contains(says), "{}: expected an error at {at} saying {says:?}, got:\n{text}", path.display());
        }
    }
    assert!(cases >= 30, "only {cases} invalid cases");
}

#[test]
fn check_names_an_affiliation_that_goes_round_in_a_circle_with_the_way_round() {
    let out = storyline(&["check", "tests/data/invalid/47-part-of-in-a-circle.json"]);
    let text = stdout(&out);
    assert_eq!(out.status.code(), Some(1), "{text}");
    assert!(
        text.contains("  error: actors[0].part_of: \"north-korea\" → \"nis\" → \"north-korea\" goes round in a circle"),
        "{text}"
    );
}

#[test]
fn check_reports_on_every_file_and_fails_if_any_is_invalid() {
    let out = storyline(&["check", "tests/data/valid/minimal.json", "tests/data/invalid/does-not-exist.json"]);
    let text = stdout(&out);
    assert_eq!(out.status.code(), Some(1));
    assert!(text.contains("tests/data/valid/minimal.json: valid"), "{text}");
    assert!(text.contains("does-not-exist.json: invalid (1 error, 0 warnings)\n  error: cannot read the file"), "{text}");
}

#[test]
fn check_json_gives_tools_every_problem_with_its_path() {
    let dir = std::env::temp_dir().join(format!("storyline-cli-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let file = dir.join("bad.json");
    std::fs::write(
        &file,
        r#"{"storyline":1,"story":{"id":"s","title":"T","language":"en","published":"2024"},
            "events":[{"id":"a","title":"A","summary":"S","start":"2024-02-30","status":"confirmed"},
                      {"id":"b","title":"B","summary":"S","start":"2024","status":"confirmed",
                       "sources":[{"publisher":"P","title":"T","url":"javascript:alert(1)"}]}]}"#,
    )
    .unwrap();
    let out = storyline(&["check", "--json", file.to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(1));
    let report: serde_json::Value = serde_json::from_slice(&out.stdout).expect("JSON on stdout");
    assert_eq!(report[0]["valid"], false);
    let paths: Vec<&str> = report[0]["errors"].as_array().unwrap().iter().map(|e| e["path"].as_str().unwrap()).collect();
    assert_eq!(paths, ["events[0].start", "events[1].sources[0].url"]);
}

#[test]
fn check_without_files_prints_usage_and_exits_2() {
    let out = storyline(&["check"]);
    assert_eq!(out.status.code(), Some(2));
    assert!(stderr(&out).contains("usage"));
}

#[test]
fn imported_timelinejs_files_pass_check() {
    let dir = repo().join("tests/data/timelinejs");
    let out_dir = std::env::temp_dir().join(format!("storyline-import-{}", std::process::id()));
    std::fs::create_dir_all(&out_dir).unwrap();
    let mut imported = 0;
    for entry in std::fs::read_dir(&dir).unwrap() {
        let path = entry.unwrap().path();
        let out = storyline(&["import-timelinejs", path.to_str().unwrap()]);
        assert_eq!(out.status.code(), Some(0), "{}: {}", path.display(), stderr(&out));
        let converted = out_dir.join(path.file_name().unwrap());
        std::fs::write(&converted, &out.stdout).unwrap();
        let check = storyline(&["check", converted.to_str().unwrap()]);
        assert_eq!(check.status.code(), Some(0), "{}", stdout(&check));
        imported += 1;
    }
    assert!(imported >= 3);
}

#[test]
fn import_reports_what_it_could_not_carry_over_on_stderr() {
    let out = storyline(&["import-timelinejs", "tests/data/timelinejs/tricky.json"]);
    let notes = stderr(&out);
    assert!(notes.lines().any(|l| l.starts_with("note: ")), "{notes}");
    let text = stdout(&out);
    assert!(!text.contains("<script"), "markup must never pass through: {text}");
    assert!(!text.contains("javascript:"), "{text}");
}

#[test]
fn import_refuses_a_file_that_is_not_timelinejs() {
    let out = storyline(&["import-timelinejs", "tests/data/valid/minimal.json"]);
    assert_eq!(out.status.code(), Some(1));
    assert!(!stderr(&out).is_empty());
}

#[test]
fn the_checked_in_schema_is_the_one_generated_from_the_types() {
    let generated = stdout(&storyline(&["schema"]));
    let path = repo().join("schema/storyline-1.schema.json");
    if std::env::var_os("STORYLINE_BLESS").is_some() {
        std::fs::write(&path, &generated).unwrap();
    }
    let checked_in = std::fs::read_to_string(&path).unwrap_or_default();
    assert!(
        checked_in == generated,
        "schema/storyline-1.schema.json is out of date: run `STORYLINE_BLESS=1 cargo test -p storyline-cli` and commit it"
    );
}

/// Every story file in the repository: the valid, invalid, TimelineJS and published corpora and the built-in story.
fn corpus() -> Vec<PathBuf> {
    let mut files = vec![repo().join("assets/stories/north-korea-troops-russia.json")];
    for dir in ["tests/data/valid", "tests/data/invalid", "tests/data/timelinejs", "tests/data/published"] {
        for entry in std::fs::read_dir(repo().join(dir)).expect("a corpus folder") {
            let path = entry.unwrap().path();
            if path.extension().is_some_and(|e| e == "json") {
                files.push(path);
            }
        }
    }
    files.sort();
    files
}

#[test]
fn check_accepts_exactly_what_the_widget_accepts_with_or_without_a_byte_order_mark() {
    // The widget mounts a story through `storyline_core::accept` (src/mount.rs); so must check.
    let dir = scratch("bom");
    let mut valid = 0;
    for path in corpus() {
        let bytes = std::fs::read(&path).unwrap();
        let twin = dir.join(path.file_name().unwrap());
        std::fs::write(&twin, [b"\xEF\xBB\xBF".as_slice(), &bytes].concat()).unwrap();
        for (file, bytes) in [(path.clone(), bytes.clone()), (twin, [b"\xEF\xBB\xBF".as_slice(), &bytes].concat())] {
            let widget_accepts = storyline_core::accept(&bytes).is_ok();
            let out = storyline(&["check", file.to_str().unwrap()]);
            assert_eq!(out.status.code(), Some(if widget_accepts { 0 } else { 1 }), "{}: {}", file.display(), stdout(&out));
            valid += usize::from(widget_accepts);
        }
    }
    // The built-in story, the minimal one, three TimelineJS files and the published story, each twice.
    assert!(valid >= 12, "only {valid} files were accepted: the corpus is not what this test expects");
}

/// A folder with stand-ins for the widget's files: publishing only reads, hashes and copies them.
fn widget_stand_in() -> PathBuf {
    let dir = scratch("widget");
    for file in storyline::publish::FILES {
        std::fs::write(dir.join(file), format!("/* {file} */")).unwrap();
    }
    dir
}

#[test]
fn publish_writes_the_page_and_copies_the_widget_files_beside_it() {
    let widget = widget_stand_in();
    let out = scratch("site").join("suez");
    let run = storyline(&["publish", "tests/data/published/ever-given-suez.json", "--out", out.to_str().unwrap(), "--widget", widget.to_str().unwrap()]);
    assert_eq!(run.status.code(), Some(0), "{}", stderr(&run));
    let page = std::fs::read_to_string(out.join("index.html")).unwrap();
    assert!(page.contains("<title>The Ever Given: six days that blocked the Suez Canal</title>"), "{page}");
    assert!(page.contains("class=\"sl-card-title\""), "the story is not prerendered");
    for file in storyline::publish::FILES {
        assert_eq!(std::fs::read(out.join(file)).unwrap(), std::fs::read(widget.join(file)).unwrap(), "{file} was not copied");
    }
    let integrity = std::fs::read_to_string(out.join("integrity.txt")).unwrap();
    let css_line = integrity.lines().find(|l| l.ends_with("  storyline.css")).expect("the stylesheet's hash");
    let css_hash = css_line.split_whitespace().next().unwrap();
    assert!(page.contains(&format!("href=\"storyline.css\" integrity=\"{css_hash}\"")), "the page's hash differs from integrity.txt");
}

#[test]
fn publish_with_assets_references_the_hosted_files_and_copies_nothing() {
    let widget = widget_stand_in();
    let out = scratch("cdn");
    let run = storyline(&["publish", "tests/data/published/ever-given-suez.json", "--out", out.to_str().unwrap(), "--widget", widget.to_str().unwrap(), "--assets", "https://cdn.example/storyline/0.1.0"]);
    assert_eq!(run.status.code(), Some(0), "{}", stderr(&run));
    let page = std::fs::read_to_string(out.join("index.html")).unwrap();
    assert!(page.contains("src=\"https://cdn.example/storyline/0.1.0/storyline.js\""), "{page}");
    assert!(!out.join("storyline.js").exists(), "the widget files were copied although they are hosted elsewhere");
}

#[test]
fn publish_element_prints_a_story_line_with_a_declarative_shadow_root() {
    let widget = widget_stand_in();
    let run = storyline(&["publish", "tests/data/published/ever-given-suez.json", "--element", "--widget", widget.to_str().unwrap(), "--assets", "https://cdn.example/sl/"]);
    assert_eq!(run.status.code(), Some(0), "{}", stderr(&run));
    let snippet = stdout(&run);
    assert!(snippet.starts_with("<story-line id=\"ever-given-suez\">\n  <template shadowrootmode=\"open\">"), "{snippet}");
    assert!(snippet.contains("<script type=\"application/json\">{\"storyline\":1,"), "{snippet}");
    assert!(snippet.contains("<script type=\"module\" src=\"https://cdn.example/sl/storyline.js\""), "{snippet}");
}

#[test]
fn publish_refuses_a_story_with_mistakes_naming_each_path() {
    let widget = widget_stand_in();
    let out = scratch("refused");
    let run = storyline(&["publish", "tests/data/invalid/10-impossible-published-date.json", "--out", out.to_str().unwrap(), "--widget", widget.to_str().unwrap()]);
    let stderr = stderr(&run);
    assert_eq!(run.status.code(), Some(1), "{stderr}");
    assert!(stderr.contains("not published") && stderr.contains("error: story.published: "), "{stderr}");
    assert!(!out.join("index.html").exists(), "a page was written for a story with mistakes");
}

#[test]
fn publish_without_the_widget_files_says_where_it_looked() {
    let empty = scratch("no-widget");
    let run = storyline(&["publish", "tests/data/published/ever-given-suez.json", "--element", "--widget", empty.to_str().unwrap()]);
    let stderr = stderr(&run);
    assert_eq!(run.status.code(), Some(1), "{stderr}");
    assert!(stderr.contains("--widget DIR") && stderr.contains(empty.to_str().unwrap()), "{stderr}");
}
