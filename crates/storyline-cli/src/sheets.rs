//! `storyline import-csv` and `storyline export-csv`: the spreadsheet template's CSV files to a
//! story and back. A thin shell over core's `sheets` (which the widget is built without): this
//! finds the files, prints every problem by sheet, row and column, and writes the results.

use crate::{accept_file, describe, plural, usage};
use std::path::{Path, PathBuf};
use std::process::ExitCode;
use storyline_core::sheets::{export_sheets, import_sheets, Sheet};

/// The files named, and each folder's CSV files that are sheets of the template. Other files
/// in a folder are left out with a note; a file named on its own is for core to judge.
fn sheet_files(paths: &[String]) -> Result<Vec<PathBuf>, String> {
    let mut files = Vec::new();
    for path in paths.iter().map(Path::new) {
        if !path.is_dir() {
            files.push(path.to_path_buf());
            continue;
        }
        let entries = std::fs::read_dir(path).map_err(|e| format!("{}: cannot read the folder: {e}", path.display()))?;
        let mut found: Vec<PathBuf> = entries.filter_map(|e| Some(e.ok()?.path())).filter(|p| p.is_file()).collect();
        found.sort();
        for file in found {
            let name = file.file_name().and_then(|n| n.to_str()).unwrap_or_default();
            if Sheet::of_file(name).is_some() {
                files.push(file);
            } else if name.to_ascii_lowercase().ends_with(".csv") {
                eprintln!("note: {} is left out: its name is no sheet of the template", file.display());
            }
        }
    }
    Ok(files)
}

fn parse_import(args: &[String]) -> Option<(Vec<String>, Option<String>)> {
    let (mut inputs, mut out) = (Vec::new(), None);
    let mut args = args.iter();
    while let Some(arg) = args.next() {
        match arg.as_str() {
            "--out" if out.is_none() => out = Some(args.next()?.clone()),
            flag if flag.starts_with("--") => return None,
            input => inputs.push(input.to_string()),
        }
    }
    (!inputs.is_empty()).then_some((inputs, out))
}

pub fn import_csv(args: &[String]) -> ExitCode {
    let Some((inputs, out)) = parse_import(args) else { return usage() };
    let label = if inputs.len() == 1 { inputs[0].clone() } else { "the sheets".to_string() };
    let read = sheet_files(&inputs).and_then(|files| {
        files
            .iter()
            .map(|f| {
                let name = f.file_name().and_then(|n| n.to_str()).unwrap_or_default().to_string();
                std::fs::read(f).map(|bytes| (name, bytes)).map_err(|e| format!("{}: cannot read the file: {e}", f.display()))
            })
            .collect::<Result<Vec<_>, _>>()
    });
    let files = match read {
        Ok(files) => files,
        Err(e) => {
            eprintln!("error: {e}");
            return ExitCode::FAILURE;
        }
    };
    let borrowed: Vec<(&str, &[u8])> = files.iter().map(|(n, b)| (n.as_str(), b.as_slice())).collect();
    let imported = match import_sheets(&borrowed) {
        Ok(imported) => imported,
        Err(report) => {
            eprintln!("{label}: not imported ({}, {})", plural(report.errors.len(), "error"), plural(report.warnings.len(), "warning"));
            for e in &report.errors {
                eprintln!("  error: {e}");
            }
            for w in &report.warnings {
                eprintln!("  warning: {w}");
            }
            return ExitCode::FAILURE;
        }
    };
    let d = &imported.dataset;
    let json = serde_json::to_string_pretty(d).expect("datasets serialize") + "\n";
    let written = match &out {
        Some(path) => match std::fs::write(path, &json) {
            Ok(()) => format!(", written to {path}"),
            Err(e) => {
                eprintln!("error: {path}: cannot write the story: {e}");
                return ExitCode::FAILURE;
            }
        },
        None => {
            say!("{}", json.trim_end());
            String::new()
        }
    };
    let counts = [(d.events.len(), "event"), (d.actors.len(), "actor"), (d.relations.len(), "relation"), (d.eras.len(), "era")];
    let counts: Vec<String> = counts.iter().map(|(n, what)| plural(*n, what)).collect();
    eprintln!("{label}: imported ({}; {}){written}", counts.join(", "), plural(imported.warnings.len(), "warning"));
    for w in &imported.warnings {
        eprintln!("  warning: {w}");
    }
    ExitCode::SUCCESS
}

pub fn export_csv(args: &[String]) -> ExitCode {
    let [story, flag, dir] = args else { return usage() };
    if flag != "--out" {
        return usage();
    }
    let loaded = match accept_file(story) {
        Ok(loaded) => loaded,
        Err(report) => {
            eprintln!("{story}: not exported: {}", plural(report.errors.len(), "error"));
            for e in &report.errors {
                eprintln!("  error: {}", describe(e));
            }
            return ExitCode::FAILURE;
        }
    };
    let exported = export_sheets(&loaded.dataset);
    let dir = Path::new(dir);
    let written = std::fs::create_dir_all(dir).and_then(|()| exported.sheets.iter().try_for_each(|(sheet, text)| std::fs::write(dir.join(sheet.file_name()), text)));
    if let Err(e) = written {
        eprintln!("error: {}: cannot write the sheets: {e}", dir.display());
        return ExitCode::FAILURE;
    }
    for note in &exported.notes {
        eprintln!("note: {note}");
    }
    let names: Vec<String> = exported.sheets.iter().map(|(sheet, _)| sheet.file_name()).collect();
    eprintln!("{story}: exported to {}: {}", dir.display(), names.join(", "));
    ExitCode::SUCCESS
}
