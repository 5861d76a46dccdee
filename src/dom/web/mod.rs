//! The seam in the browser: the real DOM calls, one concept per file.

mod element;
mod emit;
mod focus;
mod frames;
mod listen;
mod location;
mod mark;
mod media;
mod resize;
mod storage;
mod text_length;

pub use element::{capture_pointer, left_and_width, set_attribute, set_property, target_matches};
pub use emit::emit;
pub use focus::{focus, focus_is_lost};
pub use frames::{animation_frames, Frames};
pub use listen::{listen, listen_window, Listener};
pub use location::{hash, replace_url};
pub use mark::mark;
pub use media::media_matches;
pub use resize::{observe_width, WidthObserver};
pub use storage::{store, stored};
pub use text_length::text_length;
