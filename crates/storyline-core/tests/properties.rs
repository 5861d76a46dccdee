//! Property tests: any valid dataset survives JSON and `load` unchanged, and `load` never panics on any input.

use proptest::collection::{btree_map, vec};
use proptest::option;
use proptest::prelude::*;
use proptest::sample::{select, Index};
use proptest::test_runner::RngAlgorithm;
use serde_json::{json, Map, Number, Value};
use storyline_core::country::is_country_code;
use storyline_core::date::{days_in_month, MAX_CALENDAR_YEAR, MAX_YEAR, MIN_CALENDAR_YEAR, MIN_YEAR};
use storyline_core::limits::*;
use storyline_core::validate::load_value;
use storyline_core::*;

// ---------------------------------------------------------------- dates

/// Mostly calendar years; now and then a year of deep time, which is a year and nothing finer.
fn year() -> impl Strategy<Value = i64> {
    prop_oneof![
        4 => 1900..=2100i64,
        2 => MIN_CALENDAR_YEAR..=MAX_CALENDAR_YEAR,
        1 => select(vec![MIN_CALENDAR_YEAR, -1, 0, 1, 1970, MAX_CALENDAR_YEAR]),
        1 => MIN_YEAR..=MAX_YEAR,
        1 => select(vec![MIN_YEAR, -13_800_000_000, -10_000, 10_000, MAX_YEAR]),
    ]
}

/// A written offset: often Z, else anything from -23:59 to +23:59.
fn offset_minutes() -> impl Strategy<Value = i16> {
    prop_oneof![2 => Just(0i16), 3 => -(23 * 60 + 59)..=(23 * 60 + 59i16)]
}

/// A date of any precision, built exactly as `PartialDate::parse` builds it.
fn date() -> impl Strategy<Value = PartialDate> {
    (year(), 1..=12u8, any::<Index>(), 0..5u8, (0..24u8, 0..60u8, 0..60u8, offset_minutes())).prop_map(
        |(year, month, day, precision, (hour, minute, second, offset_minutes))| {
            let day = day.index(usize::from(days_in_month(year, month))) as u8 + 1;
            let calendar = (MIN_CALENDAR_YEAR..=MAX_CALENDAR_YEAR).contains(&year);
            match if calendar { precision } else { 0 } {
                0 => PartialDate::year(year),
                1 => PartialDate::month(year, month),
                2 => PartialDate::day(year, month, day),
                3 => PartialDate { hour, minute, second, precision: Precision::LocalTime, ..PartialDate::day(year, month, day) },
                _ => PartialDate {
                    hour,
                    minute,
                    second,
                    offset_minutes,
                    precision: Precision::Instant,
                    ..PartialDate::day(year, month, day)
                },
            }
        },
    )
}

/// The same date written less precisely: "2024-10-23T14:05:00+09:00" -> "2024-10" (the edge case of end == start).
fn widen(d: PartialDate, to: u8) -> PartialDate {
    match if d.is_long_year() { 0 } else { to } {
        0 => PartialDate::year(d.year),
        1 => PartialDate::month(d.year, d.month),
        2 => PartialDate::day(d.year, d.month, d.day),
        _ => d,
    }
}

/// A start and an end that the validator accepts: the end's period does not finish before the start begins.
fn ordered_dates() -> impl Strategy<Value = (PartialDate, PartialDate)> {
    prop_oneof![
        (date(), date()),
        (date(), 0..4u8).prop_map(|(d, to)| (d, widen(d, to))),
        (date(), 0..4u8).prop_map(|(d, to)| (widen(d, to), d)),
    ]
    // If b ends before a starts, then a.start <= a.end and b.start <= b.end give b.start <= b.end < a.start <= a.end.
    .prop_map(|(a, b)| if b.end_seconds() < a.start_seconds() { (b, a) } else { (a, b) })
}

