//! The card of the selected event: what happened, when, how sure we are, who says so, and the
//! sources. On a touch screen, a swipe across it steps to the next or previous event.

use crate::components::sources::{source_link, source_list};
use crate::components::{mark_badge, status_badge};
use crate::hooks::use_swipe;
use crate::store::{on_click, use_dispatch, use_store};
use storyline_core::developing::{change_line, mark, status_history};
use storyline_core::view_state::Action;
use yew::prelude::*;

#[component]
pub fn EventCard() -> Html {
    let store = use_store();
    let dispatch = use_dispatch();
    let ids = crate::ids::use_ids();
    let card = use_node_ref();
    use_swipe(card.clone(), dispatch.clone(), store.visible.ends(store.view.selected), store.dataset.story.is_rtl(), true);
    let Some(index) = store.view.selected else {
        return html! { <p class="sl-card sl-empty">{ "This story has no events yet." }</p> };
    };
    let dataset = &store.dataset;
    let event = &dataset.events[index];
    let actor_name = |id: &str| dataset.actors.iter().find(|a| a.id == id).map(|a| a.name.clone()).unwrap_or_else(|| id.to_string());
    let when = match &event.end {
        Some(end) => format!("{} – {}", event.start.display_long(), end.display_long()),
        None => event.start.display_long(),
    };
    html! {
        <article ref={card} class="sl-card" aria-labelledby={ids.id("sl-card-title")}>
            <p class="sl-card-meta">
                <time datetime={event.start.to_iso()}>{ when }</time>
                if let Some(place) = &event.place { <span class="sl-place">{ &place.name }</span> }
                { status_badge(event.status) }
                { mark_badge(mark(dataset, event)) }
            </p>
            <h3 id={ids.id("sl-card-title")} class="sl-card-title">{ &event.title }</h3>
            if let Some(attribution) = &event.attribution {
                <p class="sl-attribution">{ attribution }</p>
            }
            if let Some(history) = status_history(event) {
                <p class="sl-status-history">{ format!("Status: {history}") }</p>
            }
            if let Some(change) = change_line(event) {
                <p class="sl-change">{ change }</p>
            }
            <p class="sl-summary">{ &event.summary }</p>
            for quote in event.quotes.iter() {
                <figure class="sl-quote">
                    <blockquote>{ &quote.text }</blockquote>
                    <figcaption>{ format!("— {}, via ", actor_name(&quote.speaker)) }
                        { source_link(&quote.source, quote.source.publisher.clone()) }
                    </figcaption>
                </figure>
            }
            if !event.actors.is_empty() {
                <div class="sl-involved">
                    <h4>{ "Who is involved" }</h4>
                    <ul>
                        for who in event.actors.iter() {
                            {{
                                let actor = store.index.actor_by_id(&who.actor);
                                let pressed = actor.is_some() && store.view.actor == actor;
                                let onclick = on_click(&dispatch, Action::SelectActor(if pressed { None } else { actor }));
                                html! {
                                    <li key={who.actor.clone()}>
                                        <button type="button" class="sl-chip" aria-pressed={pressed.to_string()} {onclick}>
                                            { actor_name(&who.actor) }
                                        </button>
                                        if !who.role.is_empty() { <span class="sl-role">{ &who.role }</span> }
                                    </li>
                                }
                            }}
                        }
                    </ul>
                </div>
            }
            { source_list(&event.sources) }
        </article>
    }
}
