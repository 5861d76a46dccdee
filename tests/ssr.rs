//! Server-rendered HTML of the widget: what a reader sees before (and without) WebAssembly.
#![cfg(not(target_arch = "wasm32"))]

use storyline::prerender::{render_html, render_html_with_key};
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
    assert!(html.contains("1 of 31"), "the counter says where the reader is");
}

#[test]
fn the_timeline_carries_cores_reference_line_unseen_at_its_size_for_the_browser_to_measure_the_font() {
    use storyline_core::font_fit::{REFERENCE, REFERENCE_PX};
    let html = render_html(&story::embedded());
    let line = format!("<text font-size=\"{REFERENCE_PX}\" visibility=\"hidden\">{REFERENCE}</text>");
    assert_eq!(count(&html, &line), 1, "{line} missing in {html}");
    assert!(html.contains(&format!("<svg width=\"0\" height=\"0\" aria-hidden=\"true\" class=\"sl-measure\">{line}</svg>")), "in an SVG of its own: {html}");
}

#[test]
fn the_counter_is_read_aloud_as_event_n_of_m() {
    let html = render_html(&story::embedded());
    let position = html.split("class=\"sl-position\">").nth(1).expect("a position").split("</span></span>").next().unwrap();
    let text: String = position.split('<').map(|part| part.split_once('>').map_or(part, |(_, t)| t)).collect();
    assert_eq!(text, "Event 1 of 31", "{position}");
    assert!(position.contains("class=\"sl-sr-only\""), "\"Event \" is for screen readers only: {position}");
}

#[test]
fn the_timeline_draws_a_marker_button_per_event_named_by_title_date_and_status() {
    let dataset = story::embedded();
    let html = render_html(&dataset);
    for class in ["sl-axis", "sl-axis-phone"] {
        let axis = axis(&html, class);
        let markers = count(axis, "data-event=");
        let clustered: usize = axis
            .split("data-count=\"")
            .skip(1)
            .map(|rest| rest.split('"').next().unwrap().parse::<usize>().unwrap())
            .sum();
        assert_eq!(markers + clustered, dataset.events.len(), "{class}: every event is drawn or counted in a cluster");
    }
    let e = &dataset.events[3];
    let name = format!("aria-label=\"{}, {}, {}\"", e.title, e.start.display_long(), e.status.label());
    assert!(html.contains(&name), "missing {name}");
}

#[test]
fn the_prerendered_page_carries_the_axis_drawn_for_a_phone_beside_the_one_drawn_for_720_px() {
    use storyline_core::timeline_layout::PHONE_DRAWING_WIDTH;
    let html = render_html(&story::embedded());
    let phone = axis(&html, "sl-axis-phone");
    assert!(phone.starts_with(&format!("<svg width=\"{PHONE_DRAWING_WIDTH}\"")), "{phone}");
    assert!(axis(&html, "sl-axis").starts_with("<svg width=\"720\""));
    assert!(html.find("class=\"sl-timeline-phone\"").unwrap() < html.find("class=\"sl-axis\"").unwrap(), "the phone's axis comes first, for the stylesheet's `~`");
}

#[test]
fn the_timeline_and_the_map_are_one_tab_stop_each_and_one_marker_is_current() {
    let html = render_html(&story::embedded());
    assert_eq!(count(&html, "tabindex=\"0\""), 5, "the navigation toolbar's one control, the selected marker in each prerendered axis and one node in each prerendered map");
    assert_eq!(count(&whole_map(&html), "tabindex=\"0\""), 1, "one node of the whole map");
    let toolbar_stop: Vec<&str> = tags(&html).filter(|t| t.starts_with("button") && t.contains("tabindex=\"0\"")).collect();
    assert!(toolbar_stop.len() == 1 && toolbar_stop[0].contains("sl-next"), "at the first event the toolbar's stop is Next: {toolbar_stop:?}");
    for class in ["sl-axis", "sl-axis-phone"] {
        let axis = axis(&html, class);
        assert_eq!(tags(axis).filter(|t| t.contains("tabindex=\"0\"") && t.contains("data-event=")).count(), 1, "{class}: the timeline's stop is its selected marker");
        assert_eq!(tags(axis).filter(|t| t.contains("aria-current=\"true\"") && t.contains("data-event=")).count(), 1, "{class}");
    }
}

