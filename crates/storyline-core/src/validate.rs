//! Parsing and validation: every problem in a dataset, each named by its JSON path, errors apart from warnings.
//!
//! Editors fix a file faster when they see all of its mistakes at once, so nothing here
//! stops at the first one: each top-level list item is deserialized on its own (a type
//! error in `events[3]` does not hide one in `events[7]`), then the semantic rules run
//! over everything that parsed.

use crate::country::is_country_code;
use crate::date::{PartialDate, Precision};
use crate::limits::*;
use crate::model::*;
use crate::suggest::{country_fix, json_syntax_fix, word_fix};
use serde::de::DeserializeOwned;
use serde_json::{Map, Value};
use std::collections::HashMap;
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
///
/// The common case, a file that deserializes, takes one pass over the text. Only a file
/// with type errors is parsed again item by item, to report all of them.
pub fn load(json: &str) -> Result<Loaded, Report> {
    match read(json) {
        Read::Decided(result) => result,
        Read::Parsed(value) => load_value(&value),
    }
}

/// What one typed pass over a file's text decides.
// Made once per file and matched at once: boxing the verdict would buy nothing.
#[allow(clippy::large_enum_variant)]
pub enum Read {
    /// A verdict: a Storyline file that deserializes (valid or not), a file over the size limit,
    /// or text that is not JSON.
    Decided(Result<Loaded, Report>),
    /// The text as a JSON value, for a closer reading: item by item for every type error
    /// (`load_value`), or as another format.
    Parsed(Value),
}

/// The typed pass over `json` that decides the common case; the rest comes back parsed once, so
/// that whoever reads it next (the item-by-item report, the TimelineJS importer) parses nothing.
pub fn read(json: &str) -> Read {
    let mut report = Report::default();
    if json.len() > MAX_FILE_BYTES {
        report.error("", format!("the file is {} bytes; the limit is {MAX_FILE_BYTES}", json.len()));
        return Read::Decided(Err(report));
    }
    let (fast, unknown) = tracking::from_str::<Dataset>(json);
    match fast {
        Ok(dataset) if dataset.storyline == FORMAT_VERSION => {
            let mut report = validate(&dataset);
            let unknown = unknown.into_iter().map(|path| Problem { path, message: UNKNOWN_FIELD.into() });
            report.warnings.splice(0..0, unknown);
            Read::Decided(if report.is_ok() { Ok(Loaded { dataset, warnings: report.warnings }) } else { Err(report) })
        }
        _ => match serde_json::from_str::<Value>(json) {
            Ok(value) => Read::Parsed(value),
            Err(e) => {
                let fix = json_syntax_fix(json, e.line(), e.column()).map(|fix| format!(": {fix}")).unwrap_or_default();
                report.error("", format!("this is not valid JSON: {e}{fix}"));
                Read::Decided(Err(report))
            }
        },
    }
}

const UNKNOWN_FIELD: &str = "is not part of the Storyline format and is ignored (a typo?)";

/// Parses and validates an already-parsed JSON value, reporting every type error, item by item.
pub fn load_value(value: &Value) -> Result<Loaded, Report> {
    let mut report = Report::default();
    let Some(root) = value.as_object() else {
        report.error("", "a Storyline file is a JSON object with \"storyline\": 1, \"story\", \"actors\", \"events\", \"relations\" and \"eras\"");
        return Err(report);
    };
    match root.get("storyline") {
        Some(Value::Number(n)) if n.as_u64() == Some(u64::from(FORMAT_VERSION)) => {}
        Some(Value::Number(n)) if n.as_u64().is_none() => {
            report.error("storyline", format!("the format version is a whole number: write {FORMAT_VERSION}, not {n}"));
            return Err(report);
        }
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
        if !["storyline", "story", "actors", "events", "relations", "eras", "updates"].contains(&key.as_str()) {
            report.warn(key.clone(), UNKNOWN_FIELD);
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
    let updates = parse_list::<Update>(root, "updates", MAX_UPDATES, &mut report);

    // Actors that failed to parse still have ids: references to them are not errors of their own.
    let unparsed_actor_ids: Vec<&str> = root
        .get("actors")
        .and_then(Value::as_array)
        .map(|items| items.iter().filter_map(|a| a.get("id")?.as_str()).collect())
        .unwrap_or_default();
    let parsed = Parsed {
        story: story.as_ref(),
        actors: refs(&actors),
        events: refs(&events),
        relations: refs(&relations),
        eras: refs(&eras),
        updates: refs(&updates),
    };
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
                updates: updates.into_iter().map(|(_, u)| u).collect(),
            },
            warnings: report.warnings,
        }),
        _ => Err(report),
    }
}

