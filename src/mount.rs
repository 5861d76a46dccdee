//! Mounting one widget on one element: pick its dataset, then render, hydrate, or show why not.

#[cfg(target_arch = "wasm32")]
pub fn mount(document: &web_sys::Document, root: web_sys::Element) {
    use crate::components::{LoadError, LoadErrorProps};
    use crate::{App, AppProps};
    use std::rc::Rc;

    let key = root.get_attribute("data-fragment-key").unwrap_or_else(|| "event".into());
    let loaded = match root.get_attribute("data-json") {
        None => Ok((crate::story::embedded(), Vec::new())),
        Some(id) => {
            let text = document.get_element_by_id(&id).and_then(|s| s.text_content()).unwrap_or_default();
            storyline_core::load(&text).map(|l| (Rc::new(l.dataset), l.warnings)).map_err(|r| (format!("#{id}"), r))
        }
    };
    match loaded {
        Ok((dataset, warnings)) => {
            for w in &warnings {
                web_sys::console::warn_1(&format!("Storyline: {w}").into());
            }
            let props = yew::props!(AppProps { dataset, fragment_key: key });
            let renderer = yew::Renderer::<App>::with_root_and_props(root.clone(), props);
            // Prerendered markup is adopted rather than replaced, so the reader never sees a flash.
            if root.first_element_child().is_some() {
                renderer.hydrate();
            } else {
                renderer.render();
            }
        }
        Err((source, report)) => {
            // The same text goes to the console, for the developer embedding the widget.
            for p in &report.errors {
                web_sys::console::error_1(&format!("Storyline: {source}: {p}").into());
            }
            root.set_inner_html("");
            let props = LoadErrorProps { source: source.into(), problems: report.errors };
            yew::Renderer::<LoadError>::with_root_and_props(root, props).render();
        }
    }
}