#[test]
fn the_prerendered_page_carries_every_event_in_a_hidden_list_for_readers_without_script() {
    let dataset = story::embedded();
    let html = render_html(&dataset);
    let panel = tag_with(&html, "class=\"sl-list-panel\"");
    assert!(panel.contains("hidden"), "the list waits, hidden, until a stylesheet without script shows it: {panel}");
    assert_eq!(count(&html, "class=\"sl-event-item\""), dataset.events.len());
    let first = &dataset.events[0];
    let item = tag_with(&html, &format!("id=\"sl-event-{}\"", first.id));
    assert!(item.contains("aria-current=\"true\""), "the list marks the current event too: {item}");
}

#[test]
fn prerendering_is_deterministic() {
    let dataset = story::embedded();
    assert_eq!(render_html(&dataset), render_html(&dataset));
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
    // Links out of the page (the sources); the update log's links to events stay on it.
    let links = count(&html, "<a href=\"http");
    assert!(links >= 4);
    assert_eq!(count(&html, "target=\"_blank\" rel=\"noopener noreferrer\""), links, "every link out of the page opens safely in a new tab");
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
    let dataset = storyline_testkit::synth::story(10_000, 5);
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

/// The HTML of the embedded story with the event of id `id` selected.
fn html_at(id: &str) -> String {
    let mut dataset = (*story::embedded()).clone();
    let i = dataset.events.iter().position(|e| e.id == id).unwrap_or_else(|| panic!("no event {id}"));
    // The first event is the one selected on load: move the wanted one there, keeping its date.
    let event = dataset.events.remove(i);
    dataset.events.insert(0, event);
    let first = dataset.events[0].start;
    for e in dataset.events.iter_mut().skip(1) {
        if e.start < first {
            e.start = first;
        }
    }
    render_html(&dataset)
}

/// The opening tag of the element that carries `attribute` (such as `data-relation="x"`).
/// Every opening tag in `html`, as written.
/// The prerendered whole map, drawn for a desktop, with its legend.
fn whole_map(html: &str) -> String {
    maps(html).0
}

/// The prerendered map for a phone, with its legend.
fn phone_map(html: &str) -> String {
    maps(html).1
}

/// The two prerendered maps, each with its legend, from the page's map panel: what follows each
/// `sl-map-main` or `sl-map-phone` wrapper, up to the next.
fn maps(html: &str) -> (String, String) {
    let panel = html.split("class=\"sl-whos-who\"").next().unwrap();
    let (mut whole, mut phone, mut into_phone) = (String::new(), String::new(), None);
    for part in panel.split("class=\"sl-map-") {
        if part.starts_with("main\"") {
            into_phone = Some(false);
        } else if part.starts_with("phone\"") {
            into_phone = Some(true);
        }
        match into_phone {
            Some(false) => whole.push_str(part),
            Some(true) => phone.push_str(part),
            None => {}
        }
    }
    assert!(!whole.is_empty() && !phone.is_empty(), "both maps are prerendered");
    (whole, phone)
}

/// The prerendered axis whose SVG has `class`: the one drawn for 720 px or the phone's.
fn axis<'a>(html: &'a str, class: &str) -> &'a str {
    let at = html.find(&format!("class=\"{class}\"")).unwrap_or_else(|| panic!("no {class}"));
    let start = html[..at].rfind("<svg").expect("the axis' SVG");
    &html[start..at + html[at..].find("</svg>").expect("the axis' end")]
}

fn tags(html: &str) -> impl Iterator<Item = &str> {
    html.split('<').skip(1).filter(|t| !t.starts_with('/') && !t.starts_with('!')).map(|t| t.split('>').next().unwrap_or(t))
}

fn tag_with<'a>(html: &'a str, attribute: &str) -> &'a str {
    let at = html.find(attribute).unwrap_or_else(|| panic!("nothing has {attribute}"));
    let start = html[..at].rfind('<').expect("an opening tag");
    let end = at + html[at..].find('>').expect("the tag's end");
    &html[start..end]
}

/// The classes of the edge drawn for relation `id`.
fn edge_classes<'a>(html: &'a str, id: &str) -> &'a str {
    let tag = tag_with(html, &format!("data-relation=\"{id}\""));
    let class = tag.find("class=\"").map(|c| &tag[c + 7..]).expect("a class attribute");
    &class[..class.find('"').unwrap()]
}

#[test]
fn the_map_draws_every_actor_as_a_named_button() {
    let dataset = story::embedded();
    let html = whole_map(&render_html(&dataset));
    assert_eq!(count(&html, "data-actor="), dataset.actors.len());
    // The visible short label leads the name, so speech input finds the node by what it shows.
    assert!(html.contains("aria-label=\"N. Korea, North Korea, state"), "{html}");
    assert!(html.contains("aria-label=\"Russia, state"), "{html}");
}

