//! Parsing and validation: every problem in a dataset, each named by its JSON path, errors apart from warnings.
//!
//! Editors fix a file faster when they see all of its mistakes at once, so nothing here
//! stops at the first one: each top-level list item is deserialized on its own (a type
//! error in `events[3]` does not hide one in `events[7]`), then the semantic rules run
//! over everything that parsed.

use crate::country::is_country_code;
use crate::date::PartialDate;
use crate::limits::*;
use crate::model::*;
use serde::de::DeserializeOwned;
use serde_json::{Map, Value};
use std::collections::{HashMap, HashSet};
use std::fmt;

/// One problem, at one place in the file.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Problem {
    /// A JSON path such as `events[3].sources[0].url`; empty for the file as a whole.
    pub path: String,
    pub message: String,
}

impl fmt::Display for Problem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if self.path.is_empty() {
            f.write_str(&self.message)
        } else {
            write!(f, "{}: {}", self.path, self.message)
        }
    }
}

/// Everything found in one dataset. Errors make it unusable; warnings do not.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Report {
    pub errors: Vec<Problem>,
    pub warnings: Vec<Problem>,
}

impl Report {
    fn error(&mut self, path: impl Into<String>, message: impl Into<String>) {
        self.errors.push(Problem { path: path.into(), message: message.into() });
    }

    fn warn(&mut self, path: impl Into<String>, message: impl Into<String>) {
        self.warnings.push(Problem { path: path.into(), message: message.into() });
    }

    pub fn is_ok(&self) -> bool {
        self.errors.is_empty()
    }
}

/// A dataset that passed, with the warnings it still carries.
#[derive(Clone, Debug, PartialEq)]
pub struct Loaded {
    pub dataset: Dataset,
    pub warnings: Vec<Problem>,
}

/// Parses and validates a dataset from JSON text.
pub fn load(json: &str) -> Result<Loaded, Report> {
    let mut report = Report::default();
    if json.len() > MAX_FILE_BYTES {
        report.error("", format!("the file is {} bytes; the limit is {MAX_FILE_BYTES}", json.len()));
        return Err(report);
    }
    match serde_json::from_str::<Value>(json) {
        Ok(value) => load_value(&value),
        Err(e) => {
            report.error("", format!("this is not valid JSON: {e}"));
            Err(report)
        }
    }
}

/// Parses and validates an already-parsed JSON value (the browser parses with `JSON.parse`).
pub fn load_value(value: &Value) -> Result<Loaded, Report> {
    let mut report = Report::default();
    let Some(root) = value.as_object() else {
        report.error("", "a Storyline file is a JSON object with \"storyline\": 1, \"story\", \"actors\", \"events\", \"relations\" and \"eras\"");
        return Err(report);
    };
    match root.get("storyline") {
        Some(Value::Number(n)) if n.as_u64() == Some(u64::from(FORMAT_VERSION)) => {}
        Some(Value::Number(n)) => {
            report.error("storyline", format!("this file is in format version {n}; this Storyline reads version {FORMAT_VERSION} only"));
            return Err(report);
        }
        Some(_) => {
            report.error("storyline", format!("the format version must be the number {FORMAT_VERSION}"));
            return Err(report);
        }
        None => {
            report.error("storyline", format!("is missing: add \"storyline\": {FORMAT_VERSION} to say which format this file uses"));
            return Err(report);
        }
    }
    for key in root.keys() {
        if !["storyline", "story", "actors", "events", "relations", "eras"].contains(&key.as_str()) {
            report.warn(key.clone(), "is not part of the Storyline format and is ignored");
        }
    }
    let story = match root.get("story") {
        Some(v) => parse_item::<StoryMeta>("story", v, &mut report),
        None => {
            report.error("story", "is missing: the story's id, title, language and published date go here");
            None
        }
    };
    let actors = parse_list::<Actor>(root, "actors", MAX_ACTORS, &mut report);
    let events = parse_list::<Event>(root, "events", MAX_EVENTS, &mut report);
    let relations = parse_list::<Relation>(root, "relations", MAX_RELATIONS, &mut report);
    let eras = parse_list::<Era>(root, "eras", MAX_ERAS, &mut report);

    // Actors that failed to parse still have ids: references to them are not errors of their own.
    let unparsed_actor_ids: Vec<&str> = root
        .get("actors")
        .and_then(Value::as_array)
        .map(|items| items.iter().filter_map(|a| a.get("id")?.as_str()).collect())
        .unwrap_or_default();
    let parsed = Parsed { story: story.as_ref(), actors: &actors, events: &events, relations: &relations, eras: &eras };
    check(&parsed, &unparsed_actor_ids, &mut report);

    match story {
        Some(story) if report.is_ok() => Ok(Loaded {
            dataset: Dataset {
                storyline: FORMAT_VERSION,
                story,
                actors: actors.into_iter().map(|(_, a)| a).collect(),
                events: events.into_iter().map(|(_, e)| e).collect(),
                relations: relations.into_iter().map(|(_, r)| r).collect(),
                eras: eras.into_iter().map(|(_, e)| e).collect(),
            },
            warnings: report.warnings,
        }),
        _ => Err(report),
    }
}

