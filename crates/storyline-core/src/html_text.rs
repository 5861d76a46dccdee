//! HTML markup reduced to plain text, for importing other tools' rich text into Storyline's text-only fields; and `escape`, the way back.
//!
//! This is not a sanitizer and need not be one: its output is text, which the widget
//! escapes like any other string. It only has to keep what a reader would have read,
//! drop what they would not (code, styles, embeds), and never panic or loop on any input.

/// Elements whose whole contents are code or embeds, never words for a reader.
const DROPPED: [&str; 6] = ["script", "style", "template", "iframe", "object", "noscript"];

/// The characters Windows-1252 puts at 0x80..=0x9F: HTML decodes `&#146;` as ’, and old
/// newsroom systems wrote such references. '\0' marks the five unassigned slots.
const WINDOWS_1252: [char; 32] = [
    '€', '\0', '‚', 'ƒ', '„', '…', '†', '‡', 'ˆ', '‰', 'Š', '‹', 'Œ', '\0', 'Ž', '\0', //
    '\0', '‘', '’', '“', '”', '•', '–', '—', '˜', '™', 'š', '›', 'œ', '\0', 'ž', 'Ÿ',
];

/// The text a reader would see in `markup`: tags dropped, block ends as line breaks (at most one
/// blank line in a row), entities decoded, whitespace collapsed within lines, no control characters.
pub fn to_plain_text(markup: &str) -> String {
    // ASCII lowercasing keeps every byte offset, so tags are matched case-insensitively in
    // `lower` at the same positions as in `markup`.
    let lower = markup.to_ascii_lowercase();
    let mut raw = String::with_capacity(markup.len());
    let mut i = 0;
    while let Some(found) = markup[i..].find(['<', '&']) {
        push_text(&mut raw, &markup[i..i + found]);
        i += found;
        if markup[i..].starts_with('&') {
            let (decoded, len) = entity(&markup[i..]);
            if let Some(c) = decoded {
                push_text(&mut raw, c.encode_utf8(&mut [0; 4]));
            }
            i += len;
        } else {
            i = tag(&lower, i, &mut raw);
        }
    }
    push_text(&mut raw, &markup[i..]);
    tidy(&raw)
}

/// Appends text with every whitespace character as a space (line breaks come only from
/// tags, as in a browser) and control characters removed.
fn push_text(out: &mut String, text: &str) {
    for c in text.chars() {
        if c.is_whitespace() {
            out.push(' ');
        } else if !c.is_control() {
            out.push(c);
        }
    }
}

/// Handles the `<` at `i`: a tag, comment or declaration is consumed (writing any line break
/// it stands for), anything else is a literal `<`. Returns where to continue.
fn tag(lower: &str, i: usize, out: &mut String) -> usize {
    let bytes = lower.as_bytes();
    if lower[i..].starts_with("<!--") {
        return find(lower, i + 4, "-->").map_or(lower.len(), |j| j + 3);
    }
    if matches!(bytes.get(i + 1), Some(b'!' | b'?')) {
        return find(lower, i + 2, ">").map_or(lower.len(), |j| j + 1);
    }
    let closing = bytes.get(i + 1) == Some(&b'/');
    let name_start = i + 1 + usize::from(closing);
    if !bytes.get(name_start).is_some_and(u8::is_ascii_alphabetic) {
        // "a < b" and "x </ y" are text, as browsers read them.
        out.push('<');
        return i + 1;
    }
    let name_len = bytes[name_start..].iter().take_while(|b| b.is_ascii_alphanumeric()).count();
    let name = &lower[name_start..name_start + name_len];
    let end = tag_end(lower, name_start + name_len);
    // `<iframe ... />` is not self-closing in HTML, but it is what its author meant, and
    // reading it so keeps the text after it.
    if !closing && DROPPED.contains(&name) && !lower[..end].ends_with("/>") {
        return closing_tag_end(lower, end, name);
    }
    match name {
        "br" | "hr" => out.push('\n'),
        "p" | "h1" | "h2" | "h3" | "h4" | "h5" | "h6" | "blockquote" => block_break(out, 2),
        "div" | "li" | "ul" | "ol" | "dl" | "dt" | "dd" | "tr" | "table" | "pre" | "section" | "article" | "header"
        | "footer" | "figure" | "figcaption" => block_break(out, 1),
        "td" | "th" => out.push(' '),
        _ => {}
    }
    end
}

/// Ends the current line `lines` times over at most: the edges of blocks merge, so
/// `</li><li>` is one line break and `</p><p>` one blank line, while every `<br>` counts.
fn block_break(out: &mut String, lines: usize) {
    let have = out.trim_end_matches(' ').bytes().rev().take_while(|&b| b == b'\n').count();
    for _ in have..lines {
        out.push('\n');
    }
}