fn start_and_optional_end() -> impl Strategy<Value = (PartialDate, Option<PartialDate>)> {
    (ordered_dates(), any::<bool>()).prop_map(|((start, end), has_end)| (start, has_end.then_some(end)))
}

// ---------------------------------------------------------------- ids, text, urls, places

/// A string strategy from a regex parsed once (a bare `&str` strategy parses it again for every value).
fn regex(pattern: &str) -> impl Strategy<Value = String> {
    proptest::string::string_regex(pattern).expect("a valid regex")
}

fn id() -> impl Strategy<Value = String> {
    prop_oneof![
        9 => regex("[A-Za-z0-9][A-Za-z0-9_-]{0,20}"),
        1 => regex("[A-Za-z0-9][A-Za-z0-9_-]{63}"), // exactly MAX_ID
    ]
}

/// Any Unicode scalar value that the validator allows in text: control characters are
/// moved to printable ones (U+0000 -> U+2400 '␀'), except newline and tab, which are allowed.
fn text_char() -> impl Strategy<Value = char> {
    prop_oneof![
        20 => any::<char>(),
        1 => Just('\n'),
        1 => Just('\t'),
        1 => Just(' '),
    ]
    .prop_map(|c| {
        if c.is_control() && c != '\n' && c != '\t' {
            char::from_u32(c as u32 + 0x2400).expect("U+2400.. are scalar values")
        } else {
            c
        }
    })
}

fn chars_to_text(mut chars: Vec<char>) -> String {
    if chars.iter().all(|c| c.is_whitespace()) {
        chars[0] = 'x';
    }
    chars.into_iter().collect()
}

/// Required text: not blank, at most `max` characters (sometimes exactly `max`, a short run repeated:
/// generating thousands of characters one by one would take most of the test's time).
fn text(max: usize) -> impl Strategy<Value = String> {
    prop_oneof![
        12 => vec(text_char(), 1..=max.min(24)),
        1 => vec(text_char(), 1..=8).prop_map(move |run| run.iter().copied().cycle().take(max).collect()),
    ]
    .prop_map(chars_to_text)
}

/// Optional text, which the validator only bounds: empty, blank or text.
fn optional_text(max: usize) -> impl Strategy<Value = String> {
    prop_oneof![3 => Just(String::new()), 1 => Just(" \n\t".to_string()), 4 => text(max)]
}

fn url() -> impl Strategy<Value = String> {
    // Neither whitespace, control characters, backslashes, quotes, angle brackets nor backticks
    // may appear; anything else in the path may.
    prop_oneof![
        8 => regex("https://[a-z0-9][a-z0-9.-]{0,20}(:[0-9]{1,5})?(/[A-Za-z0-9._~%!$&'()*+,;=:@/-]{0,30})?(\\?[A-Za-z0-9=&%]{0,20})?(#[A-Za-z0-9-]{0,10})?"),
        1 => regex("(http|HTTPS|Https)://[a-zA-Z0-9]{1,10}\\.[a-z]{2,3}"),
        1 => regex("https://(user@)?[a-z]{1,10}\\.[a-z]{2,3}/[^\\s\\\\\\p{Cc}\"<>`]{0,20}"),
    ]
}

/// A coordinate with up to 7 decimal places: such values survive serde_json's default float
/// parsing exactly. Arbitrary f64s do not (see `any_finite_coordinate_survives_a_save_and_reload`).
fn coordinate(bound: i64) -> impl Strategy<Value = f64> {
    prop_oneof![
        1 => select(vec![-bound as f64, 0.0, -0.0, bound as f64]),
        6 => (0..=7u32).prop_flat_map(move |places| {
            let scale = 10i64.pow(places);
            (-bound * scale..=bound * scale).prop_map(move |n| n as f64 / scale as f64)
        }),
    ]
}

fn place() -> impl Strategy<Value = Place> {
    (text(MAX_LINE), option::of(coordinate(90)), option::of(coordinate(180))).prop_map(|(name, lat, lon)| Place { name, lat, lon })
}

