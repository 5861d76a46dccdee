//! A Storyline dataset exported as TimelineJS3 JSON, so Knight Lab's TimelineJS can show the same story (the benchmark's comparison).
//!
//! The inverse of `timelinejs::import`, as far as TimelineJS can carry it: the story becomes the
//! title slide (its `start_date` is the publication date, which TimelineJS never shows and the
//! importer reads back), each event a slide, each era an era, and an event's first tag its group
//! (one row of the time navigator per tag). Dates keep their precision through which of `year`,
//! `month`, `day` and `hour` are present; instants are written in UTC, since TimelineJS times
//! have no zone and the importer takes them as UTC.
//!
//! Every string from the dataset is text, so it is HTML-escaped before it goes into a field
//! TimelineJS renders as HTML. Status, place, actors, attribution, quotes and sources, which
//! TimelineJS has no fields for, go into the slide's text as escaped HTML; only http and https
//! source URLs become links. Nothing becomes media: Storyline has none, and TimelineJS would
//! fetch media from other hosts.

use storyline_core::date::{civil_from_days, PartialDate, Precision};
use storyline_core::html_text::escape;
use storyline_core::model::{Dataset, Event, Quote, Source};
use storyline_core::validate::check_url;
use serde_json::{json, Map, Value};
use std::collections::HashMap;
use std::fmt::Write;

/// The dataset as a TimelineJS3 timeline: `{"title", "events", "eras"}`.
pub fn to_timelinejs(dataset: &Dataset) -> Value {
    let names: HashMap<&str, &str> = dataset.actors.iter().map(|a| (a.id.as_str(), a.name.as_str())).collect();
    let mut root = Map::new();
    root.insert("title".into(), title_slide(dataset));
    root.insert("events".into(), dataset.events.iter().map(|e| event_slide(e, &names)).collect());
    if !dataset.eras.is_empty() {
        let eras = dataset.eras.iter().map(|era| {
            json!({"start_date": date(&era.start), "end_date": date(&era.end), "text": {"headline": escape(&era.title)}})
        });
        root.insert("eras".into(), eras.collect());
    }
    Value::Object(root)
}

fn title_slide(dataset: &Dataset) -> Value {
    let story = &dataset.story;
    let mut text = paragraphs(&story.dek);
    if !story.byline.is_empty() {
        let _ = write!(text, "<p>{}</p>", escape(&story.byline));
    }
    text.push_str(&sources(&story.sources));
    let mut title = json!({"text": {"headline": escape(&story.title), "text": text}});
    if let Some(published) = &story.published {
        title["start_date"] = date(published);
    }
    title
}

fn event_slide(event: &Event, names: &HashMap<&str, &str>) -> Value {
    let mut slide = Map::new();
    slide.insert("unique_id".into(), event.id.clone().into());
    slide.insert("start_date".into(), date(&event.start));
    if let Some(end) = &event.end {
        slide.insert("end_date".into(), date(end));
    }
    slide.insert("text".into(), json!({"headline": escape(&event.title), "text": event_text(event, names)}));
    if let Some(tag) = event.tags.first() {
        slide.insert("group".into(), escape(tag).into());
    }
    Value::Object(slide)
}

/// The summary, then a line with the status, place, actors and attribution, then quotes and sources.
fn event_text(event: &Event, names: &HashMap<&str, &str>) -> String {
    let mut text = paragraphs(&event.summary);
    let mut facts = vec![format!("<strong>{}</strong>", event.status.label())];
    if let Some(place) = &event.place {
        facts.push(escape(&place.name));
    }
    if !event.actors.is_empty() {
        let actors: Vec<String> = event
            .actors
            .iter()
            .map(|i| {
                let name = escape(names.get(i.actor.as_str()).copied().unwrap_or(&i.actor));
                if i.role.is_empty() {
                    name
                } else {
                    format!("{name} ({})", escape(&i.role))
                }
            })
            .collect();
        facts.push(actors.join(", "));
    }
    if let Some(attribution) = &event.attribution {
        facts.push(escape(attribution));
    }
    let _ = write!(text, "<p>{}</p>", facts.join(" · "));
    for quote in &event.quotes {
        text.push_str(&blockquote(quote, names));
    }
    text.push_str(&sources(&event.sources));
    text
}