fn find(haystack: &str, from: usize, needle: &str) -> Option<usize> {
    haystack.get(from..)?.find(needle).map(|j| from + j)
}

/// Just past the `>` that ends a tag, skipping any `>` inside quoted attribute values.
/// An unbalanced quote falls back to the first `>`; no `>` at all ends the input.
fn tag_end(lower: &str, from: usize) -> usize {
    let mut quote = None;
    for (k, b) in lower.bytes().enumerate().skip(from) {
        match (quote, b) {
            (None, b'"' | b'\'') => quote = Some(b),
            (Some(q), _) if q == b => quote = None,
            (None, b'>') => return k + 1,
            _ => {}
        }
    }
    find(lower, from, ">").map_or(lower.len(), |k| k + 1)
}

/// Just past `</name>`, the end of a dropped element; an unclosed one runs to the end of the input.
fn closing_tag_end(lower: &str, from: usize, name: &str) -> usize {
    let needle = format!("</{name}");
    let mut at = from;
    while let Some(j) = find(lower, at, &needle) {
        let after = j + needle.len();
        // "</scripts>" does not close a script.
        if !lower.as_bytes().get(after).is_some_and(u8::is_ascii_alphanumeric) {
            return tag_end(lower, after);
        }
        at = after;
    }
    lower.len()
}

/// Decodes the entity that `text` (starting at `&`) begins with: the character, if any is
/// kept, and the bytes consumed. Anything that is not a complete, known entity is a literal `&`.
fn entity(text: &str) -> (Option<char>, usize) {
    let literal = (Some('&'), 1);
    let Some(semicolon) = text.bytes().take(34).position(|b| b == b';') else { return literal };
    let name = &text[1..semicolon];
    let decoded = match name.strip_prefix('#') {
        Some(number) => {
            let (digits, radix) = match number.strip_prefix(['x', 'X']) {
                Some(hex) => (hex, 16),
                None => (number, 10),
            };
            if digits.is_empty() || !digits.chars().all(|c| c.is_digit(radix)) {
                return literal;
            }
            // Too many digits overflows u32: that is out of range too.
            code_point(u32::from_str_radix(digits, radix).unwrap_or(u32::MAX))
        }
        None => match named(name) {
            Some(c) => Some(c),
            None => return literal,
        },
    };
    (decoded, semicolon + 1)
}

/// A numeric character reference as HTML reads it: nothing invalid survives as itself.
fn code_point(n: u32) -> Option<char> {
    match n {
        0x80..=0x9F => Some(WINDOWS_1252[(n - 0x80) as usize]).filter(|&c| c != '\0'),
        0 => Some('\u{FFFD}'),
        _ => match char::from_u32(n) {
            // Surrogates and numbers past U+10FFFF.
            None => Some('\u{FFFD}'),
            Some(c) if c.is_control() && !c.is_whitespace() => None,
            Some(c) => Some(c),
        },
    }
}

fn named(name: &str) -> Option<char> {
    Some(match name {
        "amp" => '&',
        "lt" => '<',
        "gt" => '>',
        "quot" => '"',
        "apos" => '\'',
        "nbsp" => ' ',
        "mdash" => '—',
        "ndash" => '–',
        "hellip" => '…',
        "lsquo" => '‘',
        "rsquo" => '’',
        "ldquo" => '“',
        "rdquo" => '”',
        "laquo" => '«',
        "raquo" => '»',
        "bull" => '•',
        "middot" => '·',
        "deg" => '°',
        "copy" => '©',
        "reg" => '®',
        "trade" => '™',
        "euro" => '€',
        "pound" => '£',
        "times" => '×',
        _ => return None,
    })
}

/// Collapses spaces within lines, trims them, and keeps at most one blank line in a row.
fn tidy(raw: &str) -> String {
    let mut out = String::with_capacity(raw.len());
    let mut blank = false;
    for line in raw.split('\n') {
        let mut words = line.split_whitespace().peekable();
        if words.peek().is_none() {
            blank = !out.is_empty();
            continue;
        }
        if !out.is_empty() {
            out.push_str(if blank { "\n\n" } else { "\n" });
        }
        blank = false;
        for (k, word) in words.enumerate() {
            if k > 0 {
                out.push(' ');
            }
            out.push_str(word);
        }
    }
    out
}