fn all_country_codes() -> Vec<String> {
    let letters = 'A'..='Z';
    letters.clone().flat_map(|a| letters.clone().map(move |b| format!("{a}{b}"))).filter(|c| is_country_code(c)).collect()
}

fn language() -> impl Strategy<Value = String> {
    regex("[a-zA-Z]{2,3}(-[a-zA-Z0-9]{1,8}){0,3}")
}

fn status() -> impl Strategy<Value = Status> {
    select(Status::EVERY.to_vec())
}

fn source() -> impl Strategy<Value = Source> {
    (text(MAX_NAME), text(MAX_TITLE), url(), option::of(date())).prop_map(|(publisher, title, url, date)| Source { publisher, title, url, date })
}

fn sources(max: usize) -> impl Strategy<Value = Vec<Source>> {
    vec(source(), 0..=max)
}

// ---------------------------------------------------------------- the dataset

fn story() -> impl Strategy<Value = StoryMeta> {
    (id(), text(MAX_TITLE), optional_text(MAX_SUMMARY), language(), start_and_optional_end(), optional_text(MAX_LINE), sources(3)).prop_map(
        |(id, title, dek, language, (published, updated), byline, sources)| StoryMeta {
            id,
            title,
            dek,
            language,
            published: Some(published),
            updated,
            byline,
            sources,
        },
    )
}

/// An actor of any kind; one of the kind `other` says what it is, as it must.
fn actor() -> impl Strategy<Value = Actor> {
    (
        (id(), text(MAX_NAME), option::of(text(MAX_SHORT_NAME)), select(ActorKind::ALL.to_vec())),
        (option::of(select(all_country_codes())), optional_text(MAX_DESCRIPTION), text(MAX_VERB)),
    )
        .prop_map(|((id, name, short_name, kind), (country, description, word))| {
            let kind_label = (kind == ActorKind::Other).then_some(word);
            Actor { id, name, short_name, kind, country, description, part_of: None, kind_label, sources: vec![] }
        })
}

/// An event whose actor references (in `actors`, then in `quotes`) are still to be chosen, by these indices.
fn event() -> impl Strategy<Value = (Event, Vec<Index>)> {
    let involved = vec(optional_text(MAX_LINE).prop_map(|role| Involvement { actor: String::new(), role }), 0..=4);
    let quotes = vec((text(MAX_QUOTE), source()).prop_map(|(text, source)| Quote { text, speaker: String::new(), source }), 0..=2);
    (
        (id(), text(MAX_TITLE), text(MAX_SUMMARY), start_and_optional_end(), option::of(place())),
        (involved, quotes, status(), option::of(optional_text(MAX_LINE)), sources(3), vec(text(MAX_TAG), 0..=3)),
        vec(any::<Index>(), 6),
    )
        .prop_map(|((id, title, summary, (start, end), place), (actors, quotes, status, attribution, sources, tags), refs)| {
            let event = Event { id, title, summary, start, end, place, actors, status, attribution, quotes, sources, tags, updated: None, change: None, history: vec![] };
            (event, refs)
        })
}

/// A relation whose two ends are still to be chosen, by these indices.
fn relation() -> impl Strategy<Value = (Relation, Index, Index)> {
    (
        (id(), select(RelationKind::ALL.to_vec()), text(MAX_TITLE), text(MAX_VERB), any::<bool>()),
        (status(), option::of(optional_text(MAX_LINE)), start_and_optional_end(), sources(2)),
        (any::<Index>(), any::<Index>()),
    )
        .prop_map(|((id, kind, label, verb, directed), (status, attribution, (valid_from, valid_to), sources), (a, b))| {
            // A custom relation's label is its verb, which is shorter.
            let label = if kind == RelationKind::Custom { verb } else { label };
            let relation =
                Relation { id, from: String::new(), to: String::new(), kind, label, directed, status, attribution, valid_from, valid_to, sources };
            (relation, a, b)
        })
}

