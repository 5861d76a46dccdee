//! The limits a dataset must keep. They bound what a reader's phone must hold, and catch
//! runaway exports; `docs/dataset.md` lists them for editors.

pub const MAX_EVENTS: usize = 10_000;
pub const MAX_ACTORS: usize = 2_000;
pub const MAX_RELATIONS: usize = 10_000;
pub const MAX_ERAS: usize = 200;
pub const MAX_UPDATES: usize = 500;
/// The statuses an event had before its current one.
pub const MAX_HISTORY: usize = 20;
/// Per event or relation, and for the story itself.
pub const MAX_SOURCES: usize = 50;
pub const MAX_QUOTES: usize = 20;
pub const MAX_TAGS: usize = 20;
pub const MAX_INVOLVED: usize = 100;

/// Lengths in characters (Unicode scalar values).
pub const MAX_ID: usize = 64;
pub const MAX_TITLE: usize = 200;
pub const MAX_NAME: usize = 120;
pub const MAX_SHORT_NAME: usize = 40;
pub const MAX_SUMMARY: usize = 4_000;
pub const MAX_DESCRIPTION: usize = 500;
pub const MAX_QUOTE: usize = 1_000;
pub const MAX_LINE: usize = 300;
pub const MAX_TAG: usize = 50;
pub const MAX_URL: usize = 2_048;
/// The whole file, in bytes: 10,000 full events fit well under it.
pub const MAX_FILE_BYTES: usize = 32 * 1024 * 1024;
