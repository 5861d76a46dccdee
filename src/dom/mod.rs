//! The widget's one seam to the browser: every DOM call that components and hooks make goes
//! through here, so that they read the same on both builds and carry no `cfg`.
//!
//! The browser build (wasm32) has the real calls, one concept per file in `web/`. The native
//! build renders HTML on the server (Yew's SSR), which never runs effects or event handlers:
//! there `server.rs` gives the same functions as no-ops, so that the code calling them compiles
//! and stays one code. Guards ([`Listener`], [`WidthObserver`], [`Frames`]) end what they
//! started when dropped, which is what an effect's cleanup does with them.

#[cfg(target_arch = "wasm32")]
mod web;
#[cfg(target_arch = "wasm32")]
pub use web::*;

#[cfg(not(target_arch = "wasm32"))]
mod server;
#[cfg(not(target_arch = "wasm32"))]
pub use server::*;

/// The modifier keys held with a key press, as core's key maps take them.
pub fn modifiers(e: &yew::events::KeyboardEvent) -> storyline_core::keyboard::Modifiers {
    storyline_core::keyboard::Modifiers { ctrl: e.ctrl_key(), meta: e.meta_key(), alt: e.alt_key(), shift: e.shift_key() }
}

/// Whether a listener may cancel its event. A passive listener lets the browser scroll at
/// once; only a listener that calls `preventDefault` (Ctrl + wheel) is registered non-passive.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Passive {
    Yes,
    No,
}

/// One field of a custom event's `detail` object, as the host page's script reads it.
#[derive(Clone, Copy, Debug)]
pub enum Field<'a> {
    /// A string, or `null` when there is none.
    Text(Option<&'a str>),
    /// An array of strings.
    Texts(&'a [String]),
}
