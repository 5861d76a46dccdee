//! The story's title, standfirst and dateline.

use std::rc::Rc;
use storyline_core::Dataset;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct StoryHeaderProps {
    pub dataset: Rc<Dataset>,
}

#[component]
pub fn StoryHeader(props: &StoryHeaderProps) -> Html {
    let story = &props.dataset.story;
    let ids = crate::ids::use_ids();
    html! {
        <header class="sl-header">
            <h2 id={ids.id("storyline-title")} class="sl-title">{ &story.title }</h2>
            if !story.dek.is_empty() {
                <p class="sl-dek">{ &story.dek }</p>
            }
            <p class="sl-dateline">
                <time datetime={story.published.to_iso()}>{ story.published.display_long() }</time>
                if !story.byline.is_empty() {
                    { format!(" · {}", story.byline) }
                }
            </p>
        </header>
    }
}
