//! The XSS corpus for the security gate: its file format, and stories and TimelineJS timelines with a payload in every field.
//!
//! "Text is text" is an invariant of the whole widget; this module is what makes it testable.
//! The corpus lives in `tests/data/xss/payloads.txt`. Native tests (core's `tests/xss_corpus.rs`,
//! the widget's `tests/xss_prerender.rs`) and the browser tests place each payload in every
//! text field and in every URL field, then check that validation refuses every dangerous URL
//! and that nothing a payload carries ever becomes markup. Placing is done here, in one place,
//! so that a field added to the model is a field the gate covers (the corpus test checks that
//! no string field of a serialized story is missed).

use storyline_core::limits::{
    MAX_DESCRIPTION, MAX_LINE, MAX_NAME, MAX_QUOTE, MAX_SHORT_NAME, MAX_SUMMARY, MAX_TAG, MAX_TITLE, MAX_URL, MAX_VERB,
};
use storyline_core::model::{ActorKind, Dataset, Era, Place, Quote, RelationKind, Source};
use serde_json::{Map, Value};

/// The global function every script-running payload calls. The browser tests define it and fail
/// when it is called, which catches execution that no markup check could see.
pub const TRIPWIRE: &str = "__storylineXss";

/// Which fields of a story or timeline receive the payload.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Fields {
    /// Every free-text field: titles, dek, byline, summaries, quotes, names, descriptions,
    /// roles, attributions, labels, place names, tags, and sources' publishers and titles.
    Text,
    /// Every URL: the sources of the story, actors, events, quotes and relations (in TimelineJS, media URLs).
    Urls,
}

/// The payloads of a corpus file: one per line, verbatim, except that lines starting with `#`
/// are comments, blank lines are skipped, and `\t`, `\n`, `\r`, `\\` and `\u{HEX}` are decoded
/// (a payload must fit on one line, yet tabs, newlines and control characters are classic
/// obfuscations). Any other backslash stays, so JavaScript and CSS escapes reach the widget as written.
pub fn payloads(corpus: &str) -> Vec<String> {
    corpus.lines().filter(|line| !line.trim().is_empty() && !line.starts_with('#')).map(unescape).collect()
}

fn unescape(line: &str) -> String {
    let mut out = String::with_capacity(line.len());
    let mut rest = line;
    while let Some(i) = rest.find('\\') {
        out.push_str(&rest[..i]);
        let after = &rest[i + 1..];
        let decoded = match after.as_bytes().first() {
            Some(b't') => Some(('\t', 1)),
            Some(b'n') => Some(('\n', 1)),
            Some(b'r') => Some(('\r', 1)),
            Some(b'\\') => Some(('\\', 1)),
            Some(b'u') if after[1..].starts_with('{') => after.find('}').and_then(|end| {
                let c = u32::from_str_radix(&after[2..end], 16).ok().and_then(char::from_u32)?;
                Some((c, end + 1))
            }),
            _ => None,
        };
        match decoded {
            Some((c, len)) => {
                out.push(c);
                rest = &after[len..];
            }
            None => {
                out.push('\\');
                rest = after;
            }
        }
    }
    out.push_str(rest);
    out
}

/// `base` with `payload` in every field of the kind `fields`; the other fields keep valid values.
///
/// Optional fields that `base` leaves empty are filled first (a place, an attribution, a quote,
/// a tag, a story source, an era...), so that every field of the format carries the payload
/// whatever the base. Where a field's length limit is shorter than the payload (an actor's short
/// name, a tag; a name or publisher for the longest payloads) it gets the payload's first
/// characters: a cut payload is still hostile, and the story still validates, so the widget
/// really renders it.
pub fn poison(base: &Dataset, payload: &str, fields: Fields) -> Dataset {
    let mut dataset = base.clone();
    fill_optional(&mut dataset);
    visit(&mut dataset, &mut |field| {
        if field.kind == fields {
            *field.value = payload.chars().take(field.limit).collect();
        }
    });
    dataset
}

/// The JSON paths (as validation reports them, such as `events[3].sources[0].url`) of every
/// field of the kind `fields` in `dataset`: where `poison` puts the payload.
pub fn field_paths(dataset: &Dataset, fields: Fields) -> Vec<String> {
    let mut paths = Vec::new();
    visit(&mut dataset.clone(), &mut |field| {
        if field.kind == fields {
            paths.push(field.path);
        }
    });
    paths
}

/// One string field met by `visit`: where it is, what it is, how long it may be.
struct Field<'a> {
    path: String,
    kind: Fields,
    limit: usize,
    value: &'a mut String,
}

