//! One component per file; each maps the store's state to markup and dispatches actions, nothing else.

pub mod actor_card;
pub mod actor_map;
mod event_card;
mod event_list;
mod filters;
mod live_region;
mod load_error;
mod map_legend;
mod mark_badge;
mod navigation;
mod relation_card;
mod since_last_visit;
mod sources;
mod status_badge;
mod story_header;
mod timeline;
mod update_log;
mod whos_who;

pub use actor_card::ActorCard;
pub use actor_map::ActorMap;
pub use event_card::EventCard;
pub use event_list::EventList;
pub use filters::Filters;
pub use live_region::LiveRegion;
pub use load_error::{LoadError, LoadErrorProps};
pub use map_legend::MapLegend;
pub use mark_badge::mark_badge;
pub use navigation::Navigation;
pub use relation_card::RelationCard;
pub use since_last_visit::SinceLastVisit;
pub use status_badge::status_badge;
pub use story_header::StoryHeader;
pub use timeline::Timeline;
pub use update_log::UpdateLog;
pub use whos_who::WhosWho;
