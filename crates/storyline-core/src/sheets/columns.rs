//! The template's columns: for every sheet, each column's name, the other names it is known by,
//! the field of the format it fills, whether it is required, and how a cell is read and written.
//!
//! This is the one table of the template. A new field of the format is one line here, in the
//! sheet it belongs to; reading, writing, the order of the written columns and the sheet, row and
//! column named in a message all follow from it. The story sheet uses the same table, its
//! "columns" being the rows of its `field` column.

use super::cells::{
    actor_kind, degrees, history, id, in_words, involvements, list, optional_text, relation_kind, status, write_history, write_involvements, yes_no,
};
use super::date_cell::{read_date, read_optional_date};
use super::sheet::{normalise, Sheet};
use super::source_book::SourceBook;
use crate::date::PartialDate;
use crate::model::{Actor, Era, Event, Place, Quote, Relation, Source, StoryMeta, Update};

/// A row of the sources sheet: a source and the id it is named by.
#[derive(Clone, Debug, PartialEq)]
pub struct SourceRow {
    pub id: String,
    pub source: Source,
}

/// A row of the quotes sheet: a quote and the id of the event it belongs to.
#[derive(Clone, Debug, PartialEq)]
pub struct QuoteRow {
    pub event: String,
    pub quote: Quote,
}

/// One column of a sheet.
pub struct Column<T: 'static> {
    /// The header the template writes.
    pub name: &'static str,
    /// Other headers read as this column.
    pub aliases: &'static [&'static str],
    /// The field it fills, as a problem's path names it under the item (`place.lat`); empty for
    /// a column that only links rows (a source's id, a quote's event).
    pub field: &'static str,
    pub required: bool,
    /// Sets the field from a cell; the message says what is wrong with the cell.
    pub read: fn(&mut T, &str, &SourceBook) -> Result<(), String>,
    /// The field as a cell.
    pub write: fn(&T, &SourceBook) -> String,
}

const REQUIRED: bool = true;
const OPTIONAL: bool = false;

const fn col<T>(
    name: &'static str,
    aliases: &'static [&'static str],
    field: &'static str,
    required: bool,
    read: fn(&mut T, &str, &SourceBook) -> Result<(), String>,
    write: fn(&T, &SourceBook) -> String,
) -> Column<T> {
    Column { name, aliases, field, required, read, write }
}

/// The story sheet's rows (field, value).
pub const STORY: &[Column<StoryMeta>] = &[
    col("id", &[], "id", REQUIRED, |s, c, _| set(&mut s.id, id(c)), |s, _| s.id.clone()),
    col("title", &["headline"], "title", REQUIRED, |s, c, _| set(&mut s.title, c.into()), |s, _| s.title.clone()),
    col("dek", &["standfirst"], "dek", OPTIONAL, |s, c, _| set(&mut s.dek, c.into()), |s, _| s.dek.clone()),
    col("language", &[], "language", REQUIRED, |s, c, _| set(&mut s.language, id(c)), |s, _| s.language.clone()),
    col("published", &[], "published", OPTIONAL, |s, c, _| put(&mut s.published, read_optional_date(c)), |s, _| date_text(s.published)),
    col("updated", &[], "updated", OPTIONAL, |s, c, _| put(&mut s.updated, read_optional_date(c)), |s, _| date_text(s.updated)),
    col("byline", &[], "byline", OPTIONAL, |s, c, _| set(&mut s.byline, c.into()), |s, _| s.byline.clone()),
    col("sources", &[], "sources", OPTIONAL, |s, c, b| put(&mut s.sources, sources(c, b)), |s, b| source_ids(&s.sources, b)),
];

