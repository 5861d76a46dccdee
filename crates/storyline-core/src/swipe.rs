//! Swiping between events on a touch screen, as pure arithmetic: where the event card is drawn
//! while a finger moves it, and whether letting go steps to the next or previous event or lets
//! the card spring back. The widget's swipe hook only feeds touch samples in here and applies
//! what comes out.
//!
//! A swipe decides its axis once the finger has moved a few pixels: a mostly vertical move is
//! the page's scroll and never a swipe, so the card stays put and the browser scrolls.

use crate::view_state::{Action, Ends};

/// Movement in pixels after which a swipe decides whether it is horizontal or vertical: few
/// enough to follow the finger at once, more than a tap's jitter.
pub const AXIS_LOCK: f64 = 10.0;
/// A drag this share of the card's width long steps whatever its speed.
const STEP_SHARE: f64 = 0.25;
/// A flick at this speed (px per ms) steps even when short…
const FLICK_SPEED: f64 = 0.4;
/// …once it is this many pixels long, so that a quick twitch is not a step.
const FLICK_MIN: f64 = 24.0;
/// Only the last moments of a swipe say how fast it was let go (the speed is taken from a sample
/// at most about this old): a finger that stopped before lifting flicks nothing.
const SPEED_WINDOW_MS: f64 = 100.0;
/// How far a card with no event beyond it stretches, at most, as a share of its width.
const RUBBER_BAND: f64 = 0.12;
/// Where the event a swipe brings in starts its way to rest, as a share of the card's width.
const ENTER_SHARE: f64 = 0.3;

/// One touch sample: where the finger was (px) and when (ms).
#[derive(Clone, Copy, Debug, PartialEq)]
struct Sample {
    x: f64,
    y: f64,
    t: f64,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Axis {
    Undecided,
    Horizontal,
    Vertical,
}

/// One finger's swipe over the event card, from touch to lift.
#[derive(Clone, Debug, PartialEq)]
pub struct Swipe {
    start: Sample,
    /// The sample the release speed is measured from, kept within `SPEED_WINDOW_MS` of `last`.
    anchor: Sample,
    last: Sample,
    axis: Axis,
    width: f64,
    ends: Ends,
    rtl: bool,
}

/// How a swipe ends.
#[derive(Clone, Debug, PartialEq)]
pub enum Settle {
    /// The card never moved (a tap, a vertical scroll): nothing to do.
    Still,
    /// No step: the card springs back from where the finger left it.
    Back,
    /// The reader stepped: the incoming event is drawn `from` pixels off its place, on the side
    /// the finger swept away from, and glides in from there.
    Step { action: Action, from: f64 },
}

impl Swipe {
    /// A finger touched the card at (`x`, `y`) at time `t`; the card is `width` pixels wide and
    /// the story is left to right unless `rtl`.
    pub fn new(x: f64, y: f64, t: f64, width: f64, ends: Ends, rtl: bool) -> Swipe {
        let start = Sample { x, y, t };
        Swipe { start, anchor: start, last: start, axis: Axis::Undecided, width: width.max(1.0), ends, rtl }
    }

    /// The finger moved to (`x`, `y`) at `t`: the card's horizontal offset to draw, or `None`
    /// while the swipe is not (or not yet) horizontal, when the card stays where it is.
    pub fn moved(&mut self, x: f64, y: f64, t: f64) -> Option<f64> {
        if t - self.anchor.t > SPEED_WINDOW_MS {
            self.anchor = self.last;
        }
        self.last = Sample { x, y, t };
        let (dx, dy) = (x - self.start.x, y - self.start.y);
        if self.axis == Axis::Undecided && dx * dx + dy * dy >= AXIS_LOCK * AXIS_LOCK {
            self.axis = if dx.abs() > dy.abs() { Axis::Horizontal } else { Axis::Vertical };
        }
        (self.axis == Axis::Horizontal).then(|| self.offset(dx))
    }

