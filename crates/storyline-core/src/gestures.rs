//! Zoom and pan by hand, as pure arithmetic: Ctrl/Cmd + wheel and two-finger pinch zoom about the
//! point under the pointer; a mouse or pen drag pans, and so do two fingers moving together. One
//! finger alone is not heard here: on the timeline as on the event card, a one-finger swipe steps
//! to the next or previous event (`crate::swipe`). The widget's gesture hook only feeds browser
//! events in here and dispatches what comes out.

use crate::view_state::Action;

/// Movement in pixels before a press counts as a drag, so that a click on a marker stays a click.
pub const DRAG_THRESHOLD: f64 = 4.0;
/// How much one pixel of wheel movement zooms: a notch of about 100 px is a factor of e^0.25.
const WHEEL_ZOOM_PER_PX: f64 = 0.0025;

/// The zoom a Ctrl/Cmd + wheel of `delta_y` pixels asks for, about `x` on an axis whose left edge
/// is at `left` and which is `width` pixels wide. Wheeling up (a negative delta) zooms in.
pub fn wheel_zoom(delta_y: f64, x: f64, left: f64, width: f64) -> Action {
    Action::ZoomAt { factor: (-delta_y * WHEEL_ZOOM_PER_PX).exp(), anchor: (x - left) / width.max(1.0) }
}

/// The pointers down on the axis, and whether they have started a drag.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Pointers {
    /// Each active pointer's id and last position.
    down: Vec<(i32, f64, f64)>,
    /// Whether the first pointer down is a finger.
    touch: bool,
    dragging: bool,
    start_x: f64,
}

/// What a pointer's move asks for.
#[derive(Clone, Debug, PartialEq)]
pub struct Moved {
    /// What to dispatch, in order: none, one, or for two fingers a pan and a zoom.
    pub actions: Vec<Action>,
    /// The drag starts now: the axis should capture the pointer, so that the drag goes on outside it.
    pub capture: bool,
}

impl Pointers {
    /// Pointer `id` came down at (`x`, `y`); `touch` when it is a finger.
    pub fn press(&mut self, id: i32, x: f64, y: f64, touch: bool) {
        self.down.retain(|(p, ..)| *p != id);
        if self.down.is_empty() {
            self.touch = touch;
        }
        self.down.push((id, x, y));
        self.start_x = x;
    }

    pub fn release(&mut self, id: i32) {
        self.down.retain(|(p, ..)| *p != id);
        if self.down.is_empty() {
            self.dragging = false;
        }
    }

    fn spread(&self) -> f64 {
        let (a, b) = (self.down[0], self.down[1]);
        ((a.1 - b.1).powi(2) + (a.2 - b.2).powi(2)).sqrt()
    }

    fn middle(&self) -> f64 {
        (self.down[0].1 + self.down[1].1) / 2.0
    }

