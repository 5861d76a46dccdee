//! Server-side rendering of the widget to HTML, natively: prerendered pages and component tests.

use crate::{App, AppProps};
use std::rc::Rc;
use storyline_core::Dataset;

/// Renders the widget for `dataset` as the browser will hydrate it.
pub fn render_html(dataset: &Dataset) -> String {
    render_html_with_key(dataset, "event")
}

/// Renders the widget whose deep-link key is `fragment_key` (the key also prefixes its ids).
///
/// The dataset crosses to yew's render thread as an owned copy, because `Rc` props are not `Send`.
pub fn render_html_with_key(dataset: &Dataset, fragment_key: &str) -> String {
    let dataset = dataset.clone();
    let key = fragment_key.to_string();
    let renderer = yew::ServerRenderer::<App>::with_props(move || yew::props!(AppProps { dataset: Rc::new(dataset), fragment_key: key }));
    futures::executor::block_on(renderer.hydratable(true).render())
}
