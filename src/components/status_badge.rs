//! A status in words, with a colour that only repeats what the word says.

use storyline_core::Status;
use yew::prelude::*;

pub fn status_badge(status: Status) -> Html {
    html! { <span class={classes!("sl-status", status.key())}>{ status.label() }</span> }
}
