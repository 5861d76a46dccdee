//! The template as an editor fills it: a small story in sheets that reads into the story it says,
//! and one slip per test, each reported at the sheet, row and column where the editor made it.

use super::*;
use crate::date::PartialDate;
use crate::model::{ActorKind, Involvement, Status};

const STORY_SHEET: &str = "field,value\nid,kp-troops\ntitle,North Korean troops in Russia\nlanguage,en\npublished,2024-10-23\nsources,wire\n";
const ACTORS_SHEET: &str = "id,name,short name,kind,country,description
north-korea,North Korea,N. Korea,state,KP,
russia,Russia,,state,RU,
nis,National Intelligence Service,NIS,agency,KR,South Korea's spy agency.
";
const EVENTS_SHEET: &str = "id,date,end date,title,summary,status,attribution,actors,place,latitude,longitude,tags,sources
treaty,2024-06-19,,Kim and Putin sign a treaty,The two leaders pledged mutual help.,confirmed,,\"north-korea (host, signatory), russia (signatory)\",Pyongyang,39.03,125.75,diplomacy,wire
nis-report,2024-10-18,,\"Seoul says 1,500 soldiers were sent\",\"The spy agency said:
special forces had begun moving.\",reported,according to the NIS,nis (source),,,,\"troops, intelligence\",\"news, wire\"
";
const RELATIONS_SHEET: &str = "id,from,to,kind,label,mutual,status,attribution,start date,end date,sources
pact,north-korea,russia,allied with,mutual-defence treaty,yes,confirmed,,2024-06-19,,wire
";
const ERAS_SHEET: &str = "id,title,start date,end date\ntroop-reports,Reports of troops,2024-10,2024-12\n";
const SOURCES_SHEET: &str = "id,publisher,title,url,date
wire,Example Wire,Putin and Kim sign a pact,https://example.com/pact,2024-06-19
news,Example News,N. Korea sends troops: NIS,https://example.org/nis,
";
const QUOTES_SHEET: &str = "event,quote,speaker,source\nnis-report,North Korea has begun sending ground troops.,nis,news\n";

/// The small story's sheets, with `changes` replacing or adding files by name.
fn files(changes: &[(&str, &str)]) -> Vec<(String, Vec<u8>)> {
    let base = [
        ("story.csv", STORY_SHEET),
        ("actors.csv", ACTORS_SHEET),
        ("events.csv", EVENTS_SHEET),
        ("relations.csv", RELATIONS_SHEET),
        ("eras.csv", ERAS_SHEET),
        ("sources.csv", SOURCES_SHEET),
        ("quotes.csv", QUOTES_SHEET),
    ];
    let mut out: Vec<(String, Vec<u8>)> = base.iter().filter(|(name, _)| !changes.iter().any(|(n, _)| n == name)).map(|(n, t)| (n.to_string(), t.as_bytes().to_vec())).collect();
    out.extend(changes.iter().filter(|(_, text)| !text.is_empty()).map(|(n, t)| (n.to_string(), t.as_bytes().to_vec())));
    out
}

fn import(files: &[(String, Vec<u8>)]) -> Result<Imported, SheetReport> {
    let borrowed: Vec<(&str, &[u8])> = files.iter().map(|(n, b)| (n.as_str(), b.as_slice())).collect();
    import_sheets(&borrowed)
}

fn errors(changes: &[(&str, &str)]) -> Vec<String> {
    match import(&files(changes)) {
        Ok(_) => panic!("the sheets were accepted"),
        Err(report) => report.errors.iter().map(ToString::to_string).collect(),
    }
}

fn warnings(changes: &[(&str, &str)]) -> Vec<String> {
    match import(&files(changes)) {
        Ok(imported) => imported.warnings.iter().map(ToString::to_string).collect(),
        Err(report) => panic!("the sheets were refused: {:?}", report.errors),
    }
}

/// `EVENTS_SHEET` with one text replaced.
fn events_with(from: &str, to: &str) -> String {
    assert!(EVENTS_SHEET.contains(from), "{from}");
    EVENTS_SHEET.replacen(from, to, 1)
}

