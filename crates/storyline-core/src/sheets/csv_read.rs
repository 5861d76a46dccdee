//! Reading CSV as Google Sheets, Excel and LibreOffice write it (RFC 4180): quoted cells with
//! doubled quotes and line breaks inside, CRLF or LF (or a lone CR, as old Mac Excel wrote),
//! a UTF-8 byte-order mark, and `,` or `;` between cells, whichever the header line uses.
//!
//! Records are rows as the spreadsheet numbers them: a cell with line breaks is still one row,
//! so a message can say "row 7" and mean the row the editor sees.

/// Why a sheet could not be read, at the row (1 for the header) where it went wrong.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct CsvError {
    pub row: usize,
    pub message: String,
}

/// The rows of a CSV text, each a list of cells, the header first.
pub fn read_csv(text: &str) -> Result<Vec<Vec<String>>, CsvError> {
    let text = text.strip_prefix('\u{FEFF}').unwrap_or(text);
    let separator = separator_of(text);
    let bytes = text.as_bytes();
    let mut rows = Vec::new();
    let mut row = Vec::new();
    if bytes.is_empty() {
        return Ok(rows);
    }
    // Every byte compared below is ASCII, so each index found is a char boundary of `text`.
    let mut i = 0;
    loop {
        let (cell, end) = if bytes[i..].starts_with(b"\"") { quoted(text, i, separator, rows.len() + 1)? } else { unquoted(text, i, separator) };
        row.push(cell);
        i = end;
        // A cell ends at the separator, at a line end or at the end of the text.
        match bytes.get(i) {
            None => {
                rows.push(row);
                return Ok(rows);
            }
            Some(&b) if b == separator => i += 1,
            Some(_) => {
                i += if bytes[i..].starts_with(b"\r\n") { 2 } else { 1 };
                rows.push(std::mem::take(&mut row));
                if i == bytes.len() {
                    return Ok(rows);
                }
            }
        }
    }
}

/// The separator of the header line: `;` when it has more of them than of `,` outside quotes,
/// as Excel writes CSV where the decimal mark is a comma; `,` otherwise.
fn separator_of(text: &str) -> u8 {
    let (mut commas, mut semicolons, mut in_quotes) = (0, 0, false);
    for b in text.bytes() {
        match b {
            b'"' => in_quotes = !in_quotes,
            b',' if !in_quotes => commas += 1,
            b';' if !in_quotes => semicolons += 1,
            b'\n' | b'\r' if !in_quotes => break,
            _ => {}
        }
    }
    if semicolons > commas { b';' } else { b',' }
}

/// A cell without quotes runs to the next separator or line end. A quote inside it is kept as
/// text (`5" screen`), as the spreadsheets themselves read it.
fn unquoted(text: &str, start: usize, separator: u8) -> (String, usize) {
    let end = text.as_bytes()[start..].iter().position(|&b| b == separator || b == b'\r' || b == b'\n').map_or(text.len(), |p| start + p);
    (text[start..end].to_string(), end)
}

