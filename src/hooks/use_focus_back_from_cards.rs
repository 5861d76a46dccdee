//! Keeps a keyboard reader in the actor map when a card closes under their focus.

use crate::dom;
use crate::store::StoreHandle;
use std::rc::Rc;
use storyline_core::map_scene::MapScene;
use yew::prelude::*;

/// When the last open card closes (Escape, its Close button) while focus was inside it, focus
/// would fall to the page's body and a keyboard reader would start again from the top. It goes
/// back to the map instead: to the node of the actor whose card it was, or to the map's tab stop.
/// `container` holds the map, `focus` the actor whose node holds the map's tab stop.
#[hook]
pub fn use_focus_back_from_cards(store: &StoreHandle, memo: &Rc<MapScene>, container: &NodeRef, focus: &UseStateHandle<Option<usize>>) {
    let open = use_mut_ref(|| (None::<usize>, None::<usize>));
    let (memo, container, focus) = (memo.clone(), container.clone(), focus.clone());
    use_effect_with((store.view.actor, store.view.relation), move |&(actor, relation)| {
        let (was_actor, was_relation) = std::mem::replace(&mut *open.borrow_mut(), (actor, relation));
        let closed = actor.is_none() && relation.is_none() && (was_actor.is_some() || was_relation.is_some());
        if closed && dom::focus_is_lost() {
            let map = &memo.layout;
            let back = was_actor.or(*focus).filter(|&a| map.slot(a).is_some()).or(map.shown.first().copied());
            if let Some(a) = back {
                focus.set(Some(a));
                if let Some(index) = map.slot(a) {
                    dom::focus(&container, ".sl-node", index as u32);
                }
            }
        }
    });
}