#[test]
fn the_small_story_reads_into_the_story_its_sheets_say() {
    let imported = import(&files(&[])).expect("valid sheets");
    assert_eq!(imported.warnings, []);
    let d = imported.dataset;
    assert_eq!(d.story.title, "North Korean troops in Russia");
    assert_eq!(d.story.published, Some(PartialDate::day(2024, 10, 23)));
    assert_eq!(d.story.sources[0].publisher, "Example Wire");
    assert_eq!(d.actors[0].short_name.as_deref(), Some("N. Korea"));
    assert_eq!(d.actors[1].short_name, None);
    let treaty = &d.events[0];
    assert_eq!(treaty.actors, [Involvement { actor: "north-korea".into(), role: "host, signatory".into() }, Involvement { actor: "russia".into(), role: "signatory".into() }]);
    assert_eq!(treaty.place, Some(crate::model::Place { name: "Pyongyang".into(), lat: Some(39.03), lon: Some(125.75) }));
    let report = &d.events[1];
    assert_eq!(report.summary, "The spy agency said:\nspecial forces had begun moving.");
    assert_eq!(report.status, Status::Reported);
    assert_eq!(report.tags, ["troops", "intelligence"]);
    assert_eq!(report.sources.iter().map(|s| s.url.as_str()).collect::<Vec<_>>(), ["https://example.org/nis", "https://example.com/pact"]);
    assert_eq!(report.quotes[0].source.publisher, "Example News");
    assert!(!d.relations[0].directed, "mutual: yes");
    assert_eq!(d.eras[0].end, PartialDate::month(2024, 12));
}

#[test]
fn the_small_story_written_as_sheets_reads_back_the_same() {
    let story = import(&files(&[])).unwrap().dataset;
    let exported = export_sheets(&story);
    assert_eq!(exported.notes, Vec::<String>::new());
    let written: Vec<(String, Vec<u8>)> = exported.sheets.iter().map(|(s, t)| (s.file_name(), t.as_bytes().to_vec())).collect();
    assert_eq!(import(&written).unwrap().dataset, story);
}

#[test]
fn headers_are_read_in_any_order_case_and_spacing() {
    let sheet = "Title,ID,Summary,Status,Start_Date\nKim and Putin sign a treaty,treaty,They met.,Confirmed,2024-06-19\n";
    let imported = import(&files(&[("events.csv", sheet), ("quotes.csv", "")])).expect("valid sheets");
    assert_eq!(imported.dataset.events[0].id, "treaty");
    assert_eq!(imported.dataset.events[0].start, PartialDate::day(2024, 6, 19));
}

#[test]
fn a_date_that_is_no_date_is_named_by_sheet_row_and_column() {
    let sheet = events_with("2024-10-18", "31 Feb 2024");
    assert_eq!(errors(&[("events.csv", &sheet)]), ["events row 3, column date: \"31 Feb 2024\" is not a date: February 2024 has 29 days"]);
}

#[test]
fn a_date_in_a_spreadsheets_own_order_asks_for_the_date_to_write() {
    let sheet = events_with("2024-10-18", "03/10/2024");
    assert_eq!(
        errors(&[("events.csv", &sheet)]),
        ["events row 3, column date: \"03/10/2024\" could be 3 October 2024 or 10 March 2024: write 2024-10-03 or 2024-03-10 (YYYY-MM-DD)"]
    );
}

#[test]
fn an_unknown_status_lists_the_statuses() {
    let sheet = events_with("confirmed", "rumoured");
    assert_eq!(
        errors(&[("events.csv", &sheet)]),
        ["events row 2, column status: \"rumoured\" is not a status: write confirmed, reported, claimed, denied, disputed or not stated"]
    );
}

#[test]
fn an_actor_id_that_does_not_exist_is_named_in_its_cell() {
    let sheet = events_with("north-korea (host", "north-koera (host");
    assert_eq!(errors(&[("events.csv", &sheet)]), ["events row 2, column actors: \"north-koera\" is not the id of any actor in the actors sheet"]);
}

#[test]
fn a_missing_required_column_is_named_once_and_its_rows_are_not_read() {
    let sheet = "id,date,title,summary\ntreaty,2024-06-19,A,B\nother,2024-06-20,C,D\n";
    let found = errors(&[("events.csv", sheet), ("quotes.csv", "")]);
    assert_eq!(
        found,
        ["events, column status: is missing: the events sheet needs the columns id, date, title, summary and status in row 1, its header; this sheet's rows are not read until it has them"]
    );
}

#[test]
fn an_empty_required_cell_is_named_by_its_column() {
    let sheet = events_with("Kim and Putin sign a treaty", "");
    assert_eq!(errors(&[("events.csv", &sheet)]), ["events row 2, column title: must not be empty"]);
    let sheet = events_with("confirmed", "");
    assert_eq!(
        errors(&[("events.csv", &sheet)]),
        ["events row 2, column status: is empty: write confirmed, reported, claimed, denied, disputed or not stated"]
    );
}

