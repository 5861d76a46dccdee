//! "Who's who": every actor and every relation as text, so the map never holds anything the text does not.

use crate::components::sources::source_names;
use crate::dom;
use crate::store::{on_click, use_dispatch, use_store};
use storyline_core::relations::describe;
use storyline_core::view_state::Action;
use yew::prelude::*;

#[component]
pub fn WhosWho() -> Html {
    let store = use_store();
    let dispatch = use_dispatch();
    // The list is built when the reader opens it: a story of 2,000 actors keeps its page light.
    let open = use_state(|| false);
    let dataset = &store.dataset;
    if dataset.actors.is_empty() {
        return html! {};
    }
    let ontoggle = {
        let open = open.clone();
        Callback::from(move |e: Event| open.set(dom::target_matches(&e, "details[open]")))
    };
    // Small stories render the list at once, so it is there before (and without) WebAssembly.
    let render = *open || dataset.actors.len() <= storyline_core::map_scene::MAX_SHOWN;
    html! {
        <details class="sl-whos-who" {ontoggle}>
            <summary>{ format!("Who's who ({} actors, {} relations)", dataset.actors.len(), dataset.relations.len()) }</summary>
            if render {
            <ul>
                for (a, actor) in dataset.actors.iter().enumerate() {
                    {{
                        let open = on_click(&dispatch, Action::SelectActor(Some(a)));
                        html! {
                            <li key={actor.id.clone()}>
                                <button type="button" class="sl-link-button sl-strong" onclick={open}>{ &actor.name }</button>
                                // One text node, not three: the prerendered HTML has them as one, and
                                // hydration must find what the server wrote (crates/storyline-browser/tests/e2e/embedding.rs).
                                { kind_and_description(actor, actor.part_of.as_deref().and_then(|g| store.index.actor_by_id(g)).map(|g| dataset.actors[g].name.as_str())) }
                                { source_names(&actor.sources) }
                                <ul>
                                    for (r, relation) in dataset.relations.iter().enumerate().filter(|(_, r)| r.from == actor.id) {
                                        {{
                                            let open = on_click(&dispatch, Action::SelectRelation(Some(r)));
                                            let since = relation.valid_from.display_short();
                                            html! {
                                                <li key={relation.id.clone()}>
                                                    <button type="button" class="sl-link-button" onclick={open}>
                                                        { format!("{} (since {since})", describe(dataset, relation)) }
                                                    </button>
                                                </li>
                                            }
                                        }}
                                    }
                                </ul>
                            </li>
                        }
                    }}
                }
            </ul>
            }
        </details>
    }
}

/// " (state): Nuclear-armed, …" after an actor's name; " (leader, part of Russia): …" for one that
/// belongs to another, whose region the map draws it in; without a description, " (state)".
fn kind_and_description(actor: &storyline_core::Actor, part_of: Option<&str>) -> String {
    let kind = actor.kind_noun();
    let kind = match part_of {
        Some(group) => format!("{kind}, part of {group}"),
        None => kind.to_string(),
    };
    if actor.description.is_empty() { format!(" ({kind})") } else { format!(" ({kind}): {}", actor.description) }
}
