//! The map's groups for a whole story: each drawn actor in the region of the nearest drawn actor
//! it is part of, and the promises of the group layout kept for what a story draws.

use storyline_core::graph_layout::Params;
use storyline_core::map_scene::{map_height, map_layout, node_box, MAX_SHOWN};
use storyline_testkit::map_checks::group_faults;
use storyline_testkit::synth;

fn built_in() -> storyline_core::Dataset {
    storyline_core::load(include_str!("../../../assets/stories/north-korea-troops-russia.json")).expect("the built-in story is valid").dataset
}

/// The layout's promises that `width` breaks for `story`, in words.
fn faults_at(story: &storyline_core::Dataset, width: f64) -> Vec<String> {
    let height = map_height(width);
    let map = map_layout(story, width, height, 1.0);
    let boxes: Vec<_> = map.shown.iter().map(|&a| node_box(story, a, 1.0)).collect();
    let layout = storyline_core::group_layout::GroupLayout {
        nodes: map.placed.clone(),
        regions: map.regions.clone(),
        scale: map.scale,
        width: map.width,
        height: map.height,
    };
    // The area the map is drawn in: the one given, or larger where its labels need the room.
    assert!(map.width >= width && map.height >= height);
    group_faults(&layout, &boxes, &map.part_of, &Params::default(), map.width, map.height)
}

#[test]
fn the_built_in_story_draws_its_groups_inside_one_another_without_overlap_at_every_width() {
    let story = built_in();
    for width in [300.0, 320.0, 375.0, 480.0, 605.0, 720.0, 768.0, 1100.0] {
        let faults = faults_at(&story, width);
        assert!(faults.is_empty(), "{width}px: {faults:#?}");
    }
    let map = map_layout(&story, 720.0, 504.0, 1.0);
    let id = |slot: usize| story.actors[map.shown[slot]].id.as_str();
    let regions: Vec<(&str, usize)> = map.regions.iter().map(|r| (id(r.node), r.depth)).collect();
    assert_eq!(regions, [("north-korea", 0), ("ukraine", 0), ("south-korea", 0), ("united-states", 0), ("brics", 0), ("nato", 0), ("russia", 1)]);
}

#[test]
fn an_actor_whose_group_is_not_drawn_is_drawn_in_the_nearest_drawn_group_up_its_chain() {
    let mut story = synth::story(1_000, 7);
    assert!(story.actors.len() > MAX_SHOWN);
    let before = map_layout(&story, 720.0, 504.0, 1.0);
    // The least connected actor, which two more links leave undrawn.
    let degree = |a: usize| story.relations.iter().filter(|r| r.from == story.actors[a].id || r.to == story.actors[a].id).count();
    let hidden = (0..story.actors.len()).filter(|&a| before.slot(a).is_none()).min_by_key(|&a| degree(a)).expect("a story this large hides some actors");
    let (member, group) = (before.shown[0], before.shown[1]);
    story.actors[member].part_of = Some(story.actors[hidden].id.clone());
    story.actors[hidden].part_of = Some(story.actors[group].id.clone());
    let map = map_layout(&story, 720.0, 504.0, 1.0);
    assert!(map.slot(hidden).is_none(), "the middle of the chain is still not drawn");
    let (m, g) = (map.slot(member).unwrap(), map.slot(group).unwrap());
    assert_eq!(map.part_of[m], Some(g));
    assert_eq!(map.members(g).collect::<Vec<_>>(), [m]);
    assert_eq!(map.regions.iter().map(|r| r.node).collect::<Vec<_>>(), [g], "the only group drawn with a member");
}

#[test]
fn a_story_with_groups_keeps_the_layouts_promises_at_every_width() {
    let mut story = synth::story(400, 3);
    // Every fourth actor part of the one before it, and every fifth of the first.
    for a in 1..story.actors.len() {
        if a % 4 == 0 {
            story.actors[a].part_of = Some(story.actors[a - 1].id.clone());
        } else if a % 5 == 0 {
            story.actors[a].part_of = Some(story.actors[0].id.clone());
        }
    }
    for width in [320.0, 375.0, 768.0, 1100.0] {
        assert!(!map_layout(&story, width, map_height(width), 1.0).regions.is_empty());
        let faults = faults_at(&story, width);
        assert!(faults.is_empty(), "{width}px: {faults:#?}");
    }
}

#[test]
fn no_actor_of_the_built_in_story_stands_outside_a_group_or_a_relation_at_any_width() {
    let story = built_in();
    for width in [320.0, 375.0, 768.0, 1280.0] {
        let scene = storyline_core::map_scene::map_scene(&story, width, map_height(width), 1.0);
        let map = &scene.layout;
        for (l, &a) in map.shown.iter().enumerate() {
            // In a region (its own, as the group's label, or its group's), or at the end of a drawn edge.
            let in_a_region = map.part_of[l].is_some() || map.regions.iter().any(|r| r.node == l);
            let related = scene.edges.iter().any(|e| e.ends.0 == l || e.ends.1 == l);
            assert!(in_a_region || related, "{width} px: {} stands alone", story.actors[a].id);
        }
        assert_eq!(map.shown.len(), story.actors.len(), "{width} px: every actor is drawn");
    }
}
