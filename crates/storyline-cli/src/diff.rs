//! `storyline diff OLD NEW`: which events a new version of a story added, removed or changed,
//! and how; with `--write-update "summary"`, the update entry that says so appended to NEW.
//! A thin shell over core's `story_diff`, which holds every rule.

use crate::{accept_file, describe, plural, usage};
use std::process::ExitCode;
use std::time::{SystemTime, UNIX_EPOCH};
use storyline_core::date::civil_from_days;
use storyline_core::story_diff::diff as compare;
use storyline_core::{validate, PartialDate};

struct Args {
    old: String,
    new: String,
    summary: Option<String>,
    at: Option<String>,
}

fn parse(args: &[String]) -> Option<Args> {
    let mut files = Vec::new();
    let (mut summary, mut at) = (None, None);
    let mut args = args.iter();
    while let Some(arg) = args.next() {
        match arg.as_str() {
            "--write-update" if summary.is_none() => summary = Some(args.next()?.clone()),
            "--at" if at.is_none() => at = Some(args.next()?.clone()),
            flag if flag.starts_with("--") => return None,
            file => files.push(file.to_string()),
        }
    }
    let [old, new] = <[String; 2]>::try_from(files).ok()?;
    // A time for an update that is not written would be a mistake the editor never hears of.
    (summary.is_some() || at.is_none()).then_some(Args { old, new, summary, at })
}

pub fn diff(args: &[String]) -> ExitCode {
    let Some(args) = parse(args) else { return usage() };
    let (old, new) = match (accept_file(&args.old), accept_file(&args.new)) {
        (Ok(old), Ok(new)) => (old.dataset, new.dataset),
        (old, new) => {
            for (file, result) in [(&args.old, old), (&args.new, new)] {
                if let Err(report) = result {
                    eprintln!("{file}: invalid ({})", plural(report.errors.len(), "error"));
                    for e in &report.errors {
                        eprintln!("  error: {}", describe(e));
                    }
                }
            }
            return ExitCode::FAILURE;
        }
    };
    let found = compare(&old, &new);
    say!(
        "{} → {}: {} added, {} removed, {} changed",
        args.old,
        args.new,
        plural(found.added.len(), "event"),
        found.removed.len(),
        found.changed.len()
    );
    for (id, title) in &found.added {
        say!("  added: {id} \"{title}\"");
    }
    for (id, title) in &found.removed {
        say!("  removed: {id} \"{title}\"");
    }
    for changed in &found.changed {
        say!("  changed: {} \"{}\"", changed.id, changed.title);
        for field in &changed.fields {
            say!("    {field}");
        }
    }
    for problem in &found.problems {
        say!("  problem: {}", describe(problem));
    }
    let Some(summary) = &args.summary else {
        return if found.problems.is_empty() { ExitCode::SUCCESS } else { ExitCode::FAILURE };
    };
    if !found.problems.is_empty() {
        eprintln!("{}: no update written: fix the {} above first", args.new, plural(found.problems.len(), "problem"));
        return ExitCode::FAILURE;
    }
    if found.added.is_empty() && found.changed.is_empty() {
        eprintln!("{}: no update written: no event was added or changed", args.new);
        return ExitCode::FAILURE;
    }
    let at = match args.at.as_deref().map(PartialDate::parse).transpose() {
        Ok(at) => at.unwrap_or_else(now),
        Err(e) => {
            eprintln!("error: --at: {e}");
            return ExitCode::FAILURE;
        }
    };
    let mut updated = new;
    updated.updates.push(found.update(at, summary));
    let report = validate(&updated);
    if !report.is_ok() {
        eprintln!("{}: no update written: the story would be invalid", args.new);
        for e in &report.errors {
            eprintln!("  error: {}", describe(e));
        }
        return ExitCode::FAILURE;
    }
    let json = serde_json::to_string_pretty(&updated).expect("datasets serialize") + "\n";
    if let Err(e) = std::fs::write(&args.new, json) {
        eprintln!("error: {}: cannot write the story: {e}", args.new);
        return ExitCode::FAILURE;
    }
    eprintln!("{}: update {} appended ({} added, {} changed)", args.new, at, found.added.len(), found.changed.len());
    if !found.removed.is_empty() {
        eprintln!("note: an update lists the events it adds and changes; say in its note why {} went", plural(found.removed.len(), "event"));
    }
    ExitCode::SUCCESS
}

/// The present minute in UTC, as an update's time is written: "2024-10-28T14:05Z".
fn now() -> PartialDate {
    let seconds = SystemTime::now().duration_since(UNIX_EPOCH).map_or(0, |d| d.as_secs() as i64);
    let (year, month, day) = civil_from_days(seconds.div_euclid(86_400));
    let minute = seconds.rem_euclid(86_400) / 60;
    PartialDate::parse(&format!("{year:04}-{month:02}-{day:02}T{:02}:{:02}Z", minute / 60, minute % 60)).expect("a time written as the format writes it")
}
