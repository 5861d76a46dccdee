//! The XSS corpus against validation and the TimelineJS importer: every payload, in every text and every URL field.
//!
//! The widget's own half, that nothing renders as markup, is `tests/xss_prerender.rs` in the root
//! package; here are the rules that hold before anything is rendered.

use serde_json::Value;
use std::collections::BTreeSet;
use storyline_core::html_text::to_plain_text;
use storyline_core::limits::{MAX_NAME, MAX_SHORT_NAME, MAX_TAG};
use storyline_core::validate::check_url;
use storyline_core::{load, timelinejs, validate, Dataset, Loaded, Report};
use storyline_testkit::synth;
use storyline_testkit::xss::{self, href_scheme, is_dangerous_href, Fields};

const CORPUS: &str = include_str!("../../../tests/data/xss/payloads.txt");
/// A real-shaped TimelineJS file: title slide with media, events with and without media, groups.
const TIMELINE: &str = include_str!("../../../tests/data/timelinejs/whitney-houston-like.json");

fn corpus() -> Vec<String> {
    xss::payloads(CORPUS)
}

/// A valid story with every kind of list; `poison` fills whatever optional field it lacks.
fn base() -> Dataset {
    synth::story(24, 8)
}

fn load_dataset(dataset: &Dataset) -> Result<Loaded, Report> {
    load(&serde_json::to_string(dataset).expect("a dataset serializes"))
}

/// What validation refuses in text: control characters other than tab, line feed and carriage return.
fn has_refused_control(text: &str) -> bool {
    text.chars().any(|c| c.is_control() && !matches!(c, '\n' | '\t' | '\r'))
}

/// The value at a validation path such as `events[3].sources[0].url`.
fn at<'a>(json: &'a Value, path: &str) -> &'a Value {
    let pointer = format!("/{}", path.replace('[', "/").replace(']', "").replace('.', "/"));
    json.pointer(&pointer).unwrap_or_else(|| panic!("nothing at {path}"))
}

fn error_paths(report: &Report) -> BTreeSet<String> {
    report.errors.iter().map(|p| p.path.clone()).collect()
}

/// Every string in `json` with its validation path and the key of the object field it is in.
fn strings(json: &Value, path: &str, key: &str, out: &mut Vec<(String, String)>) {
    match json {
        Value::String(_) => out.push((path.to_string(), key.to_string())),
        Value::Array(items) => {
            for (i, item) in items.iter().enumerate() {
                strings(item, &format!("{path}[{i}]"), key, out);
            }
        }
        Value::Object(fields) => {
            for (k, v) in fields {
                let inner = if path.is_empty() { k.clone() } else { format!("{path}.{k}") };
                strings(v, &inner, k, out);
            }
        }
        _ => {}
    }
}

#[test]
fn the_corpus_has_at_least_sixty_distinct_payloads() {
    let payloads = corpus();
    assert!(payloads.len() >= 60, "only {} payloads", payloads.len());
    let distinct: BTreeSet<&String> = payloads.iter().collect();
    assert_eq!(distinct.len(), payloads.len(), "a payload is listed twice");
}

#[test]
fn payloads_that_could_run_script_call_the_tripwire_never_alert() {
    for payload in corpus() {
        let lower = payload.to_ascii_lowercase();
        for dialog in ["alert", "confirm(", "prompt("] {
            assert!(!lower.contains(dialog), "{payload:?} calls {dialog}: call {} instead", xss::TRIPWIRE);
        }
        // Only a file: address and base64 documents (which call it inside) do not spell it out.
        let spelled = payload.contains("storylineXss");
        assert!(spelled || payload.starts_with("file:") || payload.contains(";base64,"), "{payload:?} has no tripwire");
    }
}

#[test]
fn every_payload_in_every_text_field_loads_unchanged_unless_it_carries_a_control_character() {
    let base = base();
    for payload in corpus() {
        let poisoned = xss::poison(&base, &payload, Fields::Text);
        match load_dataset(&poisoned) {
            Ok(loaded) => {
                assert!(!has_refused_control(&payload), "{payload:?} has a control character, yet loaded");
                assert_eq!(loaded.dataset, poisoned, "{payload:?} is kept as written: text is text, not sanitized");
            }
            Err(report) => {
                // The one stated reason: text may not hold control characters (other than tab and
                // line breaks). It is reported at each field that holds one, and nowhere else.
                let json = serde_json::to_value(&poisoned).unwrap();
                let holding: BTreeSet<String> = xss::field_paths(&poisoned, Fields::Text)
                    .into_iter()
                    .filter(|path| has_refused_control(at(&json, path).as_str().unwrap()))
                    .collect();
                assert!(!holding.is_empty(), "{payload:?} was refused: {:?}", report.errors);
                assert_eq!(error_paths(&report), holding, "{payload:?}");
                for problem in &report.errors {
                    assert!(problem.message.contains("control character"), "{payload:?}: {problem}");
                }
            }
        }
    }
}

