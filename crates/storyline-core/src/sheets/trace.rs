//! From a problem in the story built from the sheets, named by its path (`events[5].sources[0].url`),
//! back to the cell it came from (`sources row 4, column url`), in words the editor knows.
//!
//! Validation is the format's own (`accept`, as `storyline check` runs it), so it speaks of the
//! story's paths; the trace remembers which row made each item and which sources row each
//! source came from.

use super::columns::column_for_field;
use super::place::Place;
use super::sheet::Sheet;
use super::source_book::SourceBook;
use crate::model::{Dataset, Source};
use std::collections::HashMap;

/// Which row made each part of a story.
#[derive(Debug, Default)]
pub struct Trace {
    /// The story sheet's row of each field that has one.
    pub story_rows: HashMap<&'static str, usize>,
    pub actors: Vec<usize>,
    pub events: Vec<usize>,
    pub relations: Vec<usize>,
    pub eras: Vec<usize>,
    pub updates: Vec<usize>,
    /// For each event, the quotes sheet's row of each of its quotes.
    pub quotes: Vec<Vec<usize>>,
    /// Each column's header as the editor wrote it, by sheet and the template's name.
    pub headers: HashMap<(Sheet, &'static str), String>,
    /// The actors sheet could not be read, so an actor id not found may be in it.
    pub actors_unread: bool,
}

/// A part of a path: a field's name or a list position.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Part<'a> {
    Name(&'a str),
    Index(usize),
}

/// `events[5].sources[0].url` → events, 5, sources, 0, url.
fn parts(path: &str) -> Vec<Part<'_>> {
    let mut out = Vec::new();
    for piece in path.split('.').filter(|p| !p.is_empty()) {
        let mut rest = piece;
        if let Some(open) = rest.find('[') {
            out.push(Part::Name(&rest[..open]));
            rest = &rest[open..];
            while let Some(close) = rest.find(']') {
                if let Ok(i) = rest[1..close].parse() {
                    out.push(Part::Index(i));
                }
                rest = &rest[close + 1..];
            }
        } else {
            out.push(Part::Name(rest));
        }
    }
    out.retain(|p| *p != Part::Name(""));
    out
}