/// Checks a dataset built in code (an import, a generated story) with the same rules as a file.
pub fn validate(dataset: &Dataset) -> Report {
    let mut report = Report::default();
    let indexed = |n: usize| (0..n).collect::<Vec<_>>();
    let actors: Vec<_> = indexed(dataset.actors.len()).into_iter().zip(dataset.actors.iter().cloned()).collect();
    let events: Vec<_> = indexed(dataset.events.len()).into_iter().zip(dataset.events.iter().cloned()).collect();
    let relations: Vec<_> = indexed(dataset.relations.len()).into_iter().zip(dataset.relations.iter().cloned()).collect();
    let eras: Vec<_> = indexed(dataset.eras.len()).into_iter().zip(dataset.eras.iter().cloned()).collect();
    for (name, len, max) in [
        ("actors", actors.len(), MAX_ACTORS),
        ("events", events.len(), MAX_EVENTS),
        ("relations", relations.len(), MAX_RELATIONS),
        ("eras", eras.len(), MAX_ERAS),
    ] {
        if len > max {
            report.error(name, format!("has {len} items; the limit is {max}"));
        }
    }
    let parsed = Parsed { story: Some(&dataset.story), actors: &actors, events: &events, relations: &relations, eras: &eras };
    check(&parsed, &[], &mut report);
    report
}

/// What parsed, each item with its index in the file so that paths stay true.
struct Parsed<'a> {
    story: Option<&'a StoryMeta>,
    actors: &'a [(usize, Actor)],
    events: &'a [(usize, Event)],
    relations: &'a [(usize, Relation)],
    eras: &'a [(usize, Era)],
}

/// Joins a prefix and a serde path: "events[3]" + "sources[0].url".
fn join(prefix: &str, rest: &str) -> String {
    match rest {
        "" | "." => prefix.to_string(),
        r if prefix.is_empty() => r.to_string(),
        r if r.starts_with('[') => format!("{prefix}{r}"),
        r => format!("{prefix}.{r}"),
    }
}

/// serde's messages, reworded for an editor where they are terse.
fn reword(path: String, message: String) -> Problem {
    if let Some(field) = message.strip_prefix("missing field `").and_then(|m| m.strip_suffix('`')) {
        return Problem { path: join(&path, field), message: "is required but missing".into() };
    }
    let message = message.replace("invalid type: ", "has the wrong type: found ").replace("unknown variant", "unknown value");
    Problem { path, message }
}

/// The path serde_ignored reports for an unknown key, in our `a[0].b` notation.
fn ignored_path(path: &serde_ignored::Path<'_>) -> String {
    use serde_ignored::Path as P;
    match path {
        P::Root => String::new(),
        P::Seq { parent, index } => format!("{}[{index}]", ignored_path(parent)),
        P::Map { parent, key } => join(&ignored_path(parent), key),
        P::Some { parent } | P::NewtypeStruct { parent } | P::NewtypeVariant { parent } => ignored_path(parent),
    }
}

