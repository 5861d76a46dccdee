//! `storyline`: the command-line tool for editors and newsrooms. A thin shell over
//! `storyline-core` (checks, imports, the spreadsheet template, the differences between two
//! versions of a story) and the widget's native
//! rendering (`publish`).

use serde_json::json;
use std::process::ExitCode;
use storyline_core::{timelinejs, validate, Problem, Report};

const USAGE: &str = "usage:
  storyline check [--json] FILE...      validate stories (Storyline or TimelineJS3 JSON); exit 0 when all are valid
  storyline publish FILE --out DIR      write DIR/index.html, the story prerendered for an iframe or a link,
                                        and copy the widget's files beside it
  storyline publish FILE --element      print a <story-line> element, the story prerendered, for an article's HTML
      [--assets URL]                    load the widget's files from URL instead of beside the page
      [--widget DIR]                    where the widget's files are (default: widget/ beside this program)
  storyline import-csv DIR_OR_FILE... [--out FILE]
                                        read the spreadsheet template's sheets, saved as CSV (events.csv,
                                        actors.csv, ... or a folder of them), into Storyline JSON (on stdout
                                        without --out); every problem names its sheet, row and column
  storyline export-csv FILE --out DIR   write a story (Storyline or TimelineJS3 JSON) as the template's sheets
  storyline diff OLD NEW                list the events NEW adds, removes and changes (and how) against OLD
      [--write-update SUMMARY]          and append that update to NEW, with SUMMARY as its line in the log
      [--at DATE]                       the update's time (default: now, in UTC)
  storyline import-timelinejs FILE      convert a TimelineJS3 JSON file to Storyline JSON on stdout
  storyline schema                      print the JSON Schema of the dataset format";

/// Prints a line to stdout. A reader that closed the pipe (`storyline check … | head`) ends
/// the program quietly, as other command-line tools do, instead of a panic.
macro_rules! say {
    ($($arg:tt)*) => {{
        use std::io::Write;
        if writeln!(std::io::stdout().lock(), $($arg)*).is_err() {
            std::process::exit(141);
        }
    }};
}

mod diff;
mod publish;
mod sheets;

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    match args.first().map(String::as_str) {
        Some("check") => check(&args[1..]),
        Some("publish") => publish::publish(&args[1..]),
        Some("import-csv") => sheets::import_csv(&args[1..]),
        Some("export-csv") => sheets::export_csv(&args[1..]),
        Some("diff") => diff::diff(&args[1..]),
        Some("import-timelinejs") => import_timelinejs(&args[1..]),
        Some("schema") if args.len() == 1 => {
            say!("{}", pretty(&storyline_core::schema::generate()));
            ExitCode::SUCCESS
        }
        Some("-h" | "--help" | "help") => {
            say!("{USAGE}");
            ExitCode::SUCCESS
        }
        _ => usage(),
    }
}

pub(crate) fn usage() -> ExitCode {
    eprintln!("{USAGE}");
    ExitCode::from(2)
}

fn pretty(value: &serde_json::Value) -> String {
    serde_json::to_string_pretty(value).expect("JSON values serialize")
}

/// Reads a story and applies the one rule the widget applies too (`storyline_core::accept`).
/// An unreadable file is reported like any other error.
pub(crate) fn accept_file(path: &str) -> Result<storyline_core::Loaded, Report> {
    match std::fs::read(path) {
        Ok(bytes) => storyline_core::accept(&bytes).map(|(loaded, _)| loaded),
        Err(e) => Err(Report { errors: vec![Problem { path: String::new(), message: format!("cannot read the file: {e}") }], warnings: Vec::new() }),
    }
}

fn check_file(path: &str) -> Report {
    match accept_file(path) {
        Ok(loaded) => Report { errors: Vec::new(), warnings: loaded.warnings },
        Err(report) => report,
    }
}

pub(crate) fn plural(n: usize, word: &str) -> String {
    format!("{n} {word}{}", if n == 1 { "" } else { "s" })
}

fn check(args: &[String]) -> ExitCode {
    let as_json = args.iter().any(|a| a == "--json");
    let files: Vec<&String> = args.iter().filter(|a| *a != "--json").collect();
    if files.is_empty() || files.iter().any(|f| f.starts_with("--")) {
        return usage();
    }
    let reports: Vec<(&String, Report)> = files.iter().map(|f| (*f, check_file(f))).collect();
    let all_valid = reports.iter().all(|(_, r)| r.is_ok());
    if as_json {
        let problems = |list: &[Problem]| list.iter().map(|p| json!({"path": p.path, "message": p.message})).collect::<Vec<_>>();
        let out: Vec<_> = reports
            .iter()
            .map(|(file, r)| json!({"file": file, "valid": r.is_ok(), "errors": problems(&r.errors), "warnings": problems(&r.warnings)}))
            .collect();
        say!("{}", pretty(&json!(out)));
    } else {
        for (file, r) in &reports {
            let verdict = if r.is_ok() { "valid" } else { "invalid" };
            say!("{file}: {verdict} ({}, {})", plural(r.errors.len(), "error"), plural(r.warnings.len(), "warning"));
            for e in &r.errors {
                say!("  error: {}", describe(e));
            }
            for w in &r.warnings {
                say!("  warning: {}", describe(w));
            }
        }
    }
    if all_valid { ExitCode::SUCCESS } else { ExitCode::FAILURE }
}

/// `path: message`, or the message alone for the file as a whole.
pub(crate) fn describe(p: &Problem) -> String {
    if p.path.is_empty() { p.message.clone() } else { p.to_string() }
}

fn import_timelinejs(args: &[String]) -> ExitCode {
    let [file] = args else { return usage() };
    let text = match std::fs::read_to_string(file) {
        Ok(text) => text,
        Err(e) => {
            eprintln!("{file}: cannot read the file: {e}");
            return ExitCode::FAILURE;
        }
    };
    let imported = match timelinejs::import(&text) {
        Ok(imported) => imported,
        Err(e) => {
            eprintln!("{file}: {e}");
            return ExitCode::FAILURE;
        }
    };
    for note in &imported.notes {
        eprintln!("note: {note}");
    }
    // The importer only builds what validation accepts; say so loudly if that ever breaks.
    let report = validate(&imported.dataset);
    if !report.is_ok() {
        for e in &report.errors {
            eprintln!("error: {e}");
        }
        return ExitCode::FAILURE;
    }
    say!("{}", serde_json::to_string_pretty(&imported.dataset).expect("datasets serialize"));
    ExitCode::SUCCESS
}
