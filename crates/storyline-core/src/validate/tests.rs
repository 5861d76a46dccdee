//! One test per rule: each feeds a small dataset with one mistake and expects its path.

use super::*;
use serde_json::json;

/// A small valid story to break in one place per test.
fn base() -> Value {
    json!({
        "storyline": 1,
        "story": { "id": "s", "title": "A story", "language": "en", "published": "2024-10-23",
                   "sources": [{ "publisher": "P", "title": "T", "url": "https://example.com/" }] },
        "actors": [
            { "id": "kp", "name": "North Korea", "kind": "state", "country": "KP" },
            { "id": "ru", "name": "Russia", "kind": "state", "country": "RU" }
        ],
        "events": [
            { "id": "e1", "title": "One", "summary": "First.", "start": "2024-06-19", "status": "confirmed",
              "actors": [{ "actor": "kp", "role": "host" }],
              "quotes": [{ "text": "Words.", "speaker": "ru", "source": { "publisher": "P", "title": "T", "url": "https://example.com/q" } }],
              "sources": [{ "publisher": "P", "title": "T", "url": "https://example.com/1" }] },
            { "id": "e2", "title": "Two", "summary": "Second.", "start": "2024-10", "status": "reported",
              "attribution": "according to someone",
              "sources": [{ "publisher": "P", "title": "T", "url": "https://example.com/2" }] }
        ],
        "relations": [
            { "id": "r1", "from": "kp", "to": "ru", "kind": "allied_with", "label": "pact", "directed": false,
              "status": "confirmed", "valid_from": "2024-06-19",
              "sources": [{ "publisher": "P", "title": "T", "url": "https://example.com/r" }] }
        ],
        "eras": [{ "id": "era", "title": "An era", "start": "2024-06", "end": "2024-12" }]
    })
}

fn errors_of(value: &Value) -> Vec<String> {
    match load_value(value) {
        Ok(_) => Vec::new(),
        Err(report) => report.errors.iter().map(ToString::to_string).collect(),
    }
}

fn error_paths(value: &Value) -> Vec<String> {
    load_value(value).err().map(|r| r.errors.into_iter().map(|p| p.path).collect()).unwrap_or_default()
}

fn warning_paths(value: &Value) -> Vec<String> {
    match load_value(value) {
        Ok(loaded) => loaded.warnings.into_iter().map(|p| p.path).collect(),
        Err(report) => panic!("expected no errors, got {:?}", report.errors),
    }
}

#[test]
fn the_base_story_is_valid_without_warnings() {
    let loaded = load_value(&base()).expect("valid");
    assert_eq!(loaded.warnings, vec![]);
    assert_eq!(loaded.dataset.events.len(), 2);
}

#[test]
fn a_file_that_is_not_json_says_where_it_breaks() {
    let report = load("{ \"storyline\": 1, ").unwrap_err();
    assert!(report.errors[0].message.contains("not valid JSON"), "{:?}", report.errors);
    assert!(report.errors[0].message.contains("line 1"), "{:?}", report.errors);
}

#[test]
fn a_missing_version_and_an_unknown_version_are_explained() {
    let mut v = base();
    v.as_object_mut().unwrap().remove("storyline");
    assert_eq!(error_paths(&v), ["storyline"]);
    v["storyline"] = json!(2);
    let errors = errors_of(&v);
    assert!(errors[0].contains("version 2") && errors[0].contains("version 1"), "{errors:?}");
}

#[test]
fn every_type_error_is_reported_not_only_the_first() {
    let mut v = base();
    v["events"][0]["title"] = json!(5);
    v["events"][1]["status"] = json!("rumoured");
    v["actors"][1]["kind"] = json!("country");
    let errors = errors_of(&v);
    assert_eq!(errors.len(), 3, "{errors:?}");
    assert!(errors[0].starts_with("actors[1].kind: unknown value `country`"), "{errors:?}");
    assert!(errors[1].starts_with("events[0].title: has the wrong type"), "{errors:?}");
    assert!(errors[2].starts_with("events[1].status: unknown value `rumoured`"), "{errors:?}");
}

