//! Entry point. In the browser it mounts (or hydrates) a widget on every `.storyline-root`
//! element; natively it prints the prerendered HTML of the embedded story.
//!
//! A mount element may carry:
//! - `data-json="<id>"`: the id of a `<script type="application/json">` holding the story;
//! - `data-fragment-key="<key>"`: its deep-link key, when several widgets share a page.

#[cfg(target_arch = "wasm32")]
fn main() {
    use wasm_bindgen::JsCast;
    let Some(document) = web_sys::window().and_then(|w| w.document()) else { return };
    let Ok(roots) = document.query_selector_all(".storyline-root") else { return };
    for i in 0..roots.length() {
        if let Some(root) = roots.item(i).and_then(|n| n.dyn_into::<web_sys::Element>().ok()) {
            storyline::mount::mount(&document, root);
        }
    }
}

#[cfg(not(target_arch = "wasm32"))]
fn main() {
    print!("{}", storyline::prerender::render_html(&storyline::story::embedded()));
}
