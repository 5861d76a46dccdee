//! One or more tests for every `Action`, each on a small synthetic story.

use storyline_core::scale::MIN_SPAN;
use storyline_core::view_state::{reduce, Action, Ends, StoryIndex, ViewState};
use storyline_core::{Dataset, Status, Update};
use storyline_testkit::synth;

fn setup(n: usize) -> (Dataset, StoryIndex, ViewState) {
    let dataset = synth::story(n, 11);
    let index = StoryIndex::new(&dataset);
    let state = ViewState::initial(&index);
    (dataset, index, state)
}

fn run(state: &ViewState, actions: &[Action], d: &Dataset, i: &StoryIndex) -> ViewState {
    actions.iter().cloned().fold(state.clone(), |s, a| reduce(&s, a, d, i))
}

/// Positions in chronological order of the selected event.
fn pos(state: &ViewState, i: &StoryIndex) -> usize {
    i.position(state.selected.unwrap())
}

#[test]
fn a_story_opens_on_its_first_event_with_everything_in_view() {
    let (_, i, s) = setup(20);
    assert_eq!(pos(&s, &i), 0);
    assert!(s.window.0 <= i.extent.0 && s.window.1 >= i.extent.1);
}

#[test]
fn next_and_previous_step_through_events_in_date_order() {
    let (d, i, s) = setup(20);
    let s = run(&s, &[Action::Next, Action::Next], &d, &i);
    assert_eq!(pos(&s, &i), 2);
    let s = reduce(&s, Action::Previous, &d, &i);
    assert_eq!(pos(&s, &i), 1);
}

#[test]
fn next_at_the_last_event_and_previous_at_the_first_stay_put() {
    let (d, i, s) = setup(5);
    assert_eq!(pos(&reduce(&s, Action::Previous, &d, &i), &i), 0);
    let last = reduce(&s, Action::Last, &d, &i);
    assert_eq!(pos(&last, &i), 4);
    assert_eq!(pos(&reduce(&last, Action::Next, &d, &i), &i), 4);
}

#[test]
fn first_and_last_jump_to_the_ends() {
    let (d, i, s) = setup(30);
    let s = reduce(&s, Action::Last, &d, &i);
    assert_eq!(pos(&s, &i), 29);
    assert_eq!(pos(&reduce(&s, Action::First, &d, &i), &i), 0);
}

#[test]
fn selecting_an_event_outside_the_window_brings_it_into_view() {
    let (d, i, s) = setup(50);
    let zoomed = run(&s, &[Action::ZoomIn, Action::ZoomIn, Action::ZoomIn, Action::ZoomIn], &d, &i);
    let target = i.items[40].event;
    let t = i.items[40].start;
    assert!(t > zoomed.window.1 || t < zoomed.window.0, "precondition: the target is out of view");
    let s = reduce(&zoomed, Action::Select(target), &d, &i);
    assert!(t > s.window.0 && t < s.window.1);
    assert!(((s.window.1 - s.window.0) - (zoomed.window.1 - zoomed.window.0)).abs() < 1.0, "the zoom is kept");
}

#[test]
fn selecting_an_unknown_index_changes_nothing() {
    let (d, i, s) = setup(5);
    assert_eq!(reduce(&s, Action::Select(99), &d, &i), s);
}

#[test]
fn a_deep_link_selects_by_id_and_an_unknown_id_is_ignored() {
    let (d, i, s) = setup(10);
    let s2 = reduce(&s, Action::SelectId("event-7".into()), &d, &i);
    assert_eq!(d.events[s2.selected.unwrap()].id, "event-7");
    assert_eq!(reduce(&s, Action::SelectId("nope".into()), &d, &i), s);
}

#[test]
fn zooming_in_halves_the_window_and_out_doubles_it() {
    let (d, i, s) = setup(20);
    let span = s.window.1 - s.window.0;
    let z = reduce(&s, Action::ZoomIn, &d, &i);
    assert!(((z.window.1 - z.window.0) * 2.0 - span).abs() < 1.0);
    let o = reduce(&z, Action::ZoomOut, &d, &i);
    assert!(((o.window.1 - o.window.0) - span).abs() < 1.0);
}

