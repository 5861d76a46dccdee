//! The selected event in focus on the actor map: its actors emphasised and the others receding,
//! its relations in force drawn over the rest, and the change said in a few words for the live
//! region. Positions never change with the event (see `map_scene`); only these decisions do.

use crate::map_names::and_list;
use crate::map_scene::MapScene;
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

#[cfg(test)]
mod tests {
    use super::*;
    use crate::map_scene::map_scene;
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
