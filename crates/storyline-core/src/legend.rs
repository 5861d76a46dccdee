//! The map's legend for what the map shows now: the kinds of the actors drawn, the kinds and
//! statuses of the relations drawn in force at the selected event, in the format's order, and
//! the two styles time gives an edge (bold as it begins, faint when not yet or no longer in
//! force) only when an edge has them. A legend of every kind the story uses would explain shapes
//! and edges the reader cannot see (on a phone, the map of one event shows few of them). A custom
//! relation is explained by its own verb, and an actor of kind `other` by its own word ("ship").

use crate::map_scene::MapScene;
use crate::model::{ActorKind, Dataset, RelationKind, Status};
use crate::relations::Standing;

#[derive(Clone, Debug, Default, PartialEq)]
pub struct Legend {
    /// The shapes of the actors drawn, each once under its word: a kind's label, or each word
    /// the kind `other` is given, in the format's order of kinds, then the story's.
    pub actors: Vec<(ActorKind, String)>,
    /// The format's kinds; custom relations are in `verbs`.
    pub kinds: Vec<RelationKind>,
    /// The verbs of the custom relations in force, each once, in the story's order.
    pub verbs: Vec<String>,
    pub statuses: Vec<Status>,
    /// An edge begins at this event, and is drawn bold.
    pub begins: bool,
    /// An edge is not yet or no longer in force, and is drawn faint.
    pub faded: bool,
}

/// The legend for the map `scene`, its relations standing at the selected event as `standing` says.
pub fn legend(dataset: &Dataset, scene: &MapScene, standing: &[Standing]) -> Legend {
    let drawn: Vec<usize> = scene.edges.iter().map(|e| e.relation).collect();
    let in_force: Vec<usize> = drawn.iter().copied().filter(|&r| standing[r].in_force()).collect();
    let has_kind = |k: RelationKind| in_force.iter().any(|&r| dataset.relations[r].kind == k);
    let has_status = |s: Status| in_force.iter().any(|&r| dataset.relations[r].status == s);
    let shown = crate::order::sorted_unique(scene.layout.shown.clone());
    let mut actors: Vec<(ActorKind, String)> = Vec::new();
    for kind in ActorKind::ALL {
        for actor in shown.iter().map(|&a| &dataset.actors[a]).filter(|a| a.kind == kind) {
            if !actors.iter().any(|(k, word)| *k == kind && word == actor.kind_word()) {
                actors.push((kind, actor.kind_word().to_string()));
            }
        }
    }
    let mut verbs: Vec<String> = Vec::new();
    for relation in in_force.iter().map(|&r| &dataset.relations[r]).filter(|r| r.kind == RelationKind::Custom) {
        if !verbs.iter().any(|v| v == relation.verb()) {
            verbs.push(relation.verb().to_string());
        }
    }
    Legend {
        actors,
        kinds: RelationKind::ALL.into_iter().filter(|&k| k != RelationKind::Custom && has_kind(k)).collect(),
        verbs,
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
        let kinds: Vec<ActorKind> = whole.actors.iter().map(|(k, _)| *k).collect();
        assert_eq!(kinds, ActorKind::ALL.into_iter().filter(|&k| dataset.actors.iter().any(|a| a.kind == k)).collect::<Vec<_>>());
        assert!(whole.actors.iter().all(|(k, word)| word == k.label()), "a story without the kind `other` names each shape by its kind");
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
        assert_eq!(shown.actors.iter().map(|(k, _)| *k).collect::<Vec<_>>(), [ActorKind::State, ActorKind::Leader, ActorKind::Organisation]);
        assert_eq!(shown.kinds, [RelationKind::AtWarWith, RelationKind::Invades]);
        assert_eq!(shown.statuses, [Status::Confirmed]);
        assert!(!shown.faded, "the map of one event draws only relations in force");
    }

    fn shipping() -> Dataset {
        crate::load(include_str!("../../../tests/data/valid/other-beat-shipping.json")).expect("the shipping story is valid").dataset
    }

    fn whole(dataset: &Dataset, selected: Option<usize>) -> Legend {
        legend(dataset, &map_scene(dataset, 720.0, 504.0, 1.0), &standings(dataset, selected))
    }

    #[test]
    fn a_custom_relation_is_explained_by_its_own_verb_once() {
        let mut dataset = shipping();
        let all = whole(&dataset, None);
        assert!(all.kinds.is_empty(), "no kind of the format is used: {:?}", all.kinds);
        assert_eq!(all.verbs, ["owns", "insures", "contracts salvage from", "claims compensation from"]);
        dataset.relations[1].label = "owns".into();
        assert_eq!(whole(&dataset, None).verbs, ["owns", "contracts salvage from", "claims compensation from"]);
    }

    #[test]
    fn at_an_event_only_the_custom_verbs_in_force_are_explained() {
        let dataset = shipping();
        let grounding = dataset.events.iter().position(|e| e.id == "grounding").unwrap();
        assert_eq!(whole(&dataset, Some(grounding)).verbs, ["owns", "insures"], "the salvage and the claim come later");
    }

    #[test]
    fn companies_and_other_actors_are_explained_under_their_words() {
        let shapes: Vec<(ActorKind, String)> = whole(&shipping(), None).actors.into_iter().filter(|(k, _)| matches!(k, ActorKind::Company | ActorKind::Other)).collect();
        assert_eq!(shapes, [(ActorKind::Company, "Company".into()), (ActorKind::Other, "ship".into())]);
    }
}
