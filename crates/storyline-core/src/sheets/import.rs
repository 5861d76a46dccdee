//! The sheets to a story: each file found by its name, each row read by the columns' table, the
//! story checked by `accept` (the rule of `storyline check` and the widget), and every problem
//! named by sheet, row and column.
//!
//! Like `check`, it reports everything at once. A row with a cell that cannot be read (a date
//! that is no date, a status not in the list) gives one message per such cell and is left out
//! of the story, except an actor or a source, which others refer to: it stays, so that the
//! references to it are not reported too.

use super::columns::{column_named, Column, QuoteRow, SourceRow, ACTORS, ERAS, EVENTS, QUOTES, RELATIONS, SOURCES, STORY, UPDATES};
use super::csv_read::read_csv;
use super::place::{Place, SheetReport};
use super::sheet::{normalise, Sheet};
use super::source_book::SourceBook;
use super::trace::Trace;
use crate::any_format::accept;
use crate::date::PartialDate;
use crate::limits::MAX_FILE_BYTES;
use crate::model::*;
use std::collections::{HashMap, HashSet};

/// A story read from the sheets, with the warnings it still carries.
#[derive(Clone, Debug, PartialEq)]
pub struct Imported {
    pub dataset: Dataset,
    pub warnings: Vec<super::place::SheetProblem>,
}

/// Every sheet's rows, by sheet; `None` for a sheet given but unreadable.
type Sheets = HashMap<Sheet, Option<Vec<Vec<String>>>>;

/// Reads the files of the template's sheets, each given by its file name and its bytes.
pub fn import_sheets(files: &[(&str, &[u8])]) -> Result<Imported, SheetReport> {
    let mut report = SheetReport::default();
    let sheets = open(files, &mut report);
    let mut trace = Trace::default();
    let book = read_sources(sheets.get(&Sheet::Sources), &mut trace, &mut report);
    let story = read_story(sheets.get(&Sheet::Story), &book, &mut trace, &mut report);
    let actors = read_items(Sheet::Actors, ACTORS, sheets.get(&Sheet::Actors), &book, &mut trace, &mut report);
    trace.actors_unread = actors.is_none();
    let mut dataset = Dataset {
        storyline: FORMAT_VERSION,
        story,
        // An actor with a cell in error stays, so that references to it are not errors too.
        actors: rows_kept(actors, true, &mut trace.actors),
        events: Vec::new(),
        relations: Vec::new(),
        eras: Vec::new(),
        updates: Vec::new(),
    };
    let events = read_items(Sheet::Events, EVENTS, sheets.get(&Sheet::Events), &book, &mut trace, &mut report);
    let unread_events: Option<HashSet<String>> = events.as_ref().map(|rows| rows.iter().filter(|r| !r.2).map(|r| r.1.id.clone()).collect());
    dataset.events = rows_kept(events, false, &mut trace.events);
    let quotes = read_items(Sheet::Quotes, QUOTES, sheets.get(&Sheet::Quotes), &book, &mut trace, &mut report);
    attach_quotes(&mut dataset.events, quotes.unwrap_or_default(), unread_events.as_ref(), &mut trace, &mut report);
    let relations = read_items(Sheet::Relations, RELATIONS, sheets.get(&Sheet::Relations), &book, &mut trace, &mut report);
    dataset.relations = rows_kept(relations, false, &mut trace.relations);
    let eras = read_items(Sheet::Eras, ERAS, sheets.get(&Sheet::Eras), &book, &mut trace, &mut report);
    dataset.eras = rows_kept(eras, false, &mut trace.eras);
    let updates = read_items(Sheet::Updates, UPDATES, sheets.get(&Sheet::Updates), &book, &mut trace, &mut report);
    dataset.updates = rows_kept(updates, false, &mut trace.updates);
    // An event whose row is in error, or an events sheet that could not be read, has said enough:
    // the updates naming it are not reported too.
    for update in &mut dataset.updates {
        for ids in [&mut update.added, &mut update.changed] {
            ids.retain(|id| unread_events.as_ref().is_some_and(|unread| !unread.contains(id)));
        }
    }
    for (id, _, row) in book.entries().filter(|(id, _, _)| !book.is_used(id)) {
        report.warn(Place::row(Sheet::Sources, row), format!("\"{id}\" is not used by the story, an event, a relation or a quote"));
    }
    let loaded = check(&dataset, &book, &trace, &mut report);
    report.tidy();
    match loaded {
        Some(dataset) if report.errors.is_empty() => Ok(Imported { dataset, warnings: report.warnings }),
        _ => Err(report),
    }
}

