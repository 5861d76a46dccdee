//! The spreadsheet template as a newsroom uses it: `storyline export-csv` writes a story's sheets,
//! `storyline import-csv` reads them back, and every slip is named by sheet, row and column.

mod common;

use common::{repo, scratch, stderr, stdout, storyline};
use std::path::{Path, PathBuf};
use storyline_core::sheets::csv_read::read_csv;
use storyline_core::sheets::csv_write::write_csv;
use storyline_core::sheets::Sheet;

const BUILT_IN: &str = "assets/stories/north-korea-troops-russia.json";

fn path(p: &Path) -> &str {
    p.to_str().unwrap()
}

/// The template's sheets, copied where a test may change them.
fn template_copy(name: &str) -> PathBuf {
    let dir = scratch(name);
    for sheet in Sheet::ALL {
        std::fs::copy(repo().join("docs/template").join(sheet.file_name()), dir.join(sheet.file_name())).unwrap();
    }
    dir
}

/// Sets one cell of a sheet, by the row the spreadsheet shows and the column's header.
fn set_cell(dir: &Path, sheet: &str, row: usize, column: &str, value: &str) {
    let file = dir.join(format!("{sheet}.csv"));
    let mut rows = read_csv(&std::fs::read_to_string(&file).unwrap()).unwrap();
    let at = rows[0].iter().position(|h| h == column).unwrap_or_else(|| panic!("no column {column} in {sheet}"));
    rows[row - 1][at] = value.to_string();
    std::fs::write(&file, write_csv(&rows)).unwrap();
}

fn cell(dir: &Path, sheet: &str, row: usize, column: &str) -> String {
    let rows = read_csv(&std::fs::read_to_string(dir.join(format!("{sheet}.csv"))).unwrap()).unwrap();
    let at = rows[0].iter().position(|h| h == column).unwrap();
    rows[row - 1][at].clone()
}

#[test]
fn the_template_is_the_built_in_story_as_export_csv_writes_it() {
    let out = scratch("template");
    let run = storyline(&["export-csv", BUILT_IN, "--out", path(&out)]);
    assert_eq!(run.status.code(), Some(0), "{}", stderr(&run));
    assert!(!stderr(&run).contains("note:"), "the built-in story loses nothing in the sheets: {}", stderr(&run));
    let template = repo().join("docs/template");
    for sheet in Sheet::ALL {
        let written = std::fs::read(out.join(sheet.file_name())).unwrap();
        if std::env::var_os("STORYLINE_BLESS").is_some() {
            std::fs::create_dir_all(&template).unwrap();
            std::fs::write(template.join(sheet.file_name()), &written).unwrap();
        }
        let committed = std::fs::read(template.join(sheet.file_name())).unwrap_or_default();
        assert!(
            committed == written,
            "docs/template/{} is out of date: run `STORYLINE_BLESS=1 cargo test -p storyline-cli --test sheets` and commit it",
            sheet.file_name()
        );
    }
}

#[test]
fn the_template_reads_into_the_built_in_story_byte_for_byte_and_back_into_the_same_sheets() {
    let dir = scratch("round-trip");
    let story = dir.join("story.json");
    let run = storyline(&["import-csv", "docs/template", "--out", path(&story)]);
    assert_eq!(run.status.code(), Some(0), "{}", stderr(&run));
    assert_eq!(stderr(&run), format!("docs/template: imported (31 events, 22 actors, 17 relations, 3 eras; 0 warnings), written to {}\n", path(&story)));
    assert_eq!(std::fs::read_to_string(&story).unwrap(), std::fs::read_to_string(repo().join(BUILT_IN)).unwrap());
    // CSV → JSON → CSV: the sheets written from the imported story are the template, unchanged.
    let again = dir.join("sheets");
    assert_eq!(storyline(&["export-csv", path(&story), "--out", path(&again)]).status.code(), Some(0));
    for sheet in Sheet::ALL {
        assert_eq!(std::fs::read(again.join(sheet.file_name())).unwrap(), std::fs::read(repo().join("docs/template").join(sheet.file_name())).unwrap(), "{sheet}");
    }
}

/// Every story in the repository that `check` accepts, Storyline or TimelineJS.
fn valid_stories() -> Vec<PathBuf> {
    let mut files = vec![repo().join(BUILT_IN)];
    for dir in ["tests/data/valid", "tests/data/timelinejs", "tests/data/published"] {
        for entry in std::fs::read_dir(repo().join(dir)).unwrap() {
            let path = entry.unwrap().path();
            if path.extension().is_some_and(|e| e == "json") && storyline_core::accept(&std::fs::read(&path).unwrap()).is_ok() {
                files.push(path);
            }
        }
    }
    files.sort();
    files
}

#[test]
fn every_valid_story_goes_to_sheets_and_back_to_an_equal_dataset() {
    let stories = valid_stories();
    assert!(stories.len() >= 6, "{stories:?}");
    for file in stories {
        let (loaded, _) = storyline_core::accept(&std::fs::read(&file).unwrap()).unwrap();
        let dir = scratch(&format!("each-{}", file.file_stem().unwrap().to_str().unwrap()));
        let run = storyline(&["export-csv", path(&file), "--out", path(&dir)]);
        assert_eq!(run.status.code(), Some(0), "{}: {}", file.display(), stderr(&run));
        let back = storyline(&["import-csv", path(&dir)]);
        assert_eq!(back.status.code(), Some(0), "{}: {}", file.display(), stderr(&back));
        let dataset: storyline_core::Dataset = serde_json::from_str(&stdout(&back)).unwrap();
        assert_eq!(dataset, loaded.dataset, "{}", file.display());
    }
}