#[test]
fn the_prerendered_map_draws_every_group_as_a_region_behind_the_edges_named_by_its_node() {
    let dataset = story::embedded();
    let html = render_html(&dataset);
    let groups: Vec<&str> = dataset.actors.iter().filter(|g| dataset.actors.iter().any(|a| a.part_of.as_ref() == Some(&g.id))).map(|g| g.id.as_str()).collect();
    assert_eq!(groups.len(), 7, "North Korea, Russia, Ukraine, South Korea, the United States, BRICS and NATO");
    let page = html;
    let html = whole_map(&page);
    let mut drawn = attr_values(&html, "data-group");
    drawn.sort();
    let mut expected = groups.clone();
    expected.sort();
    assert_eq!(drawn, expected);
    // Regions come before the edges, so that edges and nodes are drawn over them.
    assert!(html.find("data-group=").unwrap() < html.find("data-relation=").unwrap());
    for id in groups {
        let node = tag_with(&html, &format!("data-actor=\"{id}\""));
        assert!(node.contains("sl-group") && node.contains("role=\"button\"") && node.contains(", with "), "{node}");
    }
    assert!(html.contains("aria-label=\"Russia, state, part of BRICS, with Putin and Kremlin"), "{html}");
    assert!(html.contains("aria-label=\"Vladimir Putin, leader, part of Russia"), "{html}");
    assert_eq!(count(&html, "class=\"sl-group-ring\""), 7, "each group's node outlines its region when focused");
    assert!(page.contains(">Vladimir Putin</button> (leader, part of Russia): "), "Who's who says what the regions show");
}

#[test]
fn every_relation_is_an_edge_named_in_words() {
    let dataset = story::embedded();
    let html = whole_map(&render_html(&dataset));
    assert_eq!(count(&html, "data-relation="), dataset.relations.len());
    for r in &dataset.relations {
        let name = storyline_core::relations::describe(&dataset, r);
        assert!(html.contains(&name), "no edge named {name}");
    }
}

#[test]
fn relations_show_as_of_the_selected_event() {
    let dataset = story::embedded();
    let pact = dataset
        .relations
        .iter()
        .find(|r| r.kind == storyline_core::RelationKind::AlliedWith && r.valid_from.to_string() == "2024-06-19")
        .expect("the partnership relation");
    let treaty = dataset.events.iter().find(|e| e.start.to_string() == "2024-06-19").expect("the treaty event");
    let before = render_html(&dataset);
    assert!(edge_classes(&before, &pact.id).contains("later"), "before the summit the pact is not yet in force");
    let at = html_at(&treaty.id);
    assert!(edge_classes(&at, &pact.id).contains("begins"), "{}", edge_classes(&at, &pact.id));
}

#[test]
fn actors_involved_in_the_selected_event_are_highlighted() {
    let dataset = story::embedded();
    let html = render_html(&dataset);
    for who in &dataset.events[0].actors {
        assert!(tag_with(&html, &format!("data-actor=\"{}\"", who.actor)).contains("involved"), "{} is not highlighted", who.actor);
    }
}

#[test]
fn the_other_actors_recede_the_events_relations_are_drawn_last_and_the_live_region_names_its_actors() {
    let dataset = story::embedded();
    let html = html_at("nis-3000-briefing");
    let event = dataset.events.iter().find(|e| e.id == "nis-3000-briefing").unwrap();
    for actor in &dataset.actors {
        let node = tag_with(&html, &format!("data-actor=\"{}\"", actor.id));
        let involved = event.actors.iter().any(|w| w.actor == actor.id);
        assert_eq!((node.contains(" involved"), node.contains(" receded")), (involved, !involved), "{node}");
    }
    // The regions of South Korea, the United States and North Korea hold the event's actors; Ukraine's does not.
    assert!(tag_with(&html, "data-group=\"south-korea\"").contains("sl-region involved"));
    assert!(tag_with(&html, "data-group=\"ukraine\"").contains("sl-region receded"));
    let live = html.split("class=\"sl-live\">").nth(1).unwrap().split('<').next().unwrap();
    assert!(live.ends_with("Reported. 4 actors in this event: NIS, N. Korea, KPA and White House."), "{live}");
}

