//! The seam on the server: the browser's functions, doing nothing. Server rendering runs no
//! effects and no event handlers, so none of these is ever called; they exist so that the
//! components and hooks that call them are one code on both builds.
//!
//! What only the server build has lives here too: prerendering the widget to HTML, and the
//! page and element a story is published as.

pub mod prerender;
pub mod publish;

use crate::dom::{Field, Passive};
use yew::events::Event;
use yew::NodeRef;

#[must_use = "the listener is removed as soon as this is dropped"]
pub struct Listener;

pub fn listen<E>(_: &NodeRef, _: &'static str, _: Passive, _: impl FnMut(&E) + 'static) -> Listener {
    Listener
}

pub fn listen_window(_: &'static str, _: impl FnMut() + 'static) -> Listener {
    Listener
}

pub fn emit(_: &NodeRef, _: &str, _: &[(&str, Field)]) {}

pub fn focus(_: &NodeRef, _: &str, _: u32) {}

pub fn focus_is_lost() -> bool {
    false
}

pub fn text_length(_: &NodeRef) -> f64 {
    0.0
}

#[must_use = "the frames stop as soon as this is dropped"]
pub struct Frames;

pub fn animation_frames(_: impl FnMut(f64) -> bool + 'static) -> Frames {
    Frames
}

pub fn hash() -> String {
    String::new()
}

pub fn replace_url(_: &str) {}

pub fn stored(_: &str) -> Option<String> {
    None
}

pub fn store(_: &str, _: &str) {}

pub fn mark(_: &str) {}

pub fn media_matches(_: &str) -> bool {
    false
}

#[must_use = "the observer disconnects as soon as this is dropped"]
pub struct WidthObserver;

pub fn observe_width(_: &NodeRef, _: impl Fn(f64) + 'static) -> WidthObserver {
    WidthObserver
}

pub fn set_attribute(_: &NodeRef, _: &str, _: &str) {}

pub fn set_property(_: &NodeRef, _: &str, _: &str) {}

pub fn left_and_width(_: &NodeRef) -> (f64, f64) {
    (0.0, 1.0)
}

pub fn sideways_scroll(_: &NodeRef, _: &str, _: bool) -> Option<(f64, f64)> {
    None
}

pub fn scroll_sideways_to(_: &NodeRef, _: &str, _: f64, _: bool) {}

pub fn capture_pointer(_: &NodeRef, _: i32) {}

pub fn target_matches(_: &Event, _: &str) -> bool {
    false
}

/// Run natively, the widget's binary has nothing to do: stories are prerendered by the CLI.
pub fn start() {
    eprintln!("storyline-widget runs in the browser. To prerender a story, use `storyline publish STORY.json --out DIR`.");
    std::process::exit(2);
}

/// The modules only this build has, which the crate's root re-exports (`storyline::prerender`,
/// `storyline::publish`).
pub mod build {
    pub use super::{prerender, publish};
}