fn era() -> impl Strategy<Value = Era> {
    (id(), text(MAX_TITLE), ordered_dates()).prop_map(|(id, title, (start, end))| Era { id, title, start, end })
}

/// Makes the ids in one list unique, renaming later duplicates.
fn dedupe<'a>(ids: impl Iterator<Item = &'a mut String>) {
    let mut seen = std::collections::HashSet::new();
    for (i, id) in ids.enumerate() {
        let mut n = i;
        while !seen.insert(id.clone()) {
            *id = format!("dup-{n}");
            n += 1000;
        }
    }
}

/// How many items of each kind a generated dataset has at most.
#[derive(Clone, Copy, Debug)]
struct Sizes {
    actors: usize,
    events: usize,
    relations: usize,
    eras: usize,
}

const SMALL: Sizes = Sizes { actors: 5, events: 6, relations: 4, eras: 3 };
const LARGE: Sizes = Sizes { actors: 40, events: 150, relations: 60, eras: 20 };

/// An arbitrary dataset that `validate` accepts: unique ids, references to existing actors, ordered dates,
/// text within its limits, http(s) URLs.
fn dataset(sizes: Sizes) -> impl Strategy<Value = Dataset> {
    (
        story(),
        vec(actor(), 0..=sizes.actors),
        vec(event(), 0..=sizes.events),
        vec(relation(), 0..=sizes.relations),
        vec(era(), 0..=sizes.eras),
    )
        .prop_map(|(story, mut actors, events, relations, mut eras)| {
            dedupe(actors.iter_mut().map(|a| &mut a.id));
            dedupe(eras.iter_mut().map(|e| &mut e.id));
            let ids: Vec<String> = actors.iter().map(|a| a.id.clone()).collect();
            let n = ids.len();
            let mut events: Vec<Event> = events
                .into_iter()
                .map(|(mut event, refs)| {
                    if n == 0 {
                        event.actors.clear();
                        event.quotes.clear();
                    }
                    let mut refs = refs.iter().cycle();
                    for who in &mut event.actors {
                        who.actor = ids[refs.next().unwrap().index(n)].clone();
                    }
                    for quote in &mut event.quotes {
                        quote.speaker = ids[refs.next().unwrap().index(n)].clone();
                    }
                    event
                })
                .collect();
            dedupe(events.iter_mut().map(|e| &mut e.id));
            // A relation links two different actors: without two, there are none.
            let mut relations: Vec<Relation> = if n < 2 {
                Vec::new()
            } else {
                relations
                    .into_iter()
                    .map(|(mut relation, a, b)| {
                        let from = a.index(n);
                        let to = (from + 1 + b.index(n - 1)) % n;
                        relation.from = ids[from].clone();
                        relation.to = ids[to].clone();
                        relation
                    })
                    .collect()
            };
            dedupe(relations.iter_mut().map(|r| &mut r.id));
            Dataset { storyline: FORMAT_VERSION, story, actors, events, relations, eras, updates: vec![] }
        })
}

// ---------------------------------------------------------------- arbitrary and mutated JSON

fn json_leaf() -> impl Strategy<Value = Value> {
    prop_oneof![
        Just(Value::Null),
        any::<bool>().prop_map(Value::Bool),
        any::<i64>().prop_map(Value::from),
        any::<u64>().prop_map(Value::from),
        any::<f64>().prop_map(|f| Number::from_f64(f).map_or(Value::Null, Value::Number)),
        any::<String>().prop_map(Value::String),
        interesting_leaf(),
    ]
}

