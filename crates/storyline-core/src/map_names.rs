//! What a screen reader hears for the actor map's nodes, where the picture shows more than a
//! label: the group an actor is drawn in, the members a group's region holds, and whether the
//! actor takes part in the selected event. Names start with the visible label (Label in Name).

use crate::map_scene::MapLayout;
use crate::model::Dataset;

/// A list in words: "A", "A and B", "A, B and C".
pub fn and_list(items: &[&str]) -> String {
    let mut out = String::new();
    for (i, item) in items.iter().enumerate() {
        if i > 0 {
            out.push_str(if i + 1 == items.len() { " and " } else { ", " });
        }
        out.push_str(item);
    }
    out
}

/// The name of the node at `slot` of `map`: "Russia, state, part of BRICS, with Putin and
/// Kremlin, involved in this event".
pub fn node_name(dataset: &Dataset, map: &MapLayout, slot: usize, involved: bool) -> String {
    let label = |s: usize| dataset.actors[map.shown[s]].label();
    let actor = &dataset.actors[map.shown[slot]];
    let mut name = format!("{}, {}", actor.name_with_label(), actor.kind_noun());
    if let Some(group) = map.part_of[slot] {
        name.push_str(", part of ");
        name.push_str(label(group));
    }
    let members: Vec<&str> = map.members(slot).map(label).collect();
    if !members.is_empty() {
        name.push_str(", with ");
        name.push_str(&and_list(&members));
    }
    if involved {
        name.push_str(", involved in this event");
    }
    name
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::map_scene::map_layout;

    #[test]
    fn lists_are_joined_with_commas_and_a_last_and() {
        assert_eq!(and_list(&[]), "");
        assert_eq!(and_list(&["NIS"]), "NIS");
        assert_eq!(and_list(&["NIS", "KPA"]), "NIS and KPA");
        assert_eq!(and_list(&["NIS", "S. Korea", "N. Korea", "KPA"]), "NIS, S. Korea, N. Korea and KPA");
    }

    #[test]
    fn a_node_is_named_with_its_group_and_the_members_its_region_holds() {
        let dataset = crate::load(include_str!("../../../assets/stories/north-korea-troops-russia.json")).expect("valid").dataset;
        let map = map_layout(&dataset, 720.0, 504.0, 1.0);
        let slot = |id: &str| map.slot(dataset.actors.iter().position(|a| a.id == id).unwrap()).unwrap();
        assert_eq!(node_name(&dataset, &map, slot("russia"), false), "Russia, state, part of BRICS, with Putin and Kremlin");
        assert_eq!(node_name(&dataset, &map, slot("nis"), true), "NIS, National Intelligence Service (South Korea), agency, part of S. Korea, involved in this event");
        assert_eq!(node_name(&dataset, &map, slot("brics"), false), "BRICS, organisation, with Russia and China");
    }
}