#[test]
fn zooming_in_keeps_the_selected_event_where_it_was_on_screen() {
    let (d, i, s) = setup(20);
    let s = run(&s, &[Action::Next, Action::Next, Action::Next], &d, &i);
    let t = i.items[pos(&s, &i)].start;
    let frac = |w: (f64, f64)| (t - w.0) / (w.1 - w.0);
    let z = reduce(&s, Action::ZoomIn, &d, &i);
    assert!((frac(z.window) - frac(s.window)).abs() < 1e-9);
}

#[test]
fn zoom_at_keeps_the_anchor_and_refuses_nonsense() {
    let (d, i, s) = setup(20);
    let at = |w: (f64, f64)| w.0 + 0.25 * (w.1 - w.0);
    let z = reduce(&s, Action::ZoomAt { factor: 1.5, anchor: 0.25 }, &d, &i);
    assert!((at(z.window) - at(s.window)).abs() < 1e-3);
    assert_eq!(reduce(&s, Action::ZoomAt { factor: f64::NAN, anchor: 0.5 }, &d, &i), s);
    assert_eq!(reduce(&s, Action::ZoomAt { factor: -2.0, anchor: 0.5 }, &d, &i), s);
}

#[test]
fn zoom_is_bounded_by_an_hour() {
    let (d, i, s) = setup(20);
    let z = run(&s, &vec![Action::ZoomIn; 80], &d, &i);
    assert!((z.window.1 - z.window.0 - MIN_SPAN).abs() < 1e-6);
}

#[test]
fn panning_moves_the_window_by_a_share_of_its_width() {
    let (d, i, s) = setup(20);
    let span = s.window.1 - s.window.0;
    let p = reduce(&s, Action::Pan(0.25), &d, &i);
    assert!((p.window.0 - (s.window.0 + span / 4.0)).abs() < 1e-3);
    assert_eq!(reduce(&s, Action::Pan(f64::INFINITY), &d, &i), s);
}

#[test]
fn zoom_to_shows_a_cluster_span_with_a_margin_and_fit_all_restores_everything() {
    let (d, i, s) = setup(20);
    let (a, b) = (i.items[3].start, i.items[6].start);
    let z = reduce(&s, Action::ZoomTo(a, b), &d, &i);
    assert!(z.window.0 < a && z.window.1 > b && z.window.1 - z.window.0 < s.window.1 - s.window.0);
    assert_eq!(reduce(&z, Action::FitAll, &d, &i).window, s.window);
    assert_eq!(reduce(&s, Action::ZoomTo(b, a), &d, &i), s, "a reversed span is refused");
}

#[test]
fn a_status_filter_limits_next_to_matching_events() {
    let (d, i, s) = setup(40);
    let s = reduce(&s, Action::ToggleStatus(Status::Denied), &d, &i);
    let visible = s.visible_events(&d, &i);
    assert!(!visible.is_empty() && visible.len() < 40);
    assert!(visible.iter().all(|&e| d.events[e].status == Status::Denied));
    assert_eq!(d.events[s.selected.unwrap()].status, Status::Denied, "the hidden selection moved to a visible event");
    let s2 = reduce(&s, Action::Next, &d, &i);
    assert_eq!(d.events[s2.selected.unwrap()].status, Status::Denied);
    let off = reduce(&s, Action::ToggleStatus(Status::Denied), &d, &i);
    assert!(off.filter.is_empty());
}

#[test]
fn a_tag_filter_and_an_actor_filter_combine() {
    let (d, i, s) = setup(200);
    let s = run(&s, &[Action::ToggleTag("military".into()), Action::ToggleActorFilter(0)], &d, &i);
    for e in s.visible_events(&d, &i) {
        assert!(d.events[e].tags.iter().any(|t| t == "military"));
        assert!(i.event_actors[e].contains(&0));
    }
    let cleared = reduce(&s, Action::ClearFilters, &d, &i);
    assert_eq!(cleared.visible_events(&d, &i).len(), 200);
}

#[test]
fn a_filter_that_hides_everything_keeps_the_selection() {
    let (d, i, s) = setup(10);
    let s2 = run(&s, &[Action::ToggleTag("no-such-tag".into())], &d, &i);
    assert!(s2.visible_events(&d, &i).is_empty());
    assert_eq!(s2.selected, s.selected);
    assert_eq!(reduce(&s2, Action::Next, &d, &i).selected, s.selected);
}

