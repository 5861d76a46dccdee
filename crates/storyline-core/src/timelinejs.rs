//! TimelineJS3 JSON imported as a Storyline dataset, with a note for everything that could not come along.
//!
//! TimelineJS slides carry HTML, media embeds and display tweaks; Storyline carries text,
//! dates with a precision, a status and sources. The mapping is lossy by nature, so each
//! loss is reported in `Imported::notes` for the editor, counted once per kind rather than
//! repeated per event. Nothing in the input can make this panic: bad parts are skipped and noted.

use crate::date::{days_in_month, PartialDate, Precision, MAX_CALENDAR_YEAR, MAX_YEAR, MIN_CALENDAR_YEAR};
use crate::html_text::to_plain_text;
use crate::limits::{MAX_ID, MAX_LINE, MAX_NAME, MAX_SUMMARY, MAX_TAG, MAX_TITLE};
use crate::model::{Dataset, Era, Event, Source, Status, StoryMeta, FORMAT_VERSION};
use crate::validate::check_url;
use serde_json::{Map, Value};
use std::collections::{BTreeMap, BTreeSet, HashMap, HashSet};

/// A converted timeline, and what its editor should review.
#[derive(Clone, Debug, PartialEq)]
pub struct Imported {
    pub dataset: Dataset,
    /// One human-readable line per kind of loss or assumption.
    pub notes: Vec<String>,
}

const TOP_FIELDS: [&str; 4] = ["title", "events", "eras", "scale"];
const SLIDE_FIELDS: [&str; 9] =
    ["start_date", "end_date", "text", "media", "group", "display_date", "background", "autolink", "unique_id"];
const TEXT_FIELDS: [&str; 2] = ["headline", "text"];
const MEDIA_FIELDS: [&str; 8] = ["url", "caption", "credit", "thumbnail", "alt", "title", "link", "link_target"];
const DATE_FIELDS: [&str; 9] =
    ["year", "month", "day", "hour", "minute", "second", "millisecond", "display_date", "format"];
const ERA_FIELDS: [&str; 3] = ["start_date", "end_date", "text"];
/// Elements inside slide text whose content cannot survive as text.
const INLINE_MEDIA: [&str; 8] = ["img", "picture", "svg", "video", "audio", "iframe", "object", "embed"];

const NO_SOURCE: &str = "without a source: add one before publishing";

/// Whether `value` is shaped like a TimelineJS3 timeline: an object with an "events" list in
/// which some item has a "start_date" object, and no "storyline" version key. One broken
/// event does not make a file something else; `import` skips it with a note.
pub fn looks_like_timelinejs(value: &Value) -> bool {
    value.as_object().is_some_and(|root| {
        !root.contains_key("storyline")
            && root
                .get("events")
                .and_then(Value::as_array)
                .is_some_and(|events| events.iter().any(|e| e.get("start_date").is_some_and(Value::is_object)))
    })
}

/// Whether `value` is a TimelineJS3 file, in its usual form or wrapped as `{"timeline": {"slides": [...]}}`.
pub fn is_timelinejs_file(value: &Value) -> bool {
    looks_like_timelinejs(&unwrap_slides(value.clone()))
}

/// Knight Lab's own site publishes some TimelineJS3 timelines wrapped as
/// `{"timeline": {"slides": [...]}}`; that form is unwrapped into the usual `{"events": [...]}`.
/// A TimelineJS 2 file (`{"timeline": {"date": [...]}}`) has no slides and is left alone.
fn unwrap_slides(value: Value) -> Value {
    let Some(inner) = value.get("timeline").and_then(Value::as_object) else { return value };
    let mut unwrapped = inner.clone();
    if !unwrapped.contains_key("events") {
        if let Some(slides) = unwrapped.remove("slides") {
            unwrapped.insert("events".into(), slides);
        }
    }
    let unwrapped = Value::Object(unwrapped);
    if looks_like_timelinejs(&unwrapped) { unwrapped } else { value }
}

/// Converts TimelineJS3 JSON into a dataset. Errs only when the input is not a TimelineJS
/// timeline at all or no event survives; everything else is skipped or defaulted with a note.
pub fn import(json: &str) -> Result<Imported, String> {
    import_value(serde_json::from_str(json).map_err(|e| format!("this is not JSON: {e}"))?)
}

/// `import` of a file already parsed.
pub fn import_value(value: Value) -> Result<Imported, String> {
    let value = unwrap_slides(value);
    let root = match value.as_object() {
        Some(root) if looks_like_timelinejs(&value) => root,
        _ => return Err(not_timelinejs(&value)),
    };
    let mut notes = Notes::default();
    fields(&mut notes, root, &TOP_FIELDS, "");
    match root.get("scale").and_then(Value::as_str) {
        // Storyline's scale follows the dates themselves, from hours to billions of years.
        Some("cosmological" | "human") | None => {}
        Some(_) => notes.ignored("scale"),
    }

    let mut ids = Ids::default();
    let slides = root.get("events").and_then(Value::as_array).map_or(&[][..], Vec::as_slice);
    let mut events: Vec<Event> =
        slides.iter().enumerate().filter_map(|(i, slide)| event(i, slide, &mut ids, &mut notes)).collect();
    if events.is_empty() {
        return Err(format!("no event could be imported. {}", notes.finish().join(". ")));
    }
    // A stable sort keeps the file's order among events that start together.
    events.sort_by_key(|a| a.start);

    let mut ids = Ids::default();
    let eras_json = root.get("eras").and_then(Value::as_array).map_or(&[][..], Vec::as_slice);
    let mut eras: Vec<Era> =
        eras_json.iter().enumerate().filter_map(|(i, e)| era(i, e, &mut ids, &mut notes)).collect();
    eras.sort_by_key(|a| a.start);

    let story = story(root.get("title"), &mut notes);
    let groups: BTreeSet<&str> = events.iter().flat_map(|e| e.tags.iter().map(String::as_str)).collect();
    if !groups.is_empty() {
        notes.line(format!("TimelineJS groups became tags: {}", Vec::from_iter(groups).join(", ")));
    }
    notes.line("TimelineJS has no status: every event's status is \"not stated\" (not_stated); set each");
    let dataset = Dataset { storyline: FORMAT_VERSION, story, actors: vec![], events, relations: vec![], eras, updates: vec![] };
    Ok(Imported { dataset, notes: notes.finish() })
}

