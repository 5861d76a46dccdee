//! The widget's state container: the dataset, its index and the view state, reduced by core's `reduce`.
//!
//! Shared through a `ContextProvider`; children that only act get the dispatcher.

use std::rc::Rc;
use storyline_core::view_state::{reduce, Action, StoryIndex, ViewState, Visible};
use storyline_core::Dataset;
use yew::prelude::*;

#[derive(Debug)]
pub struct Store {
    pub dataset: Rc<Dataset>,
    pub index: Rc<StoryIndex>,
    pub view: ViewState,
    /// What the filter leaves of the story: computed when the filter changes, not by each reader of it.
    pub visible: Rc<Visible>,
}

impl Store {
    pub fn new(dataset: Rc<Dataset>) -> Store {
        let index = Rc::new(StoryIndex::new(&dataset));
        let view = ViewState::initial(&index);
        let visible = Rc::new(view.visible(&dataset, &index));
        Store { dataset, index, view, visible }
    }
}

/// Two stores are equal when they share the same dataset and index (by pointer: comparing a
/// story's content on every pointer move of a pan would cost as much as the move) and their
/// view states are equal.
impl PartialEq for Store {
    fn eq(&self, other: &Store) -> bool {
        Rc::ptr_eq(&self.dataset, &other.dataset) && Rc::ptr_eq(&self.index, &other.index) && self.view == other.view
    }
}

impl Reducible for Store {
    type Action = Action;

    fn reduce(self: Rc<Self>, action: Action) -> Rc<Self> {
        let view = reduce(&self.view, action, &self.dataset, &self.index);
        if view == self.view {
            // Unchanged state keeps its Rc, so nothing re-renders.
            return self;
        }
        let visible = if view.filter == self.view.filter { self.visible.clone() } else { Rc::new(view.visible(&self.dataset, &self.index)) };
        Rc::new(Store { dataset: self.dataset.clone(), index: self.index.clone(), view, visible })
    }
}

/// What components read the state through.
pub type StoreHandle = UseReducerHandle<Store>;
/// What components that only act hold.
pub type Dispatch = UseReducerDispatcher<Store>;

/// The store from context. Every component that calls this sits under `App`'s provider.
#[hook]
pub fn use_store() -> StoreHandle {
    use_context::<StoreHandle>().expect("components are rendered inside App's store provider")
}

/// The dispatcher from context.
#[hook]
pub fn use_dispatch() -> Dispatch {
    use_context::<Dispatch>().expect("components are rendered inside App's dispatch provider")
}

/// A click handler that dispatches `action`: how every button of the widget acts.
pub fn on_click(dispatch: &Dispatch, action: Action) -> Callback<MouseEvent> {
    let dispatch = dispatch.clone();
    Callback::from(move |_: MouseEvent| dispatch.dispatch(action.clone()))
}
