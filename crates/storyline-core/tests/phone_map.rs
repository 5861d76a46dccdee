//! The map on a phone: the selected event's actors at full size, and the whole map a tap away,
//! never drawn with labels under 11 px.

use storyline_core::graph_layout::Params;
use storyline_core::group_layout::GroupLayout;
use storyline_core::map_scene::{event_scene, map_height, map_layout, node_box, MapLayout, MapView, LABEL_FONT, LEAST_SCALE, PHONE_PRERENDER_WIDTH, PHONE_WIDTH};
use storyline_core::relations::standings;
use storyline_core::Dataset;
use storyline_testkit::map_checks::group_faults;
use storyline_testkit::synth;

fn built_in() -> Dataset {
    storyline_core::load(include_str!("../../../assets/stories/north-korea-troops-russia.json")).expect("the built-in story is valid").dataset
}

fn actors_of(dataset: &Dataset, event: usize) -> Vec<usize> {
    dataset.events[event].actors.iter().filter_map(|w| dataset.actors.iter().position(|a| a.id == w.actor)).collect()
}

/// The promises of the group layout that `map` breaks in the area it is drawn in: overlaps,
/// members outside their regions, anything outside the area.
fn faults(dataset: &Dataset, map: &MapLayout, fit: f64) -> Vec<String> {
    let boxes: Vec<_> = map.shown.iter().map(|&a| node_box(dataset, a, fit)).collect();
    let layout = GroupLayout { nodes: map.placed.clone(), regions: map.regions.clone(), scale: map.scale, width: map.width, height: map.height };
    group_faults(&layout, &boxes, &map.part_of, &Params::default(), map.width, map.height)
}

#[test]
fn on_a_phone_every_events_map_draws_its_labels_at_full_size_without_overlap_and_its_members_inside_their_regions() {
    let dataset = built_in();
    for width in [PHONE_PRERENDER_WIDTH, 290.0, 320.0, 345.0, 375.0, 480.0] {
        for fit in [1.0, 1.3] {
            for e in 0..dataset.events.len() {
                let (actors, standing) = (actors_of(&dataset, e), standings(&dataset, Some(e)));
                let scene = event_scene(&dataset, &actors, &standing, width, fit);
                let map = &scene.layout;
                let at = format!("{width}px, fit {fit}, {}", dataset.events[e].id);
                assert_eq!(map.scale, 1.0, "{at}: labels are drawn at {} px", LABEL_FONT * map.scale);
                assert_eq!(map.width, width, "{at}: the event's map is as wide as the phone's, with nothing to scroll");
                let faults = faults(&dataset, map, fit);
                assert!(faults.is_empty(), "{at}: {faults:#?}");
                // The event's actors, and the groups that hold them, up every chain.
                for &a in &actors {
                    let mut chain = std::iter::successors(Some(a), |&g| {
                        let up = dataset.actors[g].part_of.as_deref()?;
                        dataset.actors.iter().position(|x| x.id == up)
                    });
                    assert!(chain.all(|g| map.slot(g).is_some()), "{at}: {} or a group of it is missing", dataset.actors[a].id);
                }
                for edge in &scene.edges {
                    assert!(standing[edge.relation].in_force(), "{at}: {} is drawn but not in force", dataset.relations[edge.relation].id);
                }
            }
        }
    }
}

#[test]
fn the_map_of_an_event_shows_only_its_actors_their_groups_and_the_relations_in_force_between_them() {
    let dataset = built_in();
    let e = dataset.events.iter().position(|e| e.id == "nis-3000-briefing").unwrap();
    let (actors, standing) = (actors_of(&dataset, e), standings(&dataset, Some(e)));
    let scene = event_scene(&dataset, &actors, &standing, 320.0, 1.0);
    let ids: Vec<&str> = scene.layout.shown.iter().map(|&a| dataset.actors[a].id.as_str()).collect();
    // The NIS in South Korea, the KPA in North Korea, the White House in the United States.
    assert_eq!(ids, ["north-korea", "south-korea", "united-states", "nis", "kpa", "white-house"]);
    let drawn: Vec<usize> = scene.edges.iter().map(|e| e.relation).collect();
    let expected: Vec<usize> = (0..dataset.relations.len())
        .filter(|&r| standing[r].in_force() && [&dataset.relations[r].from, &dataset.relations[r].to].iter().all(|id| ids.contains(&id.as_str())))
        .collect();
    assert!(!expected.is_empty());
    assert_eq!(drawn, expected);
}

