//! Entry point. In the browser it exports what the page's loader (`assets/loader.js`) calls
//! to mount a widget on an element. Natively there is nothing to run: stories are prerendered
//! by `storyline publish` (crates/storyline-cli), through `storyline::publish`.

#[cfg(target_arch = "wasm32")]
mod exports {
    use storyline::mount::Failure;
    use storyline_core::Problem;
    use wasm_bindgen::prelude::*;

    /// What the loader holds for each widget, to take it down when its element leaves the page.
    #[wasm_bindgen]
    pub struct Widget(storyline::mount::Mounted);

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
    /// the second module (see `storyline::mount`).
    #[wasm_bindgen(js_name = mountStory)]
    pub fn mount_story(root: web_sys::Element, story: JsValue, file_bytes: usize, source: String, fragment_key: String) -> Option<Widget> {
        storyline::mount::mount(root, story, file_bytes, &source, fragment_key).map(Widget)
    }

    /// Shows, in `root`, the problems the second module found in the story from `source`:
    /// `paths[i]` and `messages[i]` make one problem.
    #[wasm_bindgen(js_name = showProblems)]
    pub fn show_problems(root: web_sys::Element, source: String, paths: Vec<String>, messages: Vec<String>) -> Widget {
        let problems = paths.into_iter().zip(messages).map(|(path, message)| Problem { path, message }).collect();
        Widget(storyline::mount::fail(root, &source, Failure::Invalid, problems))
    }

    /// Shows, in `root`, that the story at `source` could not be fetched, and why.
    #[wasm_bindgen(js_name = showUnreachable)]
    pub fn show_unreachable(root: web_sys::Element, source: String, reason: String) -> Widget {
        let problem = Problem { path: String::new(), message: format!("could not be loaded: {reason}") };
        Widget(storyline::mount::fail(root, &source, Failure::Unreachable, vec![problem]))
    }
}

/// A panic in the widget is a bug: its message goes to the console and to the page's loader,
/// which tells readers that the widget stopped (`storyline::panic`).
#[cfg(target_arch = "wasm32")]
fn main() {
    storyline::panic::install_hook();
}

#[cfg(not(target_arch = "wasm32"))]
fn main() {
    eprintln!("storyline-widget runs in the browser. To prerender a story, use `storyline publish STORY.json --out DIR`.");
    std::process::exit(2);
}
