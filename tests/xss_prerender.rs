//! The XSS corpus rendered: each payload, in every text field and every URL validation accepts, prerendered natively; none becomes a tag, an attribute or a link.
//!
//! The browser half (the tripwire `__storylineXss` must never be called) runs in `crates/storyline-browser/tests/e2e/`;
//! this half reads the HTML the server sends, where a mistake in escaping would first show.
#![cfg(not(target_arch = "wasm32"))]

use serde_json::Value;
use std::collections::BTreeSet;
use storyline::prerender::render_html;
use storyline::story;
use storyline_core::{load, timelinejs, Dataset};
use storyline_testkit::xss::{self, href_scheme, Fields};

const CORPUS: &str = include_str!("data/xss/payloads.txt");
const TIMELINE: &str = include_str!("data/timelinejs/whitney-houston-like.json");

/// Elements that run script, load documents or change how the page is read, whatever their
/// attributes: none may appear, even were the widget one day to render one of them itself.
const NEVER: [&str; 20] = [
    "script", "iframe", "frame", "frameset", "object", "embed", "applet", "base", "meta", "link", "style", "form",
    "math", "template", "noscript", "xmp", "isindex", "img", "video", "audio",
];
/// Attributes whose value a browser follows as an address.
const URL_ATTRIBUTES: [&str; 9] = ["href", "xlink:href", "src", "action", "formaction", "data", "poster", "background", "ping"];
/// Attributes that run script or embed a document without starting with `on`.
const SCRIPT_ATTRIBUTES: [&str; 3] = ["srcdoc", "formaction", "style"];

/// A start tag as the HTML tokenizer reads it.
#[derive(Debug)]
struct Tag {
    name: String,
    attributes: Vec<(String, String)>,
}

/// The start tags of `html`, read as a browser's tokenizer does: names lowercased, attribute
/// values double-quoted, single-quoted or bare; comments, end tags and declarations skipped.
/// Whatever lies between tags is text, which is safe by definition: that is the point.
fn start_tags(html: &str) -> Vec<Tag> {
    let bytes = html.as_bytes();
    let mut tags = Vec::new();
    let mut i = 0;
    let until = |from: usize, needle: &str| html[from..].find(needle).map_or(html.len(), |k| from + k + needle.len());
    while let Some(k) = html[i..].find('<') {
        i += k;
        let next = bytes.get(i + 1).copied().unwrap_or(b' ');
        if html[i..].starts_with("<!--") {
            i = until(i + 4, "-->");
        } else if next == b'!' || next == b'?' || (next == b'/' && bytes.get(i + 2).is_some_and(u8::is_ascii_alphabetic)) {
            i = until(i + 1, ">");
        } else if next.is_ascii_alphabetic() {
            let (tag, end) = start_tag(html, i + 1);
            tags.push(tag);
            i = end;
        } else {
            i += 1;
        }
    }
    tags
}

/// The tag whose name starts at `from`, and where its markup ends.
fn start_tag(html: &str, from: usize) -> (Tag, usize) {
    let bytes = html.as_bytes();
    let stop = |b: u8| b.is_ascii_whitespace() || b == b'/' || b == b'>';
    let mut i = from;
    while i < bytes.len() && !stop(bytes[i]) {
        i += 1;
    }
    let name = html[from..i].to_ascii_lowercase();
    let mut attributes = Vec::new();
    loop {
        while i < bytes.len() && (bytes[i].is_ascii_whitespace() || bytes[i] == b'/') {
            i += 1;
        }
        if i >= bytes.len() || bytes[i] == b'>' {
            return (Tag { name, attributes }, (i + 1).min(html.len()));
        }
        let start = i;
        // A leading `=` belongs to the name, as in the HTML tokenizer.
        i += 1;
        while i < bytes.len() && !stop(bytes[i]) && bytes[i] != b'=' {
            i += 1;
        }
        let attribute = html[start..i].to_ascii_lowercase();
        while i < bytes.len() && bytes[i].is_ascii_whitespace() {
            i += 1;
        }
        let mut value = String::new();
        if bytes.get(i) == Some(&b'=') {
            i += 1;
            while i < bytes.len() && bytes[i].is_ascii_whitespace() {
                i += 1;
            }
            let end = match bytes.get(i) {
                Some(&quote @ (b'"' | b'\'')) => {
                    let close = html[i + 1..].find(quote as char).map_or(html.len(), |k| i + 1 + k);
                    value = html[i + 1..close].to_string();
                    close + 1
                }
                _ => {
                    let close = html[i..].find(|c: char| c.is_ascii_whitespace() || c == '>').map_or(html.len(), |k| i + k);
                    value = html[i..close].to_string();
                    close
                }
            };
            i = end.min(html.len());
        }
        attributes.push((attribute, value));
    }
}

