//! What a reader sees when a story cannot be shown: one calm line. The editor who will fix it
//! finds every problem with its field path in the console, and here too when the page is
//! opened with `#storyline-debug`. Never a blank box.

use storyline_core::Problem;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct LoadErrorProps {
    /// Where the data came from, for the editor ("story.json", "inline data").
    pub source: AttrValue,
    /// The one line for readers: what went wrong, in plain words.
    pub summary: AttrValue,
    pub problems: Vec<Problem>,
    /// Whether the editor's list is shown (the page was opened with `#storyline-debug`).
    #[prop_or_default]
    pub debug: bool,
}

#[component]
pub fn LoadError(props: &LoadErrorProps) -> Html {
    let count = props.problems.len();
    html! {
        <section class="storyline sl-error" role="alert">
            <p class="sl-error-line">{ &props.summary }</p>
            if props.debug {
                <details class="sl-error-details" open=true>
                    <summary>{ format!("For the editor: {count} problem{} in {}", if count == 1 { "" } else { "s" }, props.source) }</summary>
                    <ul>
                        for p in props.problems.iter() {
                            <li>
                                if !p.path.is_empty() { <code>{ &p.path }</code>{ ": " } }
                                { &p.message }
                            </li>
                        }
                    </ul>
                </details>
            }
        </section>
    }
}