/// Calls `f` on every text and URL field of `dataset`, with the limits `validate` applies.
fn visit(dataset: &mut Dataset, f: &mut dyn FnMut(Field<'_>)) {
    let story = &mut dataset.story;
    text(f, "story.title".into(), MAX_TITLE, &mut story.title);
    text(f, "story.dek".into(), MAX_SUMMARY, &mut story.dek);
    text(f, "story.byline".into(), MAX_LINE, &mut story.byline);
    for (j, source) in story.sources.iter_mut().enumerate() {
        visit_source(f, format!("story.sources[{j}]"), source);
    }
    for (i, actor) in dataset.actors.iter_mut().enumerate() {
        text(f, format!("actors[{i}].name"), MAX_NAME, &mut actor.name);
        if let Some(short) = &mut actor.short_name {
            text(f, format!("actors[{i}].short_name"), MAX_SHORT_NAME, short);
        }
        text(f, format!("actors[{i}].description"), MAX_DESCRIPTION, &mut actor.description);
        if let Some(word) = &mut actor.kind_label {
            text(f, format!("actors[{i}].kind_label"), MAX_VERB, word);
        }
        for (j, source) in actor.sources.iter_mut().enumerate() {
            visit_source(f, format!("actors[{i}].sources[{j}]"), source);
        }
    }
    for (i, event) in dataset.events.iter_mut().enumerate() {
        let at = format!("events[{i}]");
        text(f, format!("{at}.title"), MAX_TITLE, &mut event.title);
        text(f, format!("{at}.summary"), MAX_SUMMARY, &mut event.summary);
        if let Some(place) = &mut event.place {
            text(f, format!("{at}.place.name"), MAX_LINE, &mut place.name);
        }
        for (j, who) in event.actors.iter_mut().enumerate() {
            text(f, format!("{at}.actors[{j}].role"), MAX_LINE, &mut who.role);
        }
        if let Some(attribution) = &mut event.attribution {
            text(f, format!("{at}.attribution"), MAX_LINE, attribution);
        }
        for (j, quote) in event.quotes.iter_mut().enumerate() {
            text(f, format!("{at}.quotes[{j}].text"), MAX_QUOTE, &mut quote.text);
            visit_source(f, format!("{at}.quotes[{j}].source"), &mut quote.source);
        }
        for (j, source) in event.sources.iter_mut().enumerate() {
            visit_source(f, format!("{at}.sources[{j}]"), source);
        }
        for (j, tag) in event.tags.iter_mut().enumerate() {
            text(f, format!("{at}.tags[{j}]"), MAX_TAG, tag);
        }
    }
    for (i, relation) in dataset.relations.iter_mut().enumerate() {
        // A custom relation's label is its verb, which is shorter.
        let most = if relation.kind == RelationKind::Custom { MAX_VERB } else { MAX_TITLE };
        text(f, format!("relations[{i}].label"), most, &mut relation.label);
        if let Some(attribution) = &mut relation.attribution {
            text(f, format!("relations[{i}].attribution"), MAX_LINE, attribution);
        }
        for (j, source) in relation.sources.iter_mut().enumerate() {
            visit_source(f, format!("relations[{i}].sources[{j}]"), source);
        }
    }
    for (i, era) in dataset.eras.iter_mut().enumerate() {
        text(f, format!("eras[{i}].title"), MAX_TITLE, &mut era.title);
    }
}

fn text(f: &mut dyn FnMut(Field<'_>), path: String, limit: usize, value: &mut String) {
    f(Field { path, kind: Fields::Text, limit, value });
}

fn visit_source(f: &mut dyn FnMut(Field<'_>), at: String, source: &mut Source) {
    text(f, format!("{at}.publisher"), MAX_NAME, &mut source.publisher);
    text(f, format!("{at}.title"), MAX_TITLE, &mut source.title);
    f(Field { path: format!("{at}.url"), kind: Fields::Urls, limit: MAX_URL, value: &mut source.url });
}

/// A valid source for lists that `fill_optional` must not leave empty.
fn placeholder_source() -> Source {
    Source {
        publisher: "Placeholder Wire".into(),
        title: "A source added by the hostile corpus".into(),
        url: "https://example.com/placeholder".into(),
        date: None,
    }
}

/// Gives every optional text field and every possibly empty list of `dataset` one valid value,
/// so that `poison` reaches every field the format has.
fn fill_optional(dataset: &mut Dataset) {
    const FILLER: &str = "Placeholder text";
    let story = &mut dataset.story;
    for field in [&mut story.dek, &mut story.byline] {
        if field.trim().is_empty() {
            *field = FILLER.into();
        }
    }
    if story.sources.is_empty() {
        story.sources.push(placeholder_source());
    }
    for actor in &mut dataset.actors {
        actor.short_name.get_or_insert_with(|| "Short".into());
        if actor.description.trim().is_empty() {
            actor.description = FILLER.into();
        }
        if actor.sources.is_empty() {
            actor.sources.push(placeholder_source());
        }
    }
    // The words a story gives of its own, an actor's kind and a relation's verb, are shown too.
    let has_other = dataset.actors.iter().any(|a| a.kind == ActorKind::Other);
    if let Some(last) = dataset.actors.last_mut().filter(|_| !has_other) {
        last.kind = ActorKind::Other;
        last.kind_label = Some("ship".into());
    }
    let has_custom = dataset.relations.iter().any(|r| r.kind == RelationKind::Custom);
    if let Some(last) = dataset.relations.last_mut().filter(|_| !has_custom) {
        last.kind = RelationKind::Custom;
        last.label = "charters".into();
    }
    let first_actor = dataset.actors.first().map(|a| a.id.clone());
    for event in &mut dataset.events {
        event.place.get_or_insert_with(|| Place { name: "Somewhere".into(), lat: None, lon: None });
        for who in &mut event.actors {
            if who.role.trim().is_empty() {
                who.role = "participant".into();
            }
        }
        event.attribution.get_or_insert_with(|| "according to a placeholder".into());
        if event.tags.is_empty() {
            event.tags.push("placeholder".into());
        }
        // A quote needs a speaker who is an actor of the story.
        let speaker = event.actors.first().map(|who| who.actor.clone()).or_else(|| first_actor.clone());
        if let (true, Some(speaker)) = (event.quotes.is_empty(), speaker) {
            event.quotes.push(Quote { text: FILLER.into(), speaker, source: placeholder_source() });
        }
        if event.sources.is_empty() {
            event.sources.push(placeholder_source());
        }
    }
    for relation in &mut dataset.relations {
        relation.attribution.get_or_insert_with(|| "according to a placeholder".into());
        if relation.sources.is_empty() {
            relation.sources.push(placeholder_source());
        }
    }
    if dataset.eras.is_empty() {
        let day = dataset.story.published.or(dataset.events.first().map(|e| e.start)).unwrap_or(storyline_core::date::PartialDate::year(2024));
        dataset.eras.push(Era { id: "placeholder-era".into(), title: FILLER.into(), start: day, end: day });
    }
}

/// The TimelineJS3 timeline `base` with `payload` in every field of the kind `fields` that the
/// importer reads: with `Fields::Text`, the headline and text of the title slide, of every event
/// and of every era, media captions and credits, and event groups; with `Fields::Urls`, the media
/// URL of the title slide and of every event.
///
/// With `Fields::Text`, an event without media gets an http media URL, because the importer
/// keeps a caption and credit (as a source's title and publisher) only beside a usable URL.
pub fn poison_timelinejs(base: &Value, payload: &str, fields: Fields) -> Value {
    let mut timeline = base.clone();
    let Some(root) = timeline.as_object_mut() else { return timeline };
    let title = root.entry("title").or_insert_with(|| Value::Object(Map::new()));
    poison_slide(title, payload, fields, Slide::Title);
    for (list, kind) in [("events", Slide::Event), ("eras", Slide::Era)] {
        if let Some(Value::Array(slides)) = root.get_mut(list) {
            for slide in slides {
                poison_slide(slide, payload, fields, kind);
            }
        }
    }
    timeline
}

/// The three kinds of TimelineJS slide, which carry different fields.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Slide {
    Title,
    Event,
    Era,
}

fn poison_slide(slide: &mut Value, payload: &str, fields: Fields, kind: Slide) {
    let Some(slide) = slide.as_object_mut() else { return };
    let payload = || Value::String(payload.to_string());
    match fields {
        Fields::Text => {
            let text = object_at(slide, "text");
            text.insert("headline".into(), payload());
            text.insert("text".into(), payload());
            if kind != Slide::Era {
                let media = object_at(slide, "media");
                media.entry("url").or_insert_with(|| Value::String("https://example.com/media".into()));
                media.insert("caption".into(), payload());
                media.insert("credit".into(), payload());
            }
            if kind == Slide::Event {
                slide.insert("group".into(), payload());
            }
        }
        Fields::Urls if kind != Slide::Era => {
            object_at(slide, "media").insert("url".into(), payload());
        }
        Fields::Urls => {}
    }
}

/// The object at `key`, created (or replacing a value of another type) when needed.
fn object_at<'a>(parent: &'a mut Map<String, Value>, key: &str) -> &'a mut Map<String, Value> {
    let value = parent.entry(key).or_insert_with(|| Value::Object(Map::new()));
    if !value.is_object() {
        *value = Value::Object(Map::new());
    }
    match value {
        Value::Object(map) => map,
        _ => unreachable!("it was just made an object"),
    }
}

