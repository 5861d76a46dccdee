//! Mounting one widget on one element, in the browser: read its story, then render, hydrate,
//! or show why not (the verdicts and the reader's lines are in `crate::mount`, shared by both builds).

use crate::mount::{console_line, Failure, DEBUG_HINT};
use crate::components::{LoadError, LoadErrorProps};
use crate::{App, AppProps};
use std::rc::Rc;
use storyline_core::deep_link::{has_flag, DEBUG_FLAG};
use storyline_core::problem_lines::problem_lines;
use storyline_core::{Decided, Problem};

/// A mounted widget (or error view), kept so that it can be taken down when its element
/// leaves the page: a single-page app that swaps articles must not keep every old widget alive.
pub struct Mounted(Box<dyn FnOnce()>);

impl Mounted {
    fn of<C: yew::BaseComponent>(handle: yew::AppHandle<C>) -> Mounted {
        Mounted(Box::new(move || handle.destroy()))
    }

    /// Unmounts the widget: its components, their listeners and observers go.
    pub fn destroy(self) {
        (self.0)()
    }
}

/// Mounts a widget on `root` for `story`, the file of `file_bytes` bytes as `JSON.parse`
/// gave it; `None` when the story is not decided by this pass (see the module's head).
///
/// Prerendered markup inside `root` (the loader leaves it only when it was rendered from
/// this same story) is adopted (hydrated) rather than replaced, so the reader never sees a
/// flash; an empty `root` is rendered into.
pub fn mount(root: web_sys::Element, story: wasm_bindgen::JsValue, file_bytes: usize, source: &str, fragment_key: String) -> Option<Mounted> {
    match storyline_core::accept_parsed(serde_wasm_bindgen::Deserializer::from(story), file_bytes) {
        Decided::Accepted(loaded) => {
            // One line per kind of warning: 10,000 events without sources make one line.
            for line in problem_lines(source, &loaded.warnings) {
                web_sys::console::warn_1(&line.into());
            }
            let props = yew::props!(AppProps { dataset: Rc::new(loaded.dataset), fragment_key });
            let renderer = yew::Renderer::<App>::with_root_and_props(root.clone(), props);
            Some(Mounted::of(if root.first_element_child().is_some() { renderer.hydrate() } else { renderer.render() }))
        }
        Decided::Refused(report) => Some(fail(root, source, Failure::Invalid, report.errors)),
        Decided::Undecided => None,
    }
}

/// Whether the page was opened with `#storyline-debug`: then the editor's details show.
fn debugging() -> bool {
    has_flag(&crate::dom::hash(), DEBUG_FLAG)
}

/// Shows the reader's line in `root`, above the prerendered story if there is one (which
/// stays, readable as text), and every problem in the console.
pub fn fail(root: web_sys::Element, source: &str, failure: Failure, problems: Vec<Problem>) -> Mounted {
    for p in &problems {
        web_sys::console::error_1(&console_line(source, p).into());
    }
    let debug = debugging();
    if !debug && !problems.is_empty() {
        web_sys::console::info_1(&DEBUG_HINT.into());
    }
    let props = LoadErrorProps { source: source.to_string().into(), summary: failure.reader_line().into(), problems, debug };
    let prerendered = root.first_element_child().filter(|c| c.class_list().contains("storyline"));
    let host = match (prerendered, web_sys::window().and_then(|w| w.document())) {
        (Some(story), Some(document)) => {
            // The static story stays, shown as text (the loader's `sl-static` styles).
            let _ = root.class_list().add_1("sl-static");
            match document.create_element("div") {
                Ok(host) => {
                    let _ = root.insert_before(&host, Some(&story));
                    host
                }
                Err(_) => root,
            }
        }
        _ => {
            root.set_inner_html("");
            root
        }
    };
    Mounted::of(yew::Renderer::<LoadError>::with_root_and_props(host, props).render())
}