fn parse_item<T: DeserializeOwned>(prefix: &str, value: &Value, report: &mut Report) -> Option<T> {
    let mut unknown = Vec::new();
    let mut on_unknown = |p: serde_ignored::Path<'_>| unknown.push(ignored_path(&p));
    let de = serde_ignored::Deserializer::new(value, &mut on_unknown);
    let result = serde_path_to_error::deserialize::<_, T>(de);
    for key in unknown {
        report.warn(join(prefix, &key), "is not part of the Storyline format and is ignored (a typo?)");
    }
    match result {
        Ok(item) => Some(item),
        Err(e) => {
            let problem = reword(join(prefix, &e.path().to_string()), e.inner().to_string());
            report.errors.push(problem);
            None
        }
    }
}

fn parse_list<T: DeserializeOwned>(root: &Map<String, Value>, key: &str, max: usize, report: &mut Report) -> Vec<(usize, T)> {
    match root.get(key) {
        None | Some(Value::Null) => Vec::new(),
        Some(Value::Array(items)) => {
            if items.len() > max {
                report.error(key, format!("has {} items; the limit is {max}", items.len()));
                return Vec::new();
            }
            items
                .iter()
                .enumerate()
                .filter_map(|(i, v)| parse_item::<T>(&format!("{key}[{i}]"), v, report).map(|t| (i, t)))
                .collect()
        }
        Some(_) => {
            report.error(key, "must be a list ([...])");
            Vec::new()
        }
    }
}

/// The rules serde cannot express.
fn check<'a>(p: &Parsed<'a>, unparsed_actor_ids: &[&'a str], report: &mut Report) {
    if let Some(story) = p.story {
        check_story(story, report);
    }
    let mut actor_ids = unique_ids(report, "actors", p.actors.iter().map(|(i, a)| (*i, a.id.as_str())));
    actor_ids.extend(unparsed_actor_ids);
    unique_ids(report, "events", p.events.iter().map(|(i, e)| (*i, e.id.as_str())));
    unique_ids(report, "relations", p.relations.iter().map(|(i, r)| (*i, r.id.as_str())));
    unique_ids(report, "eras", p.eras.iter().map(|(i, e)| (*i, e.id.as_str())));
    for (i, actor) in p.actors {
        check_actor(&format!("actors[{i}]"), actor, report);
    }
    for (i, event) in p.events {
        check_event(&format!("events[{i}]"), event, &actor_ids, report);
    }
    for (i, relation) in p.relations {
        check_relation(&format!("relations[{i}]"), relation, &actor_ids, report);
    }
    for (i, era) in p.eras {
        let path = format!("eras[{i}]");
        text(report, &path, "title", &era.title, MAX_TITLE, true);
        order(report, &path, "end", &era.start, Some(&era.end));
    }
}

fn check_story(story: &StoryMeta, report: &mut Report) {
    id(report, "story.id", &story.id);
    text(report, "story", "title", &story.title, MAX_TITLE, true);
    text(report, "story", "dek", &story.dek, MAX_SUMMARY, false);
    text(report, "story", "byline", &story.byline, MAX_LINE, false);
    if !is_language_tag(&story.language) {
        report.error("story.language", format!("\"{}\" is not a BCP 47 language tag such as \"en\" or \"en-GB\"", story.language));
    }
    order(report, "story", "updated", &story.published, story.updated.as_ref());
    sources(report, "story", &story.sources, false);
}

fn check_actor(path: &str, actor: &Actor, report: &mut Report) {
    text(report, path, "name", &actor.name, MAX_NAME, true);
    if let Some(short) = &actor.short_name {
        text(report, path, "short_name", short, MAX_SHORT_NAME, true);
    }
    text(report, path, "description", &actor.description, MAX_DESCRIPTION, false);
    if let Some(code) = &actor.country {
        if !is_country_code(code) {
            report.error(format!("{path}.country"), format!("\"{code}\" is not an ISO 3166-1 alpha-2 code such as \"KP\" or \"US\""));
        }
    }
}

