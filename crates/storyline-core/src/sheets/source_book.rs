//! The sources sheet: every source once, under a short id that the story, events, actors, relations
//! and quotes name it by. A source usually backs several of them (one article backs fifteen places
//! in the built-in story), so its URL is typed, checked and fixed in one row.
//!
//! The format has no source ids: a story's sources are written out in full wherever they are
//! used. Reading the sheets replaces each id by its source; writing them gives each distinct
//! source an id made from its publisher ("cbs-news", "afp", "afp-2").

use crate::model::{Dataset, Source};
use std::cell::RefCell;
use std::collections::{HashMap, HashSet};

/// The sources by id, each with the sheet row it came from (0 for one made by `of_dataset`).
#[derive(Debug, Default)]
pub struct SourceBook {
    entries: Vec<(String, Source, usize)>,
    by_id: HashMap<String, usize>,
    by_source: HashMap<String, usize>,
    /// Whether every row of the sources sheet was read. When some were not, an id that is not
    /// found may be in one of them, and that sheet's own error says enough.
    incomplete: bool,
    /// The ids some cell has named, to point out a row nobody uses (often a typo in an id).
    used: RefCell<HashSet<String>>,
}

/// One key per distinct source, for finding it by value.
fn key(s: &Source) -> String {
    let date = s.date.map(|d| d.to_string()).unwrap_or_default();
    format!("{}\u{0}{}\u{0}{}\u{0}{date}", s.publisher, s.title, s.url)
}

impl SourceBook {
    /// A book for a sheet that could not be read: every id is taken on trust.
    pub fn incomplete() -> Self {
        SourceBook { incomplete: true, ..SourceBook::default() }
    }

    /// Adds the source of a row under `id`.
    pub fn insert(&mut self, id: &str, source: Source, row: usize) -> Result<(), String> {
        if id.is_empty() {
            return Err("is empty: give the source a short id, such as cbs-news, and name it by that id where it is used".into());
        }
        if id.contains(',') {
            return Err(format!("\"{id}\" cannot be an id: commas separate the ids in a list of sources"));
        }
        if let Some(&i) = self.by_id.get(id) {
            return Err(format!("\"{id}\" is already the id of sources row {}; ids must be unique", self.entries[i].2));
        }
        self.by_id.insert(id.to_string(), self.entries.len());
        self.by_source.entry(key(&source)).or_insert(self.entries.len());
        self.entries.push((id.to_string(), source, row));
        Ok(())
    }

    /// The source an id names.
    pub fn get(&self, id: &str) -> Result<Source, String> {
        match self.by_id.get(id) {
            Some(&i) => {
                self.used.borrow_mut().insert(id.to_string());
                Ok(self.entries[i].1.clone())
            }
            // Never shown: the story is refused for the unread rows of the sources sheet.
            None if self.incomplete => Ok(Source { publisher: "?".into(), title: "?".into(), url: "https://unread.invalid/".into(), date: None }),
            None => Err(format!("\"{id}\" is not the id of any source in the sources sheet")),
        }
    }

    /// Whether a cell has named this id.
    pub fn is_used(&self, id: &str) -> bool {
        self.used.borrow().contains(id)
    }

    /// The sheet row a source came from: the first row that gives it, when two give the same.
    pub fn row_of(&self, source: &Source) -> Option<usize> {
        self.by_source.get(&key(source)).map(|&i| self.entries[i].2)
    }

    /// The id of a source in the book, or "" for one that is not in it.
    pub fn id_of(&self, source: &Source) -> &str {
        self.by_source.get(&key(source)).map_or("", |&i| self.entries[i].0.as_str())
    }

    /// Each source with its id and row, in the order they were added.
    pub fn entries(&self) -> impl Iterator<Item = (&str, &Source, usize)> {
        self.entries.iter().map(|(id, source, row)| (id.as_str(), source, *row))
    }

    /// Every distinct source of a story, in the order a reader of the sheets meets them (the
    /// story's, then each event's sources and quotes, each actor's, then each relation's), each
    /// with an id.
    pub fn of_dataset(dataset: &Dataset) -> Self {
        let mut book = SourceBook::default();
        let mut taken: HashMap<String, u32> = HashMap::new();
        let events = dataset.events.iter().flat_map(|e| e.sources.iter().chain(e.quotes.iter().map(|q| &q.source)));
        let actors = dataset.actors.iter().flat_map(|a| &a.sources);
        let all = dataset.story.sources.iter().chain(events).chain(actors).chain(dataset.relations.iter().flat_map(|r| &r.sources));
        for source in all {
            if book.by_source.contains_key(&key(source)) {
                continue;
            }
            let base = slug(&source.publisher);
            // "afp-2" may already be the id of a publisher named "AFP 2": count on past it.
            let mut n = taken.get(&base).copied().unwrap_or(0);
            let id = loop {
                n += 1;
                let id = if n == 1 { base.clone() } else { format!("{base}-{n}") };
                if !book.by_id.contains_key(&id) {
                    break id;
                }
            };
            taken.insert(base, n);
            book.insert(&id, source.clone(), 0).expect("made ids are unique and have no comma");
        }
        book
    }
}