    /// Pointer `id` moved to (`x`, `y`) over an axis whose left edge is at `left` and which is
    /// `width` pixels wide. Two pointers pinch: the time under their middle follows it, and the
    /// axis zooms about it as they spread or close. One mouse or pen drags (pan); one finger
    /// alone asks for nothing here, since its swipe steps.
    pub fn moved(&mut self, id: i32, x: f64, y: f64, left: f64, width: f64) -> Moved {
        let nothing = Moved { actions: Vec::new(), capture: false };
        let Some(i) = self.down.iter().position(|(p, ..)| *p == id) else { return nothing };
        let width = width.max(1.0);
        if self.down.len() >= 2 {
            let (before, from) = (self.spread(), self.middle());
            self.down[i] = (id, x, y);
            let (after, to) = (self.spread(), self.middle());
            self.dragging = true;
            let mut actions = Vec::new();
            if to != from {
                actions.push(Action::Pan(-(to - from) / width));
            }
            if before > 0.0 && after > 0.0 && after != before {
                actions.push(Action::ZoomAt { factor: after / before, anchor: (to - left) / width });
            }
            return Moved { actions, capture: false };
        }
        if self.touch {
            self.down[i] = (id, x, y);
            return nothing;
        }
        if !self.dragging && (x - self.start_x).abs() < DRAG_THRESHOLD {
            return nothing;
        }
        let capture = !self.dragging;
        self.dragging = true;
        let dx = x - self.down[i].1;
        self.down[i] = (id, x, y);
        // Dragging the axis right brings earlier times into view.
        Moved { actions: vec![Action::Pan(-dx / width)], capture }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_wheel_up_zooms_in_about_the_pointer() {
        let Action::ZoomAt { factor, anchor } = wheel_zoom(-100.0, 350.0, 50.0, 600.0) else { panic!("not a zoom") };
        assert!(factor > 1.0, "{factor}");
        assert_eq!(anchor, 0.5);
        let Action::ZoomAt { factor, .. } = wheel_zoom(100.0, 350.0, 50.0, 600.0) else { panic!("not a zoom") };
        assert!(factor < 1.0);
    }

    #[test]
    fn a_mouse_press_that_barely_moves_stays_a_click_and_a_drag_pans_the_other_way() {
        let mut p = Pointers::default();
        p.press(1, 100.0, 10.0, false);
        assert_eq!(p.moved(1, 102.0, 10.0, 0.0, 500.0), Moved { actions: vec![], capture: false });
        let first = p.moved(1, 110.0, 10.0, 0.0, 500.0);
        assert_eq!(first, Moved { actions: vec![Action::Pan(-10.0 / 500.0)], capture: true });
        let next = p.moved(1, 120.0, 10.0, 0.0, 500.0);
        assert_eq!(next, Moved { actions: vec![Action::Pan(-10.0 / 500.0)], capture: false });
        p.release(1);
        assert_eq!(p.moved(1, 130.0, 10.0, 0.0, 500.0).actions, vec![], "a pointer that is up moves nothing");
    }

    #[test]
    fn one_finger_moving_across_the_axis_pans_nothing_since_its_swipe_steps() {
        let mut p = Pointers::default();
        p.press(1, 100.0, 10.0, true);
        for x in [110.0, 150.0, 250.0] {
            assert_eq!(p.moved(1, x, 10.0, 0.0, 500.0), Moved { actions: vec![], capture: false }, "at x = {x}");
        }
    }

    #[test]
    fn two_fingers_moving_apart_zoom_in_about_their_middle_and_the_time_under_it_follows() {
        let mut p = Pointers::default();
        p.press(1, 100.0, 0.0, true);
        p.press(2, 200.0, 0.0, true);
        let moved = p.moved(2, 300.0, 0.0, 0.0, 400.0);
        assert_eq!(moved.actions, vec![Action::Pan(-50.0 / 400.0), Action::ZoomAt { factor: 2.0, anchor: 0.5 }]);
    }

    #[test]
    fn two_fingers_moving_together_pan_the_axis_and_zoom_it_back_to_where_it_was() {
        let mut p = Pointers::default();
        p.press(1, 100.0, 0.0, true);
        p.press(2, 200.0, 0.0, true);
        // Both fingers move 40 px left; the browser reports one, then the other.
        let actions: Vec<Action> = [(1, 60.0), (2, 160.0)].into_iter().flat_map(|(id, x)| p.moved(id, x, 0.0, 0.0, 400.0).actions).collect();
        let pan: f64 = actions.iter().map(|a| if let Action::Pan(d) = a { *d } else { 0.0 }).sum();
        let zoom: f64 = actions.iter().map(|a| if let Action::ZoomAt { factor, .. } = a { *factor } else { 1.0 }).product();
        assert!((pan - 40.0 / 400.0).abs() < 1e-12, "the middle went 40 px left, so later times come in: {actions:?}");
        assert!((zoom - 1.0).abs() < 1e-12, "their spread is what it was, so is the zoom: {actions:?}");
    }
}
