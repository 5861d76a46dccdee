//! Mounting one widget on one element: load its dataset, then render, hydrate, or show why not.
//!
//! The page's loader (`assets/storyline.js`) finds the elements and fetches any data; this
//! module only turns text into a widget, so every way in ends in the same checks.

use storyline_core::Problem;

/// What a reader is told when a widget cannot show its story, before the editor's details.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Failure {
    /// The data arrived but breaks the format's rules.
    Invalid,
    /// The data never arrived (a 404, a network error, a blocked request).
    Unreachable,
}

impl Failure {
    pub fn reader_line(self) -> &'static str {
        match self {
            Failure::Invalid => "The story's data has mistakes, so nothing is shown rather than something wrong.",
            Failure::Unreachable => "The story's data could not be loaded. Check your connection and reload the page.",
        }
    }
}

/// The console line for one problem, for the developer embedding the widget.
pub fn console_line(source: &str, problem: &Problem) -> String {
    format!("Storyline: {source}: {problem}")
}

#[cfg(target_arch = "wasm32")]
mod browser {
    use super::{console_line, Failure};
    use crate::components::{LoadError, LoadErrorProps};
    use crate::{App, AppProps};
    use std::rc::Rc;
    use storyline_core::Problem;

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

    /// Mounts a widget on `root` for `json` (the embedded story when `None`).
    ///
    /// Prerendered markup inside `root` is adopted (hydrated) rather than replaced, so the
    /// reader never sees a flash; an empty `root` is rendered into.
    pub fn mount(root: web_sys::Element, json: Option<String>, source: &str, fragment_key: String) -> Mounted {
        let loaded = match json {
            None => Ok((crate::story::embedded(), Vec::new())),
            Some(text) => storyline_core::load_any(&text).map(|(l, _)| (Rc::new(l.dataset), l.warnings)),
        };
        match loaded {
            Ok((dataset, warnings)) => {
                for w in &warnings {
                    web_sys::console::warn_1(&console_line(source, w).into());
                }
                let props = yew::props!(AppProps { dataset, fragment_key });
                let renderer = yew::Renderer::<App>::with_root_and_props(root.clone(), props);
                Mounted::of(if root.first_element_child().is_some() { renderer.hydrate() } else { renderer.render() })
            }
            Err(report) => fail(root, source, Failure::Invalid, report.errors),
        }
    }

    /// Replaces whatever `root` holds with the error view, and says the same in the console.
    pub fn fail(root: web_sys::Element, source: &str, failure: Failure, problems: Vec<Problem>) -> Mounted {
        for p in &problems {
            web_sys::console::error_1(&console_line(source, p).into());
        }
        root.set_inner_html("");
        let props = LoadErrorProps { source: source.to_string().into(), summary: failure.reader_line().into(), problems };
        Mounted::of(yew::Renderer::<LoadError>::with_root_and_props(root, props).render())
    }
}

#[cfg(target_arch = "wasm32")]
pub use browser::{fail, mount, Mounted};
