//! What the page's loader (`assets/loader.js`) calls: mount a widget on an element, show the
//! problems the second module found, or say that the story could not be fetched.

use crate::mount::Failure;
use storyline_core::Problem;
use wasm_bindgen::prelude::*;

/// What the loader holds for each widget, to take it down when its element leaves the page.
#[wasm_bindgen]
pub struct Widget(super::Mounted);

#[wasm_bindgen]
impl Widget {
    /// Unmounts the widget; its element is left empty.
    pub fn destroy(self) {
        self.0.destroy();
    }
}

/// Mounts (or hydrates) a widget on `root`. `story` is the story as `JSON.parse` gave it,
/// from a file of `file_bytes` bytes; `source` names where it came from in error messages
/// ("story.json"). Nothing comes back when the story needs `accept`'s full reading, from
/// the second module (see `crate::mount`).
#[wasm_bindgen(js_name = mountStory)]
pub fn mount_story(root: web_sys::Element, story: JsValue, file_bytes: usize, source: String, fragment_key: String) -> Option<Widget> {
    super::mount(root, story, file_bytes, &source, fragment_key).map(Widget)
}

/// Shows, in `root`, the problems the second module found in the story from `source`:
/// `paths[i]` and `messages[i]` make one problem.
#[wasm_bindgen(js_name = showProblems)]
pub fn show_problems(root: web_sys::Element, source: String, paths: Vec<String>, messages: Vec<String>) -> Widget {
    let problems = paths.into_iter().zip(messages).map(|(path, message)| Problem { path, message }).collect();
    Widget(super::fail(root, &source, Failure::Invalid, problems))
}

/// Shows, in `root`, that the story at `source` could not be fetched, and why.
#[wasm_bindgen(js_name = showUnreachable)]
pub fn show_unreachable(root: web_sys::Element, source: String, reason: String) -> Widget {
    let problem = Problem { path: String::new(), message: format!("could not be loaded: {reason}") };
    Widget(super::fail(root, &source, Failure::Unreachable, vec![problem]))
}