#[test]
fn a_bad_url_is_named_once_in_the_sources_sheet_though_several_items_use_it() {
    let sheet = SOURCES_SHEET.replace("https://example.com/pact", "javascript:alert(1)");
    assert_eq!(
        errors(&[("sources.csv", &sheet)]),
        ["sources row 2, column url: \"javascript:alert(1)\" is not an http or https address; only those are linked"]
    );
}

#[test]
fn an_unknown_source_id_is_named_in_the_cell_that_uses_it() {
    let sheet = events_with("\"news, wire\"", "\"news, wrie\"");
    assert_eq!(errors(&[("events.csv", &sheet)]), ["events row 3, column sources: \"wrie\" is not the id of any source in the sources sheet"]);
}

#[test]
fn a_quote_names_its_cells_and_its_sources_row() {
    let quotes = "event,quote,speaker,source\nnis-report,Words.,nsi,news\nno-such-event,Words.,nis,news\n";
    assert_eq!(
        errors(&[("quotes.csv", quotes)]),
        [
            "quotes row 2, column speaker: \"nsi\" is not the id of any actor in the actors sheet",
            "quotes row 3, column event: \"no-such-event\" is not the id of any event in the events sheet",
        ]
    );
}

#[test]
fn a_duplicate_id_names_the_row_that_has_it_first() {
    let sheet = events_with("nis-report,", "treaty,");
    assert_eq!(errors(&[("events.csv", &sheet), ("quotes.csv", "")]), ["events row 3, column id: \"treaty\" is already the id of events row 2; ids must be unique"]);
}

#[test]
fn a_relation_names_its_own_row_and_columns() {
    let sheet = RELATIONS_SHEET.replace("north-korea,russia,allied with", "north-korea,north-korea,allys");
    assert_eq!(errors(&[("relations.csv", &sheet)]).len(), 1, "a kind that cannot be read leaves the row out");
    let sheet = RELATIONS_SHEET.replace("pact,north-korea,", "pact,,");
    assert_eq!(errors(&[("relations.csv", &sheet)]), ["relations row 2, column from: is empty: write the id of an actor of the actors sheet"]);
    let sheet = RELATIONS_SHEET.replace("2024-06-19,,", "2024-06-19,2024-06-18,");
    assert_eq!(errors(&[("relations.csv", &sheet)]), ["relations row 2, column end date: 2024-06-18 is before the start, 2024-06-19"]);
}

#[test]
fn a_ship_a_company_and_a_verb_of_the_storys_own_are_written_in_the_sheets() {
    let actors = ACTORS_SHEET.replacen("kind,", "kind,kind label,", 1).replace(",state,", ",state,,").replace(",agency,", ",agency,,")
        + "ship,Ever Given,,other,ship,PA,\nowner,Shoei Kisen,,company,,JP,\n";
    let relations = RELATIONS_SHEET.to_string() + "owns,owner,ship,custom,owns,,confirmed,,2018,,wire\n";
    let story = import(&files(&[("actors.csv", &actors), ("relations.csv", &relations)])).expect("the sheets read").dataset;
    let ship = story.actors.iter().find(|a| a.id == "ship").unwrap();
    assert_eq!((ship.kind, ship.kind_word()), (ActorKind::Other, "ship"));
    assert_eq!(story.relations[1].verb(), "owns");
    let without_word = actors.replace("other,ship,", "other,,");
    assert_eq!(
        errors(&[("actors.csv", &without_word), ("relations.csv", &relations)]),
        ["actors row 5, column kind label: is required when kind is other: say what the actor is in a word or two, such as \"ship\" or \"court\""]
    );
}

/// `ACTORS_SHEET` with South Korea added, the NIS part of it, and a sources column.
fn actors_with_affiliation(nis_sources: &str) -> String {
    ACTORS_SHEET.replacen("description", "description,part of,sources", 1).replace("agency.\n", &format!("agency.,south-korea,{nis_sources}\n"))
        + "south-korea,South Korea,S. Korea,state,KR,,,\n"
}