/// A short id from a publisher's name: its words before any parenthesis, in lower case ASCII,
/// joined by hyphens, at most about 30 characters ("Reuters (via X)" → "reuters").
fn slug(publisher: &str) -> String {
    let name = publisher.split('(').next().unwrap_or_default();
    let mut out = String::new();
    for word in name.split(|c: char| !c.is_ascii_alphanumeric()).filter(|w| !w.is_empty()) {
        if !out.is_empty() && out.len() + word.len() >= 30 {
            break;
        }
        if !out.is_empty() {
            out.push('-');
        }
        out.push_str(&word.to_ascii_lowercase());
    }
    if out.is_empty() { "source".into() } else { out }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn source(publisher: &str, url: &str) -> Source {
        Source { publisher: publisher.into(), title: "T".into(), url: url.into(), date: None }
    }

    #[test]
    fn an_id_names_its_source_and_a_source_finds_its_row() {
        let mut book = SourceBook::default();
        book.insert("cbs", source("CBS News", "https://cbs.example/"), 2).unwrap();
        assert_eq!(book.get("cbs").unwrap().publisher, "CBS News");
        assert_eq!(book.row_of(&source("CBS News", "https://cbs.example/")), Some(2));
        assert_eq!(book.get("cbsnews").unwrap_err(), "\"cbsnews\" is not the id of any source in the sources sheet");
    }

    #[test]
    fn ids_are_unique_non_empty_and_free_of_commas() {
        let mut book = SourceBook::default();
        book.insert("a", source("P", "https://a.example/"), 2).unwrap();
        assert_eq!(book.insert("a", source("P", "https://b.example/"), 5).unwrap_err(), "\"a\" is already the id of sources row 2; ids must be unique");
        assert!(book.insert("", source("P", "https://c.example/"), 6).unwrap_err().starts_with("is empty"));
        assert!(book.insert("a,b", source("P", "https://d.example/"), 7).unwrap_err().contains("commas"));
    }

    #[test]
    fn written_ids_come_from_publishers_and_are_unique() {
        assert_eq!(slug("Reuters (via The Korea Herald)"), "reuters");
        assert_eq!(slug("The Kyiv Independent"), "the-kyiv-independent");
        assert_eq!(slug("연합뉴스"), "source");
        assert!(slug("Reuters via New Hampshire Union Leader and others").len() <= 30);
        let mut dataset: Dataset = serde_json::from_str(
            r#"{"storyline":1,"story":{"id":"s","title":"T","language":"en",
                "sources":[{"publisher":"AFP (via A)","title":"T","url":"https://a.example/"},
                           {"publisher":"AFP (via B)","title":"T","url":"https://b.example/"}]}}"#,
        )
        .unwrap();
        dataset.story.sources.push(dataset.story.sources[0].clone());
        let book = SourceBook::of_dataset(&dataset);
        let ids: Vec<&str> = book.entries().map(|(id, _, _)| id).collect();
        assert_eq!(ids, ["afp", "afp-2"], "the same source twice is one row");
    }

    #[test]
    fn a_made_id_never_takes_one_already_made() {
        let mut dataset: Dataset = serde_json::from_str(r#"{"storyline":1,"story":{"id":"s","title":"T","language":"en"}}"#).unwrap();
        for (publisher, url) in [("AFP", "https://a.example/"), ("AFP 2", "https://b.example/"), ("AFP", "https://c.example/"), ("AFP", "https://d.example/")] {
            dataset.story.sources.push(source(publisher, url));
        }
        let book = SourceBook::of_dataset(&dataset);
        let ids: Vec<&str> = book.entries().map(|(id, _, _)| id).collect();
        assert_eq!(ids, ["afp", "afp-2", "afp-3", "afp-4"]);
    }

    #[test]
    fn an_id_no_cell_names_is_unused() {
        let mut book = SourceBook::default();
        book.insert("a", source("P", "https://a.example/"), 2).unwrap();
        book.insert("b", source("P", "https://b.example/"), 3).unwrap();
        book.get("b").unwrap();
        assert!(!book.is_used("a"));
        assert!(book.is_used("b"));
    }

    #[test]
    fn an_unread_sources_sheet_takes_ids_on_trust() {
        assert!(SourceBook::incomplete().get("anything").is_ok());
    }
}
