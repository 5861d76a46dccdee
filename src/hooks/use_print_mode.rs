//! Printing: the widget switches to the list of every event while the browser prints.

use crate::dom;
use crate::store::Dispatch;
use storyline_core::view_state::Action;
use yew::prelude::*;

/// Switches to the print list between the browser's `beforeprint` and `afterprint` events.
#[hook]
pub fn use_print_mode(dispatch: Dispatch) {
    use_effect_with((), move |_| {
        let listeners = [("beforeprint", true), ("afterprint", false)].map(|(name, on)| {
            let dispatch = dispatch.clone();
            dom::listen_window(name, move || dispatch.dispatch(Action::Print(on)))
        });
        move || drop(listeners)
    });
}
