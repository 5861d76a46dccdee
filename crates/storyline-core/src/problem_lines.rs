//! Problems as the lines a developer reads in the console: one line per message, with how many
//! places have it and the first few paths, so 10,000 events without sources make one line, not 10,000.

use crate::validate::Problem;

/// How many paths a grouped line names before it says "and N more".
pub const PATHS_SHOWN: usize = 3;

/// The console lines for `problems` from `source`, in the order each message first occurs.
pub fn problem_lines(source: &str, problems: &[Problem]) -> Vec<String> {
    let mut groups: Vec<(&str, Vec<&str>)> = Vec::new();
    for p in problems {
        match groups.iter_mut().find(|(message, _)| *message == p.message) {
            Some((_, paths)) => paths.push(&p.path),
            None => groups.push((&p.message, vec![&p.path])),
        }
    }
    groups
        .into_iter()
        .map(|(message, paths)| {
            let named: Vec<&str> = paths.iter().copied().filter(|p| !p.is_empty()).collect();
            match named.len() {
                0 => format!("Storyline: {source}: {message}"),
                1 => format!("Storyline: {source}: {}: {message}", named[0]),
                n if n <= PATHS_SHOWN => format!("Storyline: {source}: {n} places: {message} ({})", named.join(", ")),
                n => format!(
                    "Storyline: {source}: {n} places: {message} ({} and {} more)",
                    named[..PATHS_SHOWN].join(", "),
                    n - PATHS_SHOWN
                ),
            }
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn problem(path: &str, message: &str) -> Problem {
        Problem { path: path.into(), message: message.into() }
    }

    #[test]
    fn one_problem_is_one_line_with_its_path() {
        let lines = problem_lines("story.json", &[problem("events[2].start", "is not a date")]);
        assert_eq!(lines, ["Storyline: story.json: events[2].start: is not a date"]);
    }

    #[test]
    fn ten_thousand_of_one_kind_make_one_line_naming_the_first_three() {
        let many: Vec<Problem> = (0..10_000).map(|i| problem(&format!("events[{i}].sources"), "has no sources")).collect();
        let lines = problem_lines("inline data", &many);
        assert_eq!(
            lines,
            ["Storyline: inline data: 10000 places: has no sources (events[0].sources, events[1].sources, events[2].sources and 9997 more)"]
        );
    }

    #[test]
    fn kinds_stay_apart_in_the_order_they_first_occur() {
        let lines = problem_lines(
            "s",
            &[problem("a", "x"), problem("", "whole file"), problem("b", "y"), problem("c", "x")],
        );
        assert_eq!(lines, ["Storyline: s: 2 places: x (a, c)", "Storyline: s: whole file", "Storyline: s: b: y"]);
    }
}
