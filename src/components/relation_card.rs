//! The card of the selected relation: what kind of link, between whom, since when, how sure, and who says so.

use crate::components::sources::source_list;
use crate::components::status_badge;
use crate::store::{on_click, use_dispatch, use_store};
use storyline_core::view_state::Action;
use storyline_core::RelationKind;
use yew::prelude::*;

#[component]
pub fn RelationCard() -> Html {
    let store = use_store();
    let dispatch = use_dispatch();
    let ids = crate::ids::use_ids();
    let Some(r) = store.view.relation else { return html! {} };
    let dataset = &store.dataset;
    let relation = &dataset.relations[r];
    let actor = |id: &str| store.index.actor_by_id(id);
    let name = |id: &str| actor(id).map_or(id.to_string(), |a| dataset.actors[a].name.clone());
    let open_actor = |id: &str| on_click(&dispatch, Action::SelectActor(actor(id)));
    let close = on_click(&dispatch, Action::CloseCard);
    let since = match &relation.valid_to {
        Some(to) => format!("From {} to {}", relation.valid_from.display_long(), to.display_long()),
        None => format!("Since {}", relation.valid_from.display_long()),
    };
    html! {
        <section class="sl-side-card" aria-labelledby={ids.id("sl-relation-card-title")}>
            <p class="sl-card-meta">{ since }{ status_badge(relation.status) }</p>
            <h3 id={ids.id("sl-relation-card-title")} class="sl-card-title">
                <button type="button" class="sl-link-button" onclick={open_actor(&relation.from)}>{ name(&relation.from) }</button>
                { format!(" {} ", relation.verb()) }
                <button type="button" class="sl-link-button" onclick={open_actor(&relation.to)}>{ name(&relation.to) }</button>
            </h3>
            // A custom relation's label is already its verb, in the title.
            if relation.kind != RelationKind::Custom || !relation.directed {
                <p class="sl-summary">{ if relation.directed { relation.label.clone() } else { format!("{} (both ways)", relation.label) } }</p>
            }
            if let Some(attribution) = &relation.attribution { <p class="sl-attribution">{ attribution }</p> }
            { source_list(&relation.sources) }
            <p class="sl-card-actions"><button type="button" onclick={close}>{ "Close" }</button></p>
        </section>
    }
}
