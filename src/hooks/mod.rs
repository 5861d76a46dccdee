//! Every hook of the widget, one per file. What they need of the browser they ask `dom`, the
//! seam, so on the server each does nothing. The context accessors stay beside the types they
//! hand out and the provider's contract: `store::use_store` and `use_dispatch`, `ids::use_ids`.

mod use_animated_window;
mod use_change_event;
mod use_focus_back_from_cards;
mod use_font_fit;
mod use_fragment;
mod use_gestures;
mod use_last_visit;
mod use_live;
mod use_print_mode;
mod use_ready_mark;
mod use_swipe;
mod use_width;

pub use use_animated_window::use_animated_window;
pub use use_change_event::{use_change_event, Change};
pub use use_focus_back_from_cards::use_focus_back_from_cards;
pub use use_font_fit::use_font_fit;
pub use use_fragment::use_fragment_sync;
pub use use_gestures::use_gestures;
pub use use_last_visit::use_last_visit;
pub use use_live::use_live;
pub use use_print_mode::use_print_mode;
pub use use_ready_mark::use_ready_mark;
pub use use_swipe::use_swipe;
pub use use_width::use_width;
