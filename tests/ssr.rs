//! Server-rendered HTML of the widget: what a reader sees before (and without) WebAssembly.
#![cfg(not(target_arch = "wasm32"))]

use storyline::prerender::render_html;
use storyline::story;

fn count(haystack: &str, needle: &str) -> usize {
    haystack.matches(needle).count()
}

#[test]
fn the_embedded_story_renders_its_title_and_first_event_card() {
    let dataset = story::embedded();
    let html = render_html(&dataset);
    assert!(html.contains(&format!(">{}</h2>", dataset.story.title)), "title missing in {html}");
    let first = &dataset.events[0];
    assert!(html.contains(&format!("<h3 id=\"sl-card-title\" class=\"sl-card-title\">{}</h3>", first.title)), "{html}");
    assert!(html.contains("1 of 16"), "the counter says where the reader is");
}

#[test]
fn the_timeline_draws_a_marker_button_per_event_named_by_title_date_and_status() {
    let dataset = story::embedded();
    let html = render_html(&dataset);
    let markers = count(&html, "data-event=");
    let clustered: usize = html
        .split("data-count=\"")
        .skip(1)
        .map(|rest| rest.split('"').next().unwrap().parse::<usize>().unwrap())
        .sum();
    assert_eq!(markers + clustered, dataset.events.len(), "every event is drawn or counted in a cluster");
    let e = &dataset.events[3];
    let name = format!("aria-label=\"{}, {}, {}\"", e.title, e.start.display_long(), e.status.label());
    assert!(html.contains(&name), "missing {name}");
}

#[test]
fn only_the_selected_marker_is_a_tab_stop_and_it_is_marked_current() {
    let html = render_html(&story::embedded());
    assert_eq!(count(&html, "tabindex=\"0\""), 1);
    assert_eq!(count(&html, "aria-current=\"true\""), 1);
}

#[test]
fn the_event_card_shows_status_in_words_attribution_quotes_and_safe_source_links() {
    let mut dataset = (*story::embedded()).clone();
    let austin = dataset.events.iter().position(|e| e.quotes.iter().any(|q| q.text.contains("seeing evidence"))).unwrap();
    dataset.events.swap(0, austin);
    dataset.events[0].start = "1990".parse().unwrap();
    let html = render_html(&dataset);
    assert!(html.contains("class=\"sl-status disputed\">Disputed</span>"), "{html}");
    assert!(html.contains("class=\"sl-attribution\""));
    assert!(html.contains("<blockquote>seeing evidence that there are North Korean troops in Russia</blockquote>"));
    let links = count(&html, "<a href=");
    assert!(links >= 4);
    assert_eq!(count(&html, "target=\"_blank\" rel=\"noopener noreferrer\""), links, "every link opens safely in a new tab");
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
fn text_from_the_dataset_is_escaped_never_markup() {
    let mut dataset = (*story::embedded()).clone();
    dataset.story.title = "<script>alert(1)</script>".into();
    dataset.events[0].summary = "<img src=x onerror=alert(1)>".into();
    dataset.events[0].title = "\"><svg onload=alert(1)>".into();
    let html = render_html(&dataset);
    assert!(!html.contains("<script>alert"), "{html}");
    assert!(!html.contains("<img"), "{html}");
    assert!(!html.contains("<svg onload"), "{html}");
    assert!(html.contains("&lt;script&gt;alert(1)&lt;/script&gt;"));
}

#[test]
fn a_right_to_left_story_is_marked_rtl() {
    let mut dataset = (*story::embedded()).clone();
    dataset.story.language = "ar".into();
    assert!(render_html(&dataset).contains("dir=\"rtl\""));
    assert!(render_html(&story::embedded()).contains("dir=\"ltr\""));
}

#[test]
fn ten_thousand_events_render_a_bounded_number_of_markers() {
    let dataset = storyline_core::synth::story(10_000, 5);
    let html = render_html(&dataset);
    let markers = count(&html, "class=\"sl-marker");
    let clusters = count(&html, "class=\"sl-cluster\"");
    assert!(markers + clusters < 200, "{markers} markers and {clusters} clusters");
    assert!(clusters > 0);
}

#[test]
fn rendering_is_deterministic() {
    let dataset = story::embedded();
    assert_eq!(render_html(&dataset), render_html(&dataset));
}
