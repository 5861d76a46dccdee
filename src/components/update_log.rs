//! When the story was last updated, opening its update log: every update, newest first, with
//! links to the events it added or changed. A `<details>` list, so that it opens by keyboard and
//! without script; the links lead to the prerendered list's items, and once the widget is live
//! they select the event instead.

use crate::store::{use_dispatch, Dispatch};
use std::rc::Rc;
use storyline_core::developing::{last_updated_line, latest, log, log_title, Mark};
use storyline_core::view_state::{Action, StoryIndex};
use storyline_core::Dataset;
use yew::prelude::*;

#[derive(Properties)]
pub struct UpdateLogProps {
    pub dataset: Rc<Dataset>,
    pub index: Rc<StoryIndex>,
}

/// By pointer, as the header's: the log redraws with its story, not with every move of the view.
impl PartialEq for UpdateLogProps {
    fn eq(&self, other: &Self) -> bool {
        Rc::ptr_eq(&self.dataset, &other.dataset) && Rc::ptr_eq(&self.index, &other.index)
    }
}

#[component]
pub fn UpdateLog(props: &UpdateLogProps) -> Html {
    let dispatch = use_dispatch();
    let ids = crate::ids::use_ids();
    let dataset = &props.dataset;
    let Some(last) = latest(dataset) else { return Html::default() };
    let entries = log(dataset, &props.index);
    let count = entries.len();
    let link = |e: usize, mark: Mark| {
        let event = &dataset.events[e];
        html! {
            <li key={format!("{}-{}", mark.key(), event.id)}>
                { format!("{}: ", mark.label()) }
                <a href={format!("#{}", ids.id(&format!("sl-event-{}", event.id)))} onclick={select(&dispatch, e)}>{ &event.title }</a>
            </li>
        }
    };
    html! {
        <details class="sl-updates">
            <summary>
                <time datetime={last.at.to_iso()}>{ last_updated_line(last) }</time>
                { format!(" · {}", log_title(count)) }
            </summary>
            <ol class="sl-update-list">
                for (n, entry) in entries.iter().enumerate() {
                    <li key={entry.update.at.to_iso()} class="sl-update">
                        <p class="sl-update-head">
                            <time datetime={entry.update.at.to_iso()}>{ entry.update.at.display_long() }</time>
                            <span class="sl-update-summary">{ &entry.update.summary }</span>
                        </p>
                        if let Some(note) = &entry.update.note {
                            <p class="sl-update-note">{ note }</p>
                        }
                        // The first update is the story as first published: its events are the
                        // whole timeline, not a list of links.
                        if n + 1 < count && !(entry.added.is_empty() && entry.changed.is_empty()) {
                            <ul class="sl-update-events">
                                for e in entry.added.iter() { { link(*e, Mark::New) } }
                                for e in entry.changed.iter() { { link(*e, Mark::Updated) } }
                            </ul>
                        }
                    </li>
                }
            </ol>
        </details>
    }
}

/// Once live, a link selects its event and shows it on the timeline, rather than jumping to the
/// prerendered list, which is gone.
fn select(dispatch: &Dispatch, event: usize) -> Callback<MouseEvent> {
    let dispatch = dispatch.clone();
    Callback::from(move |e: MouseEvent| {
        e.prevent_default();
        dispatch.dispatch(Action::ShowList(false));
        dispatch.dispatch(Action::Select(event));
    })
}
