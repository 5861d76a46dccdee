//! Server-rendered HTML of the widget: what a reader sees before (and without) WebAssembly.
#![cfg(not(target_arch = "wasm32"))]

use storyline::prerender::render_html;
use storyline::story;

fn count(haystack: &str, needle: &str) -> usize {
    haystack.matches(needle).count()
}

#[test]
fn the_embedded_story_renders_its_title_and_every_event() {
    let dataset = story::embedded();
    let html = render_html(&dataset);
    assert!(html.contains(&format!(">{}</h2>", dataset.story.title)), "title missing in {html}");
    assert_eq!(count(&html, "class=\"sl-event-item\""), dataset.events.len());
    for event in &dataset.events {
        assert!(html.contains(&format!("id=\"sl-event-{}\"", event.id)), "event {} missing", event.id);
    }
}

#[test]
fn dates_are_shown_at_the_precision_they_were_written() {
    let mut dataset = (*story::embedded()).clone();
    dataset.events.truncate(1);
    dataset.events[0].start = "2024-10".parse().unwrap();
    let html = render_html(&dataset);
    assert!(html.contains("<time datetime=\"2024-10\">October 2024</time>"), "{html}");
}

#[test]
fn statuses_are_given_in_words() {
    let dataset = story::embedded();
    let html = render_html(&dataset);
    for event in &dataset.events {
        assert!(html.contains(event.status.label()));
    }
}

#[test]
fn text_from_the_dataset_is_escaped_never_markup() {
    let mut dataset = (*story::embedded()).clone();
    dataset.story.title = "<script>alert(1)</script>".into();
    dataset.events[0].summary = "<img src=x onerror=alert(1)>".into();
    let html = render_html(&dataset);
    assert!(!html.contains("<script>alert"), "{html}");
    assert!(!html.contains("<img"), "{html}");
    assert!(html.contains("&lt;script&gt;alert(1)&lt;/script&gt;"));
}

#[test]
fn rendering_is_deterministic() {
    let dataset = story::embedded();
    assert_eq!(render_html(&dataset), render_html(&dataset));
}