#[test]
fn the_relations_in_force_between_the_events_actors_are_drawn_over_the_others() {
    let html = html_at("pyongyang-treaty");
    let whole = whole_map(&html);
    let edges: Vec<&str> = tags(&whole).filter(|t| t.contains("data-relation=")).collect();
    let on_top = edges.iter().position(|t| t.contains("of-event")).expect("the treaty's relations");
    assert!(edges[on_top..].iter().all(|t| t.contains("of-event")), "the event's relations come last: {edges:#?}");
    let ids: Vec<&str> = edges[on_top..].iter().map(|t| t.split("data-relation=\"").nth(1).unwrap().split('"').next().unwrap()).collect();
    assert_eq!(ids, ["north-korea-arms-russia", "russia-tech-north-korea", "kim-putin-pyongyang", "north-korea-russia-partnership", "kim-backs-russian-war"]);
}

/// The whole map's legend's entries, as text, in order.
fn legend_entries(html: &str) -> Vec<String> {
    legend_of(&whole_map(html))
}

/// The entries of the legend in `map`, as text, in order.
fn legend_of(map: &str) -> Vec<String> {
    let legend = map.split("aria-label=\"Map legend\"").nth(1).expect("a legend").split("</div>").next().unwrap();
    legend.split("</svg>").skip(1).map(|entry| entry.split('<').next().unwrap().to_string()).collect()
}

#[test]
fn the_legend_lists_only_the_kinds_and_statuses_the_map_shows_at_the_event() {
    let first = legend_entries(&render_html(&story::embedded()));
    let kinds = ["State", "Leader", "Military", "Agency", "Organisation"];
    assert_eq!(first[..5], kinds, "every kind of actor the story has, each with its shape");
    assert_eq!(first[5..], ["at war with", "invades", "Confirmed", "begins at this event", "not yet, or over, at this event"]);
    let later = legend_entries(&html_at("nis-first-report"));
    assert!(later.contains(&"sends troops to".to_string()) && later.contains(&"Denied (struck through)".to_string()), "{later:?}");
    assert!(!later.contains(&"meets".to_string()), "both summits are over by October 2024: {later:?}");
}

/// A story of another beat: a shipowner, its ship, an insurer, a salvor and a port.
fn shipping() -> storyline_core::Dataset {
    storyline_core::load(include_str!("data/valid/other-beat-shipping.json")).expect("the shipping story is valid").dataset
}

#[test]
fn custom_relations_are_drawn_neutral_under_their_own_verbs_and_new_kinds_have_their_shapes_in_the_legend() {
    let mut dataset = shipping();
    // Without an event selected, every relation holds.
    dataset.events.clear();
    let html = render_html(&dataset);
    // The shapes of the actors drawn first (the ship under its own word), then the verbs.
    assert_eq!(legend_entries(&html), ["Agency", "Company", "ship", "owns", "insures", "contracts salvage from", "claims compensation from", "Confirmed", "Reported", "Claimed"]);
    // Twice each: the prerender draws the whole map and, for a phone, the map of the first event
    // (here, with no event, every relation). An edge's class follows its `data-relation`; the
    // legend's samples carry the class alone.
    assert_eq!(count(&html, "\" class=\"sl-edge custom "), 2 * 4, "each custom relation is drawn in the neutral style: {html}");
    assert!(html.contains("Evergreen Marine — owns — Ever Forward, confirmed"), "an edge is named by its verb");
    assert!(html.contains("Ever Forward, ship, part of Evergreen"), "an actor of kind other is named by its word");
}

#[test]
fn the_whos_who_list_gives_every_relation_as_text() {
    let dataset = story::embedded();
    let html = render_html(&dataset);
    assert!(html.contains(&format!("Who's who ({} actors, {} relations)", dataset.actors.len(), dataset.relations.len())));
}

#[test]
fn the_whos_who_list_links_each_affiliated_actors_sources_by_publisher() {
    let dataset = story::embedded();
    let html = render_html(&dataset);
    let whos_who = html.split("class=\"sl-whos-who\"").nth(1).expect("Who's who is prerendered");
    let nis = &dataset.actors[dataset.actors.iter().position(|a| a.id == "nis").unwrap()];
    let source = &nis.sources[0];
    let line = format!(
        "<span class=\"sl-source-names\">Source: <a href=\"{}\" target=\"_blank\" rel=\"noopener noreferrer\">{}</a></span>",
        source.url, source.publisher
    );
    assert!(whos_who.contains(&line), "{line} missing in {whos_who}");
    let affiliated = dataset.actors.iter().filter(|a| a.part_of.is_some()).count();
    assert_eq!(count(whos_who, "class=\"sl-source-names\""), affiliated, "every actor that is part of another says who says so");
}