/// The scheme a browser navigates with when `value` is written as a link's `href` in HTML, or
/// `None` for a relative address: character references decoded as the HTML parser does
/// (`&#106;`, `&#x6A`, `&colon;`, `&Tab;`...), then leading and trailing C0 controls and spaces
/// stripped and every tab and newline removed, as the URL parser does, and the result lowercased.
///
/// This is the attacker's reading of a URL, used to judge validation: what validation accepts
/// must never be read by a browser as anything but http or https.
pub fn href_scheme(value: &str) -> Option<String> {
    let decoded = decode_references(value);
    let trimmed = decoded.trim_matches(|c: char| c <= ' ');
    let cleaned: String = trimmed.chars().filter(|c| !matches!(c, '\t' | '\n' | '\r')).collect();
    let (scheme, _) = cleaned.split_once(':')?;
    let mut chars = scheme.chars();
    let well_formed = chars.next().is_some_and(|c| c.is_ascii_alphabetic())
        && chars.all(|c| c.is_ascii_alphanumeric() || matches!(c, '+' | '-' | '.'));
    well_formed.then(|| scheme.to_ascii_lowercase())
}

/// Whether a browser would follow `value`, as an `href`, with a scheme other than http or https
/// (`javascript:`, `vbscript:`, `data:`, `file:`...).
pub fn is_dangerous_href(value: &str) -> bool {
    href_scheme(value).is_some_and(|scheme| scheme != "http" && scheme != "https")
}

