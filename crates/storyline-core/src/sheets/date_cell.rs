//! A date cell: the format's forms (YYYY-MM-DD, YYYY-MM, YYYY, an instant), and a message that
//! gives the fix for the forms spreadsheets show instead.
//!
//! Excel turns a typed 2024-10-23 into a date and saves it as the computer's locale shows dates:
//! 10/23/2024 in the US, 23/10/2024 in Europe, 23.10.2024 in Germany. Nothing is converted, even
//! when only one reading is possible: a column where 23/10/2024 passed and 03/10/2024 did not
//! would be harder to fix than one message per cell, each naming the date to write. An ambiguous
//! date names both readings and lets the editor choose.

use crate::date::{days_in_month, PartialDate, Precision};

/// What every date message ends with: the forms the story reads.
pub const DATE_FORMS: &str = "write the date as YYYY-MM-DD (or YYYY-MM, or YYYY), such as 2024-10-23";

/// The date in a cell, spaces around it ignored.
pub fn read_date(cell: &str) -> Result<PartialDate, String> {
    let text = cell.trim();
    if text.is_empty() {
        return Err(format!("is empty: {DATE_FORMS}"));
    }
    PartialDate::parse(text).map_err(|e| hint(text).unwrap_or(e.0))
}

/// An optional date: an empty cell is none.
pub fn read_optional_date(cell: &str) -> Result<Option<PartialDate>, String> {
    if cell.trim().is_empty() { Ok(None) } else { read_date(cell).map(Some) }
}

const MONTH_NAMES: [&str; 12] = ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"];

/// The month a word names: "Oct", "october", "Sept.".
fn month_of(word: &str) -> Option<u8> {
    let word = word.trim_end_matches('.').to_lowercase();
    let full = ["january", "february", "march", "april", "may", "june", "july", "august", "september", "october", "november", "december"];
    (1..=12u8).find(|&m| {
        let i = usize::from(m - 1);
        word == MONTH_NAMES[i] || word == full[i] || (m == 9 && word == "sept")
    })
}

/// The message for a date written as people and spreadsheets write it, or `None` when the text
/// is no such date (the format's own message is then the better one).
fn hint(text: &str) -> Option<String> {
    if let Some(message) = with_time_but_no_zone(text) {
        return Some(message);
    }
    let words: Vec<&str> = text.split(|c: char| c.is_whitespace() || matches!(c, '/' | '.' | '-' | ',')).filter(|w| !w.is_empty()).collect();
    let numbers: Option<Vec<u32>> = words.iter().map(|w| if w.len() <= 4 && w.bytes().all(|b| b.is_ascii_digit()) { w.parse().ok() } else { None }).collect();
    if let Some(numbers) = numbers {
        return numeric(text, &words, &numbers);
    }
    named_month(text, &words)
}

/// 23/10/2024, 10/23/2024, 23.10.2024, 2024/10/23, 10/2024, 23/10/24.
fn numeric(text: &str, words: &[&str], n: &[u32]) -> Option<String> {
    match (words, n) {
        ([_, _, y], &[a, b, year]) if y.len() == 4 => {
            let readings: Vec<(u8, u8)> = [(b, a), (a, b)].into_iter().filter_map(|(m, d)| day_of(year, m, d)).collect();
            match readings.as_slice() {
                [] => Some(format!("\"{text}\" is not a date: {DATE_FORMS}")),
                [(m, d)] => Some(rewrite(text, PartialDate::day(i64::from(year), *m, *d))),
                [(m1, d1), (m2, d2)] if (m1, d1) == (m2, d2) => Some(rewrite(text, PartialDate::day(i64::from(year), *m1, *d1))),
                [(m1, d1), (m2, d2)] => {
                    let (one, other) = (PartialDate::day(i64::from(year), *m1, *d1), PartialDate::day(i64::from(year), *m2, *d2));
                    Some(format!(
                        "\"{text}\" could be {} or {}: write {one} or {other} (YYYY-MM-DD)",
                        one.display_long(),
                        other.display_long()
                    ))
                }
                _ => None,
            }
        }
        ([y, _, _], &[year, m, d]) if y.len() == 4 => match day_of(year, m, d) {
            Some((m, d)) => Some(rewrite(text, PartialDate::day(i64::from(year), m, d))),
            // Written with hyphens, it is the format's own form, and its message says what is wrong.
            None if !text.contains(['/', '.']) => None,
            None => Some(format!("\"{text}\" is not a date: {DATE_FORMS}")),
        },
        ([_, y], &[m, year]) if y.len() == 4 && (1..=12).contains(&m) => Some(rewrite(text, PartialDate::month(i64::from(year), m as u8))),
        // A four-digit first number is a year, and the rest is the format's own message to give.
        ([_, _, y], _) | ([_, y], _) if y.len() == 2 && words[0].len() <= 2 => Some(format!("\"{text}\" has a two-digit year: write the year in full, as YYYY-MM-DD (or YYYY-MM, or YYYY)")),
        _ => None,
    }
}

