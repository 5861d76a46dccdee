//! The selected event in focus on the actor map: its actors emphasised and the others receding,
//! its relations in force drawn over the rest, the change said in a few words for the live
//! region, and, on a map wider than its box, where to scroll it so that they are in view.
//! Positions never change with the event (see `map_scene`); only these decisions do.

use crate::map_names::and_list;
use crate::map_scene::{node_box, MapScene};
use crate::model::Dataset;
use crate::relations::Standing;

/// How a node or a region is drawn at the selected event.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Emphasis {
    /// No event to focus on: drawn as it is.
    Plain,
    /// Takes part in the event (a region: holds an actor that does): full colour, bold label.
    Involved,
    /// Takes no part in it: drawn back, so that the event's actors stand out.
    Receded,
}

impl Emphasis {
    /// Its CSS class, if it has one.
    pub fn class(self) -> Option<&'static str> {
        match self {
            Emphasis::Plain => None,
            Emphasis::Involved => Some("involved"),
            Emphasis::Receded => Some("receded"),
        }
    }
}

/// What the map shows of the selected event.
#[derive(Clone, Debug, PartialEq)]
pub struct MapFocus {
    /// For each drawn actor, in the order of the layout's `shown`.
    pub nodes: Vec<Emphasis>,
    /// For each region, in the order of the layout's `regions`.
    pub regions: Vec<Emphasis>,
    /// The scene's edges (indices into `MapScene::edges`) in the order they are drawn: the
    /// event's relations in force (both ends among its actors) last, so on top, each part in
    /// story order.
    pub edge_order: Vec<usize>,
    /// How many of `edge_order`'s last entries are the event's relations in force.
    pub on_top: usize,
}

/// The focus of `scene` on an event whose actors are `actors` (indices into `Dataset::actors`),
/// with each relation's `standing` at it. Without actors on the map, nothing is emphasised.
pub fn map_focus(scene: &MapScene, actors: &[usize], standing: &[Standing]) -> MapFocus {
    let map = &scene.layout;
    let mut involved = vec![false; map.shown.len()];
    for slot in actors.iter().filter_map(|&a| map.slot(a)) {
        involved[slot] = true;
    }
    let any = involved.contains(&true);
    let emphasis = |yes: bool| match (any, yes) {
        (false, _) => Emphasis::Plain,
        (true, true) => Emphasis::Involved,
        (true, false) => Emphasis::Receded,
    };
    // A region takes part when any actor drawn in it does, however deep.
    let held = |region: usize| (0..map.shown.len()).any(|s| involved[s] && std::iter::successors(Some(s), |&m| map.part_of[m]).any(|g| g == region));
    let regions = map.regions.iter().map(|r| emphasis(held(r.node))).collect();
    let of_event = |e: usize| {
        let (edge, (a, b)) = (&scene.edges[e], scene.edges[e].ends);
        standing.get(edge.relation).is_some_and(|s| s.in_force()) && involved[a] && involved[b]
    };
    let (top, rest): (Vec<usize>, Vec<usize>) = (0..scene.edges.len()).partition(|&e| of_event(e));
    MapFocus { nodes: involved.into_iter().map(emphasis).collect(), regions, on_top: top.len(), edge_order: [rest, top].concat() }
}

/// The change for the live region, in a few words: "4 actors in this event: NIS, N. Korea, KPA
/// and White House." Each actor once, in the order the event lists them; none without actors.
pub fn actors_in_words(dataset: &Dataset, actors: &[usize]) -> Option<String> {
    let mut labels: Vec<&str> = Vec::new();
    for &a in actors {
        let label = dataset.actors[a].label();
        if !labels.contains(&label) {
            labels.push(label);
        }
    }
    let n = labels.len();
    (n > 0).then(|| format!("{n} actor{} in this event: {}.", if n == 1 { "" } else { "s" }, and_list(&labels)))
}