#[test]
fn the_list_view_opens_and_closes() {
    let (d, i, s) = setup(5);
    let s = reduce(&s, Action::ShowList(true), &d, &i);
    assert!(s.list_view);
    assert!(!reduce(&s, Action::ShowList(false), &d, &i).list_view);
}

#[test]
fn an_actor_card_and_a_relation_card_replace_each_other_and_escape_closes_both() {
    let (d, i, s) = setup(20);
    let a = reduce(&s, Action::SelectActor(Some(1)), &d, &i);
    assert_eq!((a.actor, a.relation), (Some(1), None));
    let r = reduce(&a, Action::SelectRelation(Some(0)), &d, &i);
    assert_eq!((r.actor, r.relation), (None, Some(0)));
    let closed = reduce(&r, Action::CloseCard, &d, &i);
    assert_eq!((closed.actor, closed.relation), (None, None));
    assert_eq!(reduce(&s, Action::SelectActor(Some(9_999)), &d, &i).actor, None);
}

#[test]
fn a_story_without_events_has_no_selection_and_actions_are_harmless() {
    let mut d = synth::story(5, 1);
    d.events.clear();
    let i = StoryIndex::new(&d);
    let s = ViewState::initial(&i);
    assert_eq!(s.selected, None);
    let after = run(&s, &[Action::Next, Action::Last, Action::ZoomIn, Action::FitAll, Action::ToggleStatus(Status::Claimed)], &d, &i);
    assert_eq!(after.selected, None);
}

#[test]
fn printing_is_a_mode_of_its_own_that_leaves_the_reader_where_they_were() {
    let (d, i, s) = setup(5);
    let s = run(&s, &[Action::Next, Action::Print(true)], &d, &i);
    assert!(s.printing && !s.list_view);
    let after = reduce(&s, Action::Print(false), &d, &i);
    assert!(!after.printing);
    assert_eq!(pos(&after, &i), 1);
}

#[test]
fn a_font_measured_wider_than_the_estimates_fits_the_labels_and_the_default_font_changes_nothing() {
    use storyline_core::font_fit::{REFERENCE, REFERENCE_PX};
    use storyline_core::text_width::text_width;
    let (d, i, s) = setup(5);
    assert_eq!(s.font_fit, 1.0, "prerendered and hydrated with the estimates as they are");
    let estimate = text_width(REFERENCE, REFERENCE_PX);
    // The system sans-serif draws a little narrower than estimated: the state stays equal, so nothing is laid out again.
    assert_eq!(reduce(&s, Action::FontMeasured(estimate * 0.95), &d, &i), s);
    let wide = run(&s, &[Action::Next, Action::FontMeasured(estimate * 1.28)], &d, &i);
    assert_eq!((wide.font_fit, pos(&wide, &i)), (1.3, 1), "the reader stays where they were");
    // A web font that finishes loading measures again.
    assert_eq!(reduce(&wide, Action::FontMeasured(estimate * 1.58), &d, &i).font_fit, 1.6);
}

#[test]
fn what_the_filter_leaves_is_counted_and_laid_out_as_the_filter_says() {
    let (d, i, s) = setup(12);
    let all = s.visible(&d, &i);
    assert_eq!(all.events, s.visible_events(&d, &i));
    assert_eq!(all.items(&i), i.items.as_slice(), "without a filter the story's own items serve");
    assert_eq!(all.counter(s.selected), format!("1 of {}", all.events.len()));
    let status = d.events[i.items[0].event].status;
    let filtered = run(&s, &[Action::ToggleStatus(status)], &d, &i);
    let some = filtered.visible(&d, &i);
    assert_eq!(some.events, filtered.visible_events(&d, &i));
    assert_eq!(some.items(&i).iter().map(|item| item.event).collect::<Vec<_>>(), some.events);
    assert!(some.items(&i).iter().all(|item| d.events[item.event].status == status));
}

#[test]
fn previous_and_next_end_at_the_first_and_last_visible_events() {
    let (d, i, s) = setup(3);
    let all = s.visible(&d, &i);
    assert_eq!(all.ends(s.selected), Ends { previous: false, next: true });
    let middle = reduce(&s, Action::Next, &d, &i);
    assert_eq!(all.ends(middle.selected), Ends { previous: true, next: true });
    let last = reduce(&middle, Action::Next, &d, &i);
    assert_eq!(all.ends(last.selected), Ends { previous: true, next: false });
    assert_eq!(all.ends(None), Ends { previous: false, next: false }, "nothing selected, no step");
}

