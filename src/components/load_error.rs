//! What a reader sees when a dataset cannot be shown: a short line for readers, and every
//! problem with its field path for the editor who will fix it. Never a blank box.

use storyline_core::Problem;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct LoadErrorProps {
    /// Where the data came from, for the editor ("story.json", "inline data").
    pub source: AttrValue,
    /// The short line for readers: what went wrong, in plain words.
    pub summary: AttrValue,
    pub problems: Vec<Problem>,
}

#[component]
pub fn LoadError(props: &LoadErrorProps) -> Html {
    html! {
        <section class="storyline sl-error" role="alert">
            <h2 class="sl-title">{ "This timeline could not be shown" }</h2>
            <p>{ &props.summary }</p>
            <details class="sl-error-details" open=true>
                <summary>{ format!("For the editor: {} problem{} in {}", props.problems.len(), if props.problems.len() == 1 { "" } else { "s" }, props.source) }</summary>
                <ul>
                    for p in props.problems.iter() {
                        <li>
                            if !p.path.is_empty() { <code>{ &p.path }</code>{ ": " } }
                            { &p.message }
                        </li>
                    }
                </ul>
            </details>
        </section>
    }
}
