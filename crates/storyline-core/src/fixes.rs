//! A problem's fix in one line, for the editor's page: what to do, beside what is wrong.
//!
//! Most messages of `validate` and of the sheets already end with the fix, after a colon or a
//! semicolon ("is missing: add …", "…; remove it"): that clause is the fix. The others name what
//! is wrong in a few set shapes ("the limit is 200", "expected one of …"), each of which has
//! one fix. A message of no known shape has no fix rather than a guessed one.

/// Verbs a message's closing clause starts with when that clause says what to do.
const IMPERATIVES: [&str; 11] = ["add ", "write ", "use ", "remove ", "percent-encode ", "save ", "say ", "give ", "put ", "fill ", "list "];

/// The fix for a problem with `message`, as one sentence without a full stop, when one is known.
pub fn fix(message: &str) -> Option<String> {
    closing_instruction(message).or_else(|| by_shape(message)).map(|f| sentence_case(&f))
}

/// The rest of the message from the first `: ` or `; ` after which it says what to do.
fn closing_instruction(message: &str) -> Option<String> {
    let breaks = message.match_indices(": ").chain(message.match_indices("; ")).map(|(at, _)| at);
    let mut clauses: Vec<&str> = breaks.map(|at| message[at + 2..].trim()).collect();
    clauses.sort_by_key(|clause| std::cmp::Reverse(clause.len()));
    clauses.into_iter().find(|clause| IMPERATIVES.iter().any(|verb| clause.to_lowercase().starts_with(verb))).map(str::to_string)
}

/// The fix of a message of one of the set shapes.
fn by_shape(message: &str) -> Option<String> {
    if let Some(list) = after(message, "expected one of ") {
        return Some(format!("use one of {}", list.replace('`', "")));
    }
    if message.contains("is not valid JSON") {
        let place = after(message, " at ").map(|p| format!(" near {p}")).unwrap_or_default();
        return Some(format!("look for a missing comma, quote or bracket{place}"));
    }
    if let Some(limit) = after(message, "the limit is ") {
        let what = if message.contains("characters long") { "characters" } else { "items" };
        return Some(format!("keep it to {limit} {what} or fewer"));
    }
    if let Some(start) = after(message, "is before the start, ") {
        return Some(format!("make it {start} or later, or move the start"));
    }
    if let Some(days) = after(message, " has ").and_then(|d| d.strip_suffix(" days")) {
        return Some(format!("use a day from 1 to {days}"));
    }
    if message.contains("which does not exist") && message.contains("month") {
        return Some("use a month from 01 to 12".into());
    }
    if let Some(range) = after(message, "is outside ") {
        return Some(format!("use a number within {range}"));
    }
    if let Some(kind) = after(message, "has the wrong type: found ").and_then(|t| t.split_once(", expected ")).map(|(_, e)| e.to_string()) {
        return Some(format!("make it {kind}"));
    }
    if let Some((_, kind)) = message.split_once(" is not ").filter(|(_, k)| (k.starts_with("a ") || k.starts_with("an ")) && k.contains(" such as ")) {
        return Some(format!("use {kind}"));
    }
    let known = [
        ("a Storyline file is a JSON object", "make the whole file one JSON object, { … }, with those keys"),
        ("is not the id of any actor", "use the id of an actor of the actors list, or add that actor"),
        ("ids must be unique", "give it an id that no other item has"),
        ("is not an http or https address", "link an https:// (or http://) address"),
        ("has no host name", "write the whole address, such as https://example.com/page"),
        ("must be a list", "make it a list: [ … ]"),
        ("must not be empty", "fill it in"),
        ("is required but missing", "add it"),
        ("from and to are the same", "change from or to, so that the relation links two actors"),
        ("is not part of the Storyline format", "check the field's name in dataset.md, or remove it"),
        ("has no source", "add a source with its name and address"),
        ("the format version must be the number", "write \"storyline\": 1"),
        ("goes round in a circle", "remove part_of from one actor of the circle"),
        ("an actor cannot be part of itself", "remove its part_of, or name another actor"),
        ("no event has the id", "use the id of an event of the events list, or add that event"),
        ("an event is added once", "keep the event in the added list of one update only"),
        ("an update adds an event or changes it, not both", "keep the event in added or in changed, not both"),
        ("is after the event's updated time", "make it no later than the event's updated time, or move updated"),
        ("the history holds the statuses it had before", "remove that status from the history, or change the event's status"),
        ("is missing", "add it"),
    ];
    known.iter().find(|(shape, _)| message.contains(shape)).map(|(_, fix)| fix.to_string())
}