/// Why a JSON value cannot be imported, in words for an editor.
fn not_timelinejs(value: &Value) -> String {
    let has = |key| value.as_object().is_some_and(|root| root.contains_key(key));
    if has("storyline") {
        "this is already a Storyline dataset (it has a \"storyline\" version key): it needs no import".into()
    } else if has("timeline") {
        "this looks like a TimelineJS 2 file (a \"timeline\" object): only TimelineJS3 JSON can be imported".into()
    } else {
        "this is not a TimelineJS3 timeline: expected a JSON object with an \"events\" list of slides that have a \"start_date\" object".into()
    }
}

fn story(title: Option<&Value>, notes: &mut Notes) -> StoryMeta {
    let slide = match title {
        Some(Value::Object(slide)) => Some(slide),
        None | Some(Value::Null) => None,
        Some(_) => {
            notes.ignored("title");
            None
        }
    };
    let empty = Map::new();
    let slide_or_empty = slide.unwrap_or(&empty);
    fields(notes, slide_or_empty, &SLIDE_FIELDS, "title");
    let (headline, text) = slide_text(slide_or_empty, "title", notes);
    let headline = one_line(&to_plain_text(&headline));
    let title = if headline.is_empty() {
        notes.line("The timeline has no title headline: the story is titled \"Untitled timeline\"");
        "Untitled timeline".to_string()
    } else {
        fit(&headline, MAX_TITLE, notes)
    };
    let id = Some(slug(&headline)).filter(|s| !s.is_empty()).unwrap_or_else(|| "imported-story".into());

    let published = match slide.and_then(|s| s.get("start_date")).filter(|d| !d.is_null()) {
        Some(date) => read_date(date, "title.start_date", notes)
            .map_err(|why| {
                notes.line(format!("The title slide's start_date was not used as the publication date: {why}"))
            })
            .ok(),
        None => None,
    };
    // An event's date is not the story's: without a title slide date the story has none.
    if published.is_none() {
        notes.line("story.published is left out: TimelineJS has no publication date; add one if the story has one");
    }

    let media = slide.and_then(|s| s.get("media")).and_then(Value::as_object);
    let credit =
        media.map(|m| one_line(&to_plain_text(&string(m, "credit", "title.media", notes)))).unwrap_or_default();
    if media.is_some_and(|m| !string(m, "url", "title.media", notes).trim().is_empty()) {
        notes.line("The title slide's media was dropped: Storyline shows no images, video or embeds");
    }
    if slide.and_then(|s| s.get("background")).is_some_and(|b| !b.is_null()) {
        notes.tally("background", "dropped: Storyline has no slide backgrounds", None);
    }
    notes.line("story.language is set to \"en\"; change story.language if needed");
    StoryMeta {
        id,
        title,
        dek: fit(&to_plain_text(&text), MAX_SUMMARY, notes),
        language: "en".into(),
        published,
        updated: None,
        byline: fit(&credit, MAX_LINE, notes),
        sources: vec![],
    }
}

fn event(i: usize, slide: &Value, ids: &mut Ids, notes: &mut Notes) -> Option<Event> {
    let Some(slide) = slide.as_object() else {
        notes.line(format!("Skipped event {}: it is not an object", i + 1));
        return None;
    };
    fields(notes, slide, &SLIDE_FIELDS, "events[]");
    let (headline_markup, text_markup) = slide_text(slide, "events[]", notes);
    let (headline, text) = (one_line(&to_plain_text(&headline_markup)), to_plain_text(&text_markup));
    let label = label("event", i, &headline);
    let start = match slide.get("start_date").filter(|d| !d.is_null()) {
        Some(date) => read_date(date, "events[].start_date", notes),
        None => Err("no start_date".into()),
    };
    let start = match start {
        Ok(start) => start,
        Err(why) => {
            notes.line(format!("Skipped {label}: {why}"));
            return None;
        }
    };
    let end = match slide.get("end_date").filter(|d| !d.is_null()).map(|d| read_date(d, "events[].end_date", notes)) {
        Some(Ok(end)) if end.end_seconds() < start.start_seconds() => {
            notes.tally("end date", "dropped", Some(format!("{label} ({end} is before the start, {start})")));
            None
        }
        Some(Ok(end)) => Some(end),
        Some(Err(why)) => {
            notes.tally("end date", "dropped", Some(format!("{label} ({why})")));
            None
        }
        None => None,
    };

    markup_notes(&[&headline_markup, &text_markup], &label, notes);
    let title = if !headline.is_empty() {
        fit(&headline, MAX_TITLE, notes)
    } else if !text.is_empty() {
        notes.tally("event", "without a headline: titled from the start of their text", Some(label.clone()));
        shorten(&one_line(&text), 80)
    } else {
        notes.tally("event", "with neither headline nor text: titled \"Untitled event\"", Some(label.clone()));
        "Untitled event".into()
    };
    let summary = if text.is_empty() {
        notes.tally("event", "without text: the title is repeated as the summary; write one", Some(label.clone()));
        title.clone()
    } else {
        fit(&text, MAX_SUMMARY, notes)
    };

    let unique_id = string(slide, "unique_id", "events[]", notes).trim().to_string();
    let base = if is_id(&unique_id) {
        unique_id.clone()
    } else {
        if !unique_id.is_empty() {
            notes.tally("unique_id", "not usable as an id: replaced by a slug of the title", Some(label.clone()));
        }
        Some(slug(&title)).filter(|s| !s.is_empty()).unwrap_or_else(|| "event".into())
    };
    let id = ids.claim(&base);
    if is_id(&unique_id) && id != unique_id {
        notes.tally("unique_id", "already taken: renamed", Some(format!("{label} ({unique_id} → {id})")));
    }

    let group = one_line(&to_plain_text(&string(slide, "group", "events[]", notes)));
    let tags = if group.is_empty() { vec![] } else { vec![fit(&group, MAX_TAG, notes)] };
    let sources: Vec<Source> = media_source(slide.get("media"), &title, &label, notes).into_iter().collect();
    if sources.is_empty() {
        notes.tally("event", NO_SOURCE, None);
    }
    if slide.get("display_date").is_some_and(|d| !string_of(d).trim().is_empty()) {
        notes.tally("display date", "dropped: Storyline shows each date at the precision it was written", None);
    }
    if slide.get("background").is_some_and(|b| !b.is_null()) {
        notes.tally("background", "dropped: Storyline has no slide backgrounds", None);
    }
    if slide.get("autolink") == Some(&Value::Bool(true)) {
        notes.tally("event", "with autolink on: web addresses in the text stay plain text", None);
    }
    Some(Event {
        id,
        title,
        summary,
        start,
        end,
        place: None,
        actors: vec![],
        status: Status::NotStated,
        attribution: None,
        quotes: vec![],
        sources,
        tags,
        updated: None,
        change: None,
        history: vec![],
    })
}

