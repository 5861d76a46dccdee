//! The template's sheets, and which sheet a file is by its name.
//!
//! Each app saves one sheet at a time: Google Sheets names the download after the spreadsheet
//! and the tab ("My story - events.csv"), a browser adds " (1)" to a second download, and
//! Excel and LibreOffice use whatever name the editor types. So the name's last part decides.

use std::fmt;

/// One sheet of the template, in the order problems are listed.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Sheet {
    Story,
    Events,
    Actors,
    Relations,
    Eras,
    Sources,
    Quotes,
    Updates,
}

impl Sheet {
    pub const ALL: [Sheet; 8] =
        [Sheet::Story, Sheet::Events, Sheet::Actors, Sheet::Relations, Sheet::Eras, Sheet::Sources, Sheet::Quotes, Sheet::Updates];

    /// The sheet's name in the template, and its file's name without `.csv`.
    pub fn name(self) -> &'static str {
        match self {
            Sheet::Story => "story",
            Sheet::Events => "events",
            Sheet::Actors => "actors",
            Sheet::Relations => "relations",
            Sheet::Eras => "eras",
            Sheet::Sources => "sources",
            Sheet::Quotes => "quotes",
            Sheet::Updates => "updates",
        }
    }

    /// The file `export` writes for this sheet.
    pub fn file_name(self) -> String {
        format!("{}.csv", self.name())
    }

    /// The sheet a file holds, by its name: `events.csv`, `Events.CSV`, `My story - events.csv`,
    /// `My story - events (1).csv` or `event.csv`; `None` for any other name.
    pub fn of_file(file_name: &str) -> Option<Sheet> {
        let len = file_name.len();
        let stem = match file_name.get(len.saturating_sub(4)..) {
            Some(ext) if ext.eq_ignore_ascii_case(".csv") => &file_name[..len - 4],
            _ => return None,
        };
        let tab = stem.rsplit(" - ").next().unwrap_or(stem);
        let tab = without_copy_number(tab.trim());
        let key = normalise(tab);
        Sheet::ALL.into_iter().find(|s| key == s.name() || Some(key.as_str()) == s.name().strip_suffix('s'))
    }
}

impl fmt::Display for Sheet {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.name())
    }
}

/// "events (2)" → "events": what a browser makes of a file downloaded twice.
fn without_copy_number(name: &str) -> &str {
    let Some(open) = name.strip_suffix(')').and_then(|n| n.rfind('(')) else { return name };
    let number = &name[open + 1..name.len() - 1];
    if !number.is_empty() && number.bytes().all(|b| b.is_ascii_digit()) { name[..open].trim_end() } else { name }
}

/// A name as people write it, reduced to compare: case, spaces, `_` and `-` do not count
/// ("End date", "end_date" and "END DATE" are one column).
pub fn normalise(name: &str) -> String {
    name.chars().filter(|c| !c.is_whitespace() && *c != '_' && *c != '-').flat_map(char::to_lowercase).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_file_is_its_sheet_by_the_last_part_of_its_name() {
        assert_eq!(Sheet::of_file("events.csv"), Some(Sheet::Events));
        assert_eq!(Sheet::of_file("Actors.CSV"), Some(Sheet::Actors));
        assert_eq!(Sheet::of_file("North Korea troops - relations.csv"), Some(Sheet::Relations));
        assert_eq!(Sheet::of_file("My story - Events (1).csv"), Some(Sheet::Events));
        assert_eq!(Sheet::of_file("quote.csv"), Some(Sheet::Quotes));
        assert_eq!(Sheet::of_file("story.csv"), Some(Sheet::Story));
        assert_eq!(Sheet::of_file("My story - Updates.csv"), Some(Sheet::Updates));
    }

    #[test]
    fn other_names_and_other_kinds_of_file_are_no_sheet() {
        assert_eq!(Sheet::of_file("notes.csv"), None);
        assert_eq!(Sheet::of_file("events.json"), None);
        assert_eq!(Sheet::of_file("events"), None);
        assert_eq!(Sheet::of_file("My events - draft.csv"), None);
        assert_eq!(Sheet::of_file("ü.csv"), None);
    }

    #[test]
    fn names_compare_without_case_spaces_underscores_or_hyphens() {
        assert_eq!(normalise(" End date "), "enddate");
        assert_eq!(normalise("END_DATE"), "enddate");
        assert_eq!(normalise("end-date"), "enddate");
    }
}