/// Text made safe to put into HTML, inside an element or a double- or single-quoted attribute:
/// the way back from text to HTML, for what Storyline writes (published pages, exported files).
pub fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            c => out.push(c),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::to_plain_text as text;

    #[test]
    fn tags_are_dropped_and_their_words_kept() {
        assert_eq!(text("<p>The <em>first</em> <a href=\"https://example.com\">report</a>.</p>"), "The first report.");
        assert_eq!(text("<a title=\"1 > 0\">quoted angle</a>"), "quoted angle");
    }

    #[test]
    fn script_contents_are_dropped_not_kept_as_text() {
        assert_eq!(text("before<script>alert('x')</script>after"), "beforeafter");
        assert_eq!(text("a<SCRIPT type=x>var s = '</p>';</ScRiPt >b"), "ab");
        assert_eq!(text("a<script>x</scripts>still code</script>b"), "ab");
    }

    #[test]
    fn every_code_or_embed_element_is_dropped_whole() {
        for name in ["style", "template", "iframe", "object", "noscript", "STYLE"] {
            assert_eq!(text(&format!("a<{name} x=1>hidden <b>words</b></{name}>b")), "ab", "{name}");
        }
    }

    #[test]
    fn an_unclosed_dropped_element_drops_the_rest_of_the_input() {
        assert_eq!(text("kept<script>never closed"), "kept");
        assert_eq!(text("kept<iframe src=x/>and after"), "keptand after");
    }

    #[test]
    fn block_ends_become_line_breaks_with_at_most_one_blank_line() {
        assert_eq!(text("<p>One</p><p>Two</p>"), "One\n\nTwo");
        assert_eq!(text("a<br>b<br/>c"), "a\nb\nc");
        assert_eq!(text("a<br><br><br><br>b"), "a\n\nb");
        assert_eq!(text("<ul><li>x</li><li>y</li></ul>"), "x\ny");
        assert_eq!(text("<h2>Head</h2>body<div>block</div>tail"), "Head\n\nbody\nblock\ntail");
    }

    #[test]
    fn whitespace_collapses_within_lines_and_source_newlines_are_spaces() {
        assert_eq!(text("  a \n\t b  "), "a b");
        assert_eq!(text("a&nbsp;&nbsp; b"), "a b");
    }

    #[test]
    fn entities_are_decoded_once() {
        assert_eq!(text("Tom &amp; Jerry &lt;3 &quot;x&quot; &#39;y&apos;"), "Tom & Jerry <3 \"x\" 'y'");
        assert_eq!(text("&mdash;&ndash;&hellip;&lsquo;&rsquo;&ldquo;&rdquo;"), "—–…‘’“”");
        assert_eq!(text("&#8217; &#x2019; &#X1F600;"), "’ ’ 😀");
        assert_eq!(text("&amp;lt;"), "&lt;");
        assert_eq!(text("&#146;old cms&#150;"), "’old cms–");
    }

    #[test]
    fn unknown_or_incomplete_entities_stay_as_written() {
        assert_eq!(text("&bogus; &amp &#; &#x; &#12a; AT&T"), "&bogus; &amp &#; &#x; &#12a; AT&T");
    }

    #[test]
    fn invalid_code_points_become_replacement_characters_and_controls_vanish() {
        assert_eq!(text("a&#0;b&#xD800;c&#1114112;d&#99999999999;e"), "a\u{FFFD}b\u{FFFD}c\u{FFFD}d\u{FFFD}e");
        assert_eq!(text("a&#7;b&#x1b;c&#129;d"), "abcd");
        assert_eq!(text("a\u{0}b\u{7}c\u{1b}[31md"), "abc[31md");
    }

    #[test]
    fn comments_and_declarations_are_dropped() {
        assert_eq!(text("<!DOCTYPE html>a<!-- <p>hidden</p> -->b<?xml x?>c"), "abc");
        assert_eq!(text("a<!-- never closed <p>b"), "a");
    }

    #[test]
    fn a_lone_angle_bracket_stays_text() {
        assert_eq!(text("a < b and c > d"), "a < b and c > d");
        assert_eq!(text("x <3 y </ z"), "x <3 y </ z");
        assert_eq!(text("<"), "<");
        assert_eq!(text("end<"), "end<");
    }

    #[test]
    fn malformed_markup_never_panics_or_loops() {
        assert_eq!(text("a <b"), "a");
        assert_eq!(text("<a href=\"x>y"), "y", "an unbalanced quote ends the tag at the first >");
        let nasty = "é<p a='>\"<script</scr<!--&#x;&#<<&ü<//><br/</style><iframe/>ü";
        for (k, _) in nasty.char_indices() {
            text(&nasty[..k]);
            text(&nasty[k..]);
        }
    }

    #[test]
    fn xss_attempts_come_out_as_harmless_text() {
        assert_eq!(text("<img src=x onerror=alert(1)>"), "");
        assert_eq!(text("<a href=\"javascript:alert(1)\">click</a>"), "click");
        assert_eq!(text("<svg onload=alert(1)>"), "");
        assert_eq!(text("<svg/onload=alert(1)>hi"), "hi");
        assert_eq!(text("&lt;script&gt;"), "<script>");
    }
}