#[test]
fn a_missing_field_is_named_by_its_own_path() {
    let mut v = base();
    v["events"][1].as_object_mut().unwrap().remove("summary");
    assert_eq!(errors_of(&v), ["events[1].summary: is required but missing"]);
}

#[test]
fn nested_paths_name_the_exact_field() {
    let mut v = base();
    v["events"][0]["sources"][0]["url"] = json!("javascript:alert(1)");
    v["events"][0]["quotes"][0]["source"]["url"] = json!(7);
    assert_eq!(error_paths(&v), ["events[0].quotes[0].source.url"]);
    v["events"][0]["quotes"][0]["source"]["url"] = json!("https://example.com/");
    assert_eq!(error_paths(&v), ["events[0].sources[0].url"]);
}

#[test]
fn duplicate_ids_are_refused_and_name_the_first_holder() {
    let mut v = base();
    v["events"][1]["id"] = json!("e1");
    let errors = errors_of(&v);
    assert_eq!(errors, ["events[1].id: \"e1\" is already the id of events[0]; ids must be unique"]);
}

#[test]
fn ids_keep_to_a_safe_alphabet() {
    let mut v = base();
    v["events"][1]["id"] = json!("two words");
    v["eras"][0]["id"] = json!("\"><script>");
    assert_eq!(error_paths(&v), ["events[1].id", "eras[0].id"]);
}

#[test]
fn references_to_unknown_actors_are_errors() {
    let mut v = base();
    v["events"][0]["actors"][0]["actor"] = json!("north-korea");
    v["events"][0]["quotes"][0]["speaker"] = json!("putin");
    v["relations"][0]["to"] = json!("ua");
    assert_eq!(
        error_paths(&v),
        ["events[0].actors[0].actor", "events[0].quotes[0].speaker", "relations[0].to"]
    );
}

#[test]
fn an_end_before_its_start_is_refused() {
    let mut v = base();
    v["events"][0]["end"] = json!("2024-06-18");
    v["relations"][0]["valid_to"] = json!("2024-05");
    v["eras"][0]["end"] = json!("2024-05-31");
    assert_eq!(error_paths(&v), ["events[0].end", "relations[0].valid_to", "eras[0].end"]);
}

#[test]
fn an_end_within_a_coarser_start_is_accepted() {
    let mut v = base();
    v["events"][1]["end"] = json!("2024-10-05");
    assert!(load_value(&v).is_ok(), "October 2024 to 5 October 2024 overlaps");
}

#[test]
fn impossible_dates_are_refused() {
    let mut v = base();
    v["events"][0]["start"] = json!("2024-02-30");
    let errors = errors_of(&v);
    assert_eq!(errors.len(), 1);
    assert!(errors[0].starts_with("events[0].start: \"2024-02-30\" is not a real date"), "{errors:?}");
}

#[test]
fn only_http_and_https_urls_are_accepted() {
    for bad in [
        "javascript:alert(1)", "JaVaScRiPt:alert(1)", "data:text/html,<script>", "//evil.example/x",
        "vbscript:msgbox", "ftp://example.com/", "/relative", "https://", "http:///path", "https://exa mple.com",
        "https://example.com/\u{0}", "java\tscript:alert(1)", "https:\\\\evil.example",
    ] {
        assert!(check_url(bad).is_err(), "{bad:?} must be refused");
    }
    for good in ["https://example.com/", "http://example.com/a?b=c#d", "HTTPS://EXAMPLE.COM/"] {
        assert_eq!(check_url(good), Ok(()), "{good:?}");
    }
}

#[test]
fn urls_with_quotes_angle_brackets_or_backticks_are_refused_as_they_could_end_the_markup_around_a_link() {
    for bad in [
        "https://example.com/\"><script>__storylineXss(1)</script>",
        "https://example.com/\"onmouseover=\"x",
        "https://example.com/<svg/onload=x>",
        "https://example.com/?q=`x`",
    ] {
        let why = check_url(bad).expect_err(bad);
        assert!(why.contains("percent-encode"), "{why}");
    }
    // Encoded, the same characters are an ordinary address; a single quote is legal in URLs.
    assert_eq!(check_url("https://example.com/?q=%22%3E%3Cscript%3E%60"), Ok(()));
    assert_eq!(check_url("https://example.com/o'brien"), Ok(()));
}

