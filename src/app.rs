//! The root component: one story, its header and its events.

use crate::components::{EventList, StoryHeader};
use std::rc::Rc;
use storyline_core::Dataset;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct AppProps {
    pub dataset: Rc<Dataset>,
}

#[component]
pub fn App(props: &AppProps) -> Html {
    let story = &props.dataset.story;
    let root = use_node_ref();
    crate::ready::use_ready_mark(root.clone());
    html! {
        <section ref={root} class="storyline" lang={story.language.clone()} aria-labelledby="storyline-title">
            <StoryHeader dataset={props.dataset.clone()} />
            <EventList dataset={props.dataset.clone()} />
        </section>
    }
}
