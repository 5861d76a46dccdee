//! Whether the widget is live: false for the prerendered HTML and for the browser's first
//! render that hydrates it, true from then on.

use yew::prelude::*;

/// Whether the widget has run its first effects: never on the server, so the first browser
/// render produces exactly the prerendered HTML that it hydrates.
#[hook]
pub fn use_live() -> bool {
    let live = use_state_eq(|| false);
    {
        let live = live.clone();
        use_effect_with((), move |_| live.set(true));
    }
    *live
}