#[test]
fn text_lengths_and_list_counts_are_limited() {
    let mut v = base();
    v["events"][0]["title"] = json!("x".repeat(MAX_TITLE + 1));
    v["events"][0]["tags"] = json!(vec!["t"; MAX_TAGS + 1]);
    assert_eq!(error_paths(&v), ["events[0].title", "events[0].tags"]);
}

#[test]
fn too_many_events_are_refused_before_any_is_parsed() {
    let mut v = base();
    v["events"] = json!(vec![json!({}); MAX_EVENTS + 1]);
    let errors = errors_of(&v);
    assert_eq!(errors, [format!("events: has {} items; the limit is {MAX_EVENTS}", MAX_EVENTS + 1)]);
}

#[test]
fn required_text_may_not_be_blank() {
    let mut v = base();
    v["story"]["title"] = json!("   ");
    assert_eq!(error_paths(&v), ["story.title"]);
}

#[test]
fn country_codes_and_language_tags_are_checked() {
    let mut v = base();
    v["actors"][0]["country"] = json!("NK");
    v["story"]["language"] = json!("English");
    assert_eq!(error_paths(&v), ["story.language", "actors[0].country"]);
}

#[test]
fn coordinates_must_be_on_earth() {
    let mut v = base();
    v["events"][0]["place"] = json!({ "name": "Somewhere", "lat": 91.0, "lon": 10.0 });
    assert_eq!(error_paths(&v), ["events[0].place.lat"]);
}

#[test]
fn a_relation_needs_two_different_actors() {
    let mut v = base();
    v["relations"][0]["to"] = json!("kp");
    assert_eq!(error_paths(&v), ["relations[0].to"]);
}

#[test]
fn an_actor_may_be_part_of_another_through_a_chain() {
    let mut v = base();
    v["actors"].as_array_mut().unwrap().push(json!({ "id": "nis", "name": "NIS", "kind": "agency", "part_of": "kp" }));
    v["actors"].as_array_mut().unwrap().push(json!({ "id": "desk", "name": "A desk", "kind": "group", "part_of": "nis" }));
    let loaded = load_value(&v).expect("a chain of groups is valid");
    assert_eq!(loaded.dataset.actors[3].part_of.as_deref(), Some("nis"));
}

#[test]
fn part_of_names_an_actor_other_than_itself() {
    let mut v = base();
    v["actors"][0]["part_of"] = json!("korea");
    v["actors"][1]["part_of"] = json!("ru");
    assert_eq!(
        errors_of(&v),
        [
            "actors[0].part_of: \"korea\" is not the id of any actor in \"actors\"",
            "actors[1].part_of: an actor cannot be part of itself",
        ]
    );
}

#[test]
fn a_circle_of_part_of_is_reported_once_at_its_first_actor_with_the_way_round() {
    let mut v = base();
    v["actors"].as_array_mut().unwrap().push(json!({ "id": "nis", "name": "NIS", "kind": "agency", "part_of": "kp" }));
    v["actors"][0]["part_of"] = json!("ru");
    v["actors"][1]["part_of"] = json!("nis");
    assert_eq!(
        errors_of(&v),
        ["actors[0].part_of: \"kp\" → \"ru\" → \"nis\" → \"kp\" goes round in a circle: an actor cannot be part of itself, even through others"]
    );
    // An actor that leads into a circle without being on it is not blamed for it.
    v["actors"].as_array_mut().unwrap().push(json!({ "id": "desk", "name": "A desk", "kind": "group", "part_of": "nis" }));
    assert_eq!(error_paths(&v), ["actors[0].part_of"]);
}

#[test]
fn part_of_an_actor_with_a_mistake_of_its_own_is_not_a_second_error() {
    let mut v = base();
    v["actors"].as_array_mut().unwrap().push(json!({ "id": "nis", "name": "NIS", "kind": "spy", "part_of": "kp" }));
    v["actors"][0]["part_of"] = json!("nis");
    assert_eq!(error_paths(&v), ["actors[2].kind"]);
}

#[test]
fn control_characters_in_text_are_refused() {
    let mut v = base();
    v["events"][0]["summary"] = json!("line\u{7}bell");
    assert_eq!(error_paths(&v), ["events[0].summary"]);
}