    /// The finger lifted at (`x`, `y`) at `t`.
    pub fn end(mut self, x: f64, y: f64, t: f64) -> Settle {
        if self.moved(x, y, t).is_none() {
            return Settle::Still;
        }
        let dx = x - self.start.x;
        let a = self.anchor;
        let speed = if t > a.t { (x - a.x) / (t - a.t) } else { 0.0 };
        let far = dx.abs() >= STEP_SHARE * self.width;
        let flick = dx.abs() >= FLICK_MIN && speed.abs() >= FLICK_SPEED && speed.signum() == dx.signum();
        match self.asks_for(dx) {
            Some(action) if far || flick => Settle::Step { action, from: -dx.signum() * ENTER_SHARE * self.width },
            _ => Settle::Back,
        }
    }

    /// The browser took the touch (it scrolls or zooms the page) or a second finger came down:
    /// the card goes back to its place.
    pub fn cancel(self) -> Settle {
        if self.axis == Axis::Horizontal { Settle::Back } else { Settle::Still }
    }

    /// The step a move of `dx` pixels asks for, if the story has an event that way. A leftward
    /// swipe pulls the next event in, from the right; in a right-to-left story, the previous.
    fn asks_for(&self, dx: f64) -> Option<Action> {
        if (dx < 0.0) != self.rtl {
            self.ends.next.then_some(Action::Next)
        } else {
            self.ends.previous.then_some(Action::Previous)
        }
    }

