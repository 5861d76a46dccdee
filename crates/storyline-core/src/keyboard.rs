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

#[cfg(test)]
mod tests {
    use super::*;

    const NONE: Modifiers = Modifiers { ctrl: false, meta: false, alt: false, shift: false };

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
}
