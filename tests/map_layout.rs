//! The actor map of the embedded story, at every width a reader may have: no two actors overlap
//! and every actor is inside the drawing.
#![cfg(not(target_arch = "wasm32"))]

use storyline::components::actor_map::{map_height, map_layout, node_box};
use storyline::story;

#[test]
fn the_embedded_story_maps_without_overlaps_at_every_width() {
    let dataset = story::embedded();
    for width in [300.0, 320.0, 480.0, 605.0, 720.0, 1100.0] {
        let height = map_height(width);
        let map = map_layout(&dataset, width, height);
        assert_eq!(map.shown.len(), dataset.actors.len(), "a story of 15 actors maps them all");
        let boxes: Vec<(f64, f64, f64, f64)> = map
            .shown
            .iter()
            .zip(&map.placed)
            .map(|(&a, p)| {
                let b = node_box(&dataset, a);
                let (w, h) = (b.width * map.scale / 2.0, b.height * map.scale / 2.0);
                (p.x - w, p.y - h, p.x + w, p.y + h)
            })
            .collect();
        for (i, a) in boxes.iter().enumerate() {
            assert!(a.0 >= -0.5 && a.1 >= -0.5 && a.2 <= width + 0.5 && a.3 <= height + 0.5, "{width}px: actor {i} at {a:?} leaves the map");
            for (j, b) in boxes.iter().enumerate().skip(i + 1) {
                let apart = a.2 <= b.0 + 0.5 || b.2 <= a.0 + 0.5 || a.3 <= b.1 + 0.5 || b.3 <= a.1 + 0.5;
                assert!(apart, "{width}px: actors {} and {} overlap", dataset.actors[map.shown[i]].id, dataset.actors[map.shown[j]].id);
            }
        }
    }
}

#[test]
fn the_map_is_the_same_on_every_load() {
    let dataset = story::embedded();
    assert_eq!(map_layout(&dataset, 720.0, 504.0), map_layout(&dataset, 720.0, 504.0));
}
