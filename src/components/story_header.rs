//! The story's title, standfirst and dateline; when it was last updated, and what is new to a reader who comes back.

use crate::components::{SinceLastVisit, UpdateLog};
use std::rc::Rc;
use storyline_core::view_state::StoryIndex;
use storyline_core::Dataset;
use yew::prelude::*;

#[derive(Properties)]
pub struct StoryHeaderProps {
    pub dataset: Rc<Dataset>,
    pub index: Rc<StoryIndex>,
}

/// By pointer: the header is asked at every change of the view whether its story changed, and
/// comparing a story of 10,000 events by content would cost more than drawing the header.
impl PartialEq for StoryHeaderProps {
    fn eq(&self, other: &Self) -> bool {
        Rc::ptr_eq(&self.dataset, &other.dataset) && Rc::ptr_eq(&self.index, &other.index)
    }
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
            // A story whose date nobody gave (an imported TimelineJS file) shows none rather than a made-up one.
            if story.published.is_some() || !story.byline.is_empty() {
                <p class="sl-dateline">
                    if let Some(published) = &story.published {
                        <time datetime={published.to_iso()}>{ published.display_long() }</time>
                        if !story.byline.is_empty() {
                            { format!(" · {}", story.byline) }
                        }
                    } else {
                        { &story.byline }
                    }
                </p>
            }
            // The offer reads the store itself: the header redraws only with its story.
            <UpdateLog dataset={props.dataset.clone()} index={props.index.clone()} />
            <SinceLastVisit />
        </header>
    }
}