/// The parts after an item, as a field path under it: `actors[1].role`.
fn field_path(rest: &[Part<'_>]) -> String {
    let mut out = String::new();
    for part in rest {
        match part {
            Part::Name(name) if out.is_empty() => out.push_str(name),
            Part::Name(name) => {
                out.push('.');
                out.push_str(name);
            }
            Part::Index(i) => out.push_str(&format!("[{i}]")),
        }
    }
    out
}

const LISTS: [(&str, Sheet); 5] =
    [("actors", Sheet::Actors), ("events", Sheet::Events), ("relations", Sheet::Relations), ("eras", Sheet::Eras), ("updates", Sheet::Updates)];

impl Trace {
    fn rows_of(&self, sheet: Sheet) -> &[usize] {
        match sheet {
            Sheet::Actors => &self.actors,
            Sheet::Events => &self.events,
            Sheet::Relations => &self.relations,
            Sheet::Updates => &self.updates,
            _ => &self.eras,
        }
    }

    /// The header the editor wrote for a column, or the template's name for it.
    fn header(&self, sheet: Sheet, column: &'static str) -> String {
        self.headers.get(&(sheet, column)).cloned().unwrap_or_else(|| column.to_string())
    }

    fn cell(&self, sheet: Sheet, row: usize, field: &str) -> Place {
        match column_for_field(sheet, field) {
            Some(column) => Place::cell(sheet, row, &self.header(sheet, column)),
            None => Place::row(sheet, row),
        }
    }

    /// The cell of the sources sheet a source came from, for the field at `rest` under it.
    fn source_cell(&self, book: &SourceBook, source: Option<&Source>, rest: &[Part<'_>]) -> Option<Place> {
        let row = book.row_of(source?)?;
        Some(self.cell(Sheet::Sources, row, &field_path(rest)))
    }

    /// Where the problem at `path` is in the sheets, or `None` when it is not the editor's to
    /// see: it is about a row the sheets already reported, or a story field the story sheet
    /// has no row for (reported as a missing row).
    pub fn locate(&self, dataset: &Dataset, book: &SourceBook, path: &str) -> Option<Place> {
        let parts = parts(path);
        match parts.as_slice() {
            [] => Some(Place::default()),
            [Part::Name("story"), Part::Name("sources"), Part::Index(j), rest @ ..] if !rest.is_empty() => {
                self.source_cell(book, dataset.story.sources.get(*j), rest)
            }
            [Part::Name("story"), Part::Name(field), ..] => {
                let column = column_for_field(Sheet::Story, field)?;
                let row = *self.story_rows.get(column)?;
                Some(Place::cell(Sheet::Story, row, &self.header(Sheet::Story, "value")))
            }
            [Part::Name(list), rest @ ..] => {
                let &(_, sheet) = LISTS.iter().find(|(name, _)| name == list)?;
                let [Part::Index(i), rest @ ..] = rest else { return Some(Place::sheet(sheet)) };
                let row = *self.rows_of(sheet).get(*i)?;
                match rest {
                    [Part::Name("sources"), Part::Index(j), tail @ ..] if !tail.is_empty() => {
                        let sources = match sheet {
                            Sheet::Events => dataset.events.get(*i).map(|e| &e.sources),
                            Sheet::Actors => dataset.actors.get(*i).map(|a| &a.sources),
                            _ => dataset.relations.get(*i).map(|r| &r.sources),
                        };
                        self.source_cell(book, sources?.get(*j), tail)
                    }
                    [Part::Name("quotes"), Part::Index(k), tail @ ..] if sheet == Sheet::Events => {
                        let quote_row = *self.quotes.get(*i)?.get(*k)?;
                        match tail {
                            [Part::Name("source"), more @ ..] if !more.is_empty() => {
                                let quote = dataset.events.get(*i)?.quotes.get(*k)?;
                                self.source_cell(book, Some(&quote.source), more)
                            }
                            _ => Some(self.cell(Sheet::Quotes, quote_row, &field_path(tail))),
                        }
                    }
                    _ => Some(self.cell(sheet, row, &field_path(rest))),
                }
            }
            _ => Some(Place::default()),
        }
    }

    /// A message of the format in the sheets' words: "the id of events[2]" becomes "the id of
    /// events row 4", and the lists of the file become sheets. Only the format's own words are
    /// changed, never the editor's text that a message quotes.
    pub fn reword(&self, message: &str) -> String {
        let mut out = message.replace("in \"actors\"", "in the actors sheet").replace("is not_stated:", "is not stated:");
        for (list, sheet) in LISTS {
            let pattern = format!("is already the id of {list}[");
            let Some(at) = out.find(&pattern) else { continue };
            let digits_from = at + pattern.len();
            let Some(len) = out[digits_from..].find(']') else { continue };
            let Some(row) = out[digits_from..digits_from + len].parse::<usize>().ok().and_then(|i| self.rows_of(sheet).get(i)) else { continue };
            out.replace_range(at..digits_from + len + 1, &format!("is already the id of {list} row {row}"));
        }
        out
    }

    /// Whether a problem only repeats what an unread sheet already says.
    pub fn is_echo(&self, message: &str) -> bool {
        self.actors_unread && message.ends_with("is not the id of any actor in \"actors\"")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_path_splits_into_names_and_positions() {
        assert_eq!(
            parts("events[5].quotes[0].source.url"),
            [Part::Name("events"), Part::Index(5), Part::Name("quotes"), Part::Index(0), Part::Name("source"), Part::Name("url")]
        );
        assert_eq!(parts(""), []);
        assert_eq!(field_path(&parts("actors[1].role")), "actors[1].role");
    }

    #[test]
    fn a_message_naming_an_item_names_its_row() {
        let trace = Trace { events: vec![2, 3, 5], ..Trace::default() };
        assert_eq!(trace.reword("\"a\" is already the id of events[2]; ids must be unique"), "\"a\" is already the id of events row 5; ids must be unique");
        assert_eq!(trace.reword("\"x\" is not the id of any actor in \"actors\""), "\"x\" is not the id of any actor in the actors sheet");
        assert_eq!(trace.reword("\"ftp://x/events[0]\" is not an http or https address"), "\"ftp://x/events[0]\" is not an http or https address");
    }
}