    /// Where the card is drawn for a move of `dx`: under the finger, or, with no event that
    /// way, stretched less and less the further the finger goes, so that the card says "no
    /// further" without leaving its place.
    fn offset(&self, dx: f64) -> f64 {
        if self.asks_for(dx).is_some() {
            return dx;
        }
        let limit = RUBBER_BAND * self.width;
        limit * dx / (dx.abs() + limit)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const BOTH: Ends = Ends { previous: true, next: true };
    const WIDTH: f64 = 360.0;

    /// A swipe from x = 200 along `path` of (dx, dy, ms) steps from the touch, then lifted at its last point.
    fn swipe(ends: Ends, rtl: bool, path: &[(f64, f64, f64)]) -> (Vec<Option<f64>>, Settle) {
        let mut s = Swipe::new(200.0, 300.0, 1000.0, WIDTH, ends, rtl);
        let (last, moves) = path.split_last().expect("a path");
        let offsets = moves.iter().map(|&(dx, dy, t)| s.moved(200.0 + dx, 300.0 + dy, 1000.0 + t)).collect();
        (offsets, s.end(200.0 + last.0, 300.0 + last.1, 1000.0 + last.2))
    }

    #[test]
    fn a_fast_short_flick_to_the_left_steps_to_the_next_event() {
        let (offsets, settle) = swipe(BOTH, false, &[(-12.0, 1.0, 16.0), (-30.0, 2.0, 32.0), (-50.0, 2.0, 48.0)]);
        assert_eq!(offsets, [Some(-12.0), Some(-30.0)], "the card follows the finger once the swipe is horizontal");
        const { assert!(50.0 < STEP_SHARE * WIDTH, "the flick is shorter than a slow drag needs") };
        assert_eq!(settle, Settle::Step { action: Action::Next, from: ENTER_SHARE * WIDTH }, "the next event enters from the right");
    }

    #[test]
    fn a_slow_long_drag_past_a_quarter_of_the_card_steps_back() {
        let path: Vec<_> = (1..=20).map(|i| (f64::from(i) * 6.0, 0.0, f64::from(i) * 100.0)).collect();
        let (_, settle) = swipe(BOTH, false, &path);
        let from = -ENTER_SHARE * WIDTH;
        assert_eq!(settle, Settle::Step { action: Action::Previous, from }, "120 px in two seconds is past a quarter of 360 px; the previous event enters from the left");
    }

    #[test]
    fn a_small_slow_drag_springs_back() {
        let (offsets, settle) = swipe(BOTH, false, &[(-15.0, 0.0, 100.0), (-30.0, 0.0, 300.0), (-40.0, 0.0, 600.0)]);
        assert_eq!(offsets, [Some(-15.0), Some(-30.0)]);
        assert_eq!(settle, Settle::Back);
    }

    #[test]
    fn a_flick_after_the_finger_stopped_springs_back() {
        let (_, settle) = swipe(BOTH, false, &[(-20.0, 0.0, 16.0), (-60.0, 0.0, 32.0), (-60.0, 0.0, 400.0)]);
        assert_eq!(settle, Settle::Back, "a finger held still before lifting has no speed left");
    }

    #[test]
    fn a_mostly_vertical_move_is_never_a_swipe_however_far_sideways_it_goes_after() {
        let (offsets, settle) = swipe(BOTH, false, &[(4.0, 11.0, 16.0), (-60.0, 40.0, 32.0), (-200.0, 60.0, 48.0)]);
        assert_eq!(offsets, [None, None], "the card stays put while the page scrolls");
        assert_eq!(settle, Settle::Still);
    }

    #[test]
    fn a_move_shorter_than_the_axis_lock_leaves_the_card_still_and_a_tap_steps_nothing() {
        let (offsets, settle) = swipe(BOTH, false, &[(-5.0, 3.0, 16.0), (-6.0, 3.0, 40.0)]);
        assert_eq!(offsets, [None]);
        assert_eq!(settle, Settle::Still);
    }

    #[test]
    fn at_the_last_event_a_swipe_to_the_next_is_refused_with_a_rubber_band() {
        let last = Ends { previous: true, next: false };
        let (offsets, settle) = swipe(last, false, &[(-20.0, 0.0, 16.0), (-100.0, 0.0, 32.0), (-300.0, 0.0, 48.0), (-300.0, 0.0, 64.0)]);
        let stretch: Vec<f64> = offsets.iter().map(|o| o.expect("horizontal")).collect();
        assert!(stretch[0] > -20.0 && stretch[1] < stretch[0] && stretch[1] > -100.0, "the card stretches less than the finger: {stretch:?}");
        assert!(stretch[2] > -RUBBER_BAND * WIDTH && stretch[2] < stretch[1], "never further than the band: {stretch:?}");
        assert_eq!(settle, Settle::Back, "there is no next event");
    }

    #[test]
    fn at_the_first_event_a_swipe_to_the_previous_is_refused_but_the_next_is_not() {
        let first = Ends { previous: false, next: true };
        let (stretch, back) = swipe(first, false, &[(30.0, 0.0, 16.0), (200.0, 0.0, 48.0), (200.0, 0.0, 64.0)]);
        assert_eq!(back, Settle::Back);
        assert!(stretch.iter().all(|o| o.is_some_and(|o| o > 0.0 && o < RUBBER_BAND * WIDTH)), "{stretch:?}");
        let (_, on) = swipe(first, false, &[(-30.0, 0.0, 16.0), (-200.0, 0.0, 48.0)]);
        assert!(matches!(on, Settle::Step { action: Action::Next, .. }), "{on:?}");
    }

    #[test]
    fn in_a_right_to_left_story_a_leftward_swipe_goes_back() {
        let (offsets, settle) = swipe(BOTH, true, &[(-30.0, 0.0, 16.0), (-120.0, 0.0, 48.0)]);
        assert_eq!(offsets, [Some(-30.0)]);
        assert!(matches!(settle, Settle::Step { action: Action::Previous, .. }), "{settle:?}");
        let (_, forward) = swipe(BOTH, true, &[(30.0, 0.0, 16.0), (120.0, 0.0, 48.0)]);
        assert!(matches!(forward, Settle::Step { action: Action::Next, .. }), "{forward:?}");
    }

    #[test]
    fn a_touch_the_browser_takes_springs_the_card_back_only_if_it_had_moved() {
        let mut sideways = Swipe::new(200.0, 300.0, 0.0, WIDTH, BOTH, false);
        assert_eq!(sideways.moved(170.0, 302.0, 16.0), Some(-30.0));
        assert_eq!(sideways.cancel(), Settle::Back);
        let mut scrolling = Swipe::new(200.0, 300.0, 0.0, WIDTH, BOTH, false);
        assert_eq!(scrolling.moved(199.0, 280.0, 16.0), None);
        assert_eq!(scrolling.cancel(), Settle::Still);
    }
}
