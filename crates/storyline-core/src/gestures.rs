//! Zoom and pan by hand, as pure arithmetic: Ctrl/Cmd + wheel and two-finger pinch zoom about the
//! point under the pointer, a drag or a one-finger swipe pans. The widget's gesture hook only
//! feeds browser events in here and dispatches what comes out.

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
    dragging: bool,
    start_x: f64,
}

/// What a pointer's move asks for.
#[derive(Clone, Debug, PartialEq)]
pub struct Moved {
    pub action: Option<Action>,
    /// The drag starts now: the axis should capture the pointer, so that the drag goes on outside it.
    pub capture: bool,
}

impl Pointers {
    pub fn press(&mut self, id: i32, x: f64, y: f64) {
        self.down.retain(|(p, ..)| *p != id);
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

    /// Pointer `id` moved to (`x`, `y`) over an axis whose left edge is at `left` and which is
    /// `width` pixels wide. Two pointers pinch (zoom about their middle); one drags (pan).
    pub fn moved(&mut self, id: i32, x: f64, y: f64, left: f64, width: f64) -> Moved {
        let nothing = Moved { action: None, capture: false };
        let Some(i) = self.down.iter().position(|(p, ..)| *p == id) else { return nothing };
        let width = width.max(1.0);
        if self.down.len() >= 2 {
            let before = self.spread();
            self.down[i] = (id, x, y);
            let after = self.spread();
            self.dragging = true;
            let action = (before > 0.0 && after > 0.0).then(|| {
                let mid = (self.down[0].1 + self.down[1].1) / 2.0;
                Action::ZoomAt { factor: after / before, anchor: (mid - left) / width }
            });
            return Moved { action, capture: false };
        }
        if !self.dragging && (x - self.start_x).abs() < DRAG_THRESHOLD {
            return nothing;
        }
        let capture = !self.dragging;
        self.dragging = true;
        let dx = x - self.down[i].1;
        self.down[i] = (id, x, y);
        // Dragging the axis right brings earlier times into view.
        Moved { action: Some(Action::Pan(-dx / width)), capture }
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
    fn a_press_that_barely_moves_stays_a_click_and_a_drag_pans_the_other_way() {
        let mut p = Pointers::default();
        p.press(1, 100.0, 10.0);
        assert_eq!(p.moved(1, 102.0, 10.0, 0.0, 500.0), Moved { action: None, capture: false });
        let first = p.moved(1, 110.0, 10.0, 0.0, 500.0);
        assert_eq!(first, Moved { action: Some(Action::Pan(-10.0 / 500.0)), capture: true });
        let next = p.moved(1, 120.0, 10.0, 0.0, 500.0);
        assert_eq!(next, Moved { action: Some(Action::Pan(-10.0 / 500.0)), capture: false });
        p.release(1);
        assert_eq!(p.moved(1, 130.0, 10.0, 0.0, 500.0).action, None, "a pointer that is up moves nothing");
    }

    #[test]
    fn two_fingers_moving_apart_zoom_in_about_their_middle() {
        let mut p = Pointers::default();
        p.press(1, 100.0, 0.0);
        p.press(2, 200.0, 0.0);
        let moved = p.moved(2, 300.0, 0.0, 0.0, 400.0);
        assert_eq!(moved.action, Some(Action::ZoomAt { factor: 2.0, anchor: 0.5 }));
    }
}