/// Values that sit on or near the format's edges.
fn interesting_leaf() -> impl Strategy<Value = Value> {
    prop_oneof![
        select(vec![
            "", " ", "\u{0}", "\n", "1", "storyline", "2024", "2024-10", "2024-10-23", "2024-02-29", "2023-02-29", "2024-02-30",
            "2024-13", "-0044-03-15", "10000", "-10000", "2024-10-23T14:05:60Z", "2024-10-23T14:05:00.123+09:00",
            "2024-10-23T24:00:00Z", "2024-10-23T14:05:00+24:00", "2024-10-23T14:05:00", "2024-10-23t14:05:00z", "2024-10T10:00:00Z",
            "https://example.com/", "http://x", "https://", "https://:80", "//example.com", "javascript:alert(1)",
            "data:text/html,x", "https://exa mple.com", "https://a\\b", "confirmed", "reported", "state", "allied_with", "KP",
            "kp", "XX", "en", "en-GB", "e", "a1", "id with spaces", "-leading", "é",
        ])
        .prop_map(|s| Value::String(s.to_string())),
        select(vec![
            json!(0),
            json!(1),
            json!(2),
            json!(-1),
            json!(90.0),
            json!(90.000001),
            json!(-180.5),
            json!(1e308),
            json!(-1e308),
            json!(5e-324),
            json!(u64::MAX),
            json!(i64::MIN),
            json!([]),
            json!({}),
        ]),
        (1..3000usize, select(vec!['a', ' ', 'é', '\u{7}'])).prop_map(|(n, c)| Value::String(std::iter::repeat_n(c, n).collect())),
    ]
}

/// The format's own field names, so that arbitrary objects often look like the real thing.
const FIELD_NAMES: &[&str] = &[
    "storyline", "story", "actors", "events", "relations", "eras", "id", "title", "dek", "language", "published", "updated", "byline",
    "sources", "name", "short_name", "kind", "country", "description", "summary", "start", "end", "place", "lat", "lon", "actor",
    "role", "status", "attribution", "quotes", "text", "speaker", "source", "tags", "from", "to", "label", "directed", "valid_from",
    "valid_to", "publisher", "url", "date",
];

fn key() -> impl Strategy<Value = String> {
    prop_oneof![3 => select(FIELD_NAMES).prop_map(str::to_string), 1 => any::<String>()]
}

/// Any JSON value, nested a few levels deep.
fn json_value() -> BoxedStrategy<Value> {
    json_leaf()
        .prop_recursive(4, 48, 6, |inner| {
            prop_oneof![
                vec(inner.clone(), 0..6).prop_map(Value::Array),
                btree_map(key(), inner, 0..6).prop_map(|m| Value::Object(m.into_iter().collect())),
            ]
        })
        .boxed()
}

/// An object with `"storyline": 1` and each top-level list holding arbitrary objects with the format's field names.
fn storyline_shaped_value() -> impl Strategy<Value = Value> {
    let item = btree_map(key(), json_value(), 0..10).prop_map(|m| Value::Object(m.into_iter().collect())).boxed();
    let list = prop_oneof![4 => vec(item.clone(), 0..4).prop_map(Value::Array), 1 => json_value()].boxed();
    (
        prop_oneof![4 => Just(json!(1)), 1 => json_value()],
        option::of(item),
        option::of(list.clone()),
        option::of(list.clone()),
        option::of(list.clone()),
        option::of(list),
        btree_map(key(), json_value(), 0..2),
    )
        .prop_map(|(version, story, actors, events, relations, eras, extra)| {
            let mut root: Map<String, Value> = extra.into_iter().collect();
            root.insert("storyline".into(), version);
            for (key, value) in [("story", story), ("actors", actors), ("events", events), ("relations", relations), ("eras", eras)] {
                if let Some(value) = value {
                    root.insert(key.into(), value);
                }
            }
            Value::Object(root)
        })
}

/// One step from a value to a child.
#[derive(Clone, Debug)]
enum Step {
    Key(String),
    At(usize),
}

