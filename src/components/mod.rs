//! One component per file; each maps props to markup and nothing else.

mod event_list;
mod story_header;

pub use event_list::EventList;
pub use story_header::StoryHeader;
