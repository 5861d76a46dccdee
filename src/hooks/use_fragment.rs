//! Deep links: the URL fragment names the selected event (`#event=<id>`), read on load and kept
//! current with `history.replaceState`, so clicking through a story never floods the history.
//!
//! The key ("event") is a prop, so that two widgets on one page can each keep their own
//! (`#a.event=x&b.event=y`): other keys in the fragment are left as they are.

use crate::dom;
use crate::store::{Dispatch, StoreHandle};
use storyline_core::deep_link::{fragment_value, with_fragment_value};
use storyline_core::view_state::Action;
use yew::prelude::*;

/// Selects the event the fragment names when the widget starts, then writes every new selection back.
#[hook]
pub fn use_fragment_sync(store: StoreHandle, dispatch: Dispatch, key: AttrValue) {
    {
        // On load, and whenever the page's fragment changes (a link in the host article such as
        // `#event=treaty`), the named event is selected.
        let key = key.clone();
        use_effect_with((), move |_| {
            let select_from_hash = move || {
                if let Some(id) = fragment_value(&dom::hash(), &key) {
                    dispatch.dispatch(Action::SelectId(id));
                }
            };
            select_from_hash();
            let listener = dom::listen_window("hashchange", select_from_hash);
            move || drop(listener)
        });
    }
    let selected = store.view.selected.map(|e| store.dataset.events[e].id.clone());
    let first = store.index.items.first().map(|i| store.dataset.events[i.event].id.clone());
    // At mount the fragment speaks and the state listens: the selection the widget starts with
    // is not written over a deep link that the effect above is about to follow.
    let mounted = use_mut_ref(|| false);
    use_effect_with(selected, move |selected| {
        if !std::mem::replace(&mut *mounted.borrow_mut(), true) {
            return;
        }
        let Some(id) = selected else { return };
        let hash = dom::hash();
        let current = fragment_value(&hash, &key);
        // Opening on the first event adds nothing to a URL that had no fragment.
        let untouched = current.is_none() && Some(id) == first.as_ref();
        if !untouched && current.as_deref() != Some(id.as_str()) {
            dom::replace_url(&with_fragment_value(&hash, &key, id));
        }
    });
}