/// 23 Oct 2024, October 23, 2024, 23-Oct-2024, Oct 2024, Oct-24.
fn named_month(text: &str, words: &[&str]) -> Option<String> {
    let at = words.iter().position(|w| month_of(w).is_some())?;
    let month = month_of(words[at])?;
    let others: Vec<&str> = words.iter().enumerate().filter(|(i, _)| *i != at).map(|(_, w)| w.trim_end_matches(['s', 't', 'n', 'd', 'r', 'h'])).collect();
    let number = |w: &str| w.parse::<u32>().ok().filter(|_| w.bytes().all(|b| b.is_ascii_digit()));
    match others.as_slice() {
        [y] if y.len() == 4 => Some(rewrite(text, PartialDate::month(i64::from(number(y)?), month))),
        [d, y] | [y, d] if y.len() == 4 && d.len() <= 2 => {
            let (year, day) = (number(y)?, number(d)?);
            match day_of(year, u32::from(month), day) {
                Some((m, d)) => Some(rewrite(text, PartialDate::day(i64::from(year), m, d))),
                // The format's own words for a day the month does not have, about the editor's text.
                None => {
                    let iso = format!("{year:04}-{month:02}-{day:02}");
                    let why = PartialDate::parse(&iso).err()?.0;
                    Some(why.replace(&format!("\"{iso}\" is not a real date"), &format!("\"{text}\" is not a date")))
                }
            }
        }
        [y] | [_, y] if y.len() == 2 => Some(format!("\"{text}\" has a two-digit year: write the year in full, as YYYY-MM-DD (or YYYY-MM, or YYYY)")),
        _ => None,
    }
}

/// (month, day) when both exist in that year, else `None`.
fn day_of(year: u32, month: u32, day: u32) -> Option<(u8, u8)> {
    let (m, d) = (u8::try_from(month).ok()?, u8::try_from(day).ok()?);
    ((1..=12).contains(&m) && d >= 1 && d <= days_in_month(i64::from(year), m)).then_some((m, d))
}

fn rewrite(text: &str, date: PartialDate) -> String {
    let form = match date.precision {
        Precision::Month => "YYYY-MM",
        _ => "YYYY-MM-DD",
    };
    format!("\"{text}\" is not written as the story needs: write {date} ({form})")
}

