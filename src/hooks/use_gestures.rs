//! Zoom and pan by hand: Ctrl/Cmd + wheel and pinch zoom, a mouse's drag and two fingers pan.
//! (One finger's swipe steps to the next or previous event: `use_swipe`.)
//!
//! A plain wheel is never taken: it scrolls the page as the reader expects. The wheel
//! listener is registered non-passive only so that Ctrl + wheel can stop the browser's own
//! page zoom. A press becomes a drag only after it moves a few pixels, so a click on a
//! marker stays a click.

use crate::dom::{self, Passive};
use crate::store::Dispatch;
use std::cell::RefCell;
use std::rc::Rc;
use storyline_core::gestures::{wheel_zoom, Pointers};
use yew::prelude::*;

#[hook]
pub fn use_gestures(node: NodeRef, dispatch: Dispatch) {
    use_effect_with(node, move |node| {
        let pointers = Rc::new(RefCell::new(Pointers::default()));
        let wheel = {
            let (el, dispatch) = (node.clone(), dispatch.clone());
            dom::listen(node, "wheel", Passive::No, move |e: &WheelEvent| {
                if !(e.ctrl_key() || e.meta_key()) {
                    return;
                }
                e.prevent_default();
                let (left, width) = dom::left_and_width(&el);
                dispatch.dispatch(wheel_zoom(e.delta_y(), f64::from(e.client_x()), left, width));
            })
        };
        let down = {
            let pointers = pointers.clone();
            dom::listen(node, "pointerdown", Passive::Yes, move |e: &PointerEvent| {
                pointers.borrow_mut().press(e.pointer_id(), f64::from(e.client_x()), f64::from(e.client_y()), e.pointer_type() == "touch");
            })
        };
        let moves = {
            let (pointers, el) = (pointers.clone(), node.clone());
            dom::listen(node, "pointermove", Passive::Yes, move |e: &PointerEvent| {
                let (left, width) = dom::left_and_width(&el);
                let moved = pointers.borrow_mut().moved(e.pointer_id(), f64::from(e.client_x()), f64::from(e.client_y()), left, width);
                if moved.capture {
                    dom::capture_pointer(&el, e.pointer_id());
                }
                for action in moved.actions {
                    dispatch.dispatch(action);
                }
            })
        };
        let ends = ["pointerup", "pointercancel"].map(|end| {
            let pointers = pointers.clone();
            dom::listen(node, end, Passive::Yes, move |e: &PointerEvent| pointers.borrow_mut().release(e.pointer_id()))
        });
        move || drop((wheel, down, moves, ends))
    });
}