fn blockquote(quote: &Quote, names: &HashMap<&str, &str>) -> String {
    let speaker = names.get(quote.speaker.as_str()).copied().unwrap_or(&quote.speaker);
    format!(
        "<blockquote><p>“{}”</p><p>— {}, {}</p></blockquote>",
        escape(&quote.text),
        escape(speaker),
        link(&quote.source)
    )
}

fn sources(sources: &[Source]) -> String {
    if sources.is_empty() {
        return String::new();
    }
    let items: String = sources.iter().map(|s| format!("<li>{}</li>", link(s))).collect();
    format!("<p>Sources:</p><ul>{items}</ul>")
}

/// "Publisher: Title (date)", linked when the URL is http or https.
fn link(source: &Source) -> String {
    let mut words = format!("{}: {}", escape(&source.publisher), escape(&source.title));
    if let Some(date) = &source.date {
        let _ = write!(words, " ({})", escape(&date.display_long()));
    }
    if check_url(&source.url).is_ok() {
        format!("<a href=\"{}\">{words}</a>", escape(&source.url))
    } else {
        words
    }
}

/// Text as HTML paragraphs: a blank line separates paragraphs, a single line break stays one.
fn paragraphs(text: &str) -> String {
    let normalised = text.replace("\r\n", "\n");
    normalised
        .split("\n\n")
        .map(str::trim)
        .filter(|p| !p.is_empty())
        .map(|p| format!("<p>{}</p>", p.lines().map(escape).collect::<Vec<_>>().join("<br>")))
        .collect()
}

