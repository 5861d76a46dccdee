//! The widget mounted in a real browser (wasm-bindgen-test, in Chromium, Firefox and WebKit).
#![cfg(target_arch = "wasm32")]

use storyline::{story, App, AppProps};
use wasm_bindgen::JsCast;
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

/// Mounts the widget with the embedded story on a fresh element and waits for Yew to render it.
async fn mount() -> web_sys::Element {
    let document = web_sys::window().unwrap().document().unwrap();
    let root = document.create_element("div").unwrap();
    document.body().unwrap().append_child(&root).unwrap();
    yew::Renderer::<App>::with_root_and_props(root.clone(), AppProps { dataset: story::embedded() }).render();
    yew::scheduler::flush().await;
    root
}

#[wasm_bindgen_test]
async fn the_widget_shows_the_story_title() {
    let root = mount().await;
    let title = root.query_selector(".sl-title").unwrap().expect("a title element");
    assert_eq!(title.text_content().unwrap(), story::embedded().story.title);
}

#[wasm_bindgen_test]
async fn the_widget_lists_every_event_in_order() {
    let root = mount().await;
    let items = root.query_selector_all(".sl-event-item").unwrap();
    let dataset = story::embedded();
    assert_eq!(items.length() as usize, dataset.events.len());
    for (i, event) in dataset.events.iter().enumerate() {
        let id = items.item(i as u32).unwrap().dyn_into::<web_sys::Element>().unwrap().id();
        assert_eq!(id, format!("sl-event-{}", event.id));
    }
}