/// A story of deep time: the Big Bang, the Sun, the wheel and the Moon landing.
fn deep() -> (Dataset, StoryIndex, ViewState) {
    let mut dataset = synth::story(4, 3);
    for (event, year) in dataset.events.iter_mut().zip(["-13800000000", "-4600000000", "-3499", "1969"]) {
        event.start = storyline_core::date::PartialDate::parse(year).unwrap();
        event.end = None;
    }
    let index = StoryIndex::new(&dataset);
    let state = ViewState::initial(&index);
    (dataset, index, state)
}

#[test]
fn a_story_of_deep_time_opens_with_all_of_it_in_view_and_next_reaches_every_event() {
    let (d, i, s) = deep();
    assert!(s.window.0 <= i.extent.0 && s.window.1 >= i.extent.1, "{:?} {:?}", s.window, i.extent);
    let mut seen = vec![pos(&s, &i)];
    let mut s = s;
    for _ in 1..d.events.len() {
        s = reduce(&s, Action::Next, &d, &i);
        seen.push(pos(&s, &i));
        let t = i.items[pos(&s, &i)].start;
        assert!(t >= s.window.0 && t <= s.window.1, "the selected event is in view");
    }
    assert_eq!(seen, [0, 1, 2, 3]);
}

#[test]
fn a_story_of_deep_time_zooms_out_to_twice_its_extent_and_in_to_years_at_the_big_bang() {
    let (d, i, s) = deep();
    let out = run(&s, &vec![Action::ZoomOut; 10], &d, &i);
    assert!((out.window.1 - out.window.0 - 2.0 * (i.extent.1 - i.extent.0)).abs() < 1e6);
    let inside = run(&s, &vec![Action::ZoomIn; 80], &d, &i);
    let span = inside.window.1 - inside.window.0;
    let narrowest = storyline_core::scale::min_span_at(i.items[0].start);
    assert!((span / narrowest - 1.0).abs() < 1e-6, "zoomed about the Big Bang, the first event: {span} {narrowest}");
    assert!(span > 365.0 * 86_400.0 && span < 10.0 * 365.2425 * 86_400.0, "{span}");
}

/// A synthetic story that developed: first published with most events, then two more added and
/// one changed in a later update.
fn developing(n: usize) -> (Dataset, StoryIndex, ViewState) {
    let (mut d, _, _) = setup(n);
    let id = |k: usize| d.events[k].id.clone();
    d.updates = vec![
        Update { at: "2024-10-23T18:00Z".parse().unwrap(), summary: "First".into(), added: vec![], changed: vec![], note: None },
        Update { at: "2024-10-28".parse().unwrap(), summary: "More".into(), added: vec![id(n - 1), id(n - 3)], changed: vec![id(n - 2)], note: None },
    ];
    let i = StoryIndex::new(&d);
    let s = ViewState::initial(&i);
    (d, i, s)
}

#[test]
fn a_returning_reader_jumps_to_the_first_event_new_since_their_last_visit() {
    let (d, i, s) = developing(10);
    let s = run(&s, &[Action::ToggleStatus(Status::Denied), Action::ShowList(true)], &d, &i);
    let s = run(&s, &[Action::LastVisit("2024-10-23T18:00Z".into()), Action::JumpToNew], &d, &i);
    assert_eq!(s.selected, Some(d.events.len() - 3), "the earliest of the three in the story's order");
    assert!(s.filter.statuses.is_empty(), "the filter is cleared, so the event shows");
    assert!(!s.list_view);
}

#[test]
fn without_a_last_visit_or_anything_new_the_jump_goes_nowhere() {
    let (d, i, s) = developing(10);
    assert_eq!(reduce(&s, Action::JumpToNew, &d, &i), s);
    let seen_all = reduce(&s, Action::LastVisit("2024-10-28".into()), &d, &i);
    assert_eq!(reduce(&seen_all, Action::JumpToNew, &d, &i), seen_all);
    assert_eq!(reduce(&s, Action::LastVisit("{garbage".into()), &d, &i).last_visit, None);
}
