//! Entry point. In the browser it mounts (or hydrates) the widget on `#storyline`;
//! natively it prints the prerendered HTML of the embedded story.

#[cfg(target_arch = "wasm32")]
fn main() {
    use storyline::{App, AppProps};
    let Some(root) = web_sys::window().and_then(|w| w.document()).and_then(|d| d.get_element_by_id("storyline"))
    else {
        web_sys::console::error_1(&"Storyline: no element with id \"storyline\" to mount on".into());
        return;
    };
    let props = yew::props!(AppProps { dataset: storyline::story::embedded() });
    let renderer = yew::Renderer::<App>::with_root_and_props(root.clone(), props);
    // Prerendered markup is adopted rather than replaced, so the reader never sees a flash.
    if root.first_element_child().is_some() {
        renderer.hydrate();
    } else {
        renderer.render();
    }
}

#[cfg(not(target_arch = "wasm32"))]
fn main() {
    print!("{}", storyline::prerender::render_html(&storyline::story::embedded()));
}
