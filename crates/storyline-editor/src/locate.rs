//! Where a JSON path (`events[3].sources[0].url`, as core names a problem's place) is in the
//! text an editor is typing, so that the page can put the cursor there.
//!
//! One pass over the text records where each value starts; a path that is not in the text (a
//! missing field) is found at its nearest ancestor that is. The text may be broken JSON: the
//! pass keeps what it read before the break. Offsets are in UTF-16 code units, as a browser's
//! text area counts them.

use std::collections::HashMap;

/// Where each value of a JSON text starts, by its path.
pub struct Places {
    starts: HashMap<String, usize>,
}

/// An open object or list, and the path of the value being read in it.
enum Open {
    Object { path: String, key: Option<String> },
    List { path: String, index: usize },
}

impl Open {
    fn child_path(&self) -> String {
        match self {
            Open::Object { path, key } => {
                let key = key.as_deref().unwrap_or_default();
                if path.is_empty() { key.to_string() } else { format!("{path}.{key}") }
            }
            Open::List { path, index } => format!("{path}[{index}]"),
        }
    }
}

impl Places {
    pub fn of(text: &str) -> Places {
        let mut starts = HashMap::new();
        let mut stack: Vec<Open> = Vec::new();
        // Whether the next string in an object is a key (after `{` or `,`) rather than a value.
        let mut expect_key = false;
        let mut chars = text.chars().peekable();
        let mut at = 0;
        let here = |stack: &[Open]| stack.last().map_or_else(String::new, Open::child_path);
        while let Some(c) = chars.next() {
            let start = at;
            at += c.len_utf16();
            match c {
                '{' | '[' => {
                    let path = here(&stack);
                    starts.entry(path.clone()).or_insert(start);
                    stack.push(if c == '{' { Open::Object { path, key: None } } else { Open::List { path, index: 0 } });
                    expect_key = c == '{';
                }
                '}' | ']' => {
                    stack.pop();
                    expect_key = false;
                }
                ',' => match stack.last_mut() {
                    Some(Open::List { index, .. }) => *index += 1,
                    Some(Open::Object { key, .. }) => {
                        *key = None;
                        expect_key = true;
                    }
                    None => {}
                },
                ':' => expect_key = false,
                '"' => {
                    let mut string = String::new();
                    while let Some(c) = chars.next() {
                        at += c.len_utf16();
                        match c {
                            '"' => break,
                            '\\' => {
                                if let Some(escaped) = chars.next() {
                                    at += escaped.len_utf16();
                                    string.push(escaped);
                                }
                            }
                            c => string.push(c),
                        }
                    }
                    match stack.last_mut() {
                        Some(Open::Object { key, .. }) if expect_key => {
                            *key = Some(string);
                            // A key's place is where its value's problems are shown when the value is not there.
                            let path = here(&stack);
                            starts.insert(path, start);
                        }
                        _ => {
                            starts.entry(here(&stack)).or_insert(start);
                        }
                    }
                }
                c if c.is_whitespace() => {}
                _ => {
                    // A number, true, false or null: its first character is its start.
                    starts.entry(here(&stack)).or_insert(start);
                    while chars.peek().is_some_and(|n| !matches!(n, ',' | '}' | ']') && !n.is_whitespace()) {
                        at += chars.next().map_or(0, char::len_utf16);
                    }
                }
            }
        }
        Places { starts }
    }

    /// Where `path` starts, or else its nearest ancestor that the text holds (the whole file's
    /// start for a top-level field); `None` for the whole file (the empty path) or a text that holds none of it.
    pub fn find(&self, path: &str) -> Option<usize> {
        if path.is_empty() {
            return None;
        }
        let mut path = path;
        loop {
            if let Some(&at) = self.starts.get(path) {
                return Some(at);
            }
            if path.is_empty() {
                return None;
            }
            path = path.rfind(['.', '[']).map_or("", |cut| &path[..cut]);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::Places;

    const TEXT: &str = "{\n  \"story\": {\"title\": \"Été\", \"id\": \"a\"},\n  \"events\": [\n    {\"id\": \"e1\", \"sources\": [{\"url\": \"x\"}]},\n    {\"id\": \"e2\", \"lat\": -3.5}\n  ]\n}";

    fn at(text: &str, needle: &str) -> usize {
        text[..text.find(needle).unwrap()].encode_utf16().count()
    }

    #[test]
    fn a_field_is_found_at_its_key() {
        let places = Places::of(TEXT);
        assert_eq!(places.find("story.title"), Some(at(TEXT, "\"title\"")));
        assert_eq!(places.find("story.id"), Some(at(TEXT, "\"id\": \"a\"")));
        assert_eq!(places.find("events[0].sources[0].url"), Some(at(TEXT, "\"url\"")));
        assert_eq!(places.find("events[1].lat"), Some(at(TEXT, "\"lat\"")));
    }

    #[test]
    fn an_item_of_a_list_is_found_where_it_opens() {
        let places = Places::of(TEXT);
        assert_eq!(places.find("events[1]"), Some(at(TEXT, "{\"id\": \"e2\"")));
    }

    #[test]
    fn a_missing_field_is_found_at_its_nearest_ancestor() {
        let places = Places::of(TEXT);
        assert_eq!(places.find("events[1].summary"), Some(at(TEXT, "{\"id\": \"e2\"")));
        assert_eq!(places.find("eras"), Some(0), "a missing top-level field is at the file's start");
        assert_eq!(places.find(""), None);
    }

    #[test]
    fn offsets_count_utf16_units_as_a_text_area_does() {
        let text = "{\"a\": \"😀\", \"b\": 1}";
        assert_eq!(Places::of(text).find("b"), Some(at(text, "\"b\"")));
        assert_eq!(at(text, "\"b\"") + 2, text.find("\"b\"").unwrap(), "the emoji is four bytes and two UTF-16 units");
    }

    #[test]
    fn broken_json_keeps_what_came_before_the_break() {
        let text = "{\"story\": {\"title\": \"x\"}, \"events\": [{\"id\": ";
        let places = Places::of(text);
        assert_eq!(places.find("story.title"), Some(at(text, "\"title\"")));
        assert_eq!(places.find("events[0].id"), Some(at(text, "\"id\"")));
    }
}