fn era(i: usize, era: &Value, ids: &mut Ids, notes: &mut Notes) -> Option<Era> {
    let Some(era) = era.as_object() else {
        notes.line(format!("Skipped era {}: it is not an object", i + 1));
        return None;
    };
    fields(notes, era, &ERA_FIELDS, "eras[]");
    let (headline, text) = slide_text(era, "eras[]", notes);
    let headline = one_line(&to_plain_text(&headline));
    let label = label("era", i, &headline);
    let dates = required_date(era, "start_date", notes).and_then(|start| {
        let end = required_date(era, "end_date", notes)?;
        if end.end_seconds() < start.start_seconds() {
            Err(format!("it ends, {end}, before it starts, {start}"))
        } else {
            Ok((start, end))
        }
    });
    let (start, end) = match dates {
        Ok(dates) => dates,
        Err(why) => {
            notes.line(format!("Skipped {label}: {why}"));
            return None;
        }
    };
    if !to_plain_text(&text).is_empty() {
        notes.tally("era", "with a description: dropped, eras have only a title", Some(label.clone()));
    }
    let title = if headline.is_empty() {
        notes.tally("era", "without a headline: named \"Era N\"", None);
        format!("Era {}", i + 1)
    } else {
        fit(&headline, MAX_TITLE, notes)
    };
    let base = Some(slug(&title)).filter(|s| !s.is_empty()).unwrap_or_else(|| "era".into());
    Some(Era { id: ids.claim(&base), title, start, end })
}

fn required_date(obj: &Map<String, Value>, key: &str, notes: &mut Notes) -> Result<PartialDate, String> {
    match obj.get(key).filter(|d| !d.is_null()) {
        Some(date) => read_date(date, &format!("eras[].{key}"), notes),
        None => Err(format!("no {key}")),
    }
}

/// A TimelineJS date: `{year, month?, day?, hour?, minute?, second?, millisecond?}`, each a
/// number or a numeric string, an empty string meaning absent. The precision is what is present.
/// TimelineJS shows every date that has a whole year, so only a date without one is refused: a
/// part that TimelineJS would roll over (day 30 of February, month 13, hour 25) or that a year of
/// deep time cannot have is left out with a note, and the date keeps the precision above it.
fn read_date(value: &Value, path: &str, notes: &mut Notes) -> Result<PartialDate, String> {
    let Some(date) = value.as_object() else { return Err("the date is not an object".into()) };
    fields(notes, date, &DATE_FIELDS, path);
    let written = number(date, "year")?.ok_or("the date has no year")?;
    // TimelineJS writes 45 BCE as -45 and shows it so; Storyline counts years as astronomers do,
    // with a year 0 (1 BCE), so that -44 is 45 BCE.
    let year = if written < 0 { written + 1 } else { written };
    if year.unsigned_abs() > MAX_YEAR.unsigned_abs() {
        return Err(format!("year {written} is beyond a hundred billion years, the farthest Storyline places"));
    }
    let mut result = PartialDate::year(year);
    let mut dropped = |what: String| notes.tally("date", "with a part TimelineJS would roll over or deep time has not: the part was left out", Some(what));
    let mut parts = [None; 5];
    for (part, key) in parts.iter_mut().zip(["month", "day", "hour", "minute", "second"]) {
        *part = number(date, key).unwrap_or_else(|why| {
            dropped(why);
            None
        });
    }
    let [month, day, hour, minute, second] = parts;
    if !(MIN_CALENDAR_YEAR..=MAX_CALENDAR_YEAR).contains(&year) {
        if month.is_some() || day.is_some() || hour.is_some() {
            dropped(format!("{}: only the year of deep time is kept", result.display_long()));
        }
        return Ok(result);
    }
    match month {
        None => {}
        Some(m @ 1..=12) => result = PartialDate::month(year, m as u8),
        Some(m) => dropped(format!("{}: month {m}", result.display_long())),
    }
    if let (Precision::Month, Some(d)) = (result.precision, day) {
        if (1..=i64::from(days_in_month(year, result.month))).contains(&d) {
            result = PartialDate::day(year, result.month, d as u8);
        } else {
            dropped(format!("{} has no day {d}", result.display_long()));
        }
    }
    if let (Precision::Day, Some(h)) = (result.precision, hour) {
        let (minute, second) = (minute.unwrap_or(0), second.unwrap_or(0));
        if (0..24).contains(&h) && (0..60).contains(&minute) && (0..60).contains(&second) {
            (result.hour, result.minute, result.second) = (h as u8, minute as u8, second as u8);
            result.precision = Precision::Instant;
            notes.tally("time of day", "taken as UTC: a TimelineJS date has no time zone to keep (its JSON has no field for one)", None);
        } else {
            dropped(format!("{}: {h}:{minute}:{second} is not a time of day", result.display_long()));
        }
    }
    let below_a_gap = (month.is_none() && day.is_some()) || (day.is_none() && hour.is_some());
    if below_a_gap {
        notes.tally("date", "with a day but no month, or a time but no day: those parts were ignored", None);
    }
    if ["display_date", "format"].iter().any(|k| date.get(*k).is_some_and(|v| !string_of(v).trim().is_empty())) {
        notes.tally("display date", "dropped: Storyline shows each date at the precision it was written", None);
    }
    Ok(result)
}

/// A whole number written as a JSON number or a numeric string; absent, null or "" is None.
fn number(date: &Map<String, Value>, key: &str) -> Result<Option<i64>, String> {
    let bad = |v: &dyn std::fmt::Display| format!("{key} \"{}\" is not a whole number", shorten(&v.to_string(), 20));
    match date.get(key) {
        None | Some(Value::Null) => Ok(None),
        Some(Value::Number(n)) => match (n.as_i64(), n.as_f64()) {
            (Some(n), _) => Ok(Some(n)),
            // 2021.0 is a whole number; beyond 1e15 it is no calendar year anyway.
            (None, Some(f)) if f.fract() == 0.0 && f.abs() < 1e15 => Ok(Some(f as i64)),
            _ => Err(bad(n)),
        },
        Some(Value::String(s)) if s.trim().is_empty() => Ok(None),
        Some(Value::String(s)) => s.trim().parse().map(Some).map_err(|_| bad(s)),
        Some(other) => Err(bad(other)),
    }
}

/// The raw headline and text markup of a slide.
fn slide_text(slide: &Map<String, Value>, path: &str, notes: &mut Notes) -> (String, String) {
    let path = format!("{path}.text");
    match slide.get("text") {
        Some(Value::Object(text)) => {
            fields(notes, text, &TEXT_FIELDS, &path);
            (string(text, "headline", &path, notes), string(text, "text", &path, notes))
        }
        None | Some(Value::Null) => Default::default(),
        Some(_) => {
            notes.ignored(&path);
            Default::default()
        }
    }
}