#[test]
fn the_payload_reaches_every_text_field_whole_or_cut_to_the_field_limit() {
    // The limits below the longest payloads: short names, tags, and names (actors', publishers').
    const SHORT_LIMITS: [usize; 3] = [MAX_SHORT_NAME, MAX_TAG, MAX_NAME];
    let base = base();
    let mut whole = 0;
    for payload in corpus() {
        let poisoned = xss::poison(&base, &payload, Fields::Text);
        let json = serde_json::to_value(&poisoned).unwrap();
        for path in xss::field_paths(&poisoned, Fields::Text) {
            let value = at(&json, &path).as_str().unwrap();
            if value == payload {
                whole += 1;
                continue;
            }
            let cut = value.chars().count();
            assert!(payload.starts_with(value) && SHORT_LIMITS.contains(&cut), "{path} holds {value:?}, not {payload:?}");
            assert!(payload.chars().count() > cut, "{path} was cut though {payload:?} fits");
        }
    }
    assert!(whole > 0);
}

#[test]
fn no_string_field_of_a_story_is_left_out_of_the_poisoning() {
    // Identifiers, references, dates and enumerations are not free text: validation holds them
    // to their own alphabets (tested below for ids). Every other string must carry the payload.
    const NOT_TEXT: [&str; 16] = [
        "id", "actor", "speaker", "from", "to", "kind", "status", "language", "country", "start", "end",
        "published", "updated", "date", "valid_from", "valid_to",
    ];
    let poisoned = xss::poison(&base(), "P", Fields::Text);
    let text: BTreeSet<String> = xss::field_paths(&poisoned, Fields::Text).into_iter().collect();
    let urls: BTreeSet<String> = xss::field_paths(&poisoned, Fields::Urls).into_iter().collect();
    let mut found = Vec::new();
    strings(&serde_json::to_value(&poisoned).unwrap(), "", "", &mut found);
    for (path, key) in &found {
        if key == "url" {
            assert!(urls.contains(path), "the URL at {path} is not poisoned");
        } else if !NOT_TEXT.contains(&key.as_str()) {
            assert!(text.contains(path), "the text at {path} is not poisoned: add it to xss::visit");
        }
    }
    // And every kind of field is there at least once, whatever the base story lacked.
    for suffix in [
        "story.dek", "story.byline", "story.sources[0].title", ".short_name", ".description", ".place.name", ".role",
        "events[0].attribution", "relations[0].attribution", ".quotes[0].text", ".quotes[0].source.publisher", ".tags[0]",
        ".label", ".kind_label", "eras[0].title", "actors[0].sources[0].publisher",
    ] {
        assert!(text.iter().any(|p| p.ends_with(suffix)), "no {suffix} is poisoned");
    }
    assert!(urls.iter().any(|p| p.ends_with(".quotes[0].source.url")) && urls.contains("story.sources[0].url"));
    assert!(urls.contains("actors[0].sources[0].url"), "an actor's sources are poisoned too");
}

#[test]
fn a_payload_is_never_accepted_as_an_id() {
    // Ids end up in element ids and URL fragments, so they keep to letters, digits, - and _.
    let base = base();
    for payload in corpus() {
        let mut dataset = base.clone();
        dataset.events[0].id = payload.clone();
        let report = validate(&dataset);
        assert_eq!(error_paths(&report), BTreeSet::from(["events[0].id".to_string()]), "{payload:?}");
    }
}

#[test]
fn every_payload_a_browser_would_follow_to_another_scheme_is_refused_at_every_url_field() {
    let base = base();
    let dangerous: Vec<String> = corpus().into_iter().filter(|p| is_dangerous_href(p)).collect();
    assert!(dangerous.len() >= 30, "only {} payloads have a dangerous scheme: {dangerous:?}", dangerous.len());
    for payload in dangerous {
        let poisoned = xss::poison(&base, &payload, Fields::Urls);
        let urls: BTreeSet<String> = xss::field_paths(&poisoned, Fields::Urls).into_iter().collect();
        let report = load_dataset(&poisoned).expect_err(&payload);
        assert_eq!(error_paths(&report), urls, "{payload:?} is refused at each URL and nowhere else");
    }
}

#[test]
fn only_payloads_that_are_absolute_http_or_https_addresses_load_as_urls() {
    let base = base();
    let mut accepted = Vec::new();
    for payload in corpus() {
        let poisoned = xss::poison(&base, &payload, Fields::Urls);
        match load_dataset(&poisoned) {
            Ok(loaded) => {
                let lower = payload.to_ascii_lowercase();
                assert!(lower.starts_with("https://") || lower.starts_with("http://"), "{payload:?} loaded");
                assert!(matches!(href_scheme(&payload).as_deref(), Some("http" | "https")), "{payload:?}");
                assert!(!payload.contains(['"', '<', '>', '`']), "{payload:?} could end the markup around a link");
                assert_eq!(loaded.dataset, poisoned);
                accepted.push(payload);
            }
            Err(report) => {
                let urls: BTreeSet<String> = xss::field_paths(&poisoned, Fields::Urls).into_iter().collect();
                assert_eq!(error_paths(&report), urls, "{payload:?}");
            }
        }
    }
    // The http(s) family is there to be rendered: some of it must be accepted, or the widget's
    // escaping of href values would go untested.
    assert!(!accepted.is_empty(), "no payload is a valid http(s) address");
}