#[test]
fn the_map_of_an_event_is_the_same_picture_at_every_phones_width_centred_so_nothing_moves_as_the_widget_goes_live() {
    let dataset = built_in();
    for e in 0..dataset.events.len() {
        let (actors, standing) = (actors_of(&dataset, e), standings(&dataset, Some(e)));
        let prerendered = event_scene(&dataset, &actors, &standing, PHONE_PRERENDER_WIDTH, 1.0);
        for width in [320.0, 375.0, 414.0] {
            let live = event_scene(&dataset, &actors, &standing, width, 1.0);
            let dx = (width - PHONE_PRERENDER_WIDTH) / 2.0;
            assert_eq!(live.layout.height, prerendered.layout.height, "{width}px, {}", dataset.events[e].id);
            for (p, q) in live.layout.placed.iter().zip(&prerendered.layout.placed) {
                assert!((p.x - q.x - dx).abs() < 1e-9 && (p.y - q.y).abs() < 1e-9, "{width}px, {}: {p:?} against {q:?}", dataset.events[e].id);
            }
        }
        // Cropped to what it draws: the first box or region starts a padding below the top.
        let map = &prerendered.layout;
        let top = map.regions.iter().map(|r| r.y).chain(map.placed.iter().zip(&map.shown).map(|(p, &a)| p.y - node_box(&dataset, a, 1.0).height / 2.0));
        assert!((top.fold(f64::INFINITY, f64::min) - Params::default().padding).abs() < 1e-9, "{}", dataset.events[e].id);
    }
    // North Korea alone, at its silence of 23 October: a map as tall as its node, and no taller.
    let silence = dataset.events.iter().position(|e| e.id == "pyongyang-silence").unwrap();
    let alone = event_scene(&dataset, &actors_of(&dataset, silence), &standings(&dataset, Some(silence)), 320.0, 1.0);
    let north_korea = dataset.actors.iter().position(|a| a.id == "north-korea").unwrap();
    assert_eq!(alone.layout.height, node_box(&dataset, north_korea, 1.0).height + 2.0 * Params::default().padding);
}

#[test]
fn the_map_of_an_event_is_the_same_on_every_load() {
    let dataset = built_in();
    let e = dataset.events.len() / 2;
    let (actors, standing) = (actors_of(&dataset, e), standings(&dataset, Some(e)));
    assert_eq!(event_scene(&dataset, &actors, &standing, 320.0, 1.0), event_scene(&dataset, &actors, &standing, 320.0, 1.0));
    assert!(event_scene(&dataset, &[], &standing, 320.0, 1.0).layout.shown.is_empty(), "an event without actors has no map of its own");
}

#[test]
fn the_whole_map_never_draws_a_label_under_11_px_and_grows_to_be_scrolled_instead() {
    let mut big = synth::story(400, 3);
    for a in (4..big.actors.len()).step_by(4) {
        big.actors[a].part_of = Some(big.actors[a - 1].id.clone());
    }
    for (name, dataset) in [("the built-in story", built_in()), ("a story of 400 actors", big)] {
        for width in [250.0, 290.0, 320.0, 375.0, 480.0, 520.0, 560.0, 605.0, 720.0, 768.0, 1280.0] {
            let map = map_layout(&dataset, width, map_height(width), 1.0);
            let at = format!("{name} at {width}px");
            assert!(map.scale >= LEAST_SCALE - 1e-12 && LABEL_FONT * map.scale >= 11.0 - 1e-9, "{at}: labels drawn at {} px", LABEL_FONT * map.scale);
            assert!(map.width >= width && map.height >= map_height(width), "{at}: the map is drawn smaller than its box");
            let faults = faults(&dataset, &map, 1.0);
            assert!(faults.is_empty(), "{at}: {faults:#?}");
        }
    }
    // The built-in story fits a desktop's map at full size, and a phone's only if it scrolls.
    let dataset = built_in();
    assert_eq!(map_layout(&dataset, 720.0, map_height(720.0), 1.0).width, 720.0);
    assert!(map_layout(&dataset, 290.0, map_height(290.0), 1.0).width > 290.0);
}

#[test]
fn a_phone_shows_the_events_map_until_the_reader_asks_for_the_whole_one() {
    let actors = [0, 3];
    assert_eq!(MapView::for_width(320.0, false, &actors), MapView::Event);
    assert_eq!(MapView::for_width(320.0, true, &actors), MapView::Whole);
    assert_eq!(MapView::for_width(PHONE_WIDTH, false, &actors), MapView::Whole, "from the phone's width up, the whole map");
    assert_eq!(MapView::for_width(320.0, false, &[]), MapView::Whole, "an event without actors shows the whole map");
    assert!(MapView::offered(320.0, &actors) && !MapView::offered(720.0, &actors) && !MapView::offered(320.0, &[]));
}

/// The rows' breaks and order do not change with the font. (A group's region arranges its members
/// for their boxes' widths, so a region of several members may still change its height.)
#[test]
fn the_map_of_an_event_breaks_its_rows_alike_in_the_prerenders_font_and_a_wider_one_so_nothing_moves_as_the_widget_goes_live() {
    let stories = [storyline_core::load(include_str!("../../../tests/data/published/ever-given-suez.json")).expect("valid").dataset];
    for dataset in &stories {
        for e in 0..dataset.events.len() {
            let (actors, standing) = (actors_of(dataset, e), standings(dataset, Some(e)));
            let prerendered = event_scene(dataset, &actors, &standing, PHONE_PRERENDER_WIDTH, 1.0).layout;
            for (width, fit) in [(320.0, 0.95), (343.0, 1.05), (375.0, 1.1), (375.0, 1.2)] {
                let live = event_scene(dataset, &actors, &standing, width, fit).layout;
                assert_eq!(live.height, prerendered.height, "{}, fit {fit} at {width} px: the map's height changes as the widget goes live", dataset.events[e].id);
            }
        }
    }
}
