//! The offer to a reader who comes back: how many events are new or updated since their last
//! visit, and a button to the first of them. Shown only once the widget is live and has read
//! the reader's own storage; never in the prerendered page.

use crate::store::{on_click, use_dispatch, use_store};
use storyline_core::developing::since_last_visit;
use storyline_core::view_state::Action;
use yew::prelude::*;

#[component]
pub fn SinceLastVisit() -> Html {
    let store = use_store();
    let dispatch = use_dispatch();
    let news = store.view.last_visit.and_then(|seen| since_last_visit(&store.dataset, &store.index, &seen));
    let Some(news) = news else { return Html::default() };
    html! {
        <p class="sl-since">
            <span>{ news.label() }</span>
            <button type="button" class="sl-since-jump" onclick={on_click(&dispatch, Action::JumpToNew)}>{ "Go to the first" }</button>
        </p>
    }
}