#[test]
fn validation_and_a_browser_agree_on_every_url_validation_accepts() {
    // Whatever check_url lets through, a browser must read as http or https, however the
    // payload is dressed: leading spaces and controls, upper case, scheme-looking prefixes.
    for payload in corpus() {
        for url in [
            payload.clone(),
            payload.to_uppercase(),
            format!(" {payload}"),
            format!("\u{1}{payload}"),
            format!("http:{payload}"),
            format!("https:/{payload}"),
            format!("https://{payload}"),
            format!("https://example.com/{payload}"),
        ] {
            if check_url(&url).is_ok() {
                let scheme = href_scheme(&url);
                assert!(matches!(scheme.as_deref(), Some("http" | "https")), "{url:?} accepted, read as {scheme:?}");
            }
        }
    }
}

/// Every text field of an imported dataset.
fn imported_text(dataset: &Dataset) -> Vec<&str> {
    let story = &dataset.story;
    let mut text = vec![story.title.as_str(), &story.dek, &story.byline];
    for event in &dataset.events {
        text.extend([event.title.as_str(), &event.summary]);
        text.extend(event.tags.iter().map(String::as_str));
        text.extend(event.sources.iter().flat_map(|s| [s.publisher.as_str(), &s.title]));
    }
    text.extend(dataset.eras.iter().map(|e| e.title.as_str()));
    text
}

/// Whether a browser would show no `<` of `payload` as text: every `<` opens a tag, an end tag,
/// a comment or a declaration, and none is written as a character reference.
fn every_angle_bracket_is_markup(payload: &str) -> bool {
    let lower = payload.to_ascii_lowercase();
    let escaped = ["&lt", "&#60", "&#x3c", "&#0"].iter().any(|r| lower.contains(r));
    let bytes = lower.as_bytes();
    let opens_markup = |i: usize| match bytes.get(i + 1) {
        Some(b) if b.is_ascii_alphabetic() || *b == b'!' || *b == b'?' => true,
        Some(b'/') => bytes.get(i + 2).is_some_and(u8::is_ascii_alphabetic),
        _ => false,
    };
    !escaped && lower.match_indices('<').all(|(i, _)| opens_markup(i))
}

#[test]
fn a_poisoned_timelinejs_file_imports_into_a_valid_story_whose_links_are_all_http() {
    let base: Value = serde_json::from_str(TIMELINE).unwrap();
    for payload in corpus() {
        for fields in [Fields::Text, Fields::Urls] {
            let poisoned = xss::poison_timelinejs(&base, &payload, fields);
            let imported = timelinejs::import(&poisoned.to_string()).unwrap_or_else(|e| panic!("{payload:?}: {e}"));
            let report = validate(&imported.dataset);
            assert!(report.is_ok(), "{payload:?} in {fields:?}: {:?}", report.errors);
            for source in imported.dataset.events.iter().flat_map(|e| &e.sources) {
                let scheme = href_scheme(&source.url);
                assert!(matches!(scheme.as_deref(), Some("http" | "https")), "{payload:?}: {} read as {scheme:?}", source.url);
                // A poisoned media URL survives only where validation would have taken it anyway.
                if fields == Fields::Urls && source.url == payload.trim() {
                    assert_eq!(check_url(&source.url), Ok(()));
                }
            }
        }
    }
}

#[test]
fn markup_in_timelinejs_text_is_imported_as_the_words_a_reader_saw_without_its_tags() {
    let base: Value = serde_json::from_str(TIMELINE).unwrap();
    let mut markup_only = 0;
    for payload in corpus() {
        let poisoned = xss::poison_timelinejs(&base, &payload, Fields::Text);
        let dataset = timelinejs::import(&poisoned.to_string()).unwrap().dataset;
        // What the reader saw: the headline's text on one line, as every event's title.
        let words = to_plain_text(&payload).split_whitespace().collect::<Vec<_>>().join(" ");
        if !words.is_empty() {
            assert!(dataset.events.iter().all(|e| e.title == words), "{payload:?} → {words:?}");
        }
        // Markup the reader never saw as text (tags, scripts, handlers) leaves no angle bracket
        // behind. Text that showed a `<` (such as `&lt;script&gt;`) keeps it, as text.
        if every_angle_bracket_is_markup(&payload) {
            markup_only += 1;
            for text in imported_text(&dataset) {
                assert!(!text.contains('<'), "{payload:?} left {text:?}");
            }
        }
    }
    assert!(markup_only >= 30, "only {markup_only} payloads are pure markup");
}

#[test]
fn the_angle_bracket_check_tells_markup_from_text() {
    assert!(every_angle_bracket_is_markup("<img src=x onerror=f()>"));
    assert!(every_angle_bracket_is_markup("\"><svg/onload=f()></svg><!-- x -->"));
    assert!(!every_angle_bracket_is_markup("&lt;script&gt;"));
    assert!(!every_angle_bracket_is_markup("<<b></b>img src=x onerror=f()>"));
    assert!(!every_angle_bracket_is_markup("a < b"));
}
