//! Writing CSV that the three spreadsheets open as they are: a UTF-8 byte-order mark (without
//! it Excel reads UTF-8 as its local code page, and "Moscow–Pyongyang" comes out garbled), CRLF
//! line ends as RFC 4180 has them, and quotes only around the cells that need them.

/// The rows as one CSV text, cells separated by commas.
pub fn write_csv(rows: &[Vec<String>]) -> String {
    let mut out = String::from("\u{FEFF}");
    for row in rows {
        for (i, cell) in row.iter().enumerate() {
            if i > 0 {
                out.push(',');
            }
            // Spaces at either end are kept by RFC 4180, but quoting them leaves no app in doubt.
            let needs_quotes = cell.contains([',', '"', '\n', '\r']) || cell.starts_with(char::is_whitespace) || cell.ends_with(char::is_whitespace);
            if needs_quotes {
                out.push('"');
                out.push_str(&cell.replace('"', "\"\""));
                out.push('"');
            } else {
                out.push_str(cell);
            }
        }
        out.push_str("\r\n");
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::sheets::csv_read::read_csv;

    fn row(cells: &[&str]) -> Vec<String> {
        cells.iter().map(|c| c.to_string()).collect()
    }

    #[test]
    fn only_cells_that_need_quotes_get_them() {
        let text = write_csv(&[row(&["id", "title"]), row(&["a", "One, two"]), row(&["b", "He said \"no\""])]);
        assert_eq!(text, "\u{FEFF}id,title\r\na,\"One, two\"\r\nb,\"He said \"\"no\"\"\"\r\n");
    }

    #[test]
    fn whatever_is_written_reads_back_the_same() {
        let rows = vec![
            row(&["id", "summary", "note"]),
            row(&["a", "Line one\nline two\r\nline three", " spaced "]),
            row(&["", "\"", ";"]),
            row(&["c", "", "Moscow–Pyongyang"]),
        ];
        assert_eq!(read_csv(&write_csv(&rows)).unwrap(), rows);
    }
}