/// Notes what reducing a slide's markup to text loses beyond formatting.
fn markup_notes(markup: &[&str], label: &str, notes: &mut Notes) {
    if markup.iter().any(|m| has_tag(m, &["a"])) {
        notes.tally(
            "event",
            "with links in their text: the words are kept, the link targets are not; add them as sources if they matter",
            Some(label.into()),
        );
    }
    if markup.iter().any(|m| has_tag(m, &INLINE_MEDIA)) {
        notes.tally("event", "with images or embeds inside their text: dropped", Some(label.into()));
    }
}

fn has_tag(markup: &str, names: &[&str]) -> bool {
    let lower = markup.to_ascii_lowercase();
    lower.match_indices('<').any(|(i, _)| {
        let rest = &lower[i + 1..];
        let len = rest.bytes().take_while(u8::is_ascii_alphanumeric).count();
        names.contains(&&rest[..len])
    })
}

/// An http(s) media URL becomes the event's source; anything else (embed code, `javascript:`,
/// relative paths) cannot be linked safely and is dropped.
fn media_source(media: Option<&Value>, title: &str, label: &str, notes: &mut Notes) -> Option<Source> {
    let media = match media? {
        Value::Object(media) => media,
        Value::Null => return None,
        _ => {
            notes.ignored("events[].media");
            return None;
        }
    };
    fields(notes, media, &MEDIA_FIELDS, "events[].media");
    let url = string(media, "url", "events[].media", notes).trim().to_string();
    if url.is_empty() {
        notes.tally("media item", "dropped: no URL", Some(label.into()));
        return None;
    }
    if check_url(&url).is_err() {
        let what = format!("{label} ({})", url_kind(&url));
        notes.tally(
            "media item",
            "dropped: not an http or https link, so neither shown nor kept as a source",
            Some(what),
        );
        return None;
    }
    notes.tally("media item", "used only as a source link: Storyline shows no images, video or embeds", None);
    let credit = one_line(&to_plain_text(&string(media, "credit", "events[].media", notes)));
    let caption = one_line(&to_plain_text(&string(media, "caption", "events[].media", notes)));
    Some(Source {
        publisher: if credit.is_empty() { host(&url) } else { fit(&credit, MAX_NAME, notes) },
        title: fit(if caption.is_empty() { title } else { &caption }, MAX_TITLE, notes),
        url,
        date: None,
    })
}

/// What a refused media URL is, without echoing it (it may be a whole embed).
fn url_kind(url: &str) -> String {
    let scheme = url.split_once(':').map(|(s, _)| s).filter(|s| {
        s.bytes().next().is_some_and(|b| b.is_ascii_alphabetic())
            && s.bytes().all(|b| b.is_ascii_alphanumeric() || b"+-.".contains(&b))
    });
    if url.starts_with('<') {
        "embed code".into()
    } else if url.starts_with("//") {
        "a protocol-relative address".into()
    } else if let Some(scheme) = scheme.filter(|s| !s.eq_ignore_ascii_case("http") && !s.eq_ignore_ascii_case("https"))
    {
        format!("a {}: address", shorten(&scheme.to_ascii_lowercase(), 20))
    } else {
        "not a valid http or https address".into()
    }
}

/// The host of a URL that `check_url` accepted, as the publisher when no credit names one.
fn host(url: &str) -> String {
    let rest = url.split_once("://").map_or(url, |(_, rest)| rest);
    let authority = rest.split(['/', '?', '#']).next().unwrap_or_default();
    let host = authority.rsplit('@').next().unwrap_or_default();
    let host = match host.rsplit_once(':') {
        Some((name, port)) if port.bytes().all(|b| b.is_ascii_digit()) => name,
        _ => host,
    };
    let host = host.to_ascii_lowercase();
    let host = host.strip_prefix("www.").filter(|h| !h.is_empty()).unwrap_or(&host);
    shorten(host, MAX_NAME)
}

/// The string at `key`, numbers and booleans included as written; anything else is noted and empty.
fn string(obj: &Map<String, Value>, key: &str, path: &str, notes: &mut Notes) -> String {
    match obj.get(key) {
        Some(Value::Array(_) | Value::Object(_)) => {
            notes.ignored(&join(path, key));
            String::new()
        }
        Some(value) => string_of(value),
        None => String::new(),
    }
}

fn string_of(value: &Value) -> String {
    match value {
        Value::String(s) => s.clone(),
        Value::Number(n) => n.to_string(),
        Value::Bool(b) => b.to_string(),
        _ => String::new(),
    }
}

/// Notes every key of `obj` that this importer does not read.
fn fields(notes: &mut Notes, obj: &Map<String, Value>, known: &[&str], path: &str) {
    for key in obj.keys().filter(|k| !known.contains(&k.as_str())) {
        let key: String = key.chars().filter(|c| !c.is_control()).take(40).collect();
        notes.ignored(&join(path, &key));
    }
}

fn join(path: &str, key: &str) -> String {
    if path.is_empty() {
        key.to_string()
    } else {
        format!("{path}.{key}")
    }
}

/// "event 4 “Leap day”": how notes name a slide, by its place in the file.
fn label(noun: &str, i: usize, headline: &str) -> String {
    if headline.is_empty() {
        format!("{noun} {}", i + 1)
    } else {
        format!("{noun} {} “{}”", i + 1, shorten(headline, 40))
    }
}