pub const EVENTS: &[Column<Event>] = &[
    col("id", &[], "id", REQUIRED, |e, c, _| set(&mut e.id, id(c)), |e, _| e.id.clone()),
    col("date", &["start date", "start"], "start", REQUIRED, |e, c, _| put(&mut e.start, read_date(c)), |e, _| e.start.to_string()),
    col("end date", &["end"], "end", OPTIONAL, |e, c, _| put(&mut e.end, read_optional_date(c)), |e, _| date_text(e.end)),
    col("title", &["headline"], "title", REQUIRED, |e, c, _| set(&mut e.title, c.into()), |e, _| e.title.clone()),
    col("summary", &["text"], "summary", REQUIRED, |e, c, _| set(&mut e.summary, c.into()), |e, _| e.summary.clone()),
    col("status", &[], "status", REQUIRED, |e, c, _| put(&mut e.status, status(c)), |e, _| in_words(e.status.key())),
    col("attribution", &["said by", "according to"], "attribution", OPTIONAL, |e, c, _| set(&mut e.attribution, optional_text(c)), |e, _| e.attribution.clone().unwrap_or_default()),
    col("actors", &[], "actors", OPTIONAL, |e, c, _| put(&mut e.actors, involvements(c)), |e, _| write_involvements(&e.actors)),
    col("place", &[], "place.name", OPTIONAL, |e, c, _| set_place(e, c), |e, _| e.place.as_ref().map(|p| p.name.clone()).unwrap_or_default()),
    col("latitude", &["lat"], "place.lat", OPTIONAL, |e, c, _| set_degrees(e, c, |p| &mut p.lat), |e, _| number(e.place.as_ref().and_then(|p| p.lat))),
    col("longitude", &["lon", "long", "lng"], "place.lon", OPTIONAL, |e, c, _| set_degrees(e, c, |p| &mut p.lon), |e, _| number(e.place.as_ref().and_then(|p| p.lon))),
    col("tags", &["tag"], "tags", OPTIONAL, |e, c, _| set(&mut e.tags, list(c)), |e, _| e.tags.join(", ")),
    col("sources", &["source"], "sources", OPTIONAL, |e, c, b| put(&mut e.sources, sources(c, b)), |e, b| source_ids(&e.sources, b)),
    col("updated", &[], "updated", OPTIONAL, |e, c, _| put(&mut e.updated, read_optional_date(c)), |e, _| date_text(e.updated)),
    col("what changed", &["change"], "change", OPTIONAL, |e, c, _| set(&mut e.change, optional_text(c)), |e, _| e.change.clone().unwrap_or_default()),
    col("status history", &["history"], "history", OPTIONAL, |e, c, _| put(&mut e.history, history(c)), |e, _| write_history(&e.history)),
];

pub const ACTORS: &[Column<Actor>] = &[
    col("id", &[], "id", REQUIRED, |a, c, _| set(&mut a.id, id(c)), |a, _| a.id.clone()),
    col("name", &[], "name", REQUIRED, |a, c, _| set(&mut a.name, c.into()), |a, _| a.name.clone()),
    col("short name", &[], "short_name", OPTIONAL, |a, c, _| set(&mut a.short_name, optional_text(c)), |a, _| a.short_name.clone().unwrap_or_default()),
    col("kind", &[], "kind", REQUIRED, |a, c, _| put(&mut a.kind, actor_kind(c)), |a, _| in_words(a.kind.key())),
    col("kind label", &["what it is"], "kind_label", OPTIONAL, |a, c, _| set(&mut a.kind_label, optional_text(c.trim())), |a, _| a.kind_label.clone().unwrap_or_default()),
    col("country", &[], "country", OPTIONAL, |a, c, _| set(&mut a.country, optional_text(&id(c))), |a, _| a.country.clone().unwrap_or_default()),
    col("part of", &[], "part_of", OPTIONAL, |a, c, _| set(&mut a.part_of, optional_text(&id(c))), |a, _| a.part_of.clone().unwrap_or_default()),
    col("description", &[], "description", OPTIONAL, |a, c, _| set(&mut a.description, c.into()), |a, _| a.description.clone()),
    col("sources", &["source"], "sources", OPTIONAL, |a, c, b| put(&mut a.sources, sources(c, b)), |a, b| source_ids(&a.sources, b)),
];

pub const RELATIONS: &[Column<Relation>] = &[
    col("id", &[], "id", REQUIRED, |r, c, _| set(&mut r.id, id(c)), |r, _| r.id.clone()),
    col("from", &[], "from", REQUIRED, |r, c, _| put(&mut r.from, actor_id(c)), |r, _| r.from.clone()),
    col("to", &[], "to", REQUIRED, |r, c, _| put(&mut r.to, actor_id(c)), |r, _| r.to.clone()),
    col("kind", &[], "kind", REQUIRED, |r, c, _| put(&mut r.kind, relation_kind(c)), |r, _| in_words(r.kind.key())),
    col("label", &[], "label", REQUIRED, |r, c, _| set(&mut r.label, c.into()), |r, _| r.label.clone()),
    col("mutual", &[], "directed", OPTIONAL, |r, c, _| put(&mut r.directed, yes_no(c).map(|mutual| !mutual)), |r, _| if r.directed { String::new() } else { "yes".into() }),
    col("status", &[], "status", REQUIRED, |r, c, _| put(&mut r.status, status(c)), |r, _| in_words(r.status.key())),
    col("attribution", &["said by", "according to"], "attribution", OPTIONAL, |r, c, _| set(&mut r.attribution, optional_text(c)), |r, _| r.attribution.clone().unwrap_or_default()),
    col("start date", &["date", "start", "since"], "valid_from", REQUIRED, |r, c, _| put(&mut r.valid_from, read_date(c)), |r, _| r.valid_from.to_string()),
    col("end date", &["end", "until"], "valid_to", OPTIONAL, |r, c, _| put(&mut r.valid_to, read_optional_date(c)), |r, _| date_text(r.valid_to)),
    col("sources", &["source"], "sources", OPTIONAL, |r, c, b| put(&mut r.sources, sources(c, b)), |r, b| source_ids(&r.sources, b)),
];