/// Where to scroll a map wider than its box so that the event's `actors` are in view: `None`
/// when they already are (from `left`, the map's x at the box's left edge, across `width`), or
/// when none is drawn; else the new `left`, centred on them as far as the map's edges allow. A
/// reader who opens the whole map on a phone, or steps to another event, sees who is involved
/// without hunting for them sideways; one who scrolled to them keeps their place.
pub fn scroll_to_actors(dataset: &Dataset, scene: &MapScene, actors: &[usize], fit: f64, (left, width): (f64, f64)) -> Option<f64> {
    let map = &scene.layout;
    let (mut from, mut to) = (f64::INFINITY, f64::NEG_INFINITY);
    for &a in actors {
        let Some(slot) = map.slot(a) else { continue };
        let half = node_box(dataset, a, fit).width * map.scale / 2.0;
        (from, to) = (from.min(map.placed[slot].x - half), to.max(map.placed[slot].x + half));
    }
    let room = map.width - width;
    if !from.is_finite() || room <= 0.5 || (from >= left - 0.5 && to <= left + width + 0.5) {
        return None;
    }
    Some(crate::scale::within((from + to) / 2.0 - width / 2.0, 0.0, room))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::map_scene::{map_height, map_scene};
    use crate::relations::standings;

    fn built_in() -> Dataset {
        crate::load(include_str!("../../../assets/stories/north-korea-troops-russia.json")).expect("the built-in story is valid").dataset
    }

    fn actors_of(dataset: &Dataset, event: usize) -> Vec<usize> {
        dataset.events[event].actors.iter().map(|w| dataset.actors.iter().position(|a| a.id == w.actor).unwrap()).collect()
    }

    /// The built-in story, its map, and the map's focus at the event `id`.
    fn at(id: &str) -> (Dataset, MapScene, MapFocus) {
        let dataset = built_in();
        let scene = map_scene(&dataset, 720.0, 504.0, 1.0);
        let e = dataset.events.iter().position(|e| e.id == id).unwrap();
        let focus = map_focus(&scene, &actors_of(&dataset, e), &standings(&dataset, Some(e)));
        (dataset, scene, focus)
    }

    #[test]
    fn the_events_actors_are_emphasised_and_the_others_recede() {
        let (dataset, scene, focus) = at("nis-3000-briefing");
        let emphasised: Vec<&str> =
            scene.layout.shown.iter().zip(&focus.nodes).filter(|(_, &f)| f == Emphasis::Involved).map(|(&a, _)| dataset.actors[a].id.as_str()).collect();
        assert_eq!(emphasised, ["north-korea", "nis", "kpa", "white-house"]);
        assert_eq!(focus.nodes.iter().filter(|&&f| f == Emphasis::Receded).count(), dataset.actors.len() - 4);
        // South Korea holds the NIS, the United States the White House, North Korea the KPA; Russia and BRICS hold none of them.
        let region = |id: &str| {
            let at = scene.layout.regions.iter().position(|r| dataset.actors[scene.layout.shown[r.node]].id == id).unwrap();
            focus.regions[at]
        };
        assert_eq!([region("south-korea"), region("united-states"), region("north-korea")], [Emphasis::Involved; 3]);
        assert_eq!([region("russia"), region("brics"), region("ukraine")], [Emphasis::Receded; 3]);
    }

    #[test]
    fn the_events_relations_in_force_are_drawn_last_and_every_edge_once() {
        let (dataset, scene, focus) = at("pyongyang-treaty");
        let mut all = focus.edge_order.clone();
        all.sort();
        assert_eq!(all, (0..scene.edges.len()).collect::<Vec<_>>());
        let top: Vec<&str> = focus.edge_order[focus.edge_order.len() - focus.on_top..].iter().map(|&d| dataset.relations[scene.edges[d].relation].id.as_str()).collect();
        // Among Kim, Putin, North Korea and Russia at the treaty: the 2023 summit is over, the arms and support claims hold, the treaty's relations begin.
        assert_eq!(top, ["north-korea-arms-russia", "russia-tech-north-korea", "kim-putin-pyongyang", "north-korea-russia-partnership", "kim-backs-russian-war"]);
    }

    #[test]
    fn without_an_event_or_its_actors_on_the_map_nothing_is_emphasised() {
        let dataset = built_in();
        let scene = map_scene(&dataset, 720.0, 504.0, 1.0);
        let focus = map_focus(&scene, &[], &standings(&dataset, None));
        assert!(focus.nodes.iter().chain(&focus.regions).all(|&f| f == Emphasis::Plain));
        assert_eq!((focus.on_top, focus.edge_order), (0, (0..scene.edges.len()).collect::<Vec<_>>()));
    }

    #[test]
    fn a_whole_map_wider_than_a_phone_scrolls_to_the_events_actors_unless_they_are_in_view() {
        let dataset = built_in();
        // The map's box on a 320 px phone, inside the page's margins.
        let box_width = 288.0;
        let scene = map_scene(&dataset, box_width, map_height(box_width), 1.0);
        let map = &scene.layout;
        let room = map.width - box_width;
        assert!(room > 50.0, "the whole map overflows a phone: {} px", map.width);
        // Each of the invasion's actors as its node's left and right edges.
        let actors = actors_of(&dataset, dataset.events.iter().position(|e| e.id == "full-scale-invasion").unwrap());
        let wanted = actors.iter().map(|&a| {
            let (x, half) = (map.placed[map.slot(a).unwrap()].x, node_box(&dataset, a, 1.0).width * map.scale / 2.0);
            (x - half, x + half)
        });
        let wanted: Vec<(f64, f64)> = wanted.collect();
        let in_box = |left: f64| wanted.iter().all(|&(a, b)| a >= left - 0.5 && b <= left + box_width + 0.5);
        // Whichever edge of the map the reader looks at, the invasion's actors are off one of them.
        let away = if in_box(0.0) { room } else { 0.0 };
        assert!(!in_box(away), "{wanted:?} seen from both edges of a {} px map", map.width);
        let left = scroll_to_actors(&dataset, &scene, &actors, 1.0, (away, box_width)).expect("the map scrolls to them");
        assert!(in_box(left) && (0.0..=room).contains(&left), "scrolled to {left}: {wanted:?} in a {} px map", map.width);
        assert_eq!(scroll_to_actors(&dataset, &scene, &actors, 1.0, (left, box_width)), None, "in view, the map stays where it is");
        assert_eq!(scroll_to_actors(&dataset, &scene, &[], 1.0, (away, box_width)), None, "no actors: nowhere to go");
        let wide = map_scene(&dataset, 1600.0, 560.0, 1.0);
        assert_eq!(scroll_to_actors(&dataset, &wide, &actors, 1.0, (0.0, 1600.0)), None, "a map that fits never scrolls");
    }

    #[test]
    fn the_change_is_said_in_a_few_words() {
        let dataset = built_in();
        let e = dataset.events.iter().position(|e| e.id == "nis-3000-briefing").unwrap();
        assert_eq!(actors_in_words(&dataset, &actors_of(&dataset, e)).unwrap(), "4 actors in this event: NIS, N. Korea, KPA and White House.");
        let alone = dataset.events.iter().position(|e| e.id == "pyongyang-silence").unwrap();
        assert_eq!(actors_in_words(&dataset, &actors_of(&dataset, alone)).unwrap(), "1 actor in this event: N. Korea.");
        assert_eq!(actors_in_words(&dataset, &[0, 0]).unwrap(), "1 actor in this event: N. Korea.", "an actor listed twice counts once");
        assert_eq!(actors_in_words(&dataset, &[]), None);
    }
}