fn one_line(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// `text` within `max` characters, cut at a word where one is near, with an ellipsis.
fn shorten(text: &str, max: usize) -> String {
    if text.chars().count() <= max {
        return text.to_string();
    }
    let cut: String = text.chars().take(max.saturating_sub(1)).collect();
    let cut = match cut.rfind(char::is_whitespace) {
        Some(k) if k > cut.len() / 2 => &cut[..k],
        _ => &cut[..],
    };
    format!("{}…", cut.trim_end())
}

/// [`shorten`], noting when it had to cut.
fn fit(text: &str, max: usize, notes: &mut Notes) -> String {
    let fitted = shorten(text, max);
    if fitted != text {
        notes.tally("text", "shortened to fit Storyline's length limits", Some(shorten(&one_line(text), 40)));
    }
    fitted
}

/// Ids end up in URL fragments and element ids: the alphabet `validate` allows.
fn is_id(s: &str) -> bool {
    s.len() <= MAX_ID
        && s.bytes().next().is_some_and(|b| b.is_ascii_alphanumeric())
        && s.bytes().all(|b| b.is_ascii_alphanumeric() || b == b'-' || b == b'_')
}

/// A lowercase ASCII id from a title: "Debut album “Nora Vance”" → "debut-album-nora-vance".
fn slug(text: &str) -> String {
    let mut out = String::new();
    let mut gap = false;
    let mut buf = [0; 4];
    for c in text.chars().flat_map(char::to_lowercase) {
        let piece = match c {
            'a'..='z' | '0'..='9' => Some(&*c.encode_utf8(&mut buf)),
            // "Vance's" reads better as "vances" than "vance-s".
            '\'' | '’' => continue,
            _ => fold(c),
        };
        match piece {
            Some(piece) => {
                if gap {
                    out.push('-');
                    gap = false;
                }
                out.push_str(piece);
            }
            None => gap = !out.is_empty(),
        }
        if out.len() >= MAX_ID {
            break;
        }
    }
    out.truncate(MAX_ID);
    out.trim_end_matches('-').to_string()
}

/// Common Latin letters with diacritics, so "Café" slugs to "cafe", not "caf".
fn fold(c: char) -> Option<&'static str> {
    Some(match c {
        'à'..='å' | 'ā' | 'ą' => "a",
        'æ' => "ae",
        'ç' | 'ć' | 'č' => "c",
        'ď' | 'đ' | 'ð' => "d",
        'è'..='ë' | 'ē' | 'ę' | 'ě' => "e",
        'ì'..='ï' | 'ī' => "i",
        'ł' => "l",
        'ñ' | 'ń' | 'ň' => "n",
        'ò'..='ö' | 'ø' | 'ō' | 'ő' => "o",
        'œ' => "oe",
        'ř' => "r",
        'ß' => "ss",
        'ś' | 'š' => "s",
        'ť' => "t",
        'þ' => "th",
        'ù'..='ü' | 'ū' | 'ů' | 'ű' => "u",
        'ý' | 'ÿ' => "y",
        'ź' | 'ż' | 'ž' => "z",
        _ => return None,
    })
}

/// Ids handed out so far, with the next suffix to try per base so that ten thousand
/// "update" events cost linear time, not quadratic.
#[derive(Default)]
struct Ids {
    taken: HashSet<String>,
    next: HashMap<String, usize>,
}

impl Ids {
    /// `base` if free, else `base-2`, `base-3`, ..., cut to fit the id length limit.
    fn claim(&mut self, base: &str) -> String {
        let mut n = self.next.get(base).copied().unwrap_or(1);
        loop {
            let candidate = if n == 1 {
                base.to_string()
            } else {
                let suffix = format!("-{n}");
                // Bases are ASCII, so any byte index is a char boundary.
                let stem = base[..base.len().min(MAX_ID - suffix.len())].trim_end_matches(['-', '_']);
                format!("{stem}{suffix}")
            };
            n += 1;
            if self.taken.insert(candidate.clone()) {
                self.next.insert(base.to_string(), n);
                return candidate;
            }
        }
    }
}

/// Notes collected during an import: one-off lines, counted kinds with a few examples each,
/// and the paths of ignored fields.
#[derive(Default)]
struct Notes {
    lines: Vec<String>,
    tallies: Vec<Tally>,
    ignored: BTreeMap<String, usize>,
}

struct Tally {
    noun: &'static str,
    what: &'static str,
    count: usize,
    examples: Vec<String>,
}

/// Enough examples for an editor to find the pattern, few enough to read.
const EXAMPLES: usize = 3;

impl Notes {
    fn line(&mut self, line: impl Into<String>) {
        self.lines.push(line.into());
    }

    /// Counts one more `noun` that `what` describes ("event", "skipped"), keeping the first examples.
    fn tally(&mut self, noun: &'static str, what: &'static str, example: Option<String>) {
        let k = match self.tallies.iter().position(|t| t.noun == noun && t.what == what) {
            Some(k) => k,
            None => {
                self.tallies.push(Tally { noun, what, count: 0, examples: vec![] });
                self.tallies.len() - 1
            }
        };
        let tally = &mut self.tallies[k];
        tally.count += 1;
        if let Some(example) = example.filter(|_| tally.examples.len() < EXAMPLES) {
            tally.examples.push(example);
        }
    }

    fn ignored(&mut self, path: &str) {
        *self.ignored.entry(path.to_string()).or_default() += 1;
    }

