//! A story to the template's sheets, so that a newsroom can start from any story: one CSV text
//! per sheet, the columns in the table's order, every source once in the sources sheet.
//!
//! What a sheet cannot say is found by reading the sheets back: an item that would come back
//! different (a tag with a comma in it, a role with a parenthesis left open, an empty
//! attribution) is named in a note, and the sheets are written all the same.

use super::columns::{Column, QuoteRow, SourceRow, ACTORS, ERAS, EVENTS, QUOTES, RELATIONS, SOURCES, STORY, UPDATES};
use super::csv_write::write_csv;
use super::import::import_sheets;
use super::sheet::Sheet;
use super::source_book::SourceBook;
use crate::model::Dataset;
use serde::Serialize;

/// The sheets of a story, each as the text of its CSV file, and what they do not keep.
#[derive(Clone, Debug, PartialEq)]
pub struct Exported {
    pub sheets: Vec<(Sheet, String)>,
    pub notes: Vec<String>,
}

/// Writes every sheet of the template for `dataset`, in the order of `Sheet::ALL`, empty sheets
/// with their header row, so that the editor sees every column there is.
pub fn export_sheets(dataset: &Dataset) -> Exported {
    let book = SourceBook::of_dataset(dataset);
    let sources: Vec<SourceRow> = book.entries().map(|(id, source, _)| SourceRow { id: id.to_string(), source: source.clone() }).collect();
    let quotes: Vec<QuoteRow> =
        dataset.events.iter().flat_map(|e| e.quotes.iter().map(|q| QuoteRow { event: e.id.clone(), quote: q.clone() })).collect();
    let mut story = vec![vec!["field".to_string(), "value".to_string()]];
    story.extend(STORY.iter().map(|c| vec![c.name.to_string(), (c.write)(&dataset.story, &book)]));
    let sheets = Sheet::ALL
        .into_iter()
        .map(|sheet| {
            let rows = match sheet {
                Sheet::Story => story.clone(),
                Sheet::Events => table(EVENTS, &dataset.events, &book),
                Sheet::Actors => table(ACTORS, &dataset.actors, &book),
                Sheet::Relations => table(RELATIONS, &dataset.relations, &book),
                Sheet::Eras => table(ERAS, &dataset.eras, &book),
                Sheet::Sources => table(SOURCES, &sources, &book),
                Sheet::Quotes => table(QUOTES, &quotes, &book),
                Sheet::Updates => table(UPDATES, &dataset.updates, &book),
            };
            (sheet, write_csv(&rows))
        })
        .collect();
    let mut exported = Exported { sheets, notes: Vec::new() };
    exported.notes = read_back(dataset, &exported);
    exported
}

fn table<T>(columns: &[Column<T>], items: &[T], book: &SourceBook) -> Vec<Vec<String>> {
    let header = columns.iter().map(|c| c.name.to_string()).collect();
    std::iter::once(header).chain(items.iter().map(|item| columns.iter().map(|c| (c.write)(item, book)).collect())).collect()
}

/// Reads the sheets back and names every item that does not come back as it was.
fn read_back(dataset: &Dataset, exported: &Exported) -> Vec<String> {
    let names: Vec<String> = exported.sheets.iter().map(|(sheet, _)| sheet.file_name()).collect();
    let files: Vec<(&str, &[u8])> = names.iter().zip(&exported.sheets).map(|(name, (_, text))| (name.as_str(), text.as_bytes())).collect();
    let back = match import_sheets(&files) {
        Ok(imported) => imported.dataset,
        Err(report) => return report.errors.iter().map(|e| format!("the sheets do not read back: {e}")).collect(),
    };
    let mut notes = Vec::new();
    differences("story", std::slice::from_ref(&dataset.story), std::slice::from_ref(&back.story), &mut notes);
    differences("actors", &dataset.actors, &back.actors, &mut notes);
    differences("events", &dataset.events, &back.events, &mut notes);
    differences("relations", &dataset.relations, &back.relations, &mut notes);
    differences("eras", &dataset.eras, &back.eras, &mut notes);
    differences("updates", &dataset.updates, &back.updates, &mut notes);
    notes
}

/// A note for each item of `list` that differs from its copy read back, naming its fields that do.
fn differences<T: Serialize + PartialEq>(list: &str, before: &[T], after: &[T], notes: &mut Vec<String>) {
    for (i, (a, b)) in before.iter().zip(after).enumerate().filter(|(_, (a, b))| a != b) {
        let (a, b) = (serde_json::to_value(a).expect("items serialize"), serde_json::to_value(b).expect("items serialize"));
        let mut fields: Vec<&str> = a.as_object().into_iter().flat_map(|o| o.keys()).map(String::as_str).collect();
        fields.extend(b.as_object().into_iter().flat_map(|o| o.keys()).map(String::as_str));
        fields.sort_unstable();
        fields.dedup();
        fields.retain(|f| a.get(f) != b.get(f));
        let at = if list == "story" { "story".to_string() } else { format!("{list}[{i}]") };
        let id = a.get("id").and_then(|v| v.as_str()).unwrap_or_default();
        notes.push(format!(
            "{at} (\"{id}\"): {} will not read back the same from the sheets (a comma in a tag, a parenthesis in a role, spaces around a list's item or an empty text read as none)",
            fields.join(", ")
        ));
    }
    if before.len() != after.len() {
        notes.push(format!("{list}: {} items are written and {} read back", before.len(), after.len()));
    }
}
