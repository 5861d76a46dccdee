//! The view state and its reducer: every reader intent is an [`Action`], and `reduce` gives the next state.
//!
//! Components never change state themselves; they dispatch actions. This keeps every
//! behaviour (what Next does at the last event, what a filter does to the selection)
//! in one pure function, tested here without a browser.

use crate::date::PartialDate;
use crate::developing::{read_marker, since_last_visit};
use crate::model::{Dataset, Status};
use crate::scale::{max_span_for, min_span_at, within, MIN_SPAN};
use crate::timeline_layout::{items, Item};
use std::collections::HashMap;

mod choice;
pub use choice::Choice;

/// Lookups over one dataset, computed once when it loads.
#[derive(Clone, Debug, PartialEq)]
pub struct StoryIndex {
    /// Every event, in chronological order.
    pub items: Vec<Item>,
    /// For each event index, its position in `items`.
    position: Vec<usize>,
    event_ids: HashMap<String, usize>,
    actor_ids: HashMap<String, usize>,
    /// For each event, the indices of the actors involved in it.
    pub event_actors: Vec<Vec<usize>>,
    /// The first start and the last end over all events.
    pub extent: (f64, f64),
}

/// What the reader's filter leaves of the story: computed once per change of the filter, and
/// read by every part of the widget that counts, lists or draws the events.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Visible {
    /// Event indices, in chronological order.
    pub events: Vec<usize>,
    /// Their timeline items, in the same order, when a filter hides some; without one, the
    /// story's own (`StoryIndex::items`) serve, and 10,000 items are not copied.
    filtered: Option<Vec<Item>>,
}

impl Visible {
    /// The visible events' timeline items, in chronological order.
    pub fn items<'a>(&'a self, index: &'a StoryIndex) -> &'a [Item] {
        self.filtered.as_deref().unwrap_or(&index.items)
    }

    /// Where `selected` stands among the visible events.
    pub fn position(&self, selected: Option<usize>) -> Option<usize> {
        selected.and_then(|s| self.events.iter().position(|&e| e == s))
    }

    /// The counter readers see: "3 of 16", or "– of 16" when the selected event is filtered out.
    pub fn counter(&self, selected: Option<usize>) -> String {
        match self.position(selected) {
            Some(p) => format!("{} of {}", p + 1, self.events.len()),
            None => format!("– of {}", self.events.len()),
        }
    }

    /// Which steps Previous and Next (or a swipe) can take from `selected`: none before the
    /// first visible event, none after the last, and none when the selection is filtered out.
    pub fn ends(&self, selected: Option<usize>) -> Ends {
        let p = self.position(selected);
        Ends { previous: p.is_some_and(|p| p > 0), next: p.is_some_and(|p| p + 1 < self.events.len()) }
    }
}

impl StoryIndex {
    pub fn new(dataset: &Dataset) -> StoryIndex {
        let items = items(dataset);
        let mut position = vec![0; items.len()];
        for (p, item) in items.iter().enumerate() {
            position[item.event] = p;
        }
        let actor_ids: HashMap<String, usize> = dataset.actors.iter().enumerate().map(|(i, a)| (a.id.clone(), i)).collect();
        let event_actors = dataset
            .events
            .iter()
            .map(|e| e.actors.iter().filter_map(|who| actor_ids.get(&who.actor).copied()).collect())
            .collect();
        let extent = match (items.first(), items.iter().map(Item::last).reduce(f64::max)) {
            (Some(first), Some(last)) => (first.start, last),
            _ => (0.0, MIN_SPAN),
        };
        StoryIndex {
            position,
            event_ids: dataset.events.iter().enumerate().map(|(i, e)| (e.id.clone(), i)).collect(),
            actor_ids,
            event_actors,
            extent,
            items,
        }
    }

    pub fn event_by_id(&self, id: &str) -> Option<usize> {
        self.event_ids.get(id).copied()
    }

    pub fn actor_by_id(&self, id: &str) -> Option<usize> {
        self.actor_ids.get(id).copied()
    }

