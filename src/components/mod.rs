//! One component per file; each maps the store's state to markup and dispatches actions, nothing else.

mod event_card;
mod event_list;
mod filters;
mod live_region;
mod load_error;
mod navigation;
mod status_badge;
mod story_header;
mod timeline;

pub use event_card::EventCard;
pub use event_list::EventList;
pub use filters::Filters;
pub use live_region::LiveRegion;
pub use load_error::{LoadError, LoadErrorProps};
pub use navigation::Navigation;
pub use status_badge::StatusBadge;
pub use story_header::StoryHeader;
pub use timeline::Timeline;