fn refs<T>(items: &[(usize, T)]) -> Vec<(usize, &T)> {
    items.iter().map(|(i, t)| (*i, t)).collect()
}

fn indexed<T>(items: &[T]) -> Vec<(usize, &T)> {
    items.iter().enumerate().collect()
}

/// Checks a dataset built in code (an import, a generated story) with the same rules as a file.
pub fn validate(dataset: &Dataset) -> Report {
    let mut report = Report::default();
    for (name, len, max) in [
        ("actors", dataset.actors.len(), MAX_ACTORS),
        ("events", dataset.events.len(), MAX_EVENTS),
        ("relations", dataset.relations.len(), MAX_RELATIONS),
        ("eras", dataset.eras.len(), MAX_ERAS),
        ("updates", dataset.updates.len(), MAX_UPDATES),
    ] {
        if len > max {
            report.error(name, format!("has {len} items; the limit is {max}"));
        }
    }
    if dataset.storyline != FORMAT_VERSION {
        report.error("storyline", format!("this Storyline reads version {FORMAT_VERSION} only"));
    }
    let parsed = Parsed {
        story: Some(&dataset.story),
        actors: indexed(&dataset.actors),
        events: indexed(&dataset.events),
        relations: indexed(&dataset.relations),
        eras: indexed(&dataset.eras),
        updates: indexed(&dataset.updates),
    };
    check(&parsed, &[], &mut report);
    report
}