/// Everything in `html` that could run script: elements outside the widget's `vocabulary` or
/// on the `NEVER` list, event-handler and script attributes, and addresses that a browser would
/// follow with any scheme but http or https. Empty when the HTML is safe.
fn live_markup(html: &str, vocabulary: &BTreeSet<String>) -> Vec<String> {
    let mut problems = Vec::new();
    for tag in start_tags(html) {
        if NEVER.contains(&tag.name.as_str()) || !vocabulary.contains(&tag.name) {
            problems.push(format!("a <{}> element", tag.name));
        }
        for (name, value) in &tag.attributes {
            if name.starts_with("on") || SCRIPT_ATTRIBUTES.contains(&name.as_str()) {
                problems.push(format!("<{} {name}=\"{value}\">", tag.name));
            }
            let safe_address = value.starts_with('#') || matches!(href_scheme(value).as_deref(), Some("http" | "https"));
            if URL_ATTRIBUTES.contains(&name.as_str()) && !safe_address {
                problems.push(format!("<{} {name}=\"{value}\">: not an http, https or #fragment address", tag.name));
            }
        }
    }
    problems
}

/// The element names the widget renders for stories like these, without any payload.
fn vocabulary() -> BTreeSet<String> {
    let base = story::embedded();
    let benign = xss::poison(&base, "Plain words in every field", Fields::Text);
    [render_html(&base), render_html(&benign)].iter().flat_map(|html| start_tags(html)).map(|tag| tag.name).collect()
}

/// Text escaped as yew writes a text node.
fn escape_text(text: &str) -> String {
    text.replace('&', "&amp;").replace('<', "&lt;").replace('>', "&gt;")
}

/// Text escaped as yew writes a double-quoted attribute value.
fn escape_attribute(text: &str) -> String {
    escape_text(text).replace('"', "&quot;")
}

fn corpus() -> Vec<String> {
    xss::payloads(CORPUS)
}

/// The dataset the widget would show for this JSON, if validation lets it through at all:
/// the widget never renders what does not load, so neither do these tests.
fn loaded(dataset: &Dataset) -> Option<Dataset> {
    load(&serde_json::to_string(dataset).unwrap()).ok().map(|loaded| loaded.dataset)
}

fn assert_no_live_markup(html: &str, vocabulary: &BTreeSet<String>, what: &str) {
    let problems = live_markup(html, vocabulary);
    assert!(problems.is_empty(), "{what} rendered live markup: {problems:#?}");
}

#[test]
fn the_widget_itself_renders_no_live_markup() {
    let vocabulary = vocabulary();
    assert!(vocabulary.contains("svg") && vocabulary.contains("a"), "{vocabulary:?}");
    assert_no_live_markup(&render_html(&story::embedded()), &vocabulary, "the embedded story");
}

#[test]
fn the_checker_flags_markup_that_was_not_escaped() {
    let vocabulary: BTreeSet<String> = ["p", "a", "div", "svg", "h2"].map(String::from).into();
    for unsafe_html in [
        "<h2><script>__storylineXss(1)</script></h2>",
        "<p><img src=x onerror=__storylineXss(2)></p>",
        "<p><svg onload=__storylineXss(3)></p>",
        "<p><SVG/ONLOAD=__storylineXss(4)></p>",
        "<div title=\"\" onmouseover=\"__storylineXss(5)\">",
        "<div aria-label='x' onfocus=__storylineXss(6) autofocus>",
        "<a href=\"javascript:__storylineXss(7)\">",
        "<a href=\"jav&#x61;script:__storylineXss(8)\">",
        "<a href=\" &#14; JaVaScRiPt:__storylineXss(9)\">",
        "<a href=data:text/html,x>",
        "<a href=\"//evil.example/\">",
        "<p><iframe srcdoc=\"x\"></iframe></p>",
        "<div style=\"background:url(javascript:x)\">",
        "<p><marquee>x</marquee></p>",
    ] {
        assert!(!live_markup(unsafe_html, &vocabulary).is_empty(), "{unsafe_html} passed the checker");
    }
    for safe_html in [
        "<h2>&lt;script&gt;__storylineXss(1)&lt;/script&gt;</h2>",
        "<p title=\"&quot;&gt;&lt;svg onload=x&gt;\">a &lt;img onerror=x&gt; b</p>",
        "<a href=\"https://example.com/&quot;onmouseover=&quot;x\" rel=\"noopener\">x</a>",
        "<a href=\"#sl-event-1\">x</a><!-- <script>x</script> --></p>",
    ] {
        assert_eq!(live_markup(safe_html, &vocabulary), Vec::<String>::new(), "{safe_html}");
    }
}

