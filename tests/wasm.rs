//! The widget mounted in a real browser (wasm-bindgen-test, in Chromium, Firefox and WebKit).
#![cfg(target_arch = "wasm32")]

use storyline::{story, App, AppProps};
use wasm_bindgen::JsCast;
use wasm_bindgen_test::*;
use web_sys::{Element, HtmlElement};

wasm_bindgen_test_configure!(run_in_browser);

/// A widget mounted for one test; dropping it unmounts the app and removes its element,
/// so that no test sees another's widget, observers or listeners.
struct Mounted {
    root: Element,
    app: Option<yew::AppHandle<App>>,
}

impl std::ops::Deref for Mounted {
    type Target = Element;
    fn deref(&self) -> &Element {
        &self.root
    }
}

impl Drop for Mounted {
    fn drop(&mut self) {
        if let Some(app) = self.app.take() {
            app.destroy();
        }
        self.root.remove();
    }
}

/// Mounts the widget with the embedded story on a fresh element and waits for Yew to render it.
async fn mount() -> Mounted {
    let document = web_sys::window().unwrap().document().unwrap();
    let root = document.create_element("div").unwrap();
    document.body().unwrap().append_child(&root).unwrap();
    let app = yew::Renderer::<App>::with_root_and_props(root.clone(), yew::props!(AppProps { dataset: story::embedded() })).render();
    yew::scheduler::flush().await;
    Mounted { root, app: Some(app) }
}

fn text(root: &Element, css: &str) -> String {
    root.query_selector(css).unwrap().unwrap_or_else(|| panic!("no {css}")).text_content().unwrap_or_default()
}

async fn click(root: &Element, css: &str) {
    root.query_selector(css).unwrap().unwrap_or_else(|| panic!("no {css}")).dyn_into::<HtmlElement>().unwrap().click();
    yew::scheduler::flush().await;
}

#[wasm_bindgen_test]
async fn the_widget_shows_the_story_title_and_the_first_event() {
    let root = mount().await;
    let dataset = story::embedded();
    assert_eq!(text(&root, ".sl-title"), dataset.story.title);
    assert_eq!(text(&root, ".sl-card-title"), dataset.events[0].title);
    assert_eq!(text(&root, ".sl-counter"), format!("1 of {}", dataset.events.len()));
}

#[wasm_bindgen_test]
async fn next_moves_the_card_and_the_current_marker_to_the_second_event() {
    let root = mount().await;
    click(&root, ".sl-next").await;
    let dataset = story::embedded();
    assert_eq!(text(&root, ".sl-card-title"), dataset.events[1].title);
    let current = root.query_selector("[aria-current='true']").unwrap().expect("a current marker");
    assert_eq!(current.get_attribute("data-event").as_deref(), Some(dataset.events[1].id.as_str()));
    assert!(text(&root, ".sl-live").contains(&dataset.events[1].title), "the live region announces it");
}

#[wasm_bindgen_test]
async fn the_all_events_list_shows_every_event_in_order() {
    let root = mount().await;
    click(&root, ".sl-list-toggle").await;
    let items = root.query_selector_all(".sl-event-item").unwrap();
    let dataset = story::embedded();
    assert_eq!(items.length() as usize, dataset.events.len());
    for (i, event) in dataset.events.iter().enumerate() {
        let id = items.item(i as u32).unwrap().dyn_into::<Element>().unwrap().id();
        assert_eq!(id, format!("sl-event-{}", event.id));
    }
}

#[wasm_bindgen_test]
async fn a_panic_is_announced_to_the_page_with_its_message() {
    use std::cell::RefCell;
    use std::rc::Rc;
    use wasm_bindgen::closure::Closure;
    let window = web_sys::window().unwrap();
    let heard = Rc::new(RefCell::new(Vec::<String>::new()));
    let listener = {
        let heard = heard.clone();
        Closure::<dyn FnMut(web_sys::CustomEvent)>::new(move |e: web_sys::CustomEvent| heard.borrow_mut().push(e.detail().as_string().unwrap_or_default()))
    };
    window.add_event_listener_with_callback(storyline::panic::PANIC_EVENT, listener.as_ref().unchecked_ref()).unwrap();
    // The hook's own work, without the abort that follows a real panic.
    storyline::panic::announce("index out of bounds: the len is 3 but the index is 7");
    window.remove_event_listener_with_callback(storyline::panic::PANIC_EVENT, listener.as_ref().unchecked_ref()).unwrap();
    assert_eq!(*heard.borrow(), ["index out of bounds: the len is 3 but the index is 7"]);
}

/// Mounts `json` the way the page's loader does: parsed by the browser's `JSON.parse`, then
/// read in one pass by `storyline::dom::mount` (core's `accept_parsed`).
async fn mount_parsed(json: &str) -> (Element, Option<storyline::dom::Mounted>) {
    let document = web_sys::window().unwrap().document().unwrap();
    let root = document.create_element("div").unwrap();
    document.body().unwrap().append_child(&root).unwrap();
    let story = js_sys::JSON::parse(json).expect("JSON");
    let mounted = storyline::dom::mount(root.clone(), story, json.len(), "test.json", "event".into());
    yew::scheduler::flush().await;
    (root, mounted)
}

#[wasm_bindgen_test]
async fn a_story_parsed_by_the_browser_is_shown() {
    let (root, mounted) = mount_parsed(include_str!("data/valid/minimal.json")).await;
    assert!(root.query_selector("[role='alert']").unwrap().is_none(), "{}", root.inner_html());
    assert!(!text(&root, ".sl-title").is_empty());
    mounted.expect("a valid story is decided by the widget's own pass").destroy();
    root.remove();
}

#[wasm_bindgen_test]
async fn a_timelinejs_file_is_left_for_the_second_module_to_read() {
    let (root, mounted) = mount_parsed(include_str!("data/timelinejs/minimal.json")).await;
    assert!(mounted.is_none(), "the reader's module decided a TimelineJS file");
    assert!(root.first_child().is_none(), "the root was written to: {}", root.inner_html());
    root.remove();
}

#[wasm_bindgen_test]
async fn a_broken_file_shows_readers_one_line_and_no_paths() {
    let (root, mounted) = mount_parsed(include_str!("data/invalid/20-unknown-event-actor.json")).await;
    let alert = root.query_selector("[role='alert']").unwrap().expect("an error view");
    assert_eq!(alert.text_content().unwrap_or_default().trim(), storyline::mount::Failure::Invalid.reader_line());
    assert!(root.query_selector("code").unwrap().is_none(), "paths are shown to readers: {}", root.inner_html());
    mounted.expect("a story that names an actor it does not have is refused by the widget's own pass").destroy();
    root.remove();
}
