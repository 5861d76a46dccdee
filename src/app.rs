//! The root component: it owns the store, provides it to the components, and answers keys pressed inside the widget.

use crate::by_pointer::ByPointer;
use crate::components::{
    ActorMap, EventCard, EventList, Filters, LiveRegion, Navigation, StoryHeader, Timeline, WhosWho,
};
use crate::dom;
use crate::hooks::{use_change_event, use_fragment_sync, use_last_visit, use_live, use_print_mode, use_ready_mark, Change};
use crate::ids::IdPrefix;
use crate::store::{Dispatch, Store, StoreHandle};
use std::rc::Rc;
use storyline_core::keyboard::timeline_action;
use storyline_core::map_beside::Beside;
use storyline_core::Dataset;
use yew::prelude::*;

#[derive(Properties)]
pub struct AppProps {
    pub dataset: Rc<Dataset>,
    /// The URL-fragment key of the selected event: "event" gives `#event=<id>`. Two widgets
    /// on one page need different keys.
    #[prop_or(AttrValue::Static("event"))]
    pub fragment_key: AttrValue,
}

/// The story by pointer, as everywhere in the widget (see `Store`'s equality).
impl PartialEq for AppProps {
    fn eq(&self, other: &Self) -> bool {
        Rc::ptr_eq(&self.dataset, &other.dataset) && self.fragment_key == other.fragment_key
    }
}

#[component]
pub fn App(props: &AppProps) -> Html {
    let store = {
        let dataset = props.dataset.clone();
        use_reducer_eq(move || Store::new(dataset))
    };
    let dispatch = store.dispatcher();
    let root = use_node_ref();
    use_ready_mark(root.clone());
    use_fragment_sync(store.clone(), dispatch.clone(), props.fragment_key.clone());
    use_change_event(root.clone(), Change::of(&store));
    use_last_visit(props.dataset.clone(), dispatch.clone());
    // False for the prerendered HTML and the render that hydrates it, true from then on.
    let live = use_live();
    // Whether the whole map fits beside the card on a desktop or goes under it: from the story
    // alone, so the prerender and the live widget agree; laid out once per story.
    let beside = use_memo(ByPointer(props.dataset.clone()), |d| Beside::of(d));

    let story = &store.dataset.story;
    let rtl = story.is_rtl();
    // Keys are heard on the widget's own root: only while focus is inside it, never document-wide.
    let onkeydown = {
        let dispatch = dispatch.clone();
        Callback::from(move |e: KeyboardEvent| {
            // A key already handled deeper in the widget (the map's arrows) is not handled twice.
            if e.default_prevented() {
                return;
            }
            if let Some(action) = timeline_action(&e.key(), dom::modifiers(&e), rtl) {
                e.prevent_default();
                dispatch.dispatch(action);
            }
        })
    };
    use_print_mode(dispatch.clone());
    // Printing shows the story as a list of every event, whatever the reader was looking at.
    let list = store.view.list_view || store.view.printing;
    let ids = IdPrefix::for_key(&props.fragment_key);
    html! {
        <ContextProvider<StoreHandle> context={store.clone()}>
        <ContextProvider<Dispatch> context={dispatch}>
        <ContextProvider<IdPrefix> context={ids.clone()}>
            <section ref={root} class="storyline" lang={story.language.clone()} dir={if rtl { "rtl" } else { "ltr" }}
                     aria-labelledby={ids.id("storyline-title")} {onkeydown}>
                <StoryHeader dataset={store.dataset.clone()} index={store.index.clone()} />
                <Navigation />
                <Filters />
                // The prerendered page carries the "All events" list, hidden: without script
                // (or when WebAssembly fails) the stylesheet shows it, so the story can still be
                // read. Once the widget is live, the list is only built when asked for.
                if list || !live {
                    <div class="sl-list-panel" hidden={!list}>
                        <EventList />
                    </div>
                }
                // The timeline stays mounted while the list is shown, so its observers and
                // its zoom survive the switch.
                // Landmarks carry the story's title: with two widgets on a page, a screen reader's
                // list of landmarks must not offer two regions called "Timeline".
                <div class="sl-stage" role="region" aria-label={format!("Timeline: {}", story.title)} hidden={list}>
                    <Timeline {live} />
                </div>
                <div class={classes!("sl-panels", beside.class())} hidden={list}>
                        <EventCard />
                        if !store.dataset.actors.is_empty() {
                            <section class="sl-map-panel" aria-label={format!("Who is involved: {}", story.title)}>
                                <h3 class="sl-panel-title">{ "Who is involved, as of this event" }</h3>
                                <ActorMap {live} />
                                <WhosWho />
                            </section>
                        }
                </div>
                <LiveRegion />
            </section>
        </ContextProvider<IdPrefix>>
        </ContextProvider<Dispatch>>
        </ContextProvider<StoreHandle>>
    }
}