#[test]
fn a_renderer_that_forgot_to_escape_would_be_caught_for_most_payloads() {
    // The checker is only worth what it catches: put each payload back unescaped into the real
    // HTML, in attribute values and text alike, as a careless renderer would, and expect the
    // checker to see it. (What it misses is harmless unescaped too, such as `javascript:x` or
    // `{{constructor...}}` in a paragraph.)
    let vocabulary = vocabulary();
    let base = story::embedded();
    let mut caught = 0;
    for payload in corpus() {
        let Some(dataset) = loaded(&xss::poison(&base, &payload, Fields::Text)) else { continue };
        let html = render_html(&dataset);
        let careless = html.replace(&escape_attribute(&payload), &payload).replace(&escape_text(&payload), &payload);
        if !live_markup(&careless, &vocabulary).is_empty() {
            caught += 1;
        }
    }
    assert!(caught >= 75, "unescaped, only {caught} payloads were caught");
}

#[test]
fn every_payload_in_every_text_field_renders_as_escaped_text() {
    let vocabulary = vocabulary();
    let base = story::embedded();
    let mut rendered = 0;
    for payload in corpus() {
        // A payload with a control character is refused by validation (tests/xss_corpus.rs).
        let Some(dataset) = loaded(&xss::poison(&base, &payload, Fields::Text)) else { continue };
        let html = render_html(&dataset);
        assert_no_live_markup(&html, &vocabulary, &format!("{payload:?} in every text field"));
        assert!(html.contains(&escape_text(&payload)), "{payload:?} is not shown, escaped, as text");
        rendered += 1;
    }
    assert!(rendered >= 60, "only {rendered} payloads loaded");
}

#[test]
fn every_payload_that_loads_as_a_url_renders_as_a_safe_link() {
    let vocabulary = vocabulary();
    let base = story::embedded();
    let mut rendered = 0;
    for payload in corpus() {
        let Some(dataset) = loaded(&xss::poison(&base, &payload, Fields::Urls)) else { continue };
        let html = render_html(&dataset);
        assert_no_live_markup(&html, &vocabulary, &format!("{payload:?} in every URL"));
        let links = start_tags(&html).into_iter().filter(|tag| tag.name == "a").count();
        let poisoned = start_tags(&html)
            .into_iter()
            .filter(|tag| tag.attributes.iter().any(|(name, value)| name == "href" && value.contains("storylineXss")))
            .count();
        assert!(poisoned > 0 && poisoned <= links, "{payload:?} is not rendered as a link");
        rendered += 1;
    }
    assert!(rendered > 0, "no payload loads as a URL, so no hostile href was rendered");
}

#[test]
fn every_poisoned_timelinejs_file_renders_as_escaped_text_once_imported() {
    let vocabulary = vocabulary();
    let base: Value = serde_json::from_str(TIMELINE).unwrap();
    for payload in corpus() {
        for fields in [Fields::Text, Fields::Urls] {
            let poisoned = xss::poison_timelinejs(&base, &payload, fields);
            let imported = timelinejs::import(&poisoned.to_string()).unwrap_or_else(|e| panic!("{payload:?}: {e}"));
            let html = render_html(&imported.dataset);
            assert_no_live_markup(&html, &vocabulary, &format!("{payload:?} in every TimelineJS {fields:?} field"));
        }
    }
}
