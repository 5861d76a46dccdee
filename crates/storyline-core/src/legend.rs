//! The map's legend for what the map shows now: the kinds of the actors drawn, the kinds and
//! statuses of the relations drawn in force at the selected event, in the format's order, and
//! the two styles time gives an edge (bold as it begins, faint when not yet or no longer in
//! force) only when an edge has them. A legend of every kind the story uses would explain shapes
//! and edges the reader cannot see (on a phone, the map of one event shows few of them).

use crate::map_scene::MapScene;
use crate::model::{ActorKind, Dataset, RelationKind, Status};
use crate::relations::Standing;

#[derive(Clone, Debug, Default, PartialEq)]
pub struct Legend {
    /// The kinds of the actors drawn: each has its shape.
    pub actors: Vec<ActorKind>,
    pub kinds: Vec<RelationKind>,
    pub statuses: Vec<Status>,
    /// An edge begins at this event, and is drawn bold.
    pub begins: bool,
    /// An edge is not yet or no longer in force, and is drawn faint.
    pub faded: bool,
}

/// The legend for the map `scene`, its relations standing at the selected event as `standing` says.
pub fn legend(dataset: &Dataset, scene: &MapScene, standing: &[Standing]) -> Legend {
    let drawn: Vec<usize> = scene.edges.iter().map(|e| e.relation).collect();
    let has_actor = |k: ActorKind| scene.layout.shown.iter().any(|&a| dataset.actors[a].kind == k);
    let in_force: Vec<usize> = drawn.iter().copied().filter(|&r| standing[r].in_force()).collect();
    let has_kind = |k: RelationKind| in_force.iter().any(|&r| dataset.relations[r].kind == k);
    let has_status = |s: Status| in_force.iter().any(|&r| dataset.relations[r].status == s);
    Legend {
        actors: ActorKind::ALL.into_iter().filter(|&k| has_actor(k)).collect(),
        kinds: RelationKind::ALL.into_iter().filter(|&k| has_kind(k)).collect(),
        statuses: Status::EVERY.into_iter().filter(|&s| has_status(s)).collect(),
        begins: drawn.iter().any(|&r| standing[r] == Standing::Begins),
        faded: in_force.len() < drawn.len(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::map_scene::{event_scene, map_scene};
    use crate::relations::standings;

    fn built_in() -> Dataset {
        crate::load(include_str!("../../../assets/stories/north-korea-troops-russia.json")).expect("the built-in story is valid").dataset
    }

    fn at(dataset: &Dataset, id: &str) -> Legend {
        let e = dataset.events.iter().position(|e| e.id == id).unwrap();
        legend(dataset, &map_scene(dataset, 720.0, 504.0, 1.0), &standings(dataset, Some(e)))
    }

    #[test]
    fn at_the_first_event_only_the_invasion_and_the_war_are_explained() {
        let dataset = built_in();
        let first = at(&dataset, "full-scale-invasion");
        assert_eq!(first.kinds, [RelationKind::AtWarWith, RelationKind::Invades]);
        assert_eq!(first.statuses, [Status::Confirmed]);
        assert!(first.begins && first.faded);
    }

    #[test]
    fn at_the_last_event_what_holds_is_explained_and_the_summits_over_by_then_are_not() {
        let dataset = built_in();
        let last = at(&dataset, "pyongyang-silence");
        use RelationKind::*;
        assert_eq!(last.kinds, [AlliedWith, SuppliesWeaponsTo, SendsTroopsTo, AtWarWith, Invades, Threatens, Supports, Denies]);
        assert_eq!(last.statuses, [Status::Confirmed, Status::Reported, Status::Claimed, Status::Denied]);
        assert!(last.begins, "the threats of 23 October begin that day");
        assert!(last.faded, "the two summits are drawn faint");
    }

    #[test]
    fn without_a_selected_event_every_drawn_relation_holds() {
        let dataset = built_in();
        let all = legend(&dataset, &map_scene(&dataset, 720.0, 504.0, 1.0), &standings(&dataset, None));
        assert!(!all.begins && !all.faded);
        assert!(all.kinds.iter().all(|&k| dataset.relations.iter().any(|r| r.kind == k)));
        assert_eq!(all.kinds.len(), 9, "every kind the story uses but sanctions, which it does not");
    }

    #[test]
    fn the_whole_map_explains_every_kind_of_actor_it_draws() {
        let dataset = built_in();
        let whole = at(&dataset, "full-scale-invasion");
        assert_eq!(whole.actors, ActorKind::ALL.into_iter().filter(|&k| dataset.actors.iter().any(|a| a.kind == k)).collect::<Vec<_>>());
    }

    #[test]
    fn the_map_of_one_event_explains_only_what_it_draws() {
        let dataset = built_in();
        let e = dataset.events.iter().position(|e| e.id == "full-scale-invasion").unwrap();
        let actors: Vec<usize> = dataset.events[e].actors.iter().map(|w| dataset.actors.iter().position(|a| a.id == w.actor).unwrap()).collect();
        let standing = standings(&dataset, Some(e));
        let scene = event_scene(&dataset, &actors, &standing, 320.0, 1.0);
        let shown = legend(&dataset, &scene, &standing);
        // Russia, Putin and Ukraine, with BRICS as Russia's group: Russia invades Ukraine, and they are at war.
        assert_eq!(shown.actors, [ActorKind::State, ActorKind::Leader, ActorKind::Organisation]);
        assert_eq!(shown.kinds, [RelationKind::AtWarWith, RelationKind::Invades]);
        assert_eq!(shown.statuses, [Status::Confirmed]);
        assert!(!shown.faded, "the map of one event draws only relations in force");
    }
}