/// 2024-10-23 14:05 or 2024-10-23 14:05:00, as a spreadsheet writes a date with a time: the
/// format needs the time zone, which the sheet never had.
fn with_time_but_no_zone(text: &str) -> Option<String> {
    let (day, time) = text.split_once(' ')?;
    let date = PartialDate::parse(day).ok()?;
    let parts: Vec<&str> = time.trim().split(':').collect();
    let two_digits = |p: &&str| p.len() == 2 && p.bytes().all(|b| b.is_ascii_digit());
    if !(2..=3).contains(&parts.len()) || !parts.iter().all(two_digits) {
        return None;
    }
    let clock = format!("{}:{}:{}", parts[0], parts[1], parts.get(2).unwrap_or(&"00"));
    Some(format!("\"{text}\" has a time but no time zone: write {date} for the day, or {date}T{clock}Z for that time in UTC (+09:00 instead of Z for a time nine hours ahead)"))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_formats_own_forms_are_read_with_spaces_around_them_ignored() {
        assert_eq!(read_date(" 2024-10-23 ").unwrap(), PartialDate::day(2024, 10, 23));
        assert_eq!(read_date("2024-10").unwrap(), PartialDate::month(2024, 10));
        assert_eq!(read_date("2024").unwrap(), PartialDate::year(2024));
        assert_eq!(read_optional_date("  ").unwrap(), None);
    }

    #[test]
    fn an_empty_required_date_asks_for_one() {
        assert_eq!(read_date("").unwrap_err(), format!("is empty: {DATE_FORMS}"));
    }

    #[test]
    fn a_day_first_or_month_first_date_with_one_reading_names_the_date_to_write() {
        assert_eq!(read_date("23/10/2024").unwrap_err(), "\"23/10/2024\" is not written as the story needs: write 2024-10-23 (YYYY-MM-DD)");
        assert_eq!(read_date("10/23/2024").unwrap_err(), "\"10/23/2024\" is not written as the story needs: write 2024-10-23 (YYYY-MM-DD)");
        assert_eq!(read_date("23.10.2024").unwrap_err(), "\"23.10.2024\" is not written as the story needs: write 2024-10-23 (YYYY-MM-DD)");
        assert_eq!(read_date("05/05/2024").unwrap_err(), "\"05/05/2024\" is not written as the story needs: write 2024-05-05 (YYYY-MM-DD)");
        assert_eq!(read_date("2024/10/23").unwrap_err(), "\"2024/10/23\" is not written as the story needs: write 2024-10-23 (YYYY-MM-DD)");
        assert_eq!(read_date("2024-1-5").unwrap_err(), "\"2024-1-5\" is not written as the story needs: write 2024-01-05 (YYYY-MM-DD)");
        assert_eq!(read_date("10/2024").unwrap_err(), "\"10/2024\" is not written as the story needs: write 2024-10 (YYYY-MM)");
    }

    #[test]
    fn an_ambiguous_day_and_month_is_never_guessed_but_both_readings_are_named() {
        assert_eq!(
            read_date("03/10/2024").unwrap_err(),
            "\"03/10/2024\" could be 3 October 2024 or 10 March 2024: write 2024-10-03 or 2024-03-10 (YYYY-MM-DD)"
        );
    }

    #[test]
    fn a_month_by_name_is_read_for_the_message_only() {
        assert_eq!(read_date("23 Oct 2024").unwrap_err(), "\"23 Oct 2024\" is not written as the story needs: write 2024-10-23 (YYYY-MM-DD)");
        assert_eq!(read_date("October 23rd, 2024").unwrap_err(), "\"October 23rd, 2024\" is not written as the story needs: write 2024-10-23 (YYYY-MM-DD)");
        assert_eq!(read_date("23-Oct-2024").unwrap_err(), "\"23-Oct-2024\" is not written as the story needs: write 2024-10-23 (YYYY-MM-DD)");
        assert_eq!(read_date("Sept. 2024").unwrap_err(), "\"Sept. 2024\" is not written as the story needs: write 2024-09 (YYYY-MM)");
    }

    #[test]
    fn a_day_the_month_does_not_have_is_not_a_date() {
        assert_eq!(read_date("31 Feb 2024").unwrap_err(), "\"31 Feb 2024\" is not a date: February 2024 has 29 days");
        assert_eq!(read_date("31/02/2024").unwrap_err(), format!("\"31/02/2024\" is not a date: {DATE_FORMS}"));
        assert_eq!(read_date("2024-02-30").unwrap_err(), "\"2024-02-30\" is not a real date: February 2024 has 29 days");
    }

    #[test]
    fn a_two_digit_year_asks_for_the_year_in_full() {
        assert!(read_date("23/10/24").unwrap_err().contains("two-digit year"));
        assert!(read_date("Oct-24").unwrap_err().contains("two-digit year"));
    }

    #[test]
    fn a_year_first_date_with_a_month_that_does_not_exist_keeps_the_formats_message() {
        assert_eq!(read_date("2024-13").unwrap_err(), "\"2024-13\" has month 13, which does not exist");
    }

    #[test]
    fn a_time_without_a_zone_names_the_day_and_the_instant_to_write() {
        assert_eq!(
            read_date("2024-10-23 14:05").unwrap_err(),
            "\"2024-10-23 14:05\" has a time but no time zone: write 2024-10-23 for the day, or 2024-10-23T14:05:00Z for that time in UTC (+09:00 instead of Z for a time nine hours ahead)"
        );
    }

    #[test]
    fn words_that_are_no_date_get_the_formats_message() {
        let message = read_date("soon").unwrap_err();
        assert!(message.contains("YYYY-MM-DD"), "{message}");
    }
}