#[test]
fn an_event_without_sources_is_a_warning_not_an_error() {
    let mut v = base();
    v["events"][0]["sources"] = json!([]);
    assert_eq!(warning_paths(&v), ["events[0].sources"]);
}

#[test]
fn an_actor_part_of_another_without_sources_is_a_warning_not_an_error() {
    let mut v = base();
    v["actors"].as_array_mut().unwrap().push(json!({ "id": "nis", "name": "NIS", "kind": "agency", "part_of": "kp" }));
    assert_eq!(warning_paths(&v), ["actors[2].sources"]);
    v["actors"][2]["sources"] = json!([{ "publisher": "P", "title": "T", "url": "https://example.com/nis" }]);
    assert!(warning_paths(&v).is_empty());
}

#[test]
fn an_actor_that_belongs_to_nothing_needs_no_source() {
    assert!(warning_paths(&base()).is_empty());
}

#[test]
fn an_actors_sources_keep_the_rules_of_every_source() {
    let mut v = base();
    v["actors"][0]["sources"] = json!([
        { "publisher": "P", "title": "T", "url": "javascript:alert(1)" },
        { "publisher": "", "title": "T", "url": "https://example.com/\"x" }
    ]);
    assert_eq!(error_paths(&v), ["actors[0].sources[0].url", "actors[0].sources[1].publisher", "actors[0].sources[1].url"]);
    v["actors"][0]["sources"] = json!(vec![json!({ "publisher": "P", "title": "T", "url": "https://example.com/" }); 51]);
    assert_eq!(error_paths(&v), ["actors[0].sources"]);
}

#[test]
fn an_actors_sources_are_kept_as_written() {
    let mut v = base();
    v["actors"][0]["sources"] = json!([{ "publisher": "Reuters", "title": "T", "url": "https://example.com/kp", "date": "2024-10-18" }]);
    let loaded = load_value(&v).expect("an actor with a source is valid");
    let source = &loaded.dataset.actors[0].sources[0];
    assert_eq!((source.publisher.as_str(), source.url.as_str()), ("Reuters", "https://example.com/kp"));
    assert_eq!(source.date.as_ref().map(PartialDate::to_iso).as_deref(), Some("2024-10-18"));
}

#[test]
fn a_reported_event_without_attribution_is_a_warning() {
    let mut v = base();
    v["events"][1].as_object_mut().unwrap().remove("attribution");
    assert_eq!(warning_paths(&v), ["events[1].attribution"]);
}

#[cfg(feature = "unknown-field-warnings")]
#[test]
fn unknown_fields_are_warnings_that_name_the_typo() {
    let mut v = base();
    v["events"][0]["atribution"] = json!("typo");
    v["extra"] = json!(true);
    assert_eq!(warning_paths(&v), ["extra", "events[0].atribution"]);
}

#[test]
fn validate_applies_the_same_rules_to_a_dataset_built_in_code() {
    let mut dataset = load_value(&base()).unwrap().dataset;
    dataset.events[0].sources[0].url = "data:text/html,hi".into();
    let report = validate(&dataset);
    assert_eq!(report.errors.iter().map(|p| p.path.as_str()).collect::<Vec<_>>(), ["events[0].sources[0].url"]);
}

#[test]
fn a_fractional_version_is_told_to_be_a_whole_number() {
    let mut v = base();
    v["storyline"] = json!(1.0);
    assert!(errors_of(&v)[0].contains("whole number"), "{:?}", errors_of(&v));
}

#[test]
fn windows_line_endings_are_text_but_other_control_characters_are_named() {
    let mut v = base();
    v["events"][0]["summary"] = json!("first line\r\nsecond line");
    assert!(load_value(&v).is_ok());
    v["events"][0]["summary"] = json!("bell\u{7}");
    assert_eq!(errors_of(&v), ["events[0].summary: contains the control character U+0007; remove it"]);
}

#[test]
fn an_attribution_of_spaces_counts_as_missing() {
    let mut v = base();
    v["events"][1]["attribution"] = json!("   ");
    assert_eq!(warning_paths(&v), ["events[1].attribution"]);
}

