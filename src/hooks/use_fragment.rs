//! Deep links: the URL fragment names the selected event (`#event=<id>`), read on load and kept
//! current with `history.replaceState`, so clicking through a story never floods the history.
//!
//! The key ("event") is a prop, so that two widgets on one page can each keep their own
//! (`#a.event=x&b.event=y`): other keys in the fragment are left as they are.

use crate::store::{Dispatch, StoreHandle};
#[cfg(target_arch = "wasm32")]
use storyline_core::deep_link::{fragment_value, with_fragment_value};
use yew::prelude::*;

/// Selects the event the fragment names when the widget starts, then writes every new selection back.
#[hook]
pub fn use_fragment_sync(store: StoreHandle, dispatch: Dispatch, key: AttrValue) {
    {
        // On load, and whenever the page's fragment changes (a link in the host article such as
        // `#event=treaty`), the named event is selected.
        let key = key.clone();
        use_effect_with((), move |_| {
            #[cfg(target_arch = "wasm32")]
            {
                use wasm_bindgen::prelude::*;
                let select_from_hash = move || {
                    if let Some(id) = web_sys::window().and_then(|w| w.location().hash().ok()).and_then(|h| fragment_value(&h, &key)) {
                        dispatch.dispatch(storyline_core::view_state::Action::SelectId(id));
                    }
                };
                select_from_hash();
                let listener = Closure::<dyn FnMut()>::new(select_from_hash);
                let window = web_sys::window();
                if let Some(w) = &window {
                    let _ = w.add_event_listener_with_callback("hashchange", listener.as_ref().unchecked_ref());
                }
                move || {
                    if let Some(w) = window {
                        let _ = w.remove_event_listener_with_callback("hashchange", listener.as_ref().unchecked_ref());
                    }
                }
            }
            #[cfg(not(target_arch = "wasm32"))]
            {
                let _ = (dispatch, key);
                || ()
            }
        });
    }
    let selected = store.view.selected.map(|e| store.dataset.events[e].id.clone());
    let first = store.index.items.first().map(|i| store.dataset.events[i.event].id.clone());
    use_effect_with(selected, move |selected| {
        #[cfg(target_arch = "wasm32")]
        if let (Some(id), Some(window)) = (selected, web_sys::window()) {
            let hash = window.location().hash().unwrap_or_default();
            // Opening on the first event adds nothing to a URL that had no fragment.
            let untouched = fragment_value(&hash, &key).is_none() && Some(id) == first.as_ref();
            if !untouched && fragment_value(&hash, &key).as_deref() != Some(id.as_str()) {
                let url = with_fragment_value(&hash, &key, id);
                if let Ok(history) = window.history() {
                    let _ = history.replace_state_with_url(&wasm_bindgen::JsValue::NULL, "", Some(&url));
                }
            }
        }
        #[cfg(not(target_arch = "wasm32"))]
        let _ = (selected, key, first);
    });
}