/// The story's check, `accept` on its JSON, with each problem put back in its cell.
fn check(dataset: &Dataset, book: &SourceBook, trace: &Trace, report: &mut SheetReport) -> Option<Dataset> {
    let json = serde_json::to_vec(dataset).expect("datasets serialize");
    let (loaded, errors, warnings) = match accept(&json) {
        Ok((loaded, _)) => (Some(loaded.dataset), Vec::new(), loaded.warnings),
        Err(found) => (None, found.errors, found.warnings),
    };
    for (problems, is_error) in [(errors, true), (warnings, false)] {
        for problem in problems.into_iter().filter(|p| !trace.is_echo(&p.message)) {
            let Some(place) = trace.locate(dataset, book, &problem.path) else { continue };
            let message = trace.reword(&problem.message);
            if is_error { report.error(place, message) } else { report.warn(place, message) }
        }
    }
    loaded
}

/// Finds each file's sheet and reads its CSV.
fn open(files: &[(&str, &[u8])], report: &mut SheetReport) -> Sheets {
    let mut sheets = Sheets::new();
    let mut names: HashMap<Sheet, &str> = HashMap::new();
    let total: usize = files.iter().map(|(_, bytes)| bytes.len()).sum();
    if total > MAX_FILE_BYTES {
        report.error(Place::default(), format!("the sheets are {total} bytes together; the limit is {MAX_FILE_BYTES}"));
        return sheets;
    }
    for &(name, bytes) in files {
        let Some(sheet) = Sheet::of_file(name) else {
            report.error(
                Place::default(),
                format!("\"{name}\" is not a sheet of the template: name it story.csv, events.csv, actors.csv, relations.csv, eras.csv, sources.csv, quotes.csv or updates.csv, or end its name so (\"My story - events.csv\")"),
            );
            continue;
        };
        if let Some(first) = names.insert(sheet, name) {
            report.error(Place::sheet(sheet), format!("two files are this sheet, \"{first}\" and \"{name}\": give one"));
            continue;
        }
        let rows = match std::str::from_utf8(bytes) {
            Ok(text) => read_csv(text).map_err(|e| report.error(Place::row(sheet, e.row), e.message)).ok(),
            Err(e) => {
                report.error(
                    Place::sheet(sheet),
                    format!(
                        "\"{name}\" is not UTF-8 text (the byte at offset {} is not): in Excel save it as \"CSV UTF-8\", in LibreOffice choose the character set \"Unicode (UTF-8)\"",
                        e.valid_up_to()
                    ),
                );
                None
            }
        };
        sheets.insert(sheet, rows);
    }
    sheets
}

/// Spreadsheet column letters: 0 → A, 25 → Z, 26 → AA.
fn column_letter(mut i: usize) -> String {
    let mut letters = Vec::new();
    loop {
        letters.push(char::from(b'A' + (i % 26) as u8));
        if i < 26 {
            break;
        }
        i = i / 26 - 1;
    }
    letters.iter().rev().collect()
}

