//! Mounting one widget on one element: read its story, then render, hydrate, or show why not.
//!
//! The page's loader (`assets/loader.js`) finds the elements, fetches any data and parses it
//! with the browser's `JSON.parse`; this module reads the parsed story in one pass through
//! core's `accept_parsed`, which gives the verdict of `accept`, the rule `storyline check` and
//! `storyline publish` apply. A story it leaves undecided goes back to the loader, which asks
//! the second module (`crates/storyline-import`) for `accept`'s full reading and brings back
//! a story to mount or the problems to show (`fail`).

use storyline_core::Problem;

/// What a reader is told when a widget cannot show its story: one calm line. The editor's
/// details go to the console, and to the page only when it asks for them (`#storyline-debug`).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Failure {
    /// The data arrived but breaks the format's rules.
    Invalid,
    /// The data never arrived (a 404, a network error, a blocked request).
    Unreachable,
}

impl Failure {
    pub fn reader_line(self) -> &'static str {
        match self {
            Failure::Invalid => "This story cannot be shown just now: its data has mistakes, and nothing is shown rather than something wrong.",
            Failure::Unreachable => "This story could not be loaded. Check your connection and reload the page.",
        }
    }
}

/// The console line for one error, for the developer embedding the widget.
pub fn console_line(source: &str, problem: &Problem) -> String {
    format!("Storyline: {source}: {problem}")
}

/// The console line that tells an editor where the details are shown on the page.
pub const DEBUG_HINT: &str = "Storyline: add #storyline-debug to the page's address to see these problems in the widget too.";