    /// The event's position in chronological order.
    pub fn position(&self, event: usize) -> usize {
        self.position[event]
    }
}

/// Which steps the reader can take from the selected event.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Ends {
    pub previous: bool,
    pub next: bool,
}

/// Which events the reader asked to see. An empty set means "all".
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Filter {
    pub actors: Choice<usize>,
    pub statuses: Choice<Status>,
    pub tags: Choice<String>,
}

impl Filter {
    pub fn is_empty(&self) -> bool {
        self.actors.is_empty() && self.statuses.is_empty() && self.tags.is_empty()
    }

    pub fn matches(&self, dataset: &Dataset, index: &StoryIndex, event: usize) -> bool {
        let e = &dataset.events[event];
        (self.actors.is_empty() || index.event_actors[event].iter().any(|a| self.actors.contains(a)))
            && (self.statuses.is_empty() || self.statuses.contains(&e.status))
            && (self.tags.is_empty() || e.tags.iter().any(|t| self.tags.contains(t)))
    }
}

/// What the reader sees: the selected event, the time window, the filters, the open panels,
/// and how wide the widget's font draws its labels.
#[derive(Clone, Debug, PartialEq)]
pub struct ViewState {
    /// The selected event (an index into `Dataset::events`); `None` only for a story without events.
    pub selected: Option<usize>,
    /// The visible time span, in seconds since the epoch. Width-independent: components scale it.
    pub window: (f64, f64),
    pub filter: Filter,
    /// The "All events" list instead of the timeline.
    pub list_view: bool,
    /// The page is being printed: the whole story is shown as a list, every event of it.
    pub printing: bool,
    /// The actor whose card is open.
    pub actor: Option<usize>,
    /// The relation whose card is open.
    pub relation: Option<usize>,
    /// On a phone, the reader asked for the whole map rather than the selected event's actors
    /// (`map_scene::MapView`); from a phone's width up the whole map shows anyway.
    pub whole_map: bool,
    /// How much wider than core's estimates the widget's font draws ([`crate::font_fit`]); 1
    /// until the browser measures it, and always on the server, so that the prerendered HTML and
    /// the render that hydrates it agree.
    pub font_fit: f64,
    /// The latest update this reader had seen on an earlier visit, as their browser kept it;
    /// None on a first visit, without storage, and always on the server.
    pub last_visit: Option<PartialDate>,
}

/// Everything a reader can do.
#[derive(Clone, Debug, PartialEq)]
pub enum Action {
    Next,
    Previous,
    First,
    Last,
    /// Select an event by index (a marker or list item was chosen).
    Select(usize),
    /// Select an event by id (a deep link); unknown ids change nothing.
    SelectId(String),
    ZoomIn,
    ZoomOut,
    /// Zoom by `factor` (> 1 in) about `anchor`, a fraction of the width (Ctrl + wheel, pinch).
    ZoomAt { factor: f64, anchor: f64 },
    /// Move the window by a fraction of its width (drag, swipe); positive shows later times.
    Pan(f64),
    /// Show exactly this span (a cluster was chosen).
    ZoomTo(f64, f64),
    FitAll,
    ToggleStatus(Status),
    ToggleTag(String),
    ToggleActorFilter(usize),
    ClearFilters,
    ShowList(bool),
    /// The browser starts (`true`) or ends (`false`) printing the page.
    Print(bool),
    /// Open (or close, with `None`) an actor's card.
    SelectActor(Option<usize>),
    /// Open (or close, with `None`) a relation's card.
    SelectRelation(Option<usize>),
    /// Close whatever card is open (Escape).
    CloseCard,
    /// On a phone, show the whole map (`true`) or the selected event's actors (`false`).
    ShowWholeMap(bool),
    /// The widget's font draws [`crate::font_fit::REFERENCE`] this many pixels wide.
    FontMeasured(f64),
    /// The reader's browser kept this marker of the latest update they saw ([`crate::developing::seen_marker`]).
    LastVisit(String),
    /// Go to the first event added or changed since the reader's last visit.
    JumpToNew,
}

