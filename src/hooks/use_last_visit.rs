//! What a returning reader saw last: read from, then written to, the reader's own browser, once
//! the widget is live. Nothing leaves the browser; without storage there is simply nothing to tell.

use crate::dom;
use crate::store::Dispatch;
use std::rc::Rc;
use storyline_core::developing::{seen_marker, storage_key};
use storyline_core::view_state::Action;
use storyline_core::Dataset;
use yew::prelude::*;

/// Tells the store the latest update this reader saw on an earlier visit, and keeps the latest
/// one now shown, so that the next visit offers only what comes after it.
#[hook]
pub fn use_last_visit(dataset: Rc<Dataset>, dispatch: Dispatch) {
    use_effect_with((), move |_| {
        let Some(marker) = seen_marker(&dataset) else { return };
        let key = storage_key(&dataset.story);
        let seen = dom::stored(&key);
        if seen.as_deref() != Some(marker.as_str()) {
            dom::store(&key, &marker);
        }
        if let Some(seen) = seen {
            dispatch.dispatch(Action::LastVisit(seen));
        }
    });
}