#[test]
fn a_relation_to_itself_through_an_unknown_id_is_reported_once_per_field() {
    let mut v = base();
    v["relations"][0]["from"] = json!("ghost");
    v["relations"][0]["to"] = json!("ghost");
    assert_eq!(error_paths(&v), ["relations[0].from", "relations[0].to"]);
}

#[test]
fn url_length_is_counted_in_characters() {
    let url = format!("https://example.com/{}", "한".repeat(1000));
    assert_eq!(check_url(&url), Ok(()));
    assert!(check_url(&format!("https://example.com/{}", "a".repeat(MAX_URL))).is_err());
}

#[test]
fn errors_and_warnings_are_kept_apart() {
    let mut v = base();
    v["events"][0]["sources"] = json!([]);
    v["events"][1]["start"] = json!("2024-13");
    let report = load_value(&v).unwrap_err();
    assert_eq!(report.errors.iter().map(|p| p.path.as_str()).collect::<Vec<_>>(), ["events[1].start"]);
    assert_eq!(report.warnings.iter().map(|p| p.path.as_str()).collect::<Vec<_>>(), ["events[0].sources"]);
}

#[test]
fn a_story_without_a_publication_date_is_valid_and_keeps_none() {
    let mut v = base();
    v["story"].as_object_mut().unwrap().remove("published");
    let loaded = load_value(&v).expect("valid without a date");
    assert_eq!(loaded.dataset.story.published, None);
    assert!(!serde_json::to_string(&loaded.dataset).unwrap().contains("published"), "none is written back either");
    v["story"]["updated"] = json!("2024-11");
    assert!(errors_of(&v).is_empty(), "an update date needs no publication date to follow");
}

#[test]
fn a_status_not_stated_is_valid_and_asks_the_editor_for_one() {
    let mut v = base();
    v["events"][0]["status"] = json!("not_stated");
    v["relations"][0]["status"] = json!("not_stated");
    assert!(errors_of(&v).is_empty());
    assert_eq!(warning_paths(&v), ["events[0].status", "relations[0].status"]);
    let loaded = load_value(&v).unwrap();
    assert!(loaded.warnings[0].message.contains("say how sure the reporting is"), "{}", loaded.warnings[0]);
}

#[test]
fn dates_of_deep_time_are_valid_years_and_a_month_of_one_is_refused_with_the_reason() {
    let mut v = base();
    v["events"][0]["start"] = json!("-13800000000");
    v["events"][0]["end"] = json!("-4600000000");
    v["eras"][0] = json!({ "id": "era", "title": "Deep", "start": "-4600000000", "end": "2024" });
    assert!(errors_of(&v).is_empty(), "{:?}", errors_of(&v));
    v["events"][0]["start"] = json!("-13800000000-01");
    let errors = errors_of(&v);
    assert_eq!(errors.len(), 1);
    assert!(errors[0].starts_with("events[0].start: ") && errors[0].contains("a longer year stands alone"), "{errors:?}");
    v["events"][0]["start"] = json!("-300000000000");
    assert!(errors_of(&v)[0].contains("a hundred billion years either way"), "{:?}", errors_of(&v));
}

/// The base story, developing: first published with `e1`, then `e2` added and `e1` changed.
fn developing() -> Value {
    let mut v = base();
    v["updates"] = json!([
        { "at": "2024-10-23T18:00Z", "summary": "First published", "added": ["e1"] },
        { "at": "2024-10-28", "summary": "A second event, and the first confirmed", "added": ["e2"], "changed": ["e1"],
          "note": "The Pentagon confirmed it." }
    ]);
    v["events"][0]["updated"] = json!("2024-10-28");
    v["events"][0]["change"] = json!("The Pentagon confirmed it");
    v["events"][0]["history"] = json!([{ "status": "claimed", "at": "2024-10-18" }, { "status": "reported", "at": "2024-10-20T09:30Z" }]);
    v
}