#[test]
fn an_actors_sources_are_named_by_id_in_the_actors_sheet_and_read_back_the_same() {
    let actors = actors_with_affiliation("\"news, wire\"");
    let story = import(&files(&[("actors.csv", &actors)])).expect("the sheets read").dataset;
    let nis = story.actors.iter().find(|a| a.id == "nis").unwrap();
    assert_eq!(nis.part_of.as_deref(), Some("south-korea"));
    assert_eq!(nis.sources.iter().map(|s| s.url.as_str()).collect::<Vec<_>>(), ["https://example.org/nis", "https://example.com/pact"]);
    let exported = export_sheets(&story);
    assert_eq!(exported.notes, Vec::<String>::new());
    let (_, written_actors) = exported.sheets.iter().find(|(sheet, _)| *sheet == Sheet::Actors).unwrap();
    assert!(written_actors.lines().any(|line| line.starts_with("nis,") && line.ends_with(",south-korea,South Korea's spy agency.,\"example-news, example-wire\"")), "{written_actors}");
    let written: Vec<(String, Vec<u8>)> = exported.sheets.iter().map(|(s, t)| (s.file_name(), t.as_bytes().to_vec())).collect();
    assert_eq!(import(&written).unwrap().dataset, story);
}

#[test]
fn an_actors_unknown_source_and_bad_url_are_named_in_their_cells() {
    let actors = actors_with_affiliation("nwes");
    assert_eq!(errors(&[("actors.csv", &actors)]), ["actors row 4, column sources: \"nwes\" is not the id of any source in the sources sheet"]);
    let sources = SOURCES_SHEET.to_string() + "seoul,Example Daily,Seoul's spy agency,javascript:alert(1),\n";
    assert_eq!(
        errors(&[("actors.csv", &actors_with_affiliation("seoul")), ("sources.csv", &sources)]),
        ["sources row 4, column url: \"javascript:alert(1)\" is not an http or https address; only those are linked"]
    );
}

#[test]
fn an_actor_part_of_another_without_a_source_is_a_warning_in_its_sources_cell() {
    assert_eq!(warnings(&[("actors.csv", &actors_with_affiliation(""))]), ["actors row 4, column sources: has no source for its part_of: readers and editors need to know who says the actor belongs there"]);
}

#[test]
fn the_story_sheet_names_the_row_of_a_field_and_asks_for_a_missing_one() {
    let sheet = STORY_SHEET.replace("language,en", "language,English");
    assert_eq!(errors(&[("story.csv", &sheet)]), ["story row 4, column value: \"English\" is not a BCP 47 language tag such as \"en\" or \"en-GB\""]);
    let sheet = STORY_SHEET.replace("title,North Korean troops in Russia\n", "");
    assert_eq!(errors(&[("story.csv", &sheet)]), ["story: no row gives the title: add one, with title under field and the story's title under value"]);
}

#[test]
fn a_broken_sheet_says_the_row_where_it_breaks() {
    let sheet = events_with("The two leaders", "\"The two leaders");
    let found = errors(&[("events.csv", &sheet)]);
    assert_eq!(found.len(), 1, "{found:?}");
    assert!(found[0].starts_with("events row 2: "), "{found:?}");
}

#[test]
fn an_unknown_column_and_a_missing_attribution_are_warnings() {
    let sheet = EVENTS_SHEET.replacen("sources\n", "sources,notes\n", 1).replace("according to the NIS", "");
    assert_eq!(
        warnings(&[("events.csv", &sheet)]),
        [
            "events, column notes: is not a column of the events sheet and is ignored (a typo?); its columns are id, date, end date, title, summary, status, attribution, actors, place, latitude, longitude, tags, sources, updated, what changed and status history",
            "events row 3, column attribution: the event is reported: say who reports or claims it",
        ]
    );
}

#[test]
fn a_source_no_cell_uses_is_a_warning() {
    let sheet = format!("{SOURCES_SHEET}spare,Example,Unused,https://example.net/,\n");
    assert_eq!(warnings(&[("sources.csv", &sheet)]), ["sources row 4: \"spare\" is not used by the story, an event, a relation or a quote"]);
}

/// A sheet as Excel saves it where the decimal mark is a comma: a byte-order mark, `;` between
/// cells, quotes around the cells that hold one, CRLF after each row (a line break inside a cell
/// stays LF, as Excel writes it).
fn as_excel(text: &str) -> String {
    let rows = csv_read::read_csv(text).unwrap();
    let quote = |c: &String| if c.contains([';', '"', '\n']) { format!("\"{}\"", c.replace('"', "\"\"")) } else { c.clone() };
    let lines: Vec<String> = rows.iter().map(|r| r.iter().map(quote).collect::<Vec<_>>().join(";") + "\r\n").collect();
    format!("\u{FEFF}{}", lines.concat())
}