/// A share of the window kept clear at each side when fitting, so edge markers are not cut.
const FIT_MARGIN: f64 = 0.06;
/// How close to an edge a selected event may sit before the window moves to it; less than
/// `FIT_MARGIN`, so that selecting the first or last event of a fitted view does not move it.
const KEEP_IN_VIEW: f64 = 0.04;

/// The window no narrower than the numbers there can draw and no wider than the story needs.
fn clamp_window(t0: f64, t1: f64, index: &StoryIndex) -> (f64, f64) {
    let mid = (t0 + t1) / 2.0;
    let half = within(t1 - t0, min_span_at(mid), max_span_for(index.extent)) / 2.0;
    (mid - half, mid + half)
}

fn fit_all(index: &StoryIndex) -> (f64, f64) {
    let (a, b) = index.extent;
    let span = (b - a).max(min_span_at(a).max(min_span_at(b)));
    clamp_window(a - span * FIT_MARGIN, b + span * FIT_MARGIN, index)
}

/// The window moved, if needed, so that `event` is comfortably inside it.
fn keep_in_view(window: (f64, f64), index: &StoryIndex, event: usize) -> (f64, f64) {
    let t = index.items[index.position(event)].start;
    let span = window.1 - window.0;
    let margin = span * KEEP_IN_VIEW;
    if t >= window.0 + margin && t <= window.1 - margin {
        window
    } else {
        (t - span / 2.0, t + span / 2.0)
    }
}

impl ViewState {
    /// The first view of a story: its first event selected, all of it in view.
    pub fn initial(index: &StoryIndex) -> ViewState {
        ViewState {
            selected: index.items.first().map(|i| i.event),
            window: fit_all(index),
            filter: Filter::default(),
            list_view: false,
            printing: false,
            actor: None,
            relation: None,
            whole_map: false,
            font_fit: 1.0,
            last_visit: None,
        }
    }

    /// The events that pass the filter, in chronological order, with the story's items for them.
    pub fn visible(&self, dataset: &Dataset, index: &StoryIndex) -> Visible {
        if self.filter.is_empty() {
            return Visible { events: index.items.iter().map(|i| i.event).collect(), filtered: None };
        }
        let items: Vec<Item> = index.items.iter().filter(|i| self.filter.matches(dataset, index, i.event)).cloned().collect();
        Visible { events: items.iter().map(|i| i.event).collect(), filtered: Some(items) }
    }

    /// The events that pass the filter, in chronological order.
    pub fn visible_events(&self, dataset: &Dataset, index: &StoryIndex) -> Vec<usize> {
        index.items.iter().map(|i| i.event).filter(|&e| self.filter.matches(dataset, index, e)).collect()
    }

    fn select(mut self, event: usize, index: &StoryIndex) -> ViewState {
        self.selected = Some(event);
        self.window = keep_in_view(self.window, index, event);
        self
    }

    /// After a filter change, a selection that is now hidden moves to the nearest visible event after it.
    fn refilter(self, dataset: &Dataset, index: &StoryIndex) -> ViewState {
        let visible = self.visible_events(dataset, index);
        match self.selected {
            Some(sel) if !visible.contains(&sel) => {
                let at = index.position(sel);
                let next = visible.iter().copied().find(|&e| index.position(e) > at).or_else(|| visible.last().copied());
                match next {
                    Some(e) => self.select(e, index),
                    None => self,
                }
            }
            _ => self,
        }
    }
}

