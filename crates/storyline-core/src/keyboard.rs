//! Keys to actions. The widget listens on its own root element only, never on the document,
//! so two widgets on one page each answer only the keys pressed inside them.

use crate::view_state::Action;

/// The modifier keys held with a key press.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Modifiers {
    pub ctrl: bool,
    pub meta: bool,
    pub alt: bool,
    pub shift: bool,
}

/// The action for a key pressed while focus is inside the timeline, by the DOM `KeyboardEvent.key` name.
///
/// Keys held with Ctrl, Meta or Alt are the browser's (Alt+Left is Back) and are left alone.
/// In a right-to-left story the arrows follow reading direction: Left moves on to later events.
pub fn timeline_action(key: &str, m: Modifiers, rtl: bool) -> Option<Action> {
    if m.ctrl || m.meta || m.alt {
        return None;
    }
    let (forward, back) = if rtl { ("ArrowLeft", "ArrowRight") } else { ("ArrowRight", "ArrowLeft") };
    match key {
        k if k == forward => Some(Action::Next),
        k if k == back => Some(Action::Previous),
        "Home" => Some(Action::First),
        "End" => Some(Action::Last),
        "+" | "=" => Some(Action::ZoomIn),
        "-" | "_" => Some(Action::ZoomOut),
        "0" => Some(Action::FitAll),
        "Escape" => Some(Action::CloseCard),
        _ => None,
    }
}

/// Which control of a toolbar takes focus when `key` is pressed on control `at`, following the
/// ARIA toolbar pattern: the toolbar is one Tab stop, the arrows move along it and wrap around,
/// Home and End go to its ends. `usable` says, control by control in order, which can take
/// focus (a disabled or hidden one cannot); `None` for every other key, left to the widget.
pub fn toolbar_focus(key: &str, m: Modifiers, at: usize, usable: &[bool], rtl: bool) -> Option<usize> {
    if m.ctrl || m.meta || m.alt {
        return None;
    }
    let (forward, back) = if rtl { ("ArrowLeft", "ArrowRight") } else { ("ArrowRight", "ArrowLeft") };
    let n = usable.len();
    let first_from = |start: usize, step: usize| (0..n).map(|i| (start + i * step) % n).find(|&c| usable[c]);
    match key {
        _ if n == 0 => None,
        k if k == forward => first_from(at + 1, 1),
        k if k == back => first_from(at + n - 1, n - 1),
        "Home" => first_from(0, 1),
        "End" => first_from(n - 1, n - 1),
        _ => None,
    }
}

/// A toolbar's one Tab stop: the control used `last` while it is `shown` (usable or not: an
/// unavailable Previous at the first event keeps the focus of the reader who pressed it there,
/// and says it is unavailable), or else the first `usable` one (the last control when none is,
/// so the toolbar is never left out of the Tab order).
pub fn toolbar_tab_stop(last: Option<usize>, usable: &[bool], shown: &[bool]) -> usize {
    last.filter(|&c| shown.get(c) == Some(&true)).or_else(|| usable.iter().position(|&u| u)).unwrap_or(usable.len().saturating_sub(1))
}

#[cfg(test)]
mod tests {
    use super::*;

    const NONE: Modifiers = Modifiers { ctrl: false, meta: false, alt: false, shift: false };

    #[test]
    fn the_toolbar_keeps_its_tab_stop_on_the_control_used_last_while_that_control_is_shown() {
        let all = [true; 4];
        assert_eq!(toolbar_tab_stop(Some(3), &all, &all), 3);
        assert_eq!(toolbar_tab_stop(Some(0), &[false, true, true, true], &all), 0, "Previous became unavailable in the reader's hand: it keeps focus");
        assert_eq!(toolbar_tab_stop(Some(2), &[true, true, false, true], &[true, true, false, true]), 0, "a hidden control: the first usable one");
        assert_eq!(toolbar_tab_stop(None, &[false, false, true], &[true; 3]), 2, "the first usable, not an unavailable end");
        assert_eq!(toolbar_tab_stop(None, &[false, false, false], &[true; 3]), 2, "never out of the Tab order");
        assert_eq!(toolbar_tab_stop(Some(9), &[true, true], &[true, true]), 0, "a control that is not there");
    }

    #[test]
    fn arrows_step_and_home_end_jump() {
        assert_eq!(timeline_action("ArrowRight", NONE, false), Some(Action::Next));
        assert_eq!(timeline_action("ArrowLeft", NONE, false), Some(Action::Previous));
        assert_eq!(timeline_action("Home", NONE, false), Some(Action::First));
        assert_eq!(timeline_action("End", NONE, false), Some(Action::Last));
    }

    #[test]
    fn in_a_right_to_left_story_left_moves_forward() {
        assert_eq!(timeline_action("ArrowLeft", NONE, true), Some(Action::Next));
        assert_eq!(timeline_action("ArrowRight", NONE, true), Some(Action::Previous));
    }

    #[test]
    fn zoom_keys_and_escape() {
        assert_eq!(timeline_action("+", NONE, false), Some(Action::ZoomIn));
        assert_eq!(timeline_action("-", NONE, false), Some(Action::ZoomOut));
        assert_eq!(timeline_action("0", NONE, false), Some(Action::FitAll));
        assert_eq!(timeline_action("Escape", NONE, false), Some(Action::CloseCard));
    }

    #[test]
    fn browser_shortcuts_and_other_keys_are_left_to_the_browser() {
        assert_eq!(timeline_action("ArrowLeft", Modifiers { alt: true, ..NONE }, false), None);
        assert_eq!(timeline_action("ArrowRight", Modifiers { meta: true, ..NONE }, false), None);
        assert_eq!(timeline_action("+", Modifiers { ctrl: true, ..NONE }, false), None, "Ctrl + is the browser's zoom");
        assert_eq!(timeline_action("Tab", NONE, false), None);
        assert_eq!(timeline_action("a", NONE, false), None);
    }

    #[test]
    fn toolbar_arrows_skip_what_cannot_take_focus_and_wrap_around() {
        // Previous (disabled at the first event), Next, Zoom in, Zoom out, Fit all, All events.
        let usable = [false, true, true, true, true, true];
        assert_eq!(toolbar_focus("ArrowRight", NONE, 1, &usable, false), Some(2));
        assert_eq!(toolbar_focus("ArrowRight", NONE, 5, &usable, false), Some(1), "past the end comes the first usable control");
        assert_eq!(toolbar_focus("ArrowLeft", NONE, 1, &usable, false), Some(5), "before the start, the last");
        assert_eq!(toolbar_focus("Home", NONE, 4, &usable, false), Some(1));
        assert_eq!(toolbar_focus("End", NONE, 1, &usable, false), Some(5));
        assert_eq!(toolbar_focus("ArrowLeft", NONE, 2, &usable, true), Some(3), "right to left, Left moves on");
        assert_eq!(toolbar_focus("Enter", NONE, 2, &usable, false), None);
        assert_eq!(toolbar_focus("ArrowRight", Modifiers { alt: true, ..NONE }, 2, &usable, false), None);
        assert_eq!(toolbar_focus("ArrowRight", NONE, 0, &[], false), None);
    }
}
