//! The malformed datasets in `tests/data/invalid` fail with exactly the error paths their `.expect` files list.

use std::fs;
use std::path::{Path, PathBuf};
use storyline_core::{load, Report};

/// How an `.expect` file writes the empty path, the file as a whole.
const ROOT: &str = "<root>";

fn data_dir(kind: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../../tests/data").join(kind)
}

/// The files in `dir` ending in `.ext`, sorted so that failures are listed in case order.
fn files_with_extension(dir: &Path, ext: &str) -> Vec<PathBuf> {
    let entries = fs::read_dir(dir).unwrap_or_else(|e| panic!("cannot read {}: {e}", dir.display()));
    let mut files: Vec<PathBuf> = entries
        .map(|entry| entry.expect("a directory entry").path())
        .filter(|path| path.extension().is_some_and(|e| e == ext))
        .collect();
    files.sort();
    files
}

fn name(path: &Path) -> String {
    path.file_name().expect("a file name").to_string_lossy().into_owned()
}

fn read(path: &Path) -> String {
    fs::read_to_string(path).unwrap_or_else(|e| panic!("cannot read {}: {e}", path.display()))
}

/// One malformed dataset and the error paths it must produce, in order.
struct Case {
    name: String,
    json: String,
    expected: Vec<String>,
}

fn cases() -> Vec<Case> {
    files_with_extension(&data_dir("invalid"), "json")
        .into_iter()
        .map(|path| {
            let expect_path = path.with_extension("expect");
            assert!(expect_path.is_file(), "{} has no {}", name(&path), name(&expect_path));
            let expected = read(&expect_path)
                .lines()
                .map(|line| {
                    assert!(!line.trim().is_empty(), "{}: a blank line; write {ROOT} for the empty path", name(&expect_path));
                    if line == ROOT { String::new() } else { line.to_string() }
                })
                .collect();
            Case { name: name(&path), json: read(&path), expected }
        })
        .collect()
}

/// The report of a case that must fail; a case that loads is a test failure of its own.
fn refusal(case: &Case) -> Option<Report> {
    load(&case.json).err()
}

fn describe(report: &Report) -> String {
    report.errors.iter().map(|p| format!("  {:?}: {}", p.path, p.message)).collect::<Vec<_>>().join("\n")
}

#[test]
fn the_invalid_corpus_has_at_least_thirty_cases() {
    let n = cases().len();
    assert!(n >= 30, "only {n} cases in tests/data/invalid");
}

#[test]
fn every_expect_file_belongs_to_a_case() {
    for expect in files_with_extension(&data_dir("invalid"), "expect") {
        assert!(expect.with_extension("json").is_file(), "{} has no .json beside it", name(&expect));
    }
}

#[test]
fn every_invalid_dataset_is_refused() {
    let loaded: Vec<String> = cases().into_iter().filter(|case| refusal(case).is_none()).map(|case| case.name).collect();
    assert!(loaded.is_empty(), "these loaded without errors: {loaded:?}");
}

#[test]
fn every_refusal_names_exactly_the_expected_paths_in_order() {
    let mut mismatches = Vec::new();
    for case in cases() {
        let Some(report) = refusal(&case) else { continue };
        let paths: Vec<&str> = report.errors.iter().map(|p| p.path.as_str()).collect();
        if paths != case.expected {
            mismatches.push(format!("{}: expected {:?}, got:\n{}", case.name, case.expected, describe(&report)));
        }
    }
    assert!(mismatches.is_empty(), "{}", mismatches.join("\n"));
}

#[test]
fn every_error_message_says_something() {
    for case in cases() {
        let Some(report) = refusal(&case) else { continue };
        for problem in &report.errors {
            assert!(!problem.message.trim().is_empty(), "{}: an empty message at {:?}", case.name, problem.path);
        }
    }
}

#[test]
fn every_valid_dataset_loads_without_errors() {
    let files = files_with_extension(&data_dir("valid"), "json");
    assert!(!files.is_empty(), "no files in tests/data/valid");
    for path in files {
        if let Err(report) = load(&read(&path)) {
            panic!("{} has errors:\n{}", name(&path), describe(&report));
        }
    }
}