fn check_event(path: &str, event: &Event, actor_ids: &HashSet<&str>, report: &mut Report) {
    text(report, path, "title", &event.title, MAX_TITLE, true);
    text(report, path, "summary", &event.summary, MAX_SUMMARY, true);
    order(report, path, "end", &event.start, event.end.as_ref());
    if let Some(place) = &event.place {
        let place_path = format!("{path}.place");
        text(report, &place_path, "name", &place.name, MAX_LINE, true);
        coordinate(report, &place_path, "lat", place.lat, 90.0);
        coordinate(report, &place_path, "lon", place.lon, 180.0);
    }
    count(report, path, "actors", event.actors.len(), MAX_INVOLVED);
    let mut involved = HashSet::new();
    for (j, who) in event.actors.iter().enumerate() {
        let who_path = format!("{path}.actors[{j}]");
        reference(report, &format!("{who_path}.actor"), &who.actor, actor_ids);
        text(report, &who_path, "role", &who.role, MAX_LINE, false);
        if !involved.insert(who.actor.as_str()) {
            report.warn(format!("{who_path}.actor"), format!("\"{}\" is listed twice in this event", who.actor));
        }
    }
    if event.status != Status::Confirmed && event.attribution.as_deref().is_none_or(str::is_empty) {
        report.warn(
            format!("{path}.attribution"),
            format!("the event is {}: say who reports or claims it", event.status.key()),
        );
    }
    if let Some(attribution) = &event.attribution {
        text(report, path, "attribution", attribution, MAX_LINE, false);
    }
    count(report, path, "quotes", event.quotes.len(), MAX_QUOTES);
    for (j, quote) in event.quotes.iter().enumerate() {
        let quote_path = format!("{path}.quotes[{j}]");
        text(report, &quote_path, "text", &quote.text, MAX_QUOTE, true);
        reference(report, &format!("{quote_path}.speaker"), &quote.speaker, actor_ids);
        source(report, &format!("{quote_path}.source"), &quote.source);
    }
    sources(report, path, &event.sources, true);
    count(report, path, "tags", event.tags.len(), MAX_TAGS);
    for (j, tag) in event.tags.iter().enumerate() {
        text(report, path, &format!("tags[{j}]"), tag, MAX_TAG, true);
    }
}

fn check_relation(path: &str, relation: &Relation, actor_ids: &HashSet<&str>, report: &mut Report) {
    reference(report, &format!("{path}.from"), &relation.from, actor_ids);
    reference(report, &format!("{path}.to"), &relation.to, actor_ids);
    if relation.from == relation.to {
        report.error(format!("{path}.to"), "a relation links two different actors; from and to are the same");
    }
    text(report, path, "label", &relation.label, MAX_TITLE, true);
    if let Some(attribution) = &relation.attribution {
        text(report, path, "attribution", attribution, MAX_LINE, false);
    }
    order(report, path, "valid_to", &relation.valid_from, relation.valid_to.as_ref());
    sources(report, path, &relation.sources, true);
}

/// Ids must be unique in their list; returns the set for reference checks.
fn unique_ids<'a>(report: &mut Report, list: &str, ids: impl Iterator<Item = (usize, &'a str)>) -> HashSet<&'a str> {
    let mut first: HashMap<&str, usize> = HashMap::new();
    for (i, value) in ids {
        let path = format!("{list}[{i}].id");
        id(report, &path, value);
        if let Some(j) = first.get(value) {
            report.error(path, format!("\"{value}\" is already the id of {list}[{j}]; ids must be unique"));
        } else {
            first.insert(value, i);
        }
    }
    first.into_keys().collect()
}

/// Ids end up in URL fragments and element ids, so they keep to a safe alphabet.
fn id(report: &mut Report, path: &str, value: &str) {
    let mut chars = value.chars();
    let ok = chars.next().is_some_and(|c| c.is_ascii_alphanumeric())
        && chars.all(|c| c.is_ascii_alphanumeric() || c == '-' || c == '_')
        && value.len() <= MAX_ID;
    if !ok {
        report.error(
            path,
            format!("\"{value}\" is not a valid id: use 1 to {MAX_ID} letters, digits, '-' or '_', starting with a letter or digit"),
        );
    }
}