#[test]
fn excel_files_with_a_byte_order_mark_semicolons_and_crlf_read_the_same() {
    let excel: Vec<(String, Vec<u8>)> = files(&[]).into_iter().map(|(n, b)| (n, as_excel(std::str::from_utf8(&b).unwrap()).into_bytes())).collect();
    let events = std::str::from_utf8(&excel.iter().find(|(n, _)| n == "events.csv").unwrap().1).unwrap().to_string();
    assert!(events.starts_with("\u{FEFF}id;date;end date;") && events.contains(";\"The spy agency said:\nspecial"), "{events}");
    assert_eq!(import(&excel).unwrap().dataset, import(&files(&[])).unwrap().dataset);
}

#[test]
fn google_sheets_names_and_a_second_download_find_their_sheets() {
    let renamed: Vec<(String, Vec<u8>)> = files(&[]).into_iter().map(|(n, b)| (format!("My story - {}", n.replace(".csv", " (1).csv")), b)).collect();
    assert!(import(&renamed).is_ok());
}

#[test]
fn a_file_that_is_no_sheet_or_not_utf8_is_refused_by_name() {
    let found = errors(&[("notes.csv", "a,b\n")]);
    assert!(found[0].starts_with("\"notes.csv\" is not a sheet of the template"), "{found:?}");
    let mut latin1 = files(&[]);
    latin1.iter_mut().find(|(n, _)| n == "actors.csv").unwrap().1.push(0xE9);
    let report = import(&latin1).unwrap_err();
    assert!(report.errors[0].to_string().starts_with("actors: \"actors.csv\" is not UTF-8 text"), "{:?}", report.errors);
}

#[test]
fn an_unreadable_actors_sheet_does_not_make_every_reference_an_error() {
    let found = errors(&[("actors.csv", "id,name\nnorth-korea,North Korea\n")]);
    assert_eq!(found.len(), 1, "{found:?}");
    assert!(found[0].starts_with("actors, column kind: is missing"), "{found:?}");
}

#[test]
fn a_story_without_its_story_sheet_is_refused_with_what_to_add() {
    let found = errors(&[("story.csv", "")]);
    assert_eq!(found, ["story: is missing: add a sheet named story with two columns, field and value, and a row for each of id, title, dek, language, published, updated, byline and sources"]);
}

/// The small story, developing: the report confirmed in a second update, its history in its row.
fn developing_sheets() -> (String, &'static str) {
    let events = EVENTS_SHEET
        .replacen("tags,sources\n", "tags,sources,updated,what changed,status history\n", 1)
        .replacen(",reported,according to the NIS", ",confirmed,according to the NIS", 1)
        .replacen("\"news, wire\"\n", "\"news, wire\",2024-10-28T14:00Z,The Pentagon confirmed it,reported 2024-10-18\n", 1);
    let updates = "date,summary,added,changed,note\n2024-10-23,First published,\"treaty, nis-report\",,\n2024-10-28T14:00Z,Confirmed,,nis-report,The Pentagon confirmed the report.\n";
    (events, updates)
}

#[test]
fn updates_and_an_events_history_read_from_their_sheet_and_columns() {
    let (events, updates) = developing_sheets();
    let story = import(&files(&[("events.csv", &events), ("updates.csv", updates)])).expect("valid").dataset;
    assert_eq!(story.updates.len(), 2);
    assert_eq!(story.updates[0].added, ["treaty", "nis-report"]);
    assert_eq!(story.updates[1].at.to_string(), "2024-10-28T14:00Z");
    assert_eq!(story.updates[1].note.as_deref(), Some("The Pentagon confirmed the report."));
    let report = &story.events[1];
    assert_eq!(report.change.as_deref(), Some("The Pentagon confirmed it"));
    assert_eq!(report.history.len(), 1);
    assert_eq!((report.history[0].status, report.history[0].at), (Status::Reported, PartialDate::day(2024, 10, 18)));
    // And back: the sheets written from it read into the same story.
    let exported = export_sheets(&story);
    assert_eq!(exported.notes, Vec::<String>::new());
}

#[test]
fn an_update_naming_no_event_and_a_history_without_a_date_are_named_in_their_cells() {
    let (events, updates) = developing_sheets();
    let events = events.replacen("reported 2024-10-18", "reported", 1);
    let updates = updates.replacen(",nis-report,The", ",nis-reprot,The", 1);
    assert_eq!(
        errors(&[("events.csv", &events), ("updates.csv", &updates)]),
        [
            "events row 3, column status history: \"reported\" has no date: write each earlier status with its date, oldest first, separated by semicolons: claimed 2024-10-18; reported 2024-10-20",
            "updates row 3, column changed: no event has the id \"nis-reprot\"",
        ]
    );
}