/// What follows the first `marker` in `message`.
fn after<'m>(message: &'m str, marker: &str) -> Option<&'m str> {
    message.find(marker).map(|at| message[at + marker.len()..].trim())
}

fn sentence_case(text: &str) -> String {
    let mut chars = text.chars();
    chars.next().map(|first| first.to_uppercase().chain(chars).collect()).unwrap_or_default()
}

#[cfg(test)]
mod tests {
    use super::fix;

    fn fix_of(message: &str) -> String {
        fix(message).unwrap_or_else(|| panic!("no fix for {message:?}"))
    }

    #[test]
    fn a_message_that_ends_with_what_to_do_gives_that_as_its_fix() {
        assert_eq!(fix_of("is missing: add \"storyline\": 1 to say which format this file uses"), "Add \"storyline\": 1 to say which format this file uses");
        assert_eq!(fix_of("contains the control character U+0008; remove it"), "Remove it");
        assert_eq!(fix_of("\"//x.org/a\" is protocol-relative: write https://"), "Write https://");
        assert_eq!(fix_of("the event is reported: say who reports or claims it"), "Say who reports or claims it");
    }

    #[test]
    fn a_message_of_a_known_shape_gets_the_fix_of_that_shape() {
        assert_eq!(fix_of("unknown value `rumoured`, expected one of `confirmed`, `reported`"), "Use one of confirmed, reported");
        assert_eq!(fix_of("is 211 characters long; the limit is 200"), "Keep it to 200 characters or fewer");
        assert_eq!(fix_of("has 21 items; the limit is 20"), "Keep it to 20 items or fewer");
        assert_eq!(fix_of("2024-06-18 is before the start, 2024-06-19"), "Make it 2024-06-19 or later, or move the start");
        assert_eq!(fix_of("\"2024-02-30\" is not a real date: February 2024 has 29 days"), "Use a day from 1 to 29");
        assert_eq!(fix_of("125.75 is outside -90..90"), "Use a number within -90..90");
        assert_eq!(fix_of("has the wrong type: found integer `2024`, expected a string"), "Make it a string");
        assert_eq!(fix_of("\"English\" is not a BCP 47 language tag such as \"en\" or \"en-GB\""), "Use a BCP 47 language tag such as \"en\" or \"en-GB\"");
        assert_eq!(fix_of("this is not valid JSON: EOF while parsing a value at line 28 column 0"), "Look for a missing comma, quote or bracket near line 28 column 0");
    }

    #[test]
    fn a_message_of_no_known_shape_has_no_fix() {
        assert_eq!(fix("this file is in format version 2; this Storyline reads version 1 only"), None);
    }

    #[test]
    fn every_problem_of_the_invalid_corpus_but_the_format_version_has_a_fix() {
        let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/../../tests/data/invalid");
        let mut files: Vec<_> = std::fs::read_dir(dir).unwrap().map(|e| e.unwrap().path()).filter(|p| p.extension().is_some_and(|e| e == "json")).collect();
        files.sort();
        for file in files {
            let report = match crate::accept(&std::fs::read(&file).unwrap()) {
                Ok((loaded, _)) => crate::Report { errors: Vec::new(), warnings: loaded.warnings },
                Err(report) => report,
            };
            for p in report.errors.iter().chain(&report.warnings).filter(|p| !p.message.contains("format version")) {
                assert!(fix(&p.message).is_some(), "{}: {}: no fix for {:?}", file.display(), p.path, p.message);
            }
        }
    }
}