/// The column each position of a sheet holds, from its header row; `None` when a required
/// column is missing, after saying which. Unknown and unnamed columns are reported and skipped.
fn columns_of<T>(
    sheet: Sheet,
    table: &'static [Column<T>],
    rows: &[Vec<String>],
    trace: &mut Trace,
    report: &mut SheetReport,
) -> Option<Vec<Option<&'static Column<T>>>> {
    let header = rows.first().map(Vec::as_slice).unwrap_or_default();
    let mut found: Vec<Option<&'static Column<T>>> = Vec::new();
    let mut seen: HashMap<&'static str, usize> = HashMap::new();
    for (i, text) in header.iter().enumerate() {
        let name = text.trim();
        let column = column_named(table, name);
        match column {
            _ if name.is_empty() => {
                if rows.iter().skip(1).any(|r| r.get(i).is_some_and(|c| !c.trim().is_empty())) {
                    report.warn(Place { column: Some(column_letter(i)), ..Place::sheet(sheet) }, "has no header in row 1, so its cells are ignored");
                }
            }
            None => report.warn(
                Place { column: Some(name.to_string()), ..Place::sheet(sheet) },
                format!("is not a column of the {sheet} sheet and is ignored (a typo?); its columns are {}", names(table)),
            ),
            Some(c) => {
                if let Some(&first) = seen.get(c.name) {
                    report.error(
                        Place { column: Some(name.to_string()), ..Place::sheet(sheet) },
                        format!("is the column {} a second time (column {} is the first): keep one", c.name, column_letter(first)),
                    );
                } else {
                    seen.insert(c.name, i);
                    trace.headers.insert((sheet, c.name), name.to_string());
                }
            }
        }
        found.push(column.filter(|c| seen.get(c.name) == Some(&i)));
    }
    let widest = rows.iter().map(Vec::len).max().unwrap_or(0);
    for i in header.len()..widest {
        if rows.iter().skip(1).any(|r| r.get(i).is_some_and(|c| !c.trim().is_empty())) {
            report.warn(Place { column: Some(column_letter(i)), ..Place::sheet(sheet) }, "has no header in row 1, so its cells are ignored");
        }
    }
    let missing: Vec<&str> = table.iter().filter(|c| c.required && !seen.contains_key(c.name)).map(|c| c.name).collect();
    for name in &missing {
        let required: Vec<&str> = table.iter().filter(|c| c.required).map(|c| c.name).collect();
        report.error(
            Place { column: Some(name.to_string()), ..Place::sheet(sheet) },
            format!("is missing: the {sheet} sheet needs the columns {} in row 1, its header; this sheet's rows are not read until it has them", list_words(&required)),
        );
    }
    missing.is_empty().then_some(found)
}

/// "a, b and c".
fn list_words(words: &[&str]) -> String {
    match words.split_last() {
        Some((last, rest)) if !rest.is_empty() => format!("{} and {last}", rest.join(", ")),
        _ => words.join(""),
    }
}

fn names<T>(table: &[Column<T>]) -> String {
    list_words(&table.iter().map(|c| c.name).collect::<Vec<_>>())
}

/// What a sheet's rows made: each item with its row and whether every cell was read. `None`
/// when the sheet was given but cannot be read; no rows when it was not given.
type Rows<T> = Option<Vec<(usize, T, bool)>>;

fn read_items<T: Blank>(
    sheet: Sheet,
    table: &'static [Column<T>],
    rows: Option<&Option<Vec<Vec<String>>>>,
    book: &SourceBook,
    trace: &mut Trace,
    report: &mut SheetReport,
) -> Rows<T> {
    let rows = match rows {
        None => return Some(Vec::new()),
        Some(None) => return None,
        Some(Some(rows)) => rows,
    };
    let columns = columns_of(sheet, table, rows, trace, report)?;
    let mut items = Vec::new();
    for (i, cells) in rows.iter().enumerate().skip(1) {
        // A spreadsheet saves the empty rows below the last one too.
        if cells.iter().all(|c| c.trim().is_empty()) {
            continue;
        }
        let row = i + 1;
        let mut item = T::blank();
        let mut whole = true;
        for (position, column) in columns.iter().enumerate() {
            let Some(column) = column else { continue };
            let cell = cells.get(position).map_or("", String::as_str);
            if let Err(message) = (column.read)(&mut item, cell, book) {
                report.error(Place::cell(sheet, row, &trace.headers[&(sheet, column.name)]), message);
                whole = false;
            }
        }
        items.push((row, item, whole));
    }
    Some(items)
}