pub const ERAS: &[Column<Era>] = &[
    col("id", &[], "id", REQUIRED, |e, c, _| set(&mut e.id, id(c)), |e, _| e.id.clone()),
    col("title", &[], "title", REQUIRED, |e, c, _| set(&mut e.title, c.into()), |e, _| e.title.clone()),
    col("start date", &["date", "start"], "start", REQUIRED, |e, c, _| put(&mut e.start, read_date(c)), |e, _| e.start.to_string()),
    col("end date", &["end"], "end", REQUIRED, |e, c, _| put(&mut e.end, read_date(c)), |e, _| e.end.to_string()),
];

pub const SOURCES: &[Column<SourceRow>] = &[
    col("id", &[], "", REQUIRED, |s, c, _| set(&mut s.id, id(c)), |s, _| s.id.clone()),
    col("publisher", &[], "publisher", REQUIRED, |s, c, _| set(&mut s.source.publisher, c.into()), |s, _| s.source.publisher.clone()),
    col("title", &[], "title", REQUIRED, |s, c, _| set(&mut s.source.title, c.into()), |s, _| s.source.title.clone()),
    col("url", &["link", "address"], "url", REQUIRED, |s, c, _| set(&mut s.source.url, id(c)), |s, _| s.source.url.clone()),
    col("date", &[], "date", OPTIONAL, |s, c, _| put(&mut s.source.date, read_optional_date(c)), |s, _| date_text(s.source.date)),
];

pub const QUOTES: &[Column<QuoteRow>] = &[
    col("event", &[], "", REQUIRED, |q, c, _| set(&mut q.event, id(c)), |q, _| q.event.clone()),
    col("quote", &["text", "words"], "text", REQUIRED, |q, c, _| set(&mut q.quote.text, c.into()), |q, _| q.quote.text.clone()),
    col("speaker", &["said by"], "speaker", REQUIRED, |q, c, _| put(&mut q.quote.speaker, actor_id(c)), |q, _| q.quote.speaker.clone()),
    col("source", &[], "source", REQUIRED, |q, c, b| put(&mut q.quote.source, quote_source(c, b)), |q, b| b.id_of(&q.quote.source).to_string()),
];

/// A row for each update of the story, oldest first.
pub const UPDATES: &[Column<Update>] = &[
    col("date", &["at", "time"], "at", REQUIRED, |u, c, _| put(&mut u.at, read_date(c)), |u, _| u.at.to_string()),
    col("summary", &[], "summary", REQUIRED, |u, c, _| set(&mut u.summary, c.into()), |u, _| u.summary.clone()),
    col("added", &["new"], "added", OPTIONAL, |u, c, _| set(&mut u.added, list(c)), |u, _| u.added.join(", ")),
    col("changed", &["updated"], "changed", OPTIONAL, |u, c, _| set(&mut u.changed, list(c)), |u, _| u.changed.join(", ")),
    col("note", &[], "note", OPTIONAL, |u, c, _| set(&mut u.note, optional_text(c)), |u, _| u.note.clone().unwrap_or_default()),
];

fn set<V>(slot: &mut V, value: V) -> Result<(), String> {
    *slot = value;
    Ok(())
}

fn put<V>(slot: &mut V, value: Result<V, String>) -> Result<(), String> {
    *slot = value?;
    Ok(())
}

/// A reference to an actor, which an empty cell cannot be.
fn actor_id(cell: &str) -> Result<String, String> {
    match id(cell) {
        empty if empty.is_empty() => Err("is empty: write the id of an actor of the actors sheet".into()),
        id => Ok(id),
    }
}

fn date_text(date: Option<PartialDate>) -> String {
    date.map(|d| d.to_string()).unwrap_or_default()
}

/// A coordinate as the shortest text that reads back as the same number.
fn number(value: Option<f64>) -> String {
    value.map(|v| v.to_string()).unwrap_or_default()
}

/// The event's place, made when a cell first gives part of it.
fn place(event: &mut Event) -> &mut Place {
    event.place.get_or_insert_with(|| Place { name: String::new(), lat: None, lon: None })
}

fn set_place(event: &mut Event, cell: &str) -> Result<(), String> {
    if !cell.is_empty() {
        place(event).name = cell.to_string();
    }
    Ok(())
}

