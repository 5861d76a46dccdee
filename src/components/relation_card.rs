//! The card of the selected relation: what kind of link, between whom, since when, how sure, and who says so.

use crate::components::StatusBadge;
use crate::store::{use_dispatch, use_store};
use storyline_core::view_state::Action;
use yew::prelude::*;

#[component]
pub fn RelationCard() -> Html {
    let store = use_store();
    let dispatch = use_dispatch();
    let Some(r) = store.view.relation else { return html! {} };
    let dataset = &store.dataset;
    let relation = &dataset.relations[r];
    let actor = |id: &str| store.index.actor_by_id(id);
    let name = |id: &str| actor(id).map_or(id.to_string(), |a| dataset.actors[a].name.clone());
    let open_actor = |id: &str| {
        let dispatch = dispatch.clone();
        let a = actor(id);
        Callback::from(move |_: MouseEvent| dispatch.dispatch(Action::SelectActor(a)))
    };
    let close = {
        let dispatch = dispatch.clone();
        Callback::from(move |_: MouseEvent| dispatch.dispatch(Action::CloseCard))
    };
    let since = match &relation.valid_to {
        Some(to) => format!("From {} to {}", relation.valid_from.display_long(), to.display_long()),
        None => format!("Since {}", relation.valid_from.display_long()),
    };
    html! {
        <section class="sl-side-card" aria-labelledby="sl-relation-card-title">
            <p class="sl-card-meta">{ since }<StatusBadge status={relation.status} /></p>
            <h3 id="sl-relation-card-title" class="sl-card-title">
                <button type="button" class="sl-link-button" onclick={open_actor(&relation.from)}>{ name(&relation.from) }</button>
                { format!(" {} ", relation.kind.verb()) }
                <button type="button" class="sl-link-button" onclick={open_actor(&relation.to)}>{ name(&relation.to) }</button>
            </h3>
            <p class="sl-summary">{ &relation.label }{ if relation.directed { "" } else { " (both ways)" } }</p>
            if let Some(attribution) = &relation.attribution { <p class="sl-attribution">{ attribution }</p> }
            if !relation.sources.is_empty() {
                <h4>{ "Sources" }</h4>
                <ul class="sl-sources">
                    for source in relation.sources.iter() {
                        <li><a href={source.url.clone()} target="_blank" rel="noopener noreferrer">{ &source.publisher }{ ": " }{ &source.title }</a></li>
                    }
                </ul>
            }
            <p class="sl-card-actions"><button type="button" onclick={close}>{ "Close" }</button></p>
        </section>
    }
}
