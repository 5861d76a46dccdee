//! Links to sources, drawn one way everywhere: they open in a new tab and tell the new page
//! nothing of the host (`rel="noopener noreferrer"`). URLs are http(s) only (validation).

use storyline_core::Source;
use yew::prelude::*;

/// A link to `source` showing `text`.
pub fn source_link(source: &Source, text: String) -> Html {
    html! { <a href={source.url.clone()} target="_blank" rel="noopener noreferrer">{ text }</a> }
}

/// The "Sources" list of a card: publisher, title and, when known, the date.
pub fn source_list(sources: &[Source]) -> Html {
    if sources.is_empty() {
        return html! {};
    }
    html! {
        <div class="sl-sources">
            <h4>{ "Sources" }</h4>
            <ul>
                for source in sources.iter() {
                    <li>
                        { source_link(source, format!("{}: {}", source.publisher, source.title)) }
                        if let Some(date) = &source.date { { ", " }<time datetime={date.to_iso()}>{ date.display_short() }</time> }
                    </li>
                }
            </ul>
        </div>
    }
}

/// The sources of a line of text, each linked by its publisher's name ("Sources: AFP, Reuters"),
/// where a card's list would take too much room.
pub fn source_names(sources: &[Source]) -> Html {
    if sources.is_empty() {
        return html! {};
    }
    html! {
        <span class="sl-source-names">
            { if sources.len() == 1 { "Source: " } else { "Sources: " } }
            for (j, source) in sources.iter().enumerate() {
                if j > 0 { { ", " } }
                { source_link(source, source.publisher.clone()) }
            }
        </span>
    }
}