/// The items of a sheet that go into the story, with their rows noted in `rows`.
fn rows_kept<T>(items: Rows<T>, keep_partial: bool, rows: &mut Vec<usize>) -> Vec<T> {
    let kept: Vec<(usize, T)> = items.unwrap_or_default().into_iter().filter(|r| r.2 || keep_partial).map(|(row, item, _)| (row, item)).collect();
    rows.extend(kept.iter().map(|(row, _)| *row));
    kept.into_iter().map(|(_, item)| item).collect()
}

/// The sources sheet as a book of ids. A row with a cell in error is still in it, so that the
/// ids naming it are not reported as unknown too.
fn read_sources(rows: Option<&Option<Vec<Vec<String>>>>, trace: &mut Trace, report: &mut SheetReport) -> SourceBook {
    let Some(read) = read_items(Sheet::Sources, SOURCES, rows, &SourceBook::default(), trace, report) else {
        return SourceBook::incomplete();
    };
    let mut book = SourceBook::default();
    for (row, SourceRow { id, source }, _) in read {
        if let Err(message) = book.insert(&id, source, row) {
            report.error(Place::cell(Sheet::Sources, row, &trace.headers[&(Sheet::Sources, "id")]), message);
        }
    }
    book
}

/// The story sheet: two columns, field and value, a row for each field of the story.
fn read_story(rows: Option<&Option<Vec<Vec<String>>>>, book: &SourceBook, trace: &mut Trace, report: &mut SheetReport) -> StoryMeta {
    let mut story = StoryMeta::blank();
    let rows = match rows {
        Some(Some(rows)) => rows,
        Some(None) => return story,
        None => {
            report.error(
                Place::sheet(Sheet::Story),
                format!("is missing: add a sheet named story with two columns, field and value, and a row for each of {}", names(STORY)),
            );
            return story;
        }
    };
    let header: Vec<String> = rows.first().map(|h| h.iter().map(|c| normalise(c)).collect()).unwrap_or_default();
    let (Some(field_at), Some(value_at)) = (header.iter().position(|h| h == "field"), header.iter().position(|h| h == "value")) else {
        report.error(Place::sheet(Sheet::Story), "has no columns named field and value in row 1: the story sheet gives each field of the story in a row, its name under field and its value under value");
        return story;
    };
    trace.headers.insert((Sheet::Story, "value"), rows[0][value_at].trim().to_string());
    for (i, cells) in rows.iter().enumerate().skip(1) {
        let row = i + 1;
        let cell = |at: usize| cells.get(at).map_or("", String::as_str);
        if cell(field_at).trim().is_empty() {
            if !cell(value_at).trim().is_empty() {
                report.warn(Place::cell(Sheet::Story, row, "field"), "is empty, so the value beside it is ignored: write which field of the story it is");
            }
            continue;
        }
        let Some(column) = column_named(STORY, cell(field_at)) else {
            report.warn(
                Place::cell(Sheet::Story, row, "field"),
                format!("\"{}\" is not a field of the story and is ignored (a typo?); the fields are {}", cell(field_at).trim(), names(STORY)),
            );
            continue;
        };
        if let Some(first) = trace.story_rows.insert(column.name, row) {
            trace.story_rows.insert(column.name, first);
            report.error(Place::cell(Sheet::Story, row, "field"), format!("{} is given a second time (row {first} is the first): keep one", column.name));
            continue;
        }
        if let Err(message) = (column.read)(&mut story, cell(value_at), book) {
            report.error(Place::cell(Sheet::Story, row, &trace.headers[&(Sheet::Story, "value")]), message);
        }
    }
    for column in STORY.iter().filter(|c| c.required && !trace.story_rows.contains_key(c.name)) {
        report.error(Place::sheet(Sheet::Story), format!("no row gives the {}: add one, with {} under field and the story's {} under value", column.name, column.name, column.name));
    }
    story
}

