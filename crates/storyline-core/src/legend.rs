//! The map's legend for what the map shows now: the kinds and statuses of the relations drawn in
//! force at the selected event, in the format's order, and the two styles time gives an edge
//! (bold as it begins, faint when not yet or no longer in force) only when an edge has them.
//! A legend of every kind the story uses would explain edges the reader cannot see.

use crate::model::{Dataset, RelationKind, Status};
use crate::relations::Standing;

#[derive(Clone, Debug, Default, PartialEq)]
pub struct Legend {
    pub kinds: Vec<RelationKind>,
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
        kinds: RelationKind::ALL.into_iter().filter(|&k| has_kind(k)).collect(),
        statuses: Status::EVERY.into_iter().filter(|&s| has_status(s)).collect(),
        begins: drawn.iter().any(|&r| standing[r] == Standing::Begins),
        faded: in_force.len() < drawn.len(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::map_scene::drawn_relations;
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
}