/// A quoted cell, from its opening quote at `start` to its closing one: `""` inside is one quote,
/// and separators and line breaks inside are text. Returns the cell and where it ends.
fn quoted(text: &str, start: usize, separator: u8, row: usize) -> Result<(String, usize), CsvError> {
    let bytes = text.as_bytes();
    let mut cell = String::new();
    let mut from = start + 1;
    loop {
        let Some(close) = bytes[from..].iter().position(|&b| b == b'"').map(|p| from + p) else {
            return Err(CsvError { row, message: "a cell opens a quote (\") that is never closed, so the rest of the sheet would be one cell".into() });
        };
        cell.push_str(&text[from..close]);
        if bytes.get(close + 1) == Some(&b'"') {
            cell.push('"');
            from = close + 2;
            continue;
        }
        let end = close + 1;
        // The cell as the editor would find it in the sheet: its start is enough.
        let shown: String = cell.chars().take(40).collect();
        return match bytes.get(end) {
            None | Some(b'\r' | b'\n') => Ok((cell, end)),
            Some(&b) if b == separator => Ok((cell, end)),
            Some(_) => Err(CsvError {
                row,
                message: format!(
                    "the cell \"{shown}\" is in quotes and text follows its closing quote; quote the whole cell and double each quote inside it (\"\"\"{shown}\"\" and more\")"
                ),
            }),
        };
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn rows(text: &str) -> Vec<Vec<String>> {
        read_csv(text).expect("readable CSV")
    }

    fn cells(list: &[&[&str]]) -> Vec<Vec<String>> {
        list.iter().map(|row| row.iter().map(|c| c.to_string()).collect()).collect()
    }

    #[test]
    fn plain_cells_split_at_commas_and_line_ends() {
        assert_eq!(rows("id,title\na,One\nb,Two\n"), cells(&[&["id", "title"], &["a", "One"], &["b", "Two"]]));
    }

    #[test]
    fn a_quoted_cell_keeps_commas_doubled_quotes_and_line_breaks() {
        let text = "id,summary\na,\"He said \"\"no\"\", then left.\nLater, he returned.\"\nb,plain\n";
        assert_eq!(rows(text), cells(&[&["id", "summary"], &["a", "He said \"no\", then left.\nLater, he returned."], &["b", "plain"]]));
    }

    #[test]
    fn crlf_lf_and_a_lone_cr_all_end_a_row_but_a_crlf_inside_quotes_is_text() {
        assert_eq!(rows("a,b\r\n1,2\r\n"), cells(&[&["a", "b"], &["1", "2"]]));
        assert_eq!(rows("a,b\r1,2"), cells(&[&["a", "b"], &["1", "2"]]));
        assert_eq!(rows("a\r\n\"x\r\ny\"\r\n"), cells(&[&["a"], &["x\r\ny"]]));
    }

    #[test]
    fn a_byte_order_mark_is_not_part_of_the_first_header() {
        assert_eq!(rows("\u{FEFF}id,title\r\na,b\r\n")[0], ["id", "title"]);
    }

    #[test]
    fn semicolons_separate_cells_when_the_header_line_uses_them() {
        assert_eq!(rows("id;title;lat\na;One, two;48,37\n"), cells(&[&["id", "title", "lat"], &["a", "One, two", "48,37"]]));
        // A semicolon inside a quoted header does not count.
        assert_eq!(rows("\"a;b\",c\n1,2\n")[1], ["1", "2"]);
    }

    #[test]
    fn empty_cells_rows_and_a_missing_final_line_end_are_kept_as_the_sheet_has_them() {
        assert_eq!(rows("a,b,\n,,\n\nlast,\"\""), cells(&[&["a", "b", ""], &["", "", ""], &[""], &["last", ""]]));
        assert_eq!(rows(""), Vec::<Vec<String>>::new());
    }

    #[test]
    fn a_quote_inside_an_unquoted_cell_is_text() {
        assert_eq!(rows("size\n5\" screen\n")[1], ["5\" screen"]);
    }

    #[test]
    fn a_quote_never_closed_is_reported_at_the_row_where_it_opens() {
        let err = read_csv("id,title\na,One\nb,\"Two\nc,Three\n").unwrap_err();
        assert_eq!(err.row, 3);
        assert!(err.message.contains("never closed"), "{}", err.message);
    }

    #[test]
    fn text_after_a_closing_quote_is_reported_with_the_fix() {
        let err = read_csv("id,title\na,\"Fake news\" said Peskov\n").unwrap_err();
        assert_eq!(err.row, 2);
        assert!(err.message.contains("\"\"\"Fake news\"\" and more\""), "{}", err.message);
    }

    #[test]
    fn rows_are_counted_as_the_spreadsheet_shows_them_even_when_a_cell_spans_lines() {
        let err = read_csv("id,summary\na,\"one\ntwo\nthree\"\nb,\"open\n").unwrap_err();
        assert_eq!(err.row, 3, "the header is row 1, the three-line cell is row 2");
    }
}