fn reference(report: &mut Report, path: &str, value: &str, actor_ids: &HashSet<&str>) {
    if !actor_ids.contains(value) {
        report.error(path, format!("\"{value}\" is not the id of any actor in \"actors\""));
    }
}

/// Text must be non-empty when required, within its length limit, and free of control characters.
fn text(report: &mut Report, parent: &str, field: &str, value: &str, max: usize, required: bool) {
    let path = join(parent, field);
    if value.trim().is_empty() {
        if required {
            report.error(path, "must not be empty");
        }
        return;
    }
    let len = value.chars().count();
    if len > max {
        report.error(path, format!("is {len} characters long; the limit is {max}"));
    } else if value.chars().any(|c| c.is_control() && c != '\n' && c != '\t') {
        report.error(path, "contains control characters");
    }
}

fn count(report: &mut Report, parent: &str, field: &str, n: usize, max: usize) {
    if n > max {
        report.error(join(parent, field), format!("has {n} items; the limit is {max}"));
    }
}

fn coordinate(report: &mut Report, parent: &str, field: &str, value: Option<f64>, bound: f64) {
    if let Some(v) = value {
        if !(-bound..=bound).contains(&v) {
            report.error(join(parent, field), format!("{v} is outside -{bound}..{bound}"));
        }
    }
}

/// An end (or `valid_to`, or `updated`) may not come before its start.
fn order(report: &mut Report, parent: &str, field: &str, start: &PartialDate, end: Option<&PartialDate>) {
    if let Some(end) = end {
        if end.end_seconds() < start.start_seconds() {
            report.error(join(parent, field), format!("{end} is before the start, {start}"));
        }
    }
}

fn sources(report: &mut Report, parent: &str, list: &[Source], expected: bool) {
    if expected && list.is_empty() {
        report.warn(join(parent, "sources"), "has no source: readers and editors need to know where this comes from");
    }
    count(report, parent, "sources", list.len(), MAX_SOURCES);
    for (j, s) in list.iter().enumerate() {
        source(report, &join(parent, &format!("sources[{j}]")), s);
    }
}

fn source(report: &mut Report, path: &str, s: &Source) {
    text(report, path, "publisher", &s.publisher, MAX_NAME, true);
    text(report, path, "title", &s.title, MAX_TITLE, true);
    if let Err(why) = check_url(&s.url) {
        report.error(join(path, "url"), why);
    }
}

/// Only absolute http and https URLs are links we will render; everything else
/// (`javascript:`, `data:`, `//host`, relative paths) is refused.
pub fn check_url(url: &str) -> Result<(), String> {
    if url.len() > MAX_URL {
        return Err(format!("is {} characters long; the limit is {MAX_URL}", url.len()));
    }
    if url.chars().any(|c| c.is_whitespace() || c.is_control() || c == '\\') {
        return Err("contains spaces, control characters or backslashes; encode them".into());
    }
    let lower = url.to_ascii_lowercase();
    let rest = lower.strip_prefix("https://").or_else(|| lower.strip_prefix("http://"));
    match rest {
        Some(rest) => {
            let host = rest.split(['/', '?', '#']).next().unwrap_or("");
            let host = host.rsplit('@').next().unwrap_or("");
            if host.is_empty() || host.starts_with(':') {
                Err(format!("\"{url}\" has no host name"))
            } else {
                Ok(())
            }
        }
        None if lower.starts_with("//") => Err(format!("\"{url}\" is protocol-relative: write https://")),
        None => Err(format!("\"{url}\" is not an http or https address; only those are linked")),
    }
}

/// The shape of a BCP 47 tag: a 2-3 letter language and optional subtags of 1-8 letters or digits.
fn is_language_tag(tag: &str) -> bool {
    let mut parts = tag.split('-');
    let lang = parts.next().unwrap_or("");
    (2..=3).contains(&lang.len())
        && lang.chars().all(|c| c.is_ascii_alphabetic())
        && parts.all(|p| (1..=8).contains(&p.len()) && p.chars().all(|c| c.is_ascii_alphanumeric()))
}

#[cfg(test)]
mod tests;
