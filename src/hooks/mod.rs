//! Hooks that connect components to the browser. Each does nothing during server rendering.

mod use_fragment;
mod use_width;

pub use use_fragment::use_fragment_sync;
pub use use_width::use_width;