fn set_degrees(event: &mut Event, cell: &str, field: fn(&mut Place) -> &mut Option<f64>) -> Result<(), String> {
    if let Some(value) = degrees(cell)? {
        *field(place(event)) = Some(value);
    }
    Ok(())
}

/// The sources a list of ids names; every unknown id is named.
fn sources(cell: &str, book: &SourceBook) -> Result<Vec<Source>, String> {
    let (found, unknown): (Vec<_>, Vec<_>) = list(cell).iter().map(|id| book.get(id)).partition(Result::is_ok);
    match unknown.into_iter().filter_map(Result::err).collect::<Vec<_>>().as_slice() {
        [] => Ok(found.into_iter().flatten().collect()),
        messages => Err(messages.join("; ")),
    }
}

fn quote_source(cell: &str, book: &SourceBook) -> Result<Source, String> {
    match id(cell) {
        empty if empty.is_empty() => Err("is empty: name the source of the quote by its id in the sources sheet".into()),
        id => book.get(&id),
    }
}

fn source_ids(list: &[Source], book: &SourceBook) -> String {
    list.iter().map(|s| book.id_of(s)).collect::<Vec<_>>().join(", ")
}

/// The column a header names, in a sheet's table.
pub fn column_named<'t, T>(table: &'t [Column<T>], header: &str) -> Option<&'t Column<T>> {
    let key = normalise(header);
    table.iter().find(|c| normalise(c.name) == key || c.aliases.iter().any(|a| normalise(a) == key))
}

/// The column that fills the field at `path` under an item (`place.lat`, `actors[1].role`).
pub fn column_of_field<'t, T>(table: &'t [Column<T>], path: &str) -> Option<&'t Column<T>> {
    table
        .iter()
        .filter(|c| !c.field.is_empty())
        .filter(|c| path == c.field || path.strip_prefix(c.field).is_some_and(|rest| rest.starts_with(['.', '['])))
        .max_by_key(|c| c.field.len())
}

/// The name of the column of `sheet` that fills the field at `path` under an item.
pub fn column_for_field(sheet: Sheet, path: &str) -> Option<&'static str> {
    match sheet {
        Sheet::Story => column_of_field(STORY, path).map(|c| c.name),
        Sheet::Events => column_of_field(EVENTS, path).map(|c| c.name),
        Sheet::Actors => column_of_field(ACTORS, path).map(|c| c.name),
        Sheet::Relations => column_of_field(RELATIONS, path).map(|c| c.name),
        Sheet::Eras => column_of_field(ERAS, path).map(|c| c.name),
        Sheet::Sources => column_of_field(SOURCES, path).map(|c| c.name),
        Sheet::Quotes => column_of_field(QUOTES, path).map(|c| c.name),
        Sheet::Updates => column_of_field(UPDATES, path).map(|c| c.name),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn no_two_names_clash<T>(table: &[Column<T>]) {
        let mut seen = std::collections::HashSet::new();
        for c in table {
            for name in std::iter::once(&c.name).chain(c.aliases) {
                assert!(seen.insert(normalise(name)), "\"{name}\" names two columns");
            }
        }
    }

    #[test]
    fn no_header_names_two_columns_of_one_sheet() {
        no_two_names_clash(STORY);
        no_two_names_clash(EVENTS);
        no_two_names_clash(ACTORS);
        no_two_names_clash(RELATIONS);
        no_two_names_clash(ERAS);
        no_two_names_clash(SOURCES);
        no_two_names_clash(QUOTES);
        no_two_names_clash(UPDATES);
    }

    #[test]
    fn a_header_finds_its_column_by_name_or_alias_in_any_case_and_spacing() {
        assert_eq!(column_named(EVENTS, "End Date").unwrap().field, "end");
        assert_eq!(column_named(EVENTS, "said_by").unwrap().field, "attribution");
        assert_eq!(column_named(EVENTS, "LAT").unwrap().field, "place.lat");
        assert!(column_named(EVENTS, "notes").is_none());
    }

    #[test]
    fn a_problems_field_finds_the_column_that_fills_it() {
        assert_eq!(column_of_field(EVENTS, "place.lat").unwrap().name, "latitude");
        assert_eq!(column_of_field(EVENTS, "actors[1].actor").unwrap().name, "actors");
        assert_eq!(column_of_field(EVENTS, "tags[0]").unwrap().name, "tags");
        assert_eq!(column_of_field(EVENTS, "start").unwrap().name, "date");
        assert_eq!(column_of_field(RELATIONS, "valid_to").unwrap().name, "end date");
        assert!(column_of_field(EVENTS, "status_note").is_none());
    }
}
