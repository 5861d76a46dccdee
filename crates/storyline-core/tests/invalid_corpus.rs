//! The message catalogue, table-driven: the malformed datasets in `tests/data/invalid` fail with
//! exactly the errors their `.expect` files list, and those in `tests/data/warned` load with
//! exactly the warnings theirs list. An `.expect` line is `path => words the message contains`.

use std::fs;
use std::path::{Path, PathBuf};
use storyline_core::{load, Problem, Report};

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

/// One problem a case must produce: where, and words its message must contain.
#[derive(Debug)]
struct Expected {
    path: String,
    says: String,
}

/// One dataset and the problems it must produce, in order.
struct Case {
    name: String,
    json: String,
    expected: Vec<Expected>,
}

fn cases_in(kind: &str) -> Vec<Case> {
    files_with_extension(&data_dir(kind), "json")
        .into_iter()
        .map(|path| {
            let expect_path = path.with_extension("expect");
            assert!(expect_path.is_file(), "{} has no {}", name(&path), name(&expect_path));
            let expected = read(&expect_path)
                .lines()
                .map(|line| {
                    let (path, says) = line
                        .split_once(" => ")
                        .unwrap_or_else(|| panic!("{}: {line:?} is not `path => words of the message`; write {ROOT} for the empty path", name(&expect_path)));
                    let path = if path == ROOT { String::new() } else { path.to_string() };
                    Expected { path, says: says.to_string() }
                })
                .collect();
            Case { name: name(&path), json: read(&path), expected }
        })
        .collect()
}

fn cases() -> Vec<Case> {
    cases_in("invalid")
}

/// Where `problems` differ from what `case` expects, if they do.
fn mismatch(case: &Case, problems: &[Problem]) -> Option<String> {
    let agree = problems.len() == case.expected.len()
        && problems.iter().zip(&case.expected).all(|(p, e)| p.path == e.path && p.message.contains(&e.says));
    let described = problems.iter().map(|p| format!("  {:?}: {}", p.path, p.message)).collect::<Vec<_>>().join("\n");
    (!agree).then(|| format!("{}: expected {:?}, got:\n{described}", case.name, case.expected))
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
    for kind in ["invalid", "warned"] {
        for expect in files_with_extension(&data_dir(kind), "expect") {
            assert!(expect.with_extension("json").is_file(), "{} has no .json beside it", name(&expect));
        }
    }
}

#[test]
fn every_invalid_dataset_is_refused() {
    let loaded: Vec<String> = cases().into_iter().filter(|case| refusal(case).is_none()).map(|case| case.name).collect();
    assert!(loaded.is_empty(), "these loaded without errors: {loaded:?}");
}

#[test]
fn every_refusal_names_exactly_the_expected_paths_in_order_with_the_expected_messages() {
    let mismatches: Vec<String> = cases().iter().filter_map(|case| mismatch(case, &refusal(case)?.errors)).collect();
    assert!(mismatches.is_empty(), "{}", mismatches.join("\n"));
}

#[test]
fn every_warned_dataset_loads_with_exactly_the_expected_warnings() {
    let cases = cases_in("warned");
    assert!(!cases.is_empty(), "no files in tests/data/warned");
    let mismatches: Vec<String> = cases
        .iter()
        .filter_map(|case| match load(&case.json) {
            Ok(loaded) => mismatch(case, &loaded.warnings),
            Err(report) => Some(format!("{} was refused:\n{}", case.name, describe(&report))),
        })
        .collect();
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
