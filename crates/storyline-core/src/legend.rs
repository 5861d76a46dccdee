//! The map's legend for what the map shows now: the kinds and statuses of the relations drawn in
//! force at the selected event, in the format's order, and the two styles time gives an edge
//! (bold as it begins, faint when not yet or no longer in force) only when an edge has them.
//! A legend of every kind the story uses would explain edges the reader cannot see. A custom
//! relation is explained by its own verb. Of the actors' shapes, those of a company and of an
//! actor of kind `other` (under its own word, "ship") are explained: the other kinds' shapes are
//! the map's since it was made for conflicts, and the cards and Who's who name every kind.

use crate::model::{ActorKind, Dataset, RelationKind, Status};
use crate::relations::Standing;

#[derive(Clone, Debug, Default, PartialEq)]
pub struct Legend {
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

/// The legend for the relations `drawn` on the map (indices into `Dataset::relations`), each
/// standing at the selected event as `standing` says.
pub fn legend(dataset: &Dataset, drawn: &[usize], standing: &[Standing]) -> Legend {
    let in_force: Vec<usize> = drawn.iter().copied().filter(|&r| standing[r].in_force()).collect();
    let has_kind = |k: RelationKind| in_force.iter().any(|&r| dataset.relations[r].kind == k);
    let has_status = |s: Status| in_force.iter().any(|&r| dataset.relations[r].status == s);
    Legend {
        kinds: RelationKind::ALL.into_iter().filter(|&k| k != RelationKind::Custom && has_kind(k)).collect(),
        verbs: in_force.iter().map(|&r| &dataset.relations[r]).filter(|r| r.kind == RelationKind::Custom).fold(Vec::new(), |mut verbs, r| {
            if !verbs.iter().any(|v| v == r.verb()) {
                verbs.push(r.verb().to_string());
            }
            verbs
        }),
        statuses: Status::EVERY.into_iter().filter(|&s| has_status(s)).collect(),
        begins: drawn.iter().any(|&r| standing[r] == Standing::Begins),
        faded: in_force.len() < drawn.len(),
    }
}

/// The shapes the legend explains among the actors `shown` on the map: a company's, and the
/// cross of each word the kind `other` is given, each once, companies first, then in the story's order.
pub fn actor_shapes(dataset: &Dataset, shown: &[usize]) -> Vec<(ActorKind, String)> {
    let mut shapes: Vec<(ActorKind, String)> = Vec::new();
    for kind in [ActorKind::Company, ActorKind::Other] {
        for actor in shown.iter().map(|&a| &dataset.actors[a]).filter(|a| a.kind == kind) {
            if !shapes.iter().any(|(k, word)| *k == kind && word == actor.kind_word()) {
                shapes.push((kind, actor.kind_word().to_string()));
            }
        }
    }
    shapes
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::map_scene::{drawn_actors, drawn_relations};
    use crate::relations::standings;

    fn built_in() -> Dataset {
        crate::load(include_str!("../../../assets/stories/north-korea-troops-russia.json")).expect("the built-in story is valid").dataset
    }

    fn at(dataset: &Dataset, id: &str) -> Legend {
        let e = dataset.events.iter().position(|e| e.id == id).unwrap();
        legend(dataset, &drawn_relations(dataset), &standings(dataset, Some(e)))
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
        let all = legend(&dataset, &drawn_relations(&dataset), &standings(&dataset, None));
        assert!(!all.begins && !all.faded);
        assert!(all.kinds.iter().all(|&k| dataset.relations.iter().any(|r| r.kind == k)));
        assert_eq!(all.kinds.len(), 9, "every kind the story uses but sanctions, which it does not");
    }

    fn shipping() -> Dataset {
        crate::load(include_str!("../../../tests/data/valid/other-beat-shipping.json")).expect("the shipping story is valid").dataset
    }

    #[test]
    fn a_custom_relation_is_explained_by_its_own_verb_once() {
        let mut dataset = shipping();
        let all = legend(&dataset, &drawn_relations(&dataset), &standings(&dataset, None));
        assert!(all.kinds.is_empty(), "no kind of the format is used: {:?}", all.kinds);
        assert_eq!(all.verbs, ["owns", "insures", "contracts salvage from", "claims compensation from"]);
        dataset.relations[1].label = "owns".into();
        let all = legend(&dataset, &drawn_relations(&dataset), &standings(&dataset, None));
        assert_eq!(all.verbs, ["owns", "contracts salvage from", "claims compensation from"]);
    }

    #[test]
    fn at_an_event_only_the_custom_verbs_in_force_are_explained() {
        let dataset = shipping();
        let grounding = dataset.events.iter().position(|e| e.id == "grounding").unwrap();
        let at_grounding = legend(&dataset, &drawn_relations(&dataset), &standings(&dataset, Some(grounding)));
        assert_eq!(at_grounding.verbs, ["owns", "insures"], "the salvage and the claim come later");
    }

    #[test]
    fn the_shapes_of_companies_and_of_other_actors_are_explained_under_their_words() {
        let dataset = shipping();
        assert_eq!(actor_shapes(&dataset, &drawn_actors(&dataset)), [(ActorKind::Company, "Company".into()), (ActorKind::Other, "ship".into())]);
        let built_in = built_in();
        assert!(actor_shapes(&built_in, &drawn_actors(&built_in)).is_empty(), "a story of states and leaders explains no shape");
    }
}