/// Puts each quote in its event, in the order of the quotes sheet.
fn attach_quotes(events: &mut [Event], quotes: Vec<(usize, QuoteRow, bool)>, unread: Option<&HashSet<String>>, trace: &mut Trace, report: &mut SheetReport) {
    let mut index: HashMap<String, usize> = HashMap::new();
    for (i, event) in events.iter().enumerate() {
        index.entry(event.id.clone()).or_insert(i);
    }
    trace.quotes = vec![Vec::new(); events.len()];
    for (row, QuoteRow { event, quote }, whole) in quotes {
        match index.get(&event) {
            Some(&i) if whole => {
                events[i].quotes.push(quote);
                trace.quotes[i].push(row);
            }
            Some(_) => {}
            // An event whose row is in error, or an events sheet that could not be read, has said enough.
            None if unread.is_none_or(|ids| ids.contains(&event)) => {}
            None => {
                let header = trace.headers.get(&(Sheet::Quotes, "event")).cloned().unwrap_or_else(|| "event".into());
                let message = if event.is_empty() {
                    "is empty: name the event the quote belongs to by its id in the events sheet".to_string()
                } else {
                    format!("\"{event}\" is not the id of any event in the events sheet")
                };
                report.error(Place::cell(Sheet::Quotes, row, &header), message);
            }
        }
    }
}

/// An item before its row's cells are read: every field empty, to be filled by the columns.
trait Blank {
    fn blank() -> Self;
}

impl Blank for StoryMeta {
    fn blank() -> Self {
        StoryMeta { id: String::new(), title: String::new(), dek: String::new(), language: String::new(), published: None, updated: None, byline: String::new(), sources: Vec::new() }
    }
}

impl Blank for Actor {
    fn blank() -> Self {
        Actor { id: String::new(), name: String::new(), short_name: None, kind: ActorKind::State, country: None, part_of: None, description: String::new(), kind_label: None, sources: vec![] }
    }
}

/// A date to stand in until the row's required date cell is read.
const NO_DATE: PartialDate = PartialDate { year: 0, month: 1, day: 1, hour: 0, minute: 0, second: 0, offset_minutes: 0, precision: crate::date::Precision::Year, seconds: true };

impl Blank for Event {
    fn blank() -> Self {
        Event {
            id: String::new(),
            title: String::new(),
            summary: String::new(),
            start: NO_DATE,
            end: None,
            place: None,
            actors: Vec::new(),
            status: Status::NotStated,
            attribution: None,
            quotes: Vec::new(),
            sources: Vec::new(),
            tags: Vec::new(),
            updated: None,
            change: None,
            history: Vec::new(),
        }
    }
}

impl Blank for Update {
    fn blank() -> Self {
        Update { at: NO_DATE, summary: String::new(), added: Vec::new(), changed: Vec::new(), note: None }
    }
}

impl Blank for Relation {
    fn blank() -> Self {
        Relation {
            id: String::new(),
            from: String::new(),
            to: String::new(),
            kind: RelationKind::Supports,
            label: String::new(),
            directed: true,
            status: Status::NotStated,
            attribution: None,
            valid_from: NO_DATE,
            valid_to: None,
            sources: Vec::new(),
        }
    }
}

impl Blank for Era {
    fn blank() -> Self {
        Era { id: String::new(), title: String::new(), start: NO_DATE, end: NO_DATE }
    }
}

fn blank_source() -> Source {
    Source { publisher: String::new(), title: String::new(), url: String::new(), date: None }
}

impl Blank for SourceRow {
    fn blank() -> Self {
        SourceRow { id: String::new(), source: blank_source() }
    }
}

impl Blank for QuoteRow {
    fn blank() -> Self {
        QuoteRow { event: String::new(), quote: Quote { text: String::new(), speaker: String::new(), source: blank_source() } }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn column_letters_run_as_a_spreadsheets_do() {
        assert_eq!(column_letter(0), "A");
        assert_eq!(column_letter(25), "Z");
        assert_eq!(column_letter(26), "AA");
        assert_eq!(column_letter(27), "AB");
        assert_eq!(column_letter(701), "ZZ");
        assert_eq!(column_letter(702), "AAA");
    }
}
