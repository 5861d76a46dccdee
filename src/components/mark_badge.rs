//! What the latest update did to an event, in a word ("New", "Updated"): text, so that it reads
//! without colour, without script and aloud.

use storyline_core::developing::Mark;
use yew::prelude::*;

pub fn mark_badge(mark: Option<Mark>) -> Html {
    match mark {
        Some(mark) => html! { <span class={classes!("sl-mark", mark.key())}>{ mark.label() }</span> },
        None => Html::default(),
    }
}
