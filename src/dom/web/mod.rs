//! The seam in the browser: the real DOM calls, one concept per file, and what only the
//! browser build has: mounting a widget, the exports the loader calls, the panic hook.

mod element;
mod emit;
mod exports;
mod focus;
mod frames;
mod listen;
mod location;
mod mark;
mod media;
mod mount;
pub mod panic;
mod resize;
mod storage;
mod text_length;

pub use element::{capture_pointer, left_and_width, scroll_sideways_to, set_attribute, set_property, sideways_scroll, target_matches};
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
pub use mount::{fail, mount, Mounted};

/// What the widget's binary does when the WebAssembly starts: a panic in the widget is a bug,
/// and its message goes to the console and to the page's loader, which tells readers that the
/// widget stopped ([`panic`]).
pub fn start() {
    panic::install_hook();
}

/// The modules only this build has, which the crate's root re-exports (`storyline::panic`).
pub mod build {
    pub use super::panic;
}
