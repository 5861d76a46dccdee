//! Swiping between events on a touch screen, on the event card or on the timeline: what the
//! finger swipes (the card, or the timeline's axis) follows it, then settles, on the next or
//! previous event or back where it was, as core's `swipe` decides.
//!
//! Only touch is heard: a mouse drag over the card selects its text as it always did, and over
//! the timeline pans it (`use_gestures`). The card's `touch-action: pan-y pinch-zoom` and the
//! timeline's `pan-y` (storyline.css) leave vertical scrolling to the browser, so these listeners
//! are passive and cancel nothing: a vertical swipe scrolls the page, and the browser's
//! `pointercancel` when it takes a touch sends the card back.
//!
//! The offset is the custom property `--sl-swipe-x`, set through the CSSOM (a strict CSP forbids
//! `style` attributes, not that), and `data-swipe` says whether the card follows the finger or
//! glides to rest. The stylesheet turns them into a transform only when the reader has not asked
//! for reduced motion: then the step still happens, without the motion.

use crate::dom::{self, Frames, Passive};
use crate::store::Dispatch;
use crate::svg::px;
use std::cell::RefCell;
use std::rc::Rc;
use storyline_core::swipe::{Settle, Swipe};
use storyline_core::view_state::Ends;
use yew::prelude::*;

/// The swipe under way, with its finger's id, and the settling that waits for its frames.
#[derive(Default)]
struct Gesture {
    swipe: Option<(i32, Swipe)>,
    settling: Option<Frames>,
}

/// What a pointer event's handler needs: the element swiped, the store, the gesture, and the
/// selection's `Ends` and direction as of the last render.
#[derive(Clone)]
struct Card {
    el: NodeRef,
    enters: bool,
    dispatch: Dispatch,
    gesture: Rc<RefCell<Gesture>>,
    current: Rc<RefCell<(Ends, bool)>>,
}

/// Makes the element `node` holds (the event card, or the timeline) step through the story by
/// touch. `ends` and `rtl` are read when a finger comes down, so they are always the current
/// selection's. When `enters`, a step brings the new event in from the side the finger swept
/// away from (a card); otherwise what was swiped glides back to its place (the axis, on which the
/// new event is already in view, or the window glides to it).
#[hook]
pub fn use_swipe(node: NodeRef, dispatch: Dispatch, ends: Ends, rtl: bool, enters: bool) {
    let current = use_mut_ref(|| (ends, rtl));
    *current.borrow_mut() = (ends, rtl);
    use_effect_with(node, move |node| {
        let card = Card { el: node.clone(), enters, dispatch, gesture: Rc::default(), current };
        // One handler for the four events keeps the wasm small.
        let listeners = ["pointerdown", "pointermove", "pointerup", "pointercancel"].map(|kind| {
            let card = card.clone();
            dom::listen(node, kind, Passive::Yes, move |e: &PointerEvent| card.pointer(kind, e))
        });
        move || drop(listeners)
    });
}

impl Card {
    fn pointer(&self, kind: &str, e: &PointerEvent) {
        let (id, x, y, t) = (e.pointer_id(), f64::from(e.client_x()), f64::from(e.client_y()), e.time_stamp());
        let mut g = self.gesture.borrow_mut();
        let how = match (kind, g.swipe.take()) {
            ("pointerdown", None) if e.pointer_type() == "touch" => {
                let (ends, rtl) = *self.current.borrow();
                let (_, width) = dom::left_and_width(&self.el);
                // A settling still under way is left to finish: cut short, it would leave the
                // card off its place if this touch turns out to be a tap.
                g.swipe = Some((id, Swipe::new(x, y, t, width, ends, rtl)));
                return;
            }
            // A second finger is a pinch, not a swipe.
            ("pointerdown", Some((_, swipe))) => swipe.cancel(),
            ("pointermove", Some((finger, mut swipe))) if finger == id => {
                if let Some(offset) = swipe.moved(x, y, t) {
                    dom::set_attribute(&self.el, "data-swipe", "follow");
                    dom::set_property(&self.el, "--sl-swipe-x", &format!("{}px", px(offset)));
                }
                g.swipe = Some((finger, swipe));
                return;
            }
            ("pointerup", Some((finger, swipe))) if finger == id => swipe.end(x, y, t),
            ("pointercancel", Some((finger, swipe))) if finger == id => swipe.cancel(),
            (_, other) => {
                g.swipe = other;
                return;
            }
        };
        drop(g);
        self.settle(how);
    }

    /// Sends the card to rest: back from where the finger left it, or, for a step, the new
    /// event from the side the finger swept away from.
    fn settle(&self, how: Settle) {
        match how {
            Settle::Still => {}
            Settle::Back => rest(&self.el),
            Settle::Step { action, .. } if !self.enters => {
                self.dispatch.dispatch(action);
                rest(&self.el);
            }
            Settle::Step { action, from } => {
                self.dispatch.dispatch(action);
                // The new event is drawn at `from` for one frame before it glides: a transition
                // starts from the offset the browser last drew, not from one set in the same frame.
                dom::set_property(&self.el, "--sl-swipe-x", &format!("{}px", px(from)));
                let (el, mut frames) = (self.el.clone(), 0);
                self.gesture.borrow_mut().settling = Some(dom::animation_frames(move |_| {
                    frames += 1;
                    if frames < 2 {
                        return true;
                    }
                    rest(&el);
                    false
                }));
            }
        }
    }
}

/// The card glides back to its place (storyline.css gives `data-swipe="settle"` a transition).
fn rest(el: &NodeRef) {
    dom::set_attribute(el, "data-swipe", "settle");
    dom::set_property(el, "--sl-swipe-x", "0px");
}