/// Every node of a value (the root first), as the steps that reach it.
fn node_paths(value: &Value) -> Vec<Vec<Step>> {
    fn walk(value: &Value, here: &mut Vec<Step>, out: &mut Vec<Vec<Step>>) {
        out.push(here.clone());
        match value {
            Value::Array(items) => {
                for (i, item) in items.iter().enumerate() {
                    here.push(Step::At(i));
                    walk(item, here, out);
                    here.pop();
                }
            }
            Value::Object(map) => {
                for (k, item) in map {
                    here.push(Step::Key(k.clone()));
                    walk(item, here, out);
                    here.pop();
                }
            }
            _ => {}
        }
    }
    let mut out = Vec::new();
    walk(value, &mut Vec::new(), &mut out);
    out
}

fn node_mut<'a>(mut value: &'a mut Value, path: &[Step]) -> &'a mut Value {
    for step in path {
        value = match step {
            Step::Key(k) => value.get_mut(k.as_str()).expect("path from node_paths"),
            Step::At(i) => value.get_mut(*i).expect("path from node_paths"),
        };
    }
    value
}

/// A change to a valid dataset's JSON, at a node picked by index among all its nodes.
#[derive(Clone, Debug)]
enum Mutation {
    /// Replace the node with a value.
    Replace(Index, Value),
    /// Remove the node from its object or list (the root is left alone).
    Delete(Index),
    /// Overwrite the node with a copy of another node: type-correct mistakes such as duplicate ids.
    Copy { from: Index, to: Index },
    /// Add a key to the nearest object at or above the node.
    Insert(Index, String, Value),
    /// Append a copy of the node to its list, if it is in one: duplicate items.
    Duplicate(Index),
}

fn mutation() -> impl Strategy<Value = Mutation> {
    prop_oneof![
        4 => (any::<Index>(), json_value()).prop_map(|(at, v)| Mutation::Replace(at, v)),
        2 => any::<Index>().prop_map(Mutation::Delete),
        2 => (any::<Index>(), any::<Index>()).prop_map(|(from, to)| Mutation::Copy { from, to }),
        1 => (any::<Index>(), key(), json_value()).prop_map(|(at, k, v)| Mutation::Insert(at, k, v)),
        1 => any::<Index>().prop_map(Mutation::Duplicate),
    ]
}

fn mutate(value: &mut Value, mutation: &Mutation) {
    let paths = node_paths(value);
    let pick = |i: &Index| paths[i.index(paths.len())].clone();
    match mutation {
        Mutation::Replace(at, new) => *node_mut(value, &pick(at)) = new.clone(),
        Mutation::Delete(at) => {
            let mut path = pick(at);
            if let Some(last) = path.pop() {
                match (node_mut(value, &path), last) {
                    (Value::Object(map), Step::Key(k)) => {
                        map.remove(&k);
                    }
                    (Value::Array(items), Step::At(i)) => {
                        items.remove(i);
                    }
                    _ => unreachable!("a step matches its parent's shape"),
                }
            }
        }
        Mutation::Copy { from, to } => {
            let copy = node_mut(value, &pick(from)).clone();
            *node_mut(value, &pick(to)) = copy;
        }
        Mutation::Insert(at, k, new) => {
            let mut path = pick(at);
            loop {
                if let Value::Object(map) = node_mut(value, &path) {
                    map.insert(k.clone(), new.clone());
                    break;
                }
                if path.pop().is_none() {
                    break;
                }
            }
        }
        Mutation::Duplicate(at) => {
            let mut path = pick(at);
            if let Some(Step::At(i)) = path.pop() {
                if let Value::Array(items) = node_mut(value, &path) {
                    let copy = items[i].clone();
                    items.push(copy);
                }
            }
        }
    }
}