#[test]
fn a_developing_story_with_updates_and_a_history_is_valid() {
    let loaded = load_value(&developing()).expect("valid");
    assert_eq!(loaded.warnings, vec![]);
    let updates = &loaded.dataset.updates;
    assert_eq!(updates.len(), 2);
    assert_eq!(updates[1].changed, vec!["e1".to_string()]);
    assert_eq!(loaded.dataset.events[0].history[0].status, Status::Claimed);
    // The typed pass over the text decides it the same way.
    let text = developing().to_string();
    assert_eq!(load(&text).expect("valid").dataset, loaded.dataset);
    // And the file writes back as it was read, the time without seconds included.
    assert_eq!(serde_json::to_value(&loaded.dataset).unwrap()["updates"], developing()["updates"]);
}

#[test]
fn updates_are_listed_oldest_first() {
    let mut v = developing();
    v["updates"][1]["at"] = json!("2024-10-22");
    assert_eq!(errors_of(&v), vec!["updates[1].at: 2024-10-22 is before the update above it, 2024-10-23T18:00Z; list updates oldest first"]);
    // A day holds the instants within it: the same day is not before.
    v["updates"][1]["at"] = json!("2024-10-23");
    assert_eq!(errors_of(&v), Vec::<String>::new());
}

#[test]
fn an_update_names_events_that_exist() {
    let mut v = developing();
    v["updates"][1]["added"] = json!(["e2", "x"]);
    v["updates"][1]["changed"] = json!(["y"]);
    assert_eq!(errors_of(&v), vec![
        "updates[1].added[1]: no event has the id \"x\"",
        "updates[1].changed[0]: no event has the id \"y\"",
    ]);
}

#[test]
fn an_event_is_added_once_and_changed_only_after() {
    let mut v = developing();
    v["updates"][1]["added"] = json!(["e2", "e1"]);
    assert_eq!(error_paths(&v), vec!["updates[1].added[1]"]);
    assert_eq!(errors_of(&v)[0], "updates[1].added[1]: \"e1\" is already added at updates[0].added[0]; an event is added once");

    let mut v = developing();
    v["updates"][0]["added"] = json!([]);
    v["updates"][1]["added"] = json!(["e2", "e1"]);
    assert_eq!(errors_of(&v), vec![
        "updates[1].changed[0]: \"e1\" is added in this update (updates[1].added[1]); an update adds an event or changes it, not both",
    ]);

    let mut v = developing();
    v["updates"][0]["changed"] = json!(["e2"]);
    assert_eq!(errors_of(&v), vec![
        "updates[0].changed[0]: \"e2\" is changed here but added only later, at updates[1].added[0]; an event is changed after it is added",
    ]);
}

#[test]
fn an_update_says_what_it_brings() {
    let mut v = developing();
    v["updates"][0]["summary"] = json!(" ");
    assert_eq!(error_paths(&v), vec!["updates[0].summary"]);
}

#[test]
fn a_history_needs_the_time_the_current_status_holds_from() {
    let mut v = developing();
    v["events"][0].as_object_mut().unwrap().remove("updated");
    assert_eq!(errors_of(&v), vec!["events[0].updated: is required with a history: say when the event became confirmed (it was reported)"]);
}

#[test]
fn a_history_is_oldest_first_and_ends_before_the_current_status() {
    let mut v = developing();
    v["events"][0]["history"] = json!([{ "status": "reported", "at": "2024-10-20" }, { "status": "claimed", "at": "2024-10-18" }]);
    assert_eq!(errors_of(&v), vec!["events[0].history[1].at: 2024-10-18 is before the status above it, 2024-10-20; list the history oldest first"]);

    let mut v = developing();
    v["events"][0]["history"][1]["at"] = json!("2024-10-29");
    assert_eq!(errors_of(&v), vec![
        "events[0].history[1].at: 2024-10-29 is after the event's updated time, 2024-10-28, from which its current status holds",
    ]);

    let mut v = developing();
    v["events"][0]["history"][1]["status"] = json!("confirmed");
    assert_eq!(errors_of(&v), vec![
        "events[0].history[1].status: is confirmed, the event's current status: the history holds the statuses it had before",
    ]);
}

#[test]
fn an_event_with_no_history_may_say_when_and_what_changed() {
    let mut v = base();
    v["events"][1]["updated"] = json!("2024-10-28T14:00Z");
    v["events"][1]["change"] = json!("A new source");
    assert!(load_value(&v).is_ok());
}