/// What parsed, each item with its index in the file so that paths stay true.
struct Parsed<'a> {
    story: Option<&'a StoryMeta>,
    actors: Vec<(usize, &'a Actor)>,
    events: Vec<(usize, &'a Event)>,
    relations: Vec<(usize, &'a Relation)>,
    eras: Vec<(usize, &'a Era)>,
    updates: Vec<(usize, &'a Update)>,
}

/// A place in the file, built on the stack as the checks descend and written out only
/// when a problem is found: validating 10,000 clean events allocates no path at all.
#[derive(Clone, Copy)]
enum Loc<'a> {
    Top(&'a str),
    Field(&'a Loc<'a>, &'a str),
    Index(&'a Loc<'a>, &'a str, usize),
}

impl<'a> Loc<'a> {
    fn field(&'a self, name: &'a str) -> Loc<'a> {
        Loc::Field(self, name)
    }

    fn index(&'a self, list: &'a str, i: usize) -> Loc<'a> {
        Loc::Index(self, list, i)
    }
}

impl fmt::Display for Loc<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Loc::Top(name) => f.write_str(name),
            Loc::Field(parent, name) => write!(f, "{parent}.{name}"),
            Loc::Index(Loc::Top(""), list, i) => write!(f, "{list}[{i}]"),
            Loc::Index(parent, list, i) => write!(f, "{parent}.{list}[{i}]"),
        }
    }
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

/// serde's messages, reworded for an editor where they are terse, with the fix where one is likely.
fn reword(path: String, message: String) -> Problem {
    if let Some(field) = message.strip_prefix("missing field `").and_then(|m| m.strip_suffix('`')) {
        let message = if field == "label" && path.starts_with("relations[") {
            "is required but missing: say what the link is; for kind custom it is the verb the map shows, such as \"charters\""
        } else {
            "is required but missing"
        };
        return Problem { path: join(&path, field), message: message.into() };
    }
    let fix = unknown_value_fix(&message).map(|fix| format!(": {fix}")).unwrap_or_default();
    let message = message.replace("invalid type: ", "has the wrong type: found ").replace("unknown variant", "unknown value");
    Problem { path, message: format!("{message}{fix}") }
}

/// For serde's "unknown variant `x`, expected one of `a`, `b`", the fix among the words it lists.
fn unknown_value_fix(message: &str) -> Option<String> {
    let rest = message.strip_prefix("unknown variant `")?;
    let (typed, expected) = rest.split_once('`')?;
    let known: Vec<&str> = expected.split('`').skip(1).step_by(2).collect();
    word_fix(typed, &known)
}

/// Deserializing while noting keys the format does not know, which editors want to hear about
/// (a typo such as "atribution" is otherwise silently ignored). Readers' browsers have no use
/// for these warnings, and the tracking is a large share of the wasm, so the widget builds
/// core without the `unknown-field-warnings` feature and simply ignores such keys.
#[cfg(feature = "unknown-field-warnings")]
mod tracking {
    use serde::de::DeserializeOwned;
    use serde_json::Value;

    /// The path serde_ignored reports for an unknown key, in our `a[0].b` notation.
    fn path(p: &serde_ignored::Path<'_>) -> String {
        use serde_ignored::Path as P;
        match p {
            P::Root => String::new(),
            P::Seq { parent, index } => format!("{}[{index}]", path(parent)),
            P::Map { parent, key } => super::join(&path(parent), key),
            P::Some { parent } | P::NewtypeStruct { parent } | P::NewtypeVariant { parent } => path(parent),
        }
    }

    pub fn from_str<T: DeserializeOwned>(json: &str) -> (Result<T, serde_json::Error>, Vec<String>) {
        let mut unknown = Vec::new();
        let mut on_unknown = |p: serde_ignored::Path<'_>| unknown.push(path(&p));
        let mut de = serde_json::Deserializer::from_str(json);
        let result = serde_ignored::deserialize::<_, _, T>(&mut de, &mut on_unknown).and_then(|d| de.end().map(|()| d));
        (result, unknown)
    }

    pub fn from_value<T: DeserializeOwned>(value: &Value) -> (Result<T, serde_path_to_error::Error<serde_json::Error>>, Vec<String>) {
        let mut unknown = Vec::new();
        let mut on_unknown = |p: serde_ignored::Path<'_>| unknown.push(path(&p));
        let result = serde_path_to_error::deserialize::<_, T>(serde_ignored::Deserializer::new(value, &mut on_unknown));
        (result, unknown)
    }
}

#[cfg(not(feature = "unknown-field-warnings"))]
mod tracking {
    use serde::de::DeserializeOwned;
    use serde_json::Value;

    pub fn from_str<T: DeserializeOwned>(json: &str) -> (Result<T, serde_json::Error>, Vec<String>) {
        (serde_json::from_str(json), Vec::new())
    }

    pub fn from_value<T: DeserializeOwned>(value: &Value) -> (Result<T, serde_path_to_error::Error<serde_json::Error>>, Vec<String>) {
        (serde_path_to_error::deserialize::<_, T>(value), Vec::new())
    }
}

fn parse_item<T: DeserializeOwned>(prefix: &str, value: &Value, report: &mut Report) -> Option<T> {
    let (result, unknown) = tracking::from_value::<T>(value);
    for key in unknown {
        report.warn(join(prefix, &key), UNKNOWN_FIELD);
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

const TOP: Loc<'static> = Loc::Top("");

/// The rules serde cannot express.
fn check<'a>(p: &Parsed<'a>, unparsed_actor_ids: &[&'a str], report: &mut Report) {
    if let Some(story) = p.story {
        check_story(story, report);
    }
    let mut actor_ids = unique_ids(report, "actors", p.actors.iter().map(|(i, a)| (*i, a.id.as_str())));
    for id in unparsed_actor_ids {
        actor_ids.entry(id).or_insert(UNPARSED);
    }
    let event_ids = unique_ids(report, "events", p.events.iter().map(|(i, e)| (*i, e.id.as_str())));
    unique_ids(report, "relations", p.relations.iter().map(|(i, r)| (*i, r.id.as_str())));
    unique_ids(report, "eras", p.eras.iter().map(|(i, e)| (*i, e.id.as_str())));
    for (i, actor) in &p.actors {
        check_actor(&TOP.index("actors", *i), actor, report);
    }
    check_part_of(&p.actors, &actor_ids, report);
    for (i, event) in &p.events {
        check_event(&TOP.index("events", *i), event, &actor_ids, report);
    }
    for (i, relation) in &p.relations {
        check_relation(&TOP.index("relations", *i), relation, &actor_ids, report);
    }
    for (i, era) in &p.eras {
        let at = TOP.index("eras", *i);
        text(report, &at.field("title"), &era.title, MAX_TITLE, true);
        order(report, &at.field("end"), &era.start, Some(&era.end));
    }
    updates::check_updates(&p.updates, &event_ids, report);
}

fn check_story(story: &StoryMeta, report: &mut Report) {
    let at = Loc::Top("story");
    id(report, &at.field("id"), &story.id);
    text(report, &at.field("title"), &story.title, MAX_TITLE, true);
    text(report, &at.field("dek"), &story.dek, MAX_SUMMARY, false);
    text(report, &at.field("byline"), &story.byline, MAX_LINE, false);
    if !is_language_tag(&story.language) {
        report.error("story.language", format!("\"{}\" is not a BCP 47 language tag such as \"en\" or \"en-GB\"", story.language));
    }
    if let Some(published) = &story.published {
        order(report, &at.field("updated"), published, story.updated.as_ref());
    }
    sources(report, &at, &story.sources, false);
}

fn check_actor(at: &Loc<'_>, actor: &Actor, report: &mut Report) {
    text(report, &at.field("name"), &actor.name, MAX_NAME, true);
    if let Some(short) = &actor.short_name {
        text(report, &at.field("short_name"), short, MAX_SHORT_NAME, true);
    }
    text(report, &at.field("description"), &actor.description, MAX_DESCRIPTION, false);
    if let Some(code) = &actor.country {
        if !is_country_code(code) {
            let fix = country_fix(code, is_country_code).unwrap_or_else(|| "write a code such as \"KP\" or \"US\"".into());
            report.error(at.field("country").to_string(), format!("\"{code}\" is not an ISO 3166-1 alpha-2 code: {fix}"));
        }
    }
    match (actor.kind, &actor.kind_label) {
        (ActorKind::Other, None) => report.error(
            at.field("kind_label").to_string(),
            "is required when kind is other: say what the actor is in a word or two, such as \"ship\" or \"court\"",
        ),
        (ActorKind::Other, Some(word)) => text(report, &at.field("kind_label"), word, MAX_VERB, true),
        (kind, Some(_)) => report.warn(
            at.field("kind_label").to_string(),
            format!("is shown only for kind other; this actor is of kind {}, so it is ignored", kind.key()),
        ),
        (_, None) => {}
    }
    sources(report, at, &actor.sources, false);
    // An affiliation is drawn as a region on the map, so it is a claim like an event's.
    if actor.part_of.is_some() && actor.sources.is_empty() {
        report.warn(at.field("sources").to_string(), "has no source for its part_of: readers and editors need to know who says the actor belongs there");
    }
}

/// Each `part_of` names another actor, and no chain of them comes back to where it started:
/// the map draws a group inside the group it is part of, which a circle would make endless.
/// A circle is reported once, at its first actor in the file, with the whole way round.
fn check_part_of(actors: &[(usize, &Actor)], actor_ids: &Ids<'_>, report: &mut Report) {
    // Where the actor an id names sits in `actors`, which is in file order.
    let position = |id: &str| actor_ids.get(id).and_then(|i| actors.binary_search_by_key(i, |(j, _)| *j).ok());
    for (i, actor) in actors {
        let Some(group) = &actor.part_of else { continue };
        let at = TOP.index("actors", *i);
        if *group == actor.id {
            report.error(at.field("part_of").to_string(), "an actor cannot be part of itself");
        } else {
            reference(report, &at.field("part_of"), group, actor_ids);
        }
    }
    // Each chain is walked once: 1 marks the chain being walked, 2 a chain already settled.
    let mut seen = vec![0u8; actors.len()];
    let mut chain: Vec<usize> = Vec::new();
    for start in 0..actors.len() {
        chain.clear();
        let mut next = Some(start);
        while let Some(k) = next.filter(|&k| seen[k] == 0) {
            seen[k] = 1;
            chain.push(k);
            next = actors[k].1.part_of.as_deref().and_then(position);
        }
        // The chain ran into itself: from where it came back, it is a circle.
        if let Some(k) = next.filter(|&k| seen[k] == 1) {
            let round = &chain[chain.iter().position(|&c| c == k).expect("a chain that comes back holds its start")..];
            if round.len() > 1 {
                // `actors` is in file order: the least position is the first in the file.
                let first = (0..round.len()).min_by_key(|&r| round[r]).expect("a circle has actors");
                let mut way = String::new();
                for r in 0..=round.len() {
                    way.push_str(if r == 0 { "\"" } else { "\" → \"" });
                    way.push_str(&actors[round[(first + r) % round.len()]].1.id);
                }
                report.error(
                    TOP.index("actors", actors[round[first]].0).field("part_of").to_string(),
                    format!("{way}\" goes round in a circle: an actor cannot be part of itself, even through others"),
                );
            }
        }
        for &c in &chain {
            seen[c] = 2;
        }
    }
}

/// A status nobody set is the editor's to decide: the story shows it as "Not stated" until then.
const NOT_STATED: &str = "is not_stated: say how sure the reporting is (confirmed, reported, claimed, denied or disputed) and who says so";

/// An event or relation that is not confirmed says who reports, claims, denies or disputes it;
/// one whose status nobody set asks for one.
fn unattributed(report: &mut Report, at: &Loc<'_>, status: Status, attribution: Option<&str>, what: &str) {
    if status == Status::NotStated {
        report.warn(at.field("status").to_string(), NOT_STATED);
    } else if status != Status::Confirmed && attribution.is_none_or(|a| a.trim().is_empty()) {
        report.warn(
            at.field("attribution").to_string(),
            format!("the {what} is {}: say who reports or claims it", status.key()),
        );
    }
}

fn check_event(at: &Loc<'_>, event: &Event, actor_ids: &Ids<'_>, report: &mut Report) {
    text(report, &at.field("title"), &event.title, MAX_TITLE, true);
    text(report, &at.field("summary"), &event.summary, MAX_SUMMARY, true);
    order(report, &at.field("end"), &event.start, event.end.as_ref());
    local_time(report, &at.field("start"), Some(&event.start));
    local_time(report, &at.field("end"), event.end.as_ref());
    if let Some(place) = &event.place {
        let place_at = at.field("place");
        text(report, &place_at.field("name"), &place.name, MAX_LINE, true);
        coordinate(report, &place_at.field("lat"), place.lat, 90.0);
        coordinate(report, &place_at.field("lon"), place.lon, 180.0);
    }
    count(report, &at.field("actors"), event.actors.len(), MAX_INVOLVED);
    for (j, who) in event.actors.iter().enumerate() {
        let who_at = at.index("actors", j);
        reference(report, &who_at.field("actor"), &who.actor, actor_ids);
        text(report, &who_at.field("role"), &who.role, MAX_LINE, false);
        if event.actors[..j].iter().any(|earlier| earlier.actor == who.actor) {
            report.warn(who_at.field("actor").to_string(), format!("\"{}\" is listed twice in this event", who.actor));
        }
    }
    unattributed(report, at, event.status, event.attribution.as_deref(), "event");
    if let Some(attribution) = &event.attribution {
        text(report, &at.field("attribution"), attribution, MAX_LINE, false);
    }
    count(report, &at.field("quotes"), event.quotes.len(), MAX_QUOTES);
    for (j, quote) in event.quotes.iter().enumerate() {
        let quote_at = at.index("quotes", j);
        text(report, &quote_at.field("text"), &quote.text, MAX_QUOTE, true);
        reference(report, &quote_at.field("speaker"), &quote.speaker, actor_ids);
        source(report, &quote_at.field("source"), &quote.source);
    }
    sources(report, at, &event.sources, true);
    count(report, &at.field("tags"), event.tags.len(), MAX_TAGS);
    for (j, tag) in event.tags.iter().enumerate() {
        text(report, &at.index("tags", j), tag, MAX_TAG, true);
    }
    updates::check_history(at, event, report);
}

fn check_relation(at: &Loc<'_>, relation: &Relation, actor_ids: &Ids<'_>, report: &mut Report) {
    reference(report, &at.field("from"), &relation.from, actor_ids);
    reference(report, &at.field("to"), &relation.to, actor_ids);
    if relation.from == relation.to && actor_ids.contains_key(relation.from.as_str()) {
        report.error(at.field("to").to_string(), "a relation links two different actors; from and to are the same");
    }
    let most = if relation.kind == RelationKind::Custom { MAX_VERB } else { MAX_TITLE };
    text(report, &at.field("label"), &relation.label, most, true);
    unattributed(report, at, relation.status, relation.attribution.as_deref(), "relation");
    if let Some(attribution) = &relation.attribution {
        text(report, &at.field("attribution"), attribution, MAX_LINE, false);
    }
    order(report, &at.field("valid_to"), &relation.valid_from, relation.valid_to.as_ref());
    local_time(report, &at.field("valid_from"), Some(&relation.valid_from));
    local_time(report, &at.field("valid_to"), relation.valid_to.as_ref());
    sources(report, at, &relation.sources, true);
}

/// Ids, each with the index in its list of the item that holds it (the first, if several do).
type Ids<'a> = HashMap<&'a str, usize>;

/// The index given to the id of an actor that did not parse: references to it are not errors
/// of their own, and it leads nowhere.
const UNPARSED: usize = usize::MAX;

/// Ids must be unique in their list; returns them, for reference checks.
fn unique_ids<'a>(report: &mut Report, list: &str, ids: impl Iterator<Item = (usize, &'a str)>) -> Ids<'a> {
    let mut first: HashMap<&str, usize> = HashMap::new();
    for (i, value) in ids {
        let at = TOP.index(list, i);
        let at = at.field("id");
        id(report, &at, value);
        if let Some(j) = first.get(value) {
            report.error(at.to_string(), format!("\"{value}\" is already the id of {list}[{j}]; ids must be unique"));
        } else {
            first.insert(value, i);
        }
    }
    first
}

/// Ids end up in URL fragments and element ids, so they keep to a safe alphabet.
fn id(report: &mut Report, at: &Loc<'_>, value: &str) {
    let mut chars = value.chars();
    let ok = chars.next().is_some_and(|c| c.is_ascii_alphanumeric())
        && chars.all(|c| c.is_ascii_alphanumeric() || c == '-' || c == '_')
        && value.len() <= MAX_ID;
    if !ok {
        report.error(
            at.to_string(),
            format!("\"{value}\" is not a valid id: use 1 to {MAX_ID} letters, digits, '-' or '_', starting with a letter or digit"),
        );
    }
}

fn reference(report: &mut Report, at: &Loc<'_>, value: &str, actor_ids: &Ids<'_>) {
    if !actor_ids.contains_key(value) {
        report.error(at.to_string(), format!("\"{value}\" is not the id of any actor in \"actors\""));
    }
}

/// Text must be non-empty when required, within its length limit, and free of control characters.
fn text(report: &mut Report, at: &Loc<'_>, value: &str, max: usize, required: bool) {
    if value.trim().is_empty() {
        if required {
            report.error(at.to_string(), "must not be empty");
        }
        return;
    }
    // Byte length bounds the character count from above: most text needs no counting.
    let len = if value.len() <= max { value.len() } else { value.chars().count() };
    if len > max {
        report.error(at.to_string(), format!("is {len} characters long; the limit is {max}"));
    } else if let Some(c) = value.chars().find(|c| c.is_control() && !matches!(c, '\n' | '\t' | '\r')) {
        report.error(at.to_string(), format!("contains the control character U+{:04X}; remove it", u32::from(c)));
    }
}

fn count(report: &mut Report, at: &Loc<'_>, n: usize, max: usize) {
    if n > max {
        report.error(at.to_string(), format!("has {n} items; the limit is {max}"));
    }
}

fn coordinate(report: &mut Report, at: &Loc<'_>, value: Option<f64>, bound: f64) {
    if let Some(v) = value {
        if !(-bound..=bound).contains(&v) {
            report.error(at.to_string(), format!("{v} is outside -{bound}..{bound}", bound = bound as i64));
        }
    }
}

/// An end (or `valid_to`, or `updated`) may not come before its start.
fn order(report: &mut Report, at: &Loc<'_>, start: &PartialDate, end: Option<&PartialDate>) {
    if let Some(end) = end {
        if end.end_seconds() < start.start_seconds() {
            report.error(at.to_string(), format!("{end} is before the start, {start}"));
        }
    }
}

/// A time without an offset is kept and shown as written; the editor may know its zone.
fn local_time(report: &mut Report, at: &Loc<'_>, date: Option<&PartialDate>) {
    if let Some(date) = date.filter(|d| d.precision == Precision::LocalTime) {
        report.warn(
            at.to_string(),
            format!("{date} has no time zone: it is shown as written, {:02}:{:02}, and placed as if it were UTC; add Z or an offset such as +03:00 if you know it", date.hour, date.minute),
        );
    }
}

fn sources(report: &mut Report, parent: &Loc<'_>, list: &[Source], expected: bool) {
    if expected && list.is_empty() {
        report.warn(parent.field("sources").to_string(), "has no source: readers and editors need to know where this comes from");
    }
    count(report, &parent.field("sources"), list.len(), MAX_SOURCES);
    for (j, s) in list.iter().enumerate() {
        source(report, &parent.index("sources", j), s);
    }
}

fn source(report: &mut Report, at: &Loc<'_>, s: &Source) {
    text(report, &at.field("publisher"), &s.publisher, MAX_NAME, true);
    text(report, &at.field("title"), &s.title, MAX_TITLE, true);
    if let Err(why) = check_url(&s.url) {
        report.error(at.field("url").to_string(), why);
    }
}

/// Only absolute http and https URLs are links we will render; everything else
/// (`javascript:`, `data:`, `//host`, relative paths) is refused, and so is any character
/// that could end the markup around a link (`"`, `<`, `>`, `` ` ``).
pub fn check_url(url: &str) -> Result<(), String> {
    if url.len() > MAX_URL {
        let chars = url.chars().count();
        if chars > MAX_URL {
            return Err(format!("is {chars} characters long; the limit is {MAX_URL}"));
        }
    }
    if url.chars().any(|c| c.is_whitespace() || c.is_control() || c == '\\') {
        return Err("contains spaces, control characters or backslashes; encode them".into());
    }
    // These four are never part of a URL (RFC 3986), and they are what ends the attribute or
    // element a link is written in: `https://x/"><script>` is only as safe as the escaping of
    // whatever writes it out. The widget escapes; refusing them also protects any other page,
    // feed or export that carries a story's URLs and forgets to.
    if url.contains(['"', '<', '>', '`']) {
        return Err("contains a double quote, an angle bracket or a backtick, which could end the markup around a link; percent-encode them (\" as %22, < as %3C, > as %3E, ` as %60)".into());
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

mod updates;

#[cfg(test)]
mod tests;