    fn finish(self) -> Vec<String> {
        let mut out = self.lines;
        for t in self.tallies {
            let s = if t.count == 1 { "" } else { "s" };
            let mut line = format!("{} {}{s} {}", t.count, t.noun, t.what);
            if !t.examples.is_empty() {
                line = format!("{line} — {}", t.examples.join("; "));
                if t.count > t.examples.len() {
                    line = format!("{line}; and {} more", t.count - t.examples.len());
                }
            }
            out.push(line);
        }
        if !self.ignored.is_empty() {
            let mut paths: Vec<String> = self
                .ignored
                .iter()
                .take(10)
                .map(|(path, n)| if *n == 1 { path.clone() } else { format!("{path} ({n}×)") })
                .collect();
            if self.ignored.len() > 10 {
                paths.push(format!("and {} more", self.ignored.len() - 10));
            }
            out.push(format!("Unrecognised or malformed TimelineJS fields were ignored: {}", paths.join(", ")));
        }
        out
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::validate::validate;

    const KNIGHT_LAB_STYLE: &str = include_str!("../../../tests/data/timelinejs/whitney-houston-like.json");
    const MINIMAL: &str = include_str!("../../../tests/data/timelinejs/minimal.json");
    const TRICKY: &str = include_str!("../../../tests/data/timelinejs/tricky.json");

    fn imported(json: &str) -> Imported {
        let imported = import(json).expect("imports");
        let report = validate(&imported.dataset);
        assert!(report.is_ok(), "the import is a valid dataset: {:?}", report.errors);
        imported
    }

    fn event<'a>(imported: &'a Imported, id: &str) -> &'a Event {
        imported.dataset.events.iter().find(|e| e.id == id).unwrap_or_else(|| panic!("no event {id}"))
    }

    /// The note that mentions every one of `words`, so a test names what it expects to be told.
    fn note<'a>(imported: &'a Imported, words: &[&str]) -> &'a str {
        imported
            .notes
            .iter()
            .find(|n| words.iter().all(|w| n.contains(w)))
            .unwrap_or_else(|| panic!("no note with {words:?} in {:#?}", imported.notes))
    }

    fn d(text: &str) -> PartialDate {
        PartialDate::parse(text).expect("a test date")
    }

    #[test]
    fn a_knight_lab_style_timeline_keeps_its_story_events_eras_groups_and_sources() {
        let imported = imported(KNIGHT_LAB_STYLE);
        let data = &imported.dataset;
        assert_eq!(data.story.id, "nora-vance-a-voice-in-nine-moments");
        assert_eq!(data.story.title, "Nora Vance: a voice in nine moments");
        assert!(data.story.dek.starts_with("From a church choir in Cleveland"), "{}", data.story.dek);
        assert_eq!(data.story.byline, "Photo by Jane Doe / Example Agency");
        assert_eq!((data.story.language.as_str(), data.story.published), ("en", None), "no date is made up for the story");
        assert_eq!(data.events.len(), 9);
        assert!(data.events.windows(2).all(|w| w[0].start <= w[1].start), "events are sorted by start");
        assert!(data.events.iter().all(|e| e.status == Status::NotStated && e.attribution.is_none()));
        assert!(data.actors.is_empty() && data.relations.is_empty());

        let born = event(&imported, "born-in-cleveland");
        assert_eq!((born.start, born.start.precision), (d("1961-03-14"), Precision::Day));
        assert_eq!(
            born.summary,
            "Nora Vance is born to a nurse and a bus driver, the youngest of four.\n\nHer mother leads the choir at the family's church."
        );
        assert_eq!(born.tags, ["Life"]);
        assert_eq!(born.sources[0].publisher, "Wikimedia Commons");
        assert_eq!(born.sources[0].title, "Cleveland's east side, early 1960s.");
        assert_eq!(event(&imported, "first-solo-in-the-choir").start.precision, Precision::Year);
        assert_eq!(event(&imported, "signs-a-record-deal").start, d("1983-04"));
        assert_eq!(event(&imported, "debut-album-nora-vance").title, "Debut album Nora Vance");
        assert_eq!(event(&imported, "the-first-world-tour").end, Some(d("1987-09")));
        assert_eq!(event(&imported, "grammy-night").start.to_string(), "1994-03-01T20:30:00Z");
        let tags: BTreeSet<&str> = data.events.iter().flat_map(|e| e.tags.iter().map(String::as_str)).collect();
        assert_eq!(Vec::from_iter(tags), ["Film", "Life", "Music"]);
        assert_eq!(data.events.iter().filter(|e| !e.sources.is_empty()).count(), 5);

        let titles: Vec<&str> = data.eras.iter().map(|e| e.title.as_str()).collect();
        assert_eq!(titles, ["Early years", "Stardom", "Later years"]);
        assert_eq!((data.eras[1].id.as_str(), data.eras[1].start, data.eras[1].end), ("stardom", d("1985"), d("1999")));

        note(&imported, &["4 events without a source", "add one before publishing"]);
        note(&imported, &["2 display dates dropped"]);
        note(&imported, &["1 background dropped"]);
        note(&imported, &["autolink"]);
        note(&imported, &["1 time of day taken as UTC"]);
        note(&imported, &["1 event with links in their text", "“A first film role”"]);
        note(&imported, &["5 media items used only as a source link"]);
        note(&imported, &["The title slide's media was dropped"]);
        note(&imported, &["groups became tags: Film, Life, Music"]);
        note(&imported, &["story.published is left out", "TimelineJS has no publication date"]);
        note(&imported, &["change story.language if needed"]);
        note(&imported, &["TimelineJS has no status", "not stated"]);
        assert!(!imported.notes.iter().any(|n| n.contains("Unrecognised")), "{:#?}", imported.notes);
    }

    #[test]
    fn a_timeline_of_bare_events_gets_a_default_title_and_no_publication_date() {
        let imported = imported(MINIMAL);
        let data = &imported.dataset;
        assert_eq!((data.story.id.as_str(), data.story.title.as_str()), ("imported-story", "Untitled timeline"));
        assert_eq!(data.story.published, None);
        let ids: Vec<&str> = data.events.iter().map(|e| e.id.as_str()).collect();
        assert_eq!(ids, ["budget-talks-open", "council-approves-the-budget", "the-new-fiscal-year-begins"]);
        let precisions: Vec<Precision> = data.events.iter().map(|e| e.start.precision).collect();
        assert_eq!(precisions, [Precision::Year, Precision::Day, Precision::Month]);
        assert!(data.eras.is_empty() && data.story.byline.is_empty() && data.story.dek.is_empty());
        note(&imported, &["Untitled timeline"]);
        note(&imported, &["3 events without a source"]);
        assert!(!imported.notes.iter().any(|n| n.contains("groups")), "no groups, no tag note");
    }

    #[test]
    fn tricky_markup_dates_and_ids_are_cleaned_renamed_or_skipped_with_notes() {
        let imported = imported(TRICKY);
        let data = &imported.dataset;
        assert_eq!(data.story.title, "Tricky & odd timeline");
        assert_eq!(data.story.dek, "A dek with “quotes” — and a bad link.");
        assert_eq!(data.story.published, Some(d("2021-06-01")), "the title slide's date is the publication date");
        assert!(!imported.notes.iter().any(|n| n.contains("story.published")));

        let ids: Vec<&str> = data.events.iter().map(|e| e.id.as_str()).collect();
        assert_eq!(ids.len(), 8, "every slide with a year is kept: {ids:?}");
        assert_eq!(
            [ids[0], ids[1], ids[2], ids[3], ids[5], ids[6], ids[7]],
            ["dup-3", "dup", "leap-day-typo", "dup-2", "click-here", "untitled-event", "far-future"]
        );
        assert!(ids[4].starts_with("no-headline-here-only-a-fairly-long") && ids[4].len() <= MAX_ID, "{}", ids[4]);
        assert_eq!(event(&imported, "leap-day-typo").start, d("2020-02"), "TimelineJS would roll 30 February over");
        assert_eq!(event(&imported, "far-future").start.display_long(), "20,000");

        let first = event(&imported, "dup");
        assert_eq!((first.title.as_str(), first.summary.as_str()), ("First & foremost", "Hello world"));
        assert!(first.sources.is_empty(), "a javascript: media URL is no source");
        let second = event(&imported, "dup-2");
        assert_eq!(
            (second.title.as_str(), second.summary.as_str()),
            ("Second bold claim", "It’s “fine” &bogus; \u{FFFD}")
        );
        let untitled = &data.events[4];
        assert!(untitled.title.starts_with("No headline here") && untitled.title.ends_with('…'), "{}", untitled.title);
        assert!(untitled.title.chars().count() <= 80);
        assert_eq!(
            (untitled.start, untitled.end),
            (d("2020-05"), None),
            "an empty day is absent; an end before the start is dropped"
        );
        assert_eq!(untitled.tags, ["Claims"]);
        let empty = event(&imported, "untitled-event");
        assert_eq!((empty.title.as_str(), empty.summary.as_str()), ("Untitled event", "Untitled event"));
        assert_eq!(empty.start.to_string(), "2021-03-04T14:05:00Z");
        assert_eq!(empty.tags, ["Claims"], "groups are trimmed");
        let linked = event(&imported, "click-here");
        assert_eq!((linked.start, linked.summary.as_str()), (d("2021-01"), "Vector text"));
        let source = &linked.sources[0];
        assert_eq!((source.publisher.as_str(), source.title.as_str()), ("example.com", "click here"));
        assert_eq!(source.url, "https://example.com/story?id=1&x=2");
        assert!(event(&imported, "dup-3").sources.is_empty(), "a protocol-relative URL is no source");

        let eras: Vec<(&str, &str)> = data.eras.iter().map(|e| (e.id.as_str(), e.title.as_str())).collect();
        assert_eq!(eras, [("era-2", "Era 2"), ("recent", "Recent")]);

        note(&imported, &["Skipped event 6 “No date at all”: no start_date"]);
        note(&imported, &["Skipped event 7: it is not an object"]);
        assert_eq!(imported.notes.iter().filter(|n| n.starts_with("Skipped event")).count(), 2, "one note per skipped event");
        note(&imported, &["1 date with a part TimelineJS would roll over", "February 2020 has no day 30"]);
        note(&imported, &["1 end date dropped", "2020-03 is before the start, 2020-05"]);
        note(&imported, &["1 unique_id not usable as an id"]);
        note(&imported, &["1 unique_id already taken", "dup → dup-2"]);
        note(
            &imported,
            &["3 media items dropped", "a javascript: address", "embed code", "a protocol-relative address"],
        );
        note(&imported, &["2 events with images or embeds inside their text"]);
        note(&imported, &["1 event with links in their text", "“click here”"]);
        note(&imported, &["1 event without a headline: titled from the start of their text"]);
        note(&imported, &["1 event with neither headline nor text"]);
        note(&imported, &["Skipped era 1 “Backwards era”", "before it starts"]);
        note(&imported, &["1 era without a headline"]);
        note(&imported, &["1 era with a description"]);
        note(&imported, &["Unrecognised or malformed TimelineJS fields were ignored", "events[].foo", "extra_option"]);
    }

    #[test]
    fn no_title_or_summary_keeps_tag_markup_and_every_source_is_an_http_link() {
        let is_markup = |text: &str| {
            text.as_bytes().windows(2).any(|w| w[0] == b'<' && (w[1].is_ascii_alphabetic() || b"/!".contains(&w[1])))
        };
        for json in [KNIGHT_LAB_STYLE, MINIMAL, TRICKY] {
            let data = imported(json).dataset;
            let mut texts = vec![&data.story.title, &data.story.dek, &data.story.byline];
            texts.extend(data.events.iter().flat_map(|e| [&e.title, &e.summary]));
            texts.extend(data.events.iter().flat_map(|e| &e.sources).flat_map(|s| [&s.publisher, &s.title]));
            texts.extend(data.eras.iter().map(|e| &e.title));
            for text in texts {
                assert!(!is_markup(text) && !text.contains("alert("), "markup left in {text:?}");
            }
            for source in data.events.iter().flat_map(|e| &e.sources) {
                assert!(source.url.starts_with("http://") || source.url.starts_with("https://"), "{}", source.url);
            }
        }
    }

    #[test]
    fn files_that_are_not_timelinejs_are_refused_with_a_reason() {
        let refusal = |json: &str| import(json).expect_err(json);
        assert!(refusal("{\"events\": [").starts_with("this is not JSON"));
        for json in [
            "[]",
            "null",
            "{}",
            "\"events\"",
            r#"{"events": []}"#,
            r#"{"events": [1, {"text": {}}]}"#,
            r#"{"events": {"start_date": {}}}"#,
        ] {
            assert!(refusal(json).contains("not a TimelineJS3 timeline"), "{json}");
        }
        let storyline = include_str!("../../../tests/data/valid/minimal.json");
        assert!(refusal(storyline).contains("already a Storyline dataset"));
        assert!(refusal(r#"{"timeline": {"headline": "Old", "date": []}}"#).contains("TimelineJS 2"));
    }

    #[test]
    fn a_timeline_wrapped_as_slides_is_unwrapped_and_imported() {
        let wrapped = r#"{"timeline": {"slides": [
            {"start_date": {"year": "1888"}, "text": {"headline": "First", "text": "<p>One</p>"}},
            {"start_date": {"year": "1902", "month": "9"}, "text": {"headline": "Second", "text": "Two"}}]}}"#;
        let imported = import(wrapped).expect("the wrapped form imports");
        assert_eq!(imported.dataset.events.len(), 2);
        assert_eq!(imported.dataset.events[1].start.to_string(), "1902-09");
        assert!(crate::validate(&imported.dataset).is_ok());
    }

    #[test]
    fn detection_needs_an_event_with_a_start_date_object_and_no_storyline_key() {
        let looks = |json: &str| looks_like_timelinejs(&serde_json::from_str(json).expect("test JSON"));
        assert!(looks(r#"{"events": [{"start_date": {"year": 2024}}]}"#));
        assert!(
            looks(r#"{"events": ["junk", {"start_date": {"year": 2024}}]}"#),
            "one broken event is skipped, not fatal"
        );
        assert!(!looks(r#"{"events": [{"start_date": "2024"}]}"#));
        assert!(!looks(r#"{"storyline": 1, "events": [{"start_date": {"year": 2024}}]}"#));
        assert!(!looks(r#"[{"start_date": {"year": 2024}}]"#));
        assert!(looks(KNIGHT_LAB_STYLE) && looks(MINIMAL) && looks(TRICKY));
    }

    #[test]
    fn an_import_whose_every_event_is_broken_is_an_error_that_says_why() {
        let error = import(r#"{"events": [{"start_date": {"year": "MMXXIV"}}]}"#).expect_err("nothing to import");
        assert!(
            error.contains("no event could be imported") && error.contains("year \"MMXXIV\" is not a whole number"),
            "{error}"
        );
    }

    #[test]
    fn dates_take_numbers_numeric_strings_and_empty_strings_at_the_precision_present() {
        let read = |json: &str| {
            let mut notes = Notes::default();
            let date = read_date(&serde_json::from_str(json).expect("test JSON"), "d", &mut notes);
            (date, notes.finish())
        };
        assert_eq!(read(r#"{"year": "2024", "month": 2, "day": "29"}"#).0, Ok(d("2024-02-29")));
        assert_eq!(read(r#"{"year": -500}"#).0.map(|d| d.display_long()), Ok("500 BCE".into()), "as TimelineJS shows it");
        assert_eq!(read(r#"{"year": 2024, "month": "", "day": " "}"#).0, Ok(d("2024")));
        assert_eq!(
            read(r#"{"year": 2024, "month": 10, "day": 23, "hour": 9, "second": "7", "millisecond": 5}"#).0,
            Ok(d("2024-10-23T09:00:07Z"))
        );
        // What TimelineJS would roll over into another date is left out, and the date kept above it.
        let (date, notes) = read(r#"{"year": 2023, "month": 2, "day": 29}"#);
        assert_eq!(date, Ok(d("2023-02")));
        assert!(notes.iter().any(|n| n.contains("the part was left out") && n.contains("February 2023 has no day 29")), "{notes:?}");
        assert_eq!(read(r#"{"year": 2024, "month": 13}"#).0, Ok(d("2024")));
        assert_eq!(read(r#"{"year": 2024, "month": 1, "day": 1, "hour": "24"}"#).0, Ok(d("2024-01-01")));
        assert_eq!(read(r#"{"year": 2024, "month": "May"}"#).0, Ok(d("2024")));
        // Deep time is a year, as on TimelineJS's cosmological scale.
        let (date, notes) = read(r#"{"year": "-13800000000", "month": 3}"#);
        assert_eq!(date.map(|d| (d.precision, d.display_long())), Ok((Precision::Year, "13.8 billion years ago".into())));
        assert!(notes.iter().any(|n| n.contains("only the year of deep time is kept")), "{notes:?}");
        assert_eq!(read(r#"{"year": 250000, "month": 3}"#).0, Ok(PartialDate::year(250_000)));
        assert_eq!(read(r#"{"month": 1}"#).0, Err("the date has no year".into()));
        assert!(read(r#"{"year": 1e20}"#).0.is_err());
        assert!(read(r#"{"year": -200000000000}"#).0.unwrap_err().contains("beyond a hundred billion years"));
        assert!(read(r#"{"year": 2024.5}"#).0.is_err());
        assert!(read(r#"{"year": [2024]}"#).0.is_err());
        let (date, notes) = read(r#"{"year": 2024, "day": 5, "display_date": "Spring"}"#);
        assert_eq!(date, Ok(d("2024")));
        assert!(notes.iter().any(|n| n.contains("a day but no month")), "{notes:?}");
        assert!(notes.iter().any(|n| n.contains("display date dropped")), "{notes:?}");
    }

    #[test]
    fn a_cosmological_timeline_keeps_every_event_from_the_big_bang_on() {
        let imported = import(
            r#"{"scale": "cosmological", "events": [
                {"start_date": {"year": -13800000000}, "text": {"headline": "Big Bang"}},
                {"start_date": {"year": -4600000000}, "text": {"headline": "Sun"}},
                {"start_date": {"year": -3500}, "text": {"headline": "Wheel"}},
                {"start_date": {"year": 1969, "month": 7}, "text": {"headline": "Moon landing"}}]}"#,
        )
        .expect("imports");
        let dates: Vec<String> = imported.dataset.events.iter().map(|e| e.start.display_long()).collect();
        assert_eq!(dates, ["13.8 billion years ago", "4.6 billion years ago", "3500 BCE", "July 1969"]);
        assert!(!imported.notes.iter().any(|n| n.contains("Skipped") || n.contains("scale")), "{:#?}", imported.notes);
        let written = serde_json::to_string(&imported.dataset).expect("serializes");
        assert!(written.contains(r#""start":"-13799999999""#), "the Storyline file holds the year: {written}");
        assert!(crate::validate::load(&written).is_ok(), "and reads back");
    }

    #[test]
    fn ten_thousand_identical_problems_make_one_counted_note() {
        let slide = r#"{"start_date": {"year": 2024}, "text": {"headline": "Update"}, "media": {"url": "data:x"}}"#;
        let json = format!(r#"{{"events": [{}]}}"#, vec![slide; 10_000].join(","));
        let imported = import(&json).expect("imports");
        assert_eq!(imported.dataset.events.len(), 10_000);
        assert_eq!(imported.dataset.events[9_999].id, "update-10000");
        assert!(imported.notes.len() < 12, "{:#?}", imported.notes);
        note(&imported, &["10000 events without a source"]);
        note(&imported, &["10000 media items dropped", "a data: address", "; and 9997 more"]);
    }

    #[test]
    fn slugs_and_ids_keep_to_the_id_alphabet_and_length() {
        assert_eq!(slug("Café: L’été de Nora’s “Straße”!"), "cafe-lete-de-noras-strasse");
        assert_eq!(slug("— 北京 —"), "");
        assert_eq!(
            slug(&"abc ".repeat(100)),
            format!("{}abc", "abc-".repeat(15)),
            "cut to the limit, no trailing dash"
        );
        let mut ids = Ids::default();
        let long = "a".repeat(MAX_ID);
        assert_eq!(ids.claim(&long), long);
        let second = ids.claim(&long);
        assert!(second.ends_with("-2") && second.len() == MAX_ID && is_id(&second), "{second}");
        assert_eq!(ids.claim("x"), "x");
        assert_eq!(ids.claim("x-2"), "x-2");
        assert_eq!(ids.claim("x"), "x-3", "a suffix already taken is skipped");
        assert!(!is_id("not valid!") && !is_id("-lead") && !is_id("") && is_id("a_b-1"));
    }

    #[test]
    fn strange_shapes_in_any_field_are_skipped_or_ignored_never_a_panic() {
        for json in [
            r#"{"title": 5, "eras": "no", "events": [{"start_date": {"year": 2024}, "text": "plain", "media": "x", "group": ["g"], "unique_id": 7}]}"#,
            r#"{"events": [{"start_date": {"year": 2024, "month": {}}, "end_date": [], "text": {"headline": 12, "text": null}}, {"start_date": {"year": 2024}}]}"#,
            r#"{"title": {"start_date": {"year": "soon"}, "media": {"url": 1, "credit": {"a": 1}}}, "events": [{"start_date": {"year": 2024}, "background": null, "autolink": "yes"}]}"#,
            r#"{"events": [{"start_date": {"year": 2024}, "media": {"url": "https://example.com/x", "credit": "<b></b>", "caption": "<p> </p>"}}], "eras": [null, {"start_date": {"year": 1}}]}"#,
        ] {
            let imported = import(json).expect(json);
            assert!(validate(&imported.dataset).is_ok(), "{json}: {:?}", validate(&imported.dataset).errors);
        }
    }
}
