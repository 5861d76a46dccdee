//! The spreadsheet template: a story as sheets that a journalist fills in Google Sheets, Excel
//! or LibreOffice and saves as CSV files, one per sheet, and back.
//!
//! Behind the `sheets` feature: editors' tools turn it on; the widget, whose readers never
//! import a spreadsheet, does not, so none of this is in its WebAssembly.
//!
//! - `csv_read`, `csv_write`: CSV text as the three apps write and read it;
//! - `sheet`: the sheets, and which sheet a file is by its name;
//! - `columns`: the one table of every sheet's columns and the fields they fill;
//! - `cells`, `date_cell`: a cell's text as a value, with messages that give the fix;
//! - `source_book`: the sources sheet, each source once, named by id;
//! - `import`, `export`: sheets to a story and back; `trace`, `place`: every problem of the
//!   story named by sheet, row and column.

pub mod cells;
pub mod columns;
pub mod csv_read;
pub mod csv_write;
pub mod date_cell;
pub mod export;
pub mod import;
pub mod place;
pub mod sheet;
pub mod source_book;
pub mod trace;

pub use export::{export_sheets, Exported};
pub use import::{import_sheets, Imported};
pub use place::{Place, SheetProblem, SheetReport};
pub use sheet::Sheet;

#[cfg(test)]
mod tests;
