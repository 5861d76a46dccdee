//! Hooks that connect components to the browser. Each does nothing during server rendering.

mod use_animated_window;
mod use_change_event;
mod use_fragment;
mod use_gestures;
mod use_width;

pub use use_animated_window::use_animated_window;
pub use use_change_event::{use_change_event, Change};
pub use use_fragment::use_fragment_sync;
pub use use_gestures::use_gestures;
pub use use_width::use_width;