/// The values of every `attr="…"` in `html`.
fn attr_values<'a>(html: &'a str, attr: &str) -> Vec<&'a str> {
    html.split(&format!(" {attr}=\"")).skip(1).filter_map(|rest| rest.split('"').next()).collect()
}

#[test]
fn two_widgets_on_one_page_share_no_id_and_each_labels_itself() {
    let dataset = story::embedded();
    let (a, b) = (render_html_with_key(&dataset, "a.event"), render_html_with_key(&dataset, "b.event"));
    let (ids_a, ids_b) = (attr_values(&a, "id"), attr_values(&b, "id"));
    assert!(ids_a.len() > dataset.events.len(), "too few ids to judge: {ids_a:?}");
    assert!(ids_a.iter().all(|id| !ids_b.contains(id)), "shared ids: {:?}", ids_a.iter().filter(|id| ids_b.contains(id)).collect::<Vec<_>>());
    assert!(ids_a.iter().all(|id| id.starts_with("a-event-")), "{ids_a:?}");
    for (html, ids) in [(&a, &ids_a), (&b, &ids_b)] {
        for label in attr_values(html, "aria-labelledby") {
            assert!(ids.contains(&label), "aria-labelledby=\"{label}\" names no element of its own widget");
        }
    }
    // The default key keeps the plain ids that pages and links already use.
    assert!(attr_values(&render_html(&dataset), "id").contains(&"storyline-title"));
}

#[test]
fn the_prerendered_page_also_draws_the_selected_events_map_for_a_phone_at_full_size_with_its_legend_folded() {
    use storyline_core::map_scene::PHONE_PRERENDER_WIDTH;
    let html = render_html(&story::embedded());
    let phone = &phone_map(&html);
    // Russia invades Ukraine: Russia with Putin inside its region, inside BRICS's, and Ukraine.
    let mut actors = attr_values(phone, "data-actor");
    actors.sort();
    assert_eq!(actors, ["brics", "russia", "ukraine", "vladimir-putin"]);
    assert!(phone.contains(&format!("<svg width=\"{PHONE_PRERENDER_WIDTH}\" ")), "drawn for a phone's width: {phone}");
    // Every node at full size: no label is scaled down.
    assert!(tags(phone).filter(|t| t.contains("transform=")).all(|t| t.ends_with("scale(1)\"")), "{phone}");
    assert_eq!(legend_of(phone), ["State", "Leader", "Organisation", "at war with", "invades", "Confirmed", "begins at this event"]);
    assert!(phone.contains("<details class=\"sl-legend\"><summary>"), "the phone's legend is folded: {phone}");
    let whole = whole_map(&html);
    assert!(tag_with(&whole, "class=\"sl-legend\"").contains(" open"), "the desktop's is open: {}", tag_with(&whole, "class=\"sl-legend\""));
    // The switch needs script, so the stylesheet hides it without; the phone's map carries it
    // so that it holds its room from the first paint, and the map drawn for 720 px does not.
    assert_eq!(count(&html, "Whole map"), 1);
    assert!(phone.contains("aria-label=\"Show on the map\"") && phone.contains(">Whole map</button>"), "{phone}");
}

#[test]
fn the_prerendered_panels_say_whether_the_whole_map_goes_beside_the_card_or_under_it() {
    use storyline_core::map_beside::Beside;
    let panels = |html: &str| tag_with(html, "class=\"sl-panels").to_string();
    // The built-in story's whole map is wider than the column beside the card: under it.
    assert!(panels(&render_html(&story::embedded())).contains("class=\"sl-panels sl-map-under\""));
    // A story of five actors fits beside the card; one of 60 never does.
    assert!(panels(&render_html(&shipping())).contains("class=\"sl-panels sl-map-beside\""));
    let crowded = storyline_testkit::synth::story(600, 5);
    assert_eq!(Beside::of(&crowded), Beside::Never);
    assert!(panels(&render_html(&crowded)).contains("class=\"sl-panels sl-map-under\""));
    // A story without actors has no map: its card keeps the panels' whole width, as before.
    let minimal = storyline_core::load(include_str!("data/valid/minimal.json")).expect("valid").dataset;
    assert!(panels(&render_html(&minimal)).contains("class=\"sl-panels sl-map-beside\""));
}