/// A valid dataset's JSON with one to three mutations, as text.
fn mutated_dataset_json() -> impl Strategy<Value = String> {
    (dataset(SMALL), vec(mutation(), 1..=3)).prop_map(|(dataset, mutations)| {
        let mut value = serde_json::to_value(&dataset).expect("a dataset serializes");
        for m in &mutations {
            mutate(&mut value, m);
        }
        serde_json::to_string(&value).expect("a value serializes")
    })
}

// ---------------------------------------------------------------- checks

/// What must hold whatever `load` is given: an Ok dataset validates and survives another round,
/// an Err says at least one thing.
fn check_load(json: &str) -> Result<Result<Loaded, Report>, TestCaseError> {
    let outcome = load(json);
    match &outcome {
        Ok(loaded) => {
            let report = validate(&loaded.dataset);
            prop_assert!(report.is_ok(), "load accepted what validate refuses: {:?}", report.errors);
            let again = serde_json::to_string(&loaded.dataset).expect("a dataset serializes");
            match load(&again) {
                Ok(reloaded) => prop_assert_eq!(&reloaded.dataset, &loaded.dataset),
                Err(report) => prop_assert!(false, "a loaded dataset fails to load again: {:?}", report.errors),
            }
        }
        Err(report) => prop_assert!(!report.errors.is_empty(), "load refused the input without saying why"),
    }
    Ok(outcome)
}

/// XorShift rather than the default ChaCha: in an unoptimized test build ChaCha takes most of the time.
fn config(cases: u32) -> ProptestConfig {
    ProptestConfig { cases, rng_algorithm: RngAlgorithm::XorShift, ..ProptestConfig::default() }
}

const TOP_LEVEL: [&str; 6] = ["storyline", "story", "actors", "events", "relations", "eras"];

/// The first segment of a path such as `events[3].sources[0].url`.
fn first_segment(path: &str) -> &str {
    path.split(['.', '[']).next().unwrap_or_default()
}

fn assert_json(json: &str) -> Result<(), TestCaseError> {
    serde_json::from_str::<Value>(json).map(drop).map_err(|e| TestCaseError::fail(format!("not JSON: {e}")))
}

