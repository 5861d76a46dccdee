//! `storyline::publish`: the page and the element a newsroom publishes, rendered natively.
#![cfg(not(target_arch = "wasm32"))]

use storyline::prerender::render_html_with_key;
use storyline::publish::{data_json, element, escape, page, WidgetFiles, DATA_ID};
use storyline::story;

fn files() -> WidgetFiles {
    WidgetFiles { base: String::new(), js_integrity: "sha384-js".into(), wasm_integrity: "sha384-wasm".into(), css_integrity: "sha384-css".into() }
}

/// The text between `start` and the next `end` after it.
fn between<'a>(text: &'a str, start: &str, end: &str) -> &'a str {
    let from = text.find(start).unwrap_or_else(|| panic!("no {start:?}")) + start.len();
    &text[from..from + text[from..].find(end).unwrap_or_else(|| panic!("no {end:?} after {start:?}"))]
}

#[test]
fn the_page_holds_the_prerendered_story_and_the_same_story_as_data() {
    let dataset = story::embedded();
    let html = page(&dataset, &files());
    let data = between(&html, &format!(r#"<script type="application/json" id="{DATA_ID}">"#), "</script>");
    let back = storyline_core::accept(data.as_bytes()).expect("the data block is a story the widget accepts").0.dataset;
    assert_eq!(back, *dataset, "the data block is not the story that was prerendered");
    let mount = format!(r#"<main id="storyline" class="storyline-root" data-fragment-key="event" data-json="{DATA_ID}">"#);
    assert_eq!(between(&html, &mount, "</main>\n"), render_html_with_key(&dataset, "event"));
}

#[test]
fn the_page_loads_every_widget_file_with_its_integrity_and_runs_no_inline_script() {
    let html = page(&story::embedded(), &files().with_base("https://cdn.example/storyline/0.1.0"));
    assert!(html.contains(r#"<link rel="stylesheet" href="https://cdn.example/storyline/0.1.0/storyline.css" integrity="sha384-css" crossorigin="anonymous">"#), "{html}");
    assert!(html.contains(r#"<script type="module" src="https://cdn.example/storyline/0.1.0/storyline.js" integrity="sha384-js" crossorigin="anonymous"></script>"#));
    assert!(html.contains(r#"href="https://cdn.example/storyline/0.1.0/storyline-widget_bg.wasm" as="fetch" type="application/wasm" integrity="sha384-wasm""#));
    let scripts = html.matches("<script").count();
    let allowed = html.matches("<script type=\"module\" src=").count() + html.matches("<script type=\"application/json\"").count();
    assert_eq!(scripts, allowed, "an inline script or another kind of script is in the page");
    assert!(!html.contains("style="), "an inline style would break a strict CSP");
}

#[test]
fn the_element_is_a_declarative_shadow_root_keyed_by_the_story_id() {
    let dataset = story::embedded();
    let html = element(&dataset, &files().with_base("../widget/"));
    let key = format!("{}.event", dataset.story.id);
    assert!(html.starts_with(&format!("<story-line id=\"{}\">\n  <template shadowrootmode=\"open\">", dataset.story.id)), "{html}");
    assert!(html.contains(r#"<link rel="stylesheet" href="../widget/storyline.css" integrity="sha384-css" crossorigin="anonymous">"#));
    let root = format!(r#"<div class="storyline-root" data-fragment-key="{key}">"#);
    assert_eq!(between(&html, &root, "</div></template>"), render_html_with_key(&dataset, &key));
    let data = between(&html, "<script type=\"application/json\">", "</script>");
    assert_eq!(storyline_core::accept(data.as_bytes()).unwrap().0.dataset, *dataset);
    assert!(html.trim_end().ends_with(r#"<script type="module" src="../widget/storyline.js" integrity="sha384-js" crossorigin="anonymous"></script>"#));
}

#[test]
fn story_text_cannot_end_the_data_block_or_become_markup() {
    let mut dataset = (*story::embedded()).clone();
    dataset.story.title = "</script><script>alert(1)</script><!--".into();
    let json = data_json(&dataset);
    assert!(!json.contains('<'), "{json}");
    let html = page(&dataset, &files());
    assert!(html.contains("<title>&lt;/script&gt;&lt;script&gt;alert(1)&lt;/script&gt;&lt;!--</title>"));
    assert_eq!(html.matches("<script").count(), 2, "the title opened a script");
    assert_eq!(escape(r#"a&b"c'd"#), "a&amp;b&quot;c&#39;d");
}

#[test]
fn an_assets_url_gets_the_slash_a_directory_needs() {
    assert_eq!(files().with_base("https://cdn.example/sl").base, "https://cdn.example/sl/");
    assert_eq!(files().with_base("https://cdn.example/sl/").base, "https://cdn.example/sl/");
    assert_eq!(files().with_base("").base, "");
}