/// A TimelineJS date with the fields the precision has: `{year}`, `{year, month}`,
/// `{year, month, day}`, or all of them down to the second: in UTC for an instant, as written
/// for a local time (TimelineJS shows it so).
fn date(date: &PartialDate) -> Value {
    match date.precision {
        Precision::Year => json!({"year": date.year}),
        Precision::Month => json!({"year": date.year, "month": date.month}),
        Precision::Day => json!({"year": date.year, "month": date.month, "day": date.day}),
        Precision::LocalTime => json!({
            "year": date.year, "month": date.month, "day": date.day,
            "hour": date.hour, "minute": date.minute, "second": date.second
        }),
        Precision::Instant => {
            let seconds = date.start_seconds();
            let (year, month, day) = civil_from_days(seconds.div_euclid(86_400));
            let time = seconds.rem_euclid(86_400);
            json!({
                "year": year, "month": month, "day": day,
                "hour": time / 3600, "minute": time % 3600 / 60, "second": time % 60
            })
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use storyline_core::model::{Actor, ActorKind, Era, Involvement, Place, StoryMeta, FORMAT_VERSION};
    use storyline_core::timelinejs::import;
    use storyline_core::validate::validate;

    fn d(text: &str) -> PartialDate {
        PartialDate::parse(text).expect("a test date")
    }

    fn source(url: &str) -> Source {
        Source { publisher: "Wire & Co".into(), title: "Report".into(), url: url.into(), date: None }
    }

    fn event(id: &str, title: &str, start: &str) -> Event {
        Event {
            title: title.into(),
            summary: format!("What happened: {title}."),
            sources: vec![source("https://news.example/1")],
            ..crate::builders::event(id, start)
        }
    }

    /// A small story with every precision, an end date, markup-looking text, a quote and an era.
    fn story() -> Dataset {
        let mut talks = event("talks", "Talks <open> in \"Geneva\" & Bern", "2024-03");
        talks.end = Some(d("2024-04-15"));
        talks.tags = vec!["diplomacy".into(), "europe".into()];
        talks.place = Some(Place { name: "Geneva".into(), lat: None, lon: None });
        talks.actors = vec![Involvement { actor: "nk".into(), role: "host".into() }];
        talks.attribution = Some("according to <b>officials</b>".into());
        talks.quotes = vec![Quote {
            text: "We <never> talk".into(),
            speaker: "nk".into(),
            source: source("https://news.example/2?a=1&b=2"),
        }];
        let mut strike = event("strike_1", "Strike at dawn", "2024-10-23T05:30:00+03:00");
        strike.summary = "First paragraph.\nSame paragraph.\n\nSecond <paragraph>.".into();
        Dataset {
            storyline: FORMAT_VERSION,
            story: StoryMeta {
                id: "talks-story".into(),
                title: "Talks & strikes".into(),
                dek: "A year of <talks>.".into(),
                language: "en".into(),
                published: Some(d("2024-11-02")),
                updated: None,
                byline: "By A. Writer".into(),
                sources: vec![],
            },
            actors: vec![Actor {
                id: "nk".into(),
                name: "North Korea".into(),
                short_name: None,
                kind: ActorKind::State,
                country: Some("KP".into()),
                description: String::new(),
                part_of: None,
                kind_label: None,
                sources: vec![],
            }],
            events: vec![event("founding", "Founding", "1991"), talks, event("vote", "Vote", "2024-06-30"), strike],
            relations: vec![],
            eras: vec![Era { id: "thaw".into(), title: "The thaw".into(), start: d("2024-01"), end: d("2024-12") }],
            updates: vec![],
        }
    }

    fn slide<'a>(timeline: &'a Value, id: &str) -> &'a Value {
        timeline["events"]
            .as_array()
            .expect("an events list")
            .iter()
            .find(|s| s["unique_id"] == id)
            .unwrap_or_else(|| panic!("no slide {id}"))
    }

    #[test]
    fn the_test_story_is_a_valid_dataset() {
        let report = validate(&story());
        assert!(report.is_ok(), "{:?}", report.errors);
    }

    #[test]
    fn the_story_becomes_the_title_slide_dated_by_its_publication() {
        let timeline = to_timelinejs(&story());
        let title = &timeline["title"];
        assert_eq!(title["text"]["headline"], "Talks &amp; strikes");
        assert_eq!(title["text"]["text"], "<p>A year of &lt;talks&gt;.</p><p>By A. Writer</p>");
        assert_eq!(title["start_date"], json!({"year": 2024, "month": 11, "day": 2}));
    }

    #[test]
    fn each_event_becomes_one_slide_with_its_id_and_escaped_headline() {
        let timeline = to_timelinejs(&story());
        assert_eq!(timeline["events"].as_array().map(Vec::len), Some(4));
        let talks = slide(&timeline, "talks");
        assert_eq!(talks["text"]["headline"], "Talks &lt;open&gt; in &quot;Geneva&quot; &amp; Bern");
        assert!(talks.get("media").is_none(), "no media: TimelineJS would fetch it from other hosts");
    }

    #[test]
    fn dates_keep_their_precision_through_the_fields_present() {
        let timeline = to_timelinejs(&story());
        assert_eq!(slide(&timeline, "founding")["start_date"], json!({"year": 1991}));
        assert_eq!(slide(&timeline, "talks")["start_date"], json!({"year": 2024, "month": 3}));
        assert_eq!(slide(&timeline, "talks")["end_date"], json!({"year": 2024, "month": 4, "day": 15}));
        assert_eq!(slide(&timeline, "vote")["start_date"], json!({"year": 2024, "month": 6, "day": 30}));
        assert!(slide(&timeline, "vote").get("end_date").is_none());
    }

    #[test]
    fn an_instant_is_written_in_utc_because_timelinejs_times_have_no_zone() {
        let timeline = to_timelinejs(&story());
        assert_eq!(
            slide(&timeline, "strike_1")["start_date"],
            json!({"year": 2024, "month": 10, "day": 23, "hour": 2, "minute": 30, "second": 0})
        );
        let just_after_midnight = date(&d("2025-01-01T00:30:00+01:00"));
        assert_eq!(
            just_after_midnight,
            json!({"year": 2024, "month": 12, "day": 31, "hour": 23, "minute": 30, "second": 0}),
            "the UTC day can be the day before"
        );
    }

    #[test]
    fn the_text_carries_summary_status_place_actors_attribution_quotes_and_sources_as_escaped_html() {
        let timeline = to_timelinejs(&story());
        let text = slide(&timeline, "talks")["text"]["text"].as_str().expect("text");
        assert_eq!(
            text,
            "<p>What happened: Talks &lt;open&gt; in &quot;Geneva&quot; &amp; Bern.</p>\
             <p><strong>Confirmed</strong> · Geneva · North Korea (host) · according to &lt;b&gt;officials&lt;/b&gt;</p>\
             <blockquote><p>“We &lt;never&gt; talk”</p>\
             <p>— North Korea, <a href=\"https://news.example/2?a=1&amp;b=2\">Wire &amp; Co: Report</a></p></blockquote>\
             <p>Sources:</p><ul><li><a href=\"https://news.example/1\">Wire &amp; Co: Report</a></li></ul>"
        );
    }

    #[test]
    fn a_summary_keeps_its_paragraphs_and_line_breaks() {
        let timeline = to_timelinejs(&story());
        let text = slide(&timeline, "strike_1")["text"]["text"].as_str().expect("text");
        assert!(
            text.starts_with("<p>First paragraph.<br>Same paragraph.</p><p>Second &lt;paragraph&gt;.</p>"),
            "{text}"
        );
    }

    #[test]
    fn a_source_that_is_not_http_is_named_but_never_linked() {
        let mut data = story();
        data.events[0].sources = vec![source("javascript:alert(1)")];
        let timeline = to_timelinejs(&data);
        let text = slide(&timeline, "founding")["text"]["text"].as_str().expect("text");
        assert!(text.contains("<li>Wire &amp; Co: Report</li>") && !text.contains("href"), "{text}");
    }

    #[test]
    fn the_first_tag_is_the_group_and_eras_stay_eras() {
        let timeline = to_timelinejs(&story());
        assert_eq!(slide(&timeline, "talks")["group"], "diplomacy");
        assert!(slide(&timeline, "vote").get("group").is_none(), "no tag, no group");
        assert_eq!(
            timeline["eras"],
            json!([{"start_date": {"year": 2024, "month": 1}, "end_date": {"year": 2024, "month": 12}, "text": {"headline": "The thaw"}}])
        );
    }

    /// The precision a date comes back with: TimelineJS keeps no zone, so an instant is a local time.
    fn as_imported(precision: Precision) -> Precision {
        if precision == Precision::Instant { Precision::LocalTime } else { precision }
    }

    #[test]
    fn exporting_then_importing_gives_back_the_same_titles_ids_dates_groups_and_eras() {
        let original = story();
        let json = serde_json::to_string(&to_timelinejs(&original)).expect("JSON serializes");
        let imported = import(&json).expect("the export imports").dataset;
        assert!(validate(&imported).is_ok(), "{:?}", validate(&imported).errors);

        let mut expected = original.events.clone();
        expected.sort_by_key(|e| e.start);
        // Same moment and precision: an instant comes back as its UTC clock, a local time
        // (TimelineJS has no zone to carry).
        let seen = |events: &[Event]| -> Vec<String> {
            let when = |d: &PartialDate| format!("{}@{:?}", d.start_seconds(), as_imported(d.precision));
            events
                .iter()
                .map(|e| format!("{} {} {} {:?}", e.id, e.title, when(&e.start), e.end.as_ref().map(when)))
                .collect()
        };
        assert_eq!(seen(&imported.events), seen(&expected));
        let written: Vec<String> = imported.events.iter().map(|e| e.start.to_string()).collect();
        assert_eq!(written, ["1991", "2024-03", "2024-06-30", "2024-10-23T02:30:00"], "the instant comes back as its UTC clock");
        assert_eq!(imported.events[1].end, Some(d("2024-04-15")));
        assert_eq!(imported.events[1].tags, ["diplomacy"]);

        assert_eq!((imported.story.title.as_str(), imported.story.published), ("Talks & strikes", Some(d("2024-11-02"))));
        let eras: Vec<(&str, PartialDate, PartialDate)> =
            imported.eras.iter().map(|e| (e.title.as_str(), e.start, e.end)).collect();
        assert_eq!(eras, [("The thaw", d("2024-01"), d("2024-12"))]);
    }

    #[test]
    fn a_synthetic_story_of_a_thousand_events_round_trips_its_titles_and_dates() {
        let original = crate::synth::story(1_000, 7);
        let json = serde_json::to_string(&to_timelinejs(&original)).expect("JSON serializes");
        let imported = import(&json).expect("the export imports").dataset;
        let when = |d: &PartialDate| (d.start_seconds(), as_imported(d.precision));
        let key = |e: &Event| (e.id.clone(), e.title.clone(), when(&e.start), e.end.as_ref().map(when));
        let mut expected: Vec<_> = original.events.iter().map(key).collect();
        let mut got: Vec<_> = imported.events.iter().map(key).collect();
        expected.sort_by(|a, b| a.0.cmp(&b.0));
        got.sort_by(|a, b| a.0.cmp(&b.0));
        assert_eq!(got, expected);
    }
}