/// The next view state after `action`.
pub fn reduce(state: &ViewState, action: Action, dataset: &Dataset, index: &StoryIndex) -> ViewState {
    let mut next = state.clone();
    let (t0, t1) = state.window;
    let span = t1 - t0;
    match action {
        Action::Next | Action::Previous | Action::First | Action::Last => {
            let visible = state.visible_events(dataset, index);
            let here = state.selected.and_then(|s| visible.iter().position(|&e| e == s));
            let target = match (action, here) {
                (Action::First, _) | (Action::Next | Action::Previous, None) => visible.first(),
                (Action::Last, _) => visible.last(),
                (Action::Next, Some(p)) => visible.get(p + 1).or(visible.get(p)),
                (Action::Previous, Some(p)) => visible.get(p.saturating_sub(1)),
                _ => None,
            };
            if let Some(&e) = target {
                next = next.select(e, index);
            }
        }
        Action::Select(e) if e < dataset.events.len() => next = next.select(e, index),
        Action::Select(_) => {}
        Action::SelectId(id) => {
            if let Some(e) = index.event_by_id(&id) {
                next.filter = Filter::default();
                next = next.select(e, index);
            }
        }
        Action::ZoomIn | Action::ZoomOut => {
            let factor = if action == Action::ZoomIn { 2.0 } else { 0.5 };
            // Zoom about the selected event when it is in view, so it stays put; else about the centre.
            let sel_t = state.selected.map(|e| index.items[index.position(e)].start).filter(|t| *t >= t0 && *t <= t1);
            let anchor = sel_t.map_or(0.5, |t| (t - t0) / span);
            next.window = zoom(state.window, factor, anchor, index);
        }
        Action::ZoomAt { factor, anchor } => next.window = zoom(state.window, factor, anchor, index),
        Action::Pan(fraction) if fraction.is_finite() => next.window = (t0 + fraction * span, t1 + fraction * span),
        Action::Pan(_) => {}
        Action::ZoomTo(a, b) if a.is_finite() && b.is_finite() && b >= a => {
            let pad = (b - a).max(min_span_at(a)) * FIT_MARGIN;
            next.window = clamp_window(a - pad, b + pad, index);
        }
        Action::ZoomTo(..) => {}
        Action::FitAll => next.window = fit_all(index),
        Action::ToggleStatus(s) => {
            next.filter.statuses.toggle(s);
            next = next.refilter(dataset, index);
        }
        Action::ToggleTag(t) => {
            next.filter.tags.toggle(t);
            next = next.refilter(dataset, index);
        }
        Action::ToggleActorFilter(a) if a < dataset.actors.len() => {
            next.filter.actors.toggle(a);
            next = next.refilter(dataset, index);
        }
        Action::ToggleActorFilter(_) => {}
        Action::ClearFilters => next.filter = Filter::default(),
        Action::ShowList(on) => next.list_view = on,
        Action::Print(on) => next.printing = on,
        Action::SelectActor(a) => {
            next.actor = a.filter(|&a| a < dataset.actors.len());
            next.relation = None;
        }
        Action::SelectRelation(r) => {
            next.relation = r.filter(|&r| r < dataset.relations.len());
            next.actor = None;
        }
        Action::CloseCard => {
            next.actor = None;
            next.relation = None;
        }
        Action::ShowWholeMap(on) => next.whole_map = on,
        Action::FontMeasured(px) => next.font_fit = crate::font_fit::fit(px),
        Action::LastVisit(marker) => next.last_visit = read_marker(&marker),
        Action::JumpToNew => {
            let news = state.last_visit.and_then(|seen| since_last_visit(dataset, index, &seen));
            if let Some(e) = news.and_then(|n| n.first()) {
                next.filter = Filter::default();
                next.list_view = false;
                next = next.select(e, index);
            }
        }
    }
    next
}

fn zoom(window: (f64, f64), factor: f64, anchor: f64, index: &StoryIndex) -> (f64, f64) {
    if !factor.is_finite() || factor <= 0.0 || !anchor.is_finite() {
        return window;
    }
    let anchor = anchor.clamp(0.0, 1.0);
    let (t0, t1) = window;
    let at = t0 + anchor * (t1 - t0);
    let span = within((t1 - t0) / factor, min_span_at(at), max_span_for(index.extent));
    (at - anchor * span, at + (1.0 - anchor) * span)
}