#[test]
fn three_typical_slips_are_each_named_by_sheet_row_and_column() {
    let dir = template_copy("slips");
    set_cell(&dir, "events", 7, "date", "31 Feb 2024");
    set_cell(&dir, "events", 4, "status", "rumoured");
    let actors = cell(&dir, "events", 9, "actors");
    set_cell(&dir, "events", 9, "actors", &actors.replace("nis (", "nsi ("));
    let story = dir.join("story.json");
    let run = storyline(&["import-csv", path(&dir), "--out", path(&story)]);
    assert_eq!(run.status.code(), Some(1));
    assert_eq!(
        stderr(&run),
        format!(
            "{}: not imported (3 errors, 0 warnings)
  error: events row 4, column status: \"rumoured\" is not a status: write confirmed, reported, claimed, denied, disputed or not stated
  error: events row 7, column date: \"31 Feb 2024\" is not a date: February 2024 has 29 days
  error: events row 9, column actors: \"nsi\" is not the id of any actor in the actors sheet
",
            path(&dir)
        )
    );
    assert!(!story.exists(), "a story with mistakes was written");
}

#[test]
fn a_missing_column_and_an_empty_cell_are_named_too() {
    let dir = template_copy("columns");
    let file = dir.join("eras.csv");
    let mut rows = read_csv(&std::fs::read_to_string(&file).unwrap()).unwrap();
    for row in &mut rows {
        row.truncate(3);
    }
    std::fs::write(&file, write_csv(&rows)).unwrap();
    set_cell(&dir, "actors", 3, "name", "");
    let run = storyline(&["import-csv", path(&dir)]);
    let text = stderr(&run);
    assert_eq!(run.status.code(), Some(1), "{text}");
    assert!(text.contains("\n  error: actors row 3, column name: must not be empty\n"), "{text}");
    assert!(text.contains("\n  error: eras, column end date: is missing: the eras sheet needs the columns id, title, start date and end date"), "{text}");
    assert!(run.stdout.is_empty());
}

#[test]
fn google_sheets_downloads_are_found_by_name_and_other_files_left_out() {
    let dir = scratch("downloads");
    for sheet in Sheet::ALL {
        std::fs::copy(repo().join("docs/template").join(sheet.file_name()), dir.join(format!("North Korea troops - {}", sheet.file_name()))).unwrap();
    }
    std::fs::write(dir.join("notes.csv"), "a,b\n").unwrap();
    let run = storyline(&["import-csv", path(&dir)]);
    assert_eq!(run.status.code(), Some(0), "{}", stderr(&run));
    assert!(stderr(&run).starts_with(&format!("note: {} is left out: its name is no sheet of the template\n", path(&dir.join("notes.csv")))), "{}", stderr(&run));
    let dataset: storyline_core::Dataset = serde_json::from_str(&stdout(&run)).unwrap();
    assert_eq!(dataset.events.len(), 31);
}

#[test]
fn files_named_one_by_one_are_read_and_a_file_that_is_no_sheet_is_refused() {
    let template = repo().join("docs/template");
    let mut args: Vec<String> = vec!["import-csv".into()];
    args.extend(Sheet::ALL.iter().map(|s| path(&template.join(s.file_name())).to_string()));
    let named: Vec<&str> = args.iter().map(String::as_str).collect();
    assert_eq!(storyline(&named).status.code(), Some(0));
    let notes = scratch("notes").join("notes.csv");
    std::fs::write(&notes, "a,b\n").unwrap();
    let mut with_notes = named.clone();
    with_notes.push(path(&notes));
    let run = storyline(&with_notes);
    assert_eq!(run.status.code(), Some(1));
    assert!(stderr(&run).contains("  error: \"notes.csv\" is not a sheet of the template"), "{}", stderr(&run));
}

#[test]
fn export_csv_refuses_a_story_with_mistakes_naming_each_path() {
    let out = scratch("export-refused");
    let run = storyline(&["export-csv", "tests/data/invalid/10-impossible-published-date.json", "--out", path(&out.join("sheets"))]);
    assert_eq!(run.status.code(), Some(1));
    assert!(stderr(&run).contains("not exported") && stderr(&run).contains("  error: story.published: "), "{}", stderr(&run));
    assert!(!out.join("sheets").exists());
}

#[test]
fn wrong_arguments_print_the_usage_and_help_names_both_commands() {
    for args in [&["import-csv"][..], &["import-csv", "docs/template", "--out"], &["export-csv", BUILT_IN], &["export-csv", BUILT_IN, "--into", "x"]] {
        let run = storyline(args);
        assert_eq!(run.status.code(), Some(2), "{args:?}");
        assert!(stderr(&run).contains("usage"), "{args:?}");
    }
    let help = String::from_utf8(storyline(&["--help"]).stdout).unwrap();
    assert!(help.contains("storyline import-csv DIR_OR_FILE... [--out FILE]") && help.contains("storyline export-csv FILE --out DIR"), "{help}");
}
