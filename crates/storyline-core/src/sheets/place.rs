//! Where a problem is, in the editor's terms: a sheet, a row as the spreadsheet numbers it (the
//! header is row 1) and a column by the header the editor wrote.

use super::sheet::Sheet;
use std::fmt;

/// A place in the sheets; the parts not known are left out ("events", "events row 7").
#[derive(Clone, Debug, Default, PartialEq, Eq, Hash)]
pub struct Place {
    /// `None` for the sheets as a whole (a file that is no sheet, a story too large).
    pub sheet: Option<Sheet>,
    pub row: Option<usize>,
    pub column: Option<String>,
}

impl Place {
    pub fn sheet(sheet: Sheet) -> Self {
        Place { sheet: Some(sheet), ..Place::default() }
    }

    pub fn row(sheet: Sheet, row: usize) -> Self {
        Place { sheet: Some(sheet), row: Some(row), column: None }
    }

    pub fn cell(sheet: Sheet, row: usize, column: &str) -> Self {
        Place { sheet: Some(sheet), row: Some(row), column: Some(column.to_string()) }
    }
}

impl fmt::Display for Place {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let Some(sheet) = self.sheet else { return Ok(()) };
        write!(f, "{sheet}")?;
        if let Some(row) = self.row {
            write!(f, " row {row}")?;
        }
        if let Some(column) = &self.column {
            write!(f, ", column {column}")?;
        }
        Ok(())
    }
}

/// One problem, at one place in the sheets.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct SheetProblem {
    pub place: Place,
    pub message: String,
}

impl fmt::Display for SheetProblem {
    /// "events row 7, column date: …", or the message alone for the sheets as a whole.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if self.place.sheet.is_none() {
            f.write_str(&self.message)
        } else {
            write!(f, "{}: {}", self.place, self.message)
        }
    }
}

/// Everything found in a set of sheets. Errors keep the story from being written; warnings do not.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct SheetReport {
    pub errors: Vec<SheetProblem>,
    pub warnings: Vec<SheetProblem>,
}

impl SheetReport {
    pub fn error(&mut self, place: Place, message: impl Into<String>) {
        self.errors.push(SheetProblem { place, message: message.into() });
    }

    pub fn warn(&mut self, place: Place, message: impl Into<String>) {
        self.warnings.push(SheetProblem { place, message: message.into() });
    }

    /// Problems in the order of the sheets and their rows, as an editor fixes them, each once
    /// (a source used by five events has one mistake, not five).
    pub fn tidy(&mut self) {
        for list in [&mut self.errors, &mut self.warnings] {
            list.sort_by_key(|p| (p.place.sheet, p.place.row));
            let mut seen = std::collections::HashSet::new();
            list.retain(|p| seen.insert((p.place.clone(), p.message.clone())));
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_place_says_as_much_as_is_known() {
        assert_eq!(Place::cell(Sheet::Events, 7, "date").to_string(), "events row 7, column date");
        assert_eq!(Place::row(Sheet::Actors, 3).to_string(), "actors row 3");
        assert_eq!(Place::sheet(Sheet::Relations).to_string(), "relations");
        let whole = SheetProblem { place: Place::default(), message: "no story sheet".into() };
        assert_eq!(whole.to_string(), "no story sheet");
    }

    #[test]
    fn problems_are_sorted_by_sheet_and_row_and_given_once() {
        let mut report = SheetReport::default();
        report.error(Place::cell(Sheet::Sources, 4, "url"), "bad");
        report.error(Place::cell(Sheet::Events, 9, "date"), "bad");
        report.error(Place::cell(Sheet::Sources, 4, "url"), "bad");
        report.error(Place::cell(Sheet::Events, 2, "title"), "bad");
        report.tidy();
        let places: Vec<String> = report.errors.iter().map(|p| p.place.to_string()).collect();
        assert_eq!(places, ["events row 2, column title", "events row 9, column date", "sources row 4, column url"]);
    }
}