proptest! {
    #![proptest_config(config(256))]

    #[test]
    fn a_generated_dataset_is_valid(dataset in dataset(SMALL)) {
        let report = validate(&dataset);
        prop_assert!(report.is_ok(), "{:#?}", report.errors);
    }

    #[test]
    fn a_valid_dataset_loads_from_its_json_as_the_same_story(dataset in dataset(SMALL)) {
        for json in [serde_json::to_string(&dataset).unwrap(), serde_json::to_string_pretty(&dataset).unwrap()] {
            match load(&json) {
                Ok(loaded) => {
                    prop_assert_eq!(&loaded.dataset, &dataset);
                    let unknown: Vec<_> = loaded.warnings.iter().filter(|w| w.message.contains("not part of the Storyline format")).collect();
                    prop_assert!(unknown.is_empty(), "serialization wrote keys load does not know: {:?}", unknown);
                }
                Err(report) => prop_assert!(false, "a valid dataset failed to load: {:#?}\n{}", report.errors, json),
            }
        }
    }

    #[test]
    fn a_valid_dataset_deserializes_from_its_json_as_the_same_story(dataset in dataset(SMALL)) {
        let json = serde_json::to_string(&dataset).unwrap();
        let back: Dataset = serde_json::from_str(&json).unwrap();
        prop_assert_eq!(back, dataset);
    }

    #[test]
    fn the_item_by_item_loader_agrees_with_the_fast_one_on_a_valid_dataset(dataset in dataset(SMALL)) {
        let value = serde_json::to_value(&dataset).unwrap();
        let slow = load_value(&value).map_err(|r| TestCaseError::fail(format!("{:#?}", r.errors)))?;
        let fast = load(&value.to_string()).map_err(|r| TestCaseError::fail(format!("{:#?}", r.errors)))?;
        prop_assert_eq!(&slow.dataset, &dataset);
        prop_assert_eq!(slow, fast);
    }

    #[test]
    fn load_never_panics_on_arbitrary_text(text in any::<String>()) {
        drop(check_load(&text)?);
    }

    #[test]
    fn load_never_panics_on_text_made_of_json_tokens(text in regex(r#"([\[\]{}:,"]|true|false|null|-?[0-9]{1,4}(\.[0-9]+)?([eE][+-]?[0-9]+)?|"storyline"|"story"|"events"|1| |\\u[0-9a-fD]{4})*"#)) {
        drop(check_load(&text)?);
    }

    #[test]
    fn load_never_panics_on_arbitrary_json_values(value in json_value()) {
        let json = value.to_string();
        let outcome = check_load(&json)?;
        if !value.is_object() {
            prop_assert!(outcome.is_err(), "a Storyline file is an object");
        }
    }

    #[test]
    fn load_never_panics_on_an_object_shaped_like_a_story_with_arbitrary_values(value in storyline_shaped_value()) {
        let json = value.to_string();
        let outcome = check_load(&json)?;
        // The item-by-item path, taken for files that do not deserialize in one go, must agree.
        let slow = load_value(&value);
        prop_assert_eq!(slow.is_ok(), outcome.is_ok());
        if let (Ok(slow), Ok(fast)) = (slow, outcome) {
            prop_assert_eq!(slow.dataset, fast.dataset);
        }
    }

    #[test]
    fn a_mutated_dataset_never_panics_and_each_error_names_where_it_is(json in mutated_dataset_json()) {
        assert_json(&json)?;
        let root: Value = serde_json::from_str(&json).unwrap();
        if let Err(report) = check_load(&json)? {
            for problem in &report.errors {
                let first = first_segment(&problem.path);
                let at_known_key = TOP_LEVEL.contains(&first);
                let at_unknown_top_key = root.as_object().is_some_and(|m| m.contains_key(problem.path.as_str()));
                prop_assert!(
                    problem.path.is_empty() || at_known_key || at_unknown_top_key,
                    "an error path leads nowhere in the file: {:?}", problem
                );
            }
        }
    }
}

proptest! {
    #![proptest_config(config(64))]

    #[test]
    fn a_large_valid_dataset_validates_and_survives_json_and_load_unchanged(dataset in dataset(LARGE)) {
        let report = validate(&dataset);
        prop_assert!(report.is_ok(), "{:#?}", report.errors);
        let json = serde_json::to_string(&dataset).unwrap();
        let back: Dataset = serde_json::from_str(&json).unwrap();
        prop_assert_eq!(&back, &dataset);
        match load(&json) {
            Ok(loaded) => prop_assert_eq!(&loaded.dataset, &dataset),
            Err(report) => prop_assert!(false, "a valid dataset failed to load: {:#?}", report.errors),
        }
    }

    /// serde_json's default float parser reads some 17-digit numbers one ulp off: about one
    /// coordinate in eight came back changed after a save, until the workspace enabled its
    /// `float_roundtrip` feature (fuzz/regressions/ keeps the input that showed it).
    #[test]
    fn any_finite_coordinate_survives_a_save_and_reload(lat in -90.0..=90.0f64, lon in -180.0..=180.0f64) {
        let place = Place { name: "Somewhere".into(), lat: Some(lat), lon: Some(lon) };
        let back: Place = serde_json::from_str(&serde_json::to_string(&place).unwrap()).unwrap();
        prop_assert_eq!(back, place);
    }
}

#[test]
fn deeply_nested_json_is_refused_without_overflowing_the_stack() {
    for depth in [129, 10_000, 200_000] {
        for (open, close) in [("[", "]"), ("{\"a\":", "}")] {
            let json = format!(r#"{{"storyline":1,"story":{}1{}}}"#, open.repeat(depth), close.repeat(depth));
            let report = load(&json).expect_err("too deep to be a story");
            assert!(!report.errors.is_empty());
        }
    }
}