/// Character references decoded as in an HTML attribute value: numeric ones with or without
/// their `;` (browsers accept `&#0000106` as `j`), named ones with it.
fn decode_references(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut rest = text;
    while let Some(i) = rest.find('&') {
        out.push_str(&rest[..i]);
        let after = &rest[i + 1..];
        match reference(after) {
            Some((c, len)) => {
                out.push(c);
                rest = &after[len..];
            }
            None => {
                out.push('&');
                rest = after;
            }
        }
    }
    out.push_str(rest);
    out
}

/// The character and length of the reference that `after` (the text after a `&`) begins with.
fn reference(after: &str) -> Option<(char, usize)> {
    if let Some(number) = after.strip_prefix('#') {
        let (skip, radix) = if number.starts_with(['x', 'X']) { (1, 16) } else { (0, 10) };
        let digits_len = number[skip..].chars().take_while(|c| c.is_digit(radix)).count();
        if digits_len == 0 {
            return None;
        }
        let digits = &number[skip..skip + digits_len];
        let mut len = 1 + skip + digits_len;
        if after[len..].starts_with(';') {
            len += 1;
        }
        // Out of range, zero and surrogates all read as U+FFFD. (C1 controls stay themselves
        // here, where HTML maps them to Windows-1252: no scheme letter is among either.)
        let c = u32::from_str_radix(digits, radix).ok().filter(|&n| n != 0).and_then(char::from_u32);
        return Some((c.unwrap_or('\u{FFFD}'), len));
    }
    let name_len = after.bytes().take_while(u8::is_ascii_alphanumeric).count();
    if !after[name_len..].starts_with(';') {
        return None;
    }
    // The references that matter for URLs: the ones that spell or split a scheme.
    let c = match &after[..name_len] {
        "amp" => '&',
        "lt" => '<',
        "gt" => '>',
        "quot" => '"',
        "apos" => '\'',
        "colon" => ':',
        "Tab" => '\t',
        "NewLine" => '\n',
        "nbsp" => '\u{A0}',
        "sol" => '/',
        "lpar" => '(',
        "rpar" => ')',
        "period" => '.',
        _ => return None,
    };
    Some((c, name_len + 1))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn corpus_lines_are_payloads_except_comments_and_blank_lines() {
        let corpus = "# a family\n<b>one</b>\n\n   \n#another\r\ntwo \r\n";
        assert_eq!(payloads(corpus), ["<b>one</b>", "two "], "payloads are verbatim, trailing space included");
    }

    #[test]
    fn escapes_give_tabs_newlines_and_any_character_and_other_backslashes_stay() {
        assert_eq!(payloads(r"java\tscript:\n\r"), ["java\tscript:\n\r"]);
        assert_eq!(payloads(r"\u{0}\u{20}x\u{23}\u{FF1C}"), ["\u{0} x#＜"]);
        assert_eq!(payloads(r"\\\\evil\\x \\t"), [r"\\evil\x \t"]);
        assert_eq!(payloads(r#"\u005f \x3c \65 \" \u{zz} \u{ \"#), [r#"\u005f \x3c \65 \" \u{zz} \u{ \"#]);
    }

    #[test]
    fn a_browser_reads_the_scheme_through_case_whitespace_controls_and_references() {
        for (value, scheme) in [
            ("javascript:x", Some("javascript")),
            ("JaVaScRiPt:x", Some("javascript")),
            (" \u{1}\u{0E}javascript:x", Some("javascript")),
            ("java\tscr\nip\rt:x", Some("javascript")),
            ("&#106;avascript:x", Some("javascript")),
            ("&#x6A;&#X61vascript&colon;x", Some("javascript")),
            ("&#0000106&#0000097vascript:x", Some("javascript")),
            ("java&Tab;script&#58;x", Some("javascript")),
            (" &#14; javascript:x", Some("javascript")),
            ("DaTa:text/html,x", Some("data")),
            ("HTTPS://example.com/", Some("https")),
            ("http://javascript:x@example.com/", Some("http")),
        ] {
            assert_eq!(href_scheme(value).as_deref(), scheme, "{value:?}");
        }
    }

    #[test]
    fn what_a_browser_reads_as_relative_has_no_scheme() {
        for value in ["ｊavascript:x", "%6Aavascript:x", "/path:x", "//evil.example/x", "\u{FEFF}javascript:x", "&#0;javascript:x", "1http:x", ""] {
            assert_eq!(href_scheme(value), None, "{value:?}");
            assert!(!is_dangerous_href(value));
        }
        assert!(is_dangerous_href("vbscript:x") && is_dangerous_href("file:///etc/passwd"));
        assert!(!is_dangerous_href("https://example.com/") && !is_dangerous_href("Http://example.com/"));
    }

    #[test]
    fn a_poisoned_synthetic_story_carries_the_payload_in_every_field_of_the_kind_asked() {
        let base = crate::synth::story(12, 3);
        let text = poison(&base, "<b>x</b>", Fields::Text);
        assert_eq!(text.story.title, "<b>x</b>");
        assert!(text.events.iter().all(|e| e.quotes.iter().all(|q| q.text == "<b>x</b>") && !e.quotes.is_empty()));
        assert!(text.events.iter().all(|e| e.sources.iter().all(|s| s.url.starts_with("https://"))), "URLs stay valid");
        let urls = poison(&base, "javascript:x", Fields::Urls);
        assert!(urls.events.iter().all(|e| e.sources.iter().all(|s| s.url == "javascript:x")));
        assert_eq!(urls.story.title, base.story.title, "text stays as it was");
        assert!(field_paths(&urls, Fields::Urls).contains(&"story.sources[0].url".to_string()));
    }

    #[test]
    fn a_field_shorter_than_the_payload_gets_its_first_characters() {
        let long = "<img src=x onerror=__storylineXss(1)> and then some more words";
        let poisoned = poison(&crate::synth::story(4, 1), long, Fields::Text);
        let short = poisoned.actors[0].short_name.as_deref().unwrap();
        assert_eq!(short.chars().count(), MAX_SHORT_NAME);
        assert!(long.starts_with(short));
        assert_eq!(poisoned.actors[0].name, long);
    }

    #[test]
    fn a_poisoned_timeline_has_the_payload_in_its_headlines_texts_captions_and_credits() {
        let base = serde_json::json!({ "events": [{ "start_date": { "year": 2020 } }], "eras": [{ "text": { "headline": "E" } }] });
        let text = poison_timelinejs(&base, "P", Fields::Text);
        assert_eq!(text["title"]["text"]["headline"], "P");
        assert_eq!(text["events"][0]["text"]["text"], "P");
        assert_eq!(text["events"][0]["media"]["credit"], "P");
        assert_eq!(text["events"][0]["media"]["url"], "https://example.com/media");
        assert_eq!(text["eras"][0]["text"]["headline"], "P");
        let urls = poison_timelinejs(&base, "P", Fields::Urls);
        assert_eq!(urls["events"][0]["media"]["url"], "P");
        assert_eq!(urls["title"]["media"]["url"], "P");
        assert!(urls["events"][0].get("text").is_none());
    }
}
