//! A status in words, with a colour that only repeats what the word says.

use storyline_core::Status;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct StatusBadgeProps {
    pub status: Status,
}

#[component]
pub fn StatusBadge(props: &StatusBadgeProps) -> Html {
    html! { <span class={classes!("sl-status", props.status.key())}>{ props.status.label() }</span> }
}
