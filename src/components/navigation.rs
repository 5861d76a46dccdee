//! Previous and Next with an "N of M" counter, the zoom buttons, and the switch to the "All events" list.
//!
//! A toolbar as ARIA defines one: a single Tab stop (the control used last, or the first that
//! can take focus), arrows to move along it, Home and End to its ends (core's `toolbar_focus`).
//! Its arrows are its own: they never also step the timeline.

use crate::dom;
use crate::store::{on_click, use_dispatch, use_store};
use storyline_core::keyboard::{toolbar_focus, toolbar_tab_stop};
use storyline_core::view_state::Action;
use yew::prelude::*;

/// The toolbar's controls, in order: Previous, Next, Zoom in, Zoom out, Fit all, All events.
const CONTROLS: usize = 6;

#[component]
pub fn Navigation() -> Html {
    let store = use_store();
    let dispatch = use_dispatch();
    let toolbar = use_node_ref();
    let last_focused = use_state(|| None::<usize>);
    let selected = store.view.selected;
    let counter = store.visible.counter(selected);
    let ends = store.visible.ends(selected);
    let (at_first, at_last) = (!ends.previous, !ends.next);
    let list = store.view.list_view;
    let usable: [bool; CONTROLS] = [!at_first, !at_last, !list, !list, !list, true];
    let shown: [bool; CONTROLS] = [true, true, !list, !list, !list, true];
    let stop = toolbar_tab_stop(*last_focused, &usable, &shown);
    let tabindex = |c: usize| if c == stop { "0" } else { "-1" };
    // At an end, Previous or Next says it is unavailable but keeps focus: a `disabled` button
    // drops the focus of a keyboard user who pressed it to reach the last event onto the page.
    let end = |at_end: bool| at_end.then_some("true");
    let onfocus = |c: usize| {
        let last_focused = last_focused.clone();
        Callback::from(move |_: FocusEvent| last_focused.set(Some(c)))
    };
    let rtl = store.dataset.story.is_rtl();
    let onkeydown = {
        let toolbar = toolbar.clone();
        Callback::from(move |e: KeyboardEvent| {
            if let Some(to) = toolbar_focus(&e.key(), dom::modifiers(&e), stop, &usable, rtl) {
                e.prevent_default();
                // The buttons stand in `CONTROLS`' order.
                dom::focus(&toolbar, "button", to as u32);
            }
        })
    };
    html! {
        <div ref={toolbar} class="sl-nav" role="toolbar" aria-label="Story navigation" {onkeydown}>
            <div class="sl-step">
                <button type="button" class="sl-prev" aria-disabled={end(at_first)} tabindex={tabindex(0)} onfocus={onfocus(0)} onclick={(!at_first).then(|| on_click(&dispatch, Action::Previous))}>
                    <span aria-hidden="true">{ "← " }</span>{ "Previous" }
                </button>
                // Read aloud as "Event 3 of 16"; seen as "3 of 16". Hidden text, not an aria-label:
                // ARIA gives a plain <span> no name, so a label there is not reliably read.
                <span class="sl-position"><span class="sl-sr-only">{ "Event " }</span><span class="sl-counter">{ counter }</span></span>
                <button type="button" class="sl-next" aria-disabled={end(at_last)} tabindex={tabindex(1)} onfocus={onfocus(1)} onclick={(!at_last).then(|| on_click(&dispatch, Action::Next))}>
                    { "Next" }<span aria-hidden="true">{ " →" }</span>
                </button>
            </div>
            <div class="sl-zoom" hidden={list}>
                <button type="button" aria-label="Zoom in" tabindex={tabindex(2)} onfocus={onfocus(2)} onclick={on_click(&dispatch, Action::ZoomIn)}>{ "+" }</button>
                <button type="button" aria-label="Zoom out" tabindex={tabindex(3)} onfocus={onfocus(3)} onclick={on_click(&dispatch, Action::ZoomOut)}>{ "−" }</button>
                <button type="button" tabindex={tabindex(4)} onfocus={onfocus(4)} onclick={on_click(&dispatch, Action::FitAll)}>{ "Fit all" }</button>
            </div>
            <button type="button" class="sl-list-toggle" aria-pressed={list.to_string()} tabindex={tabindex(5)} onfocus={onfocus(5)} onclick={on_click(&dispatch, Action::ShowList(!list))}>
                { "All events" }
            </button>
        </div>
    }
}
