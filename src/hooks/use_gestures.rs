//! Zoom and pan by hand: Ctrl/Cmd + wheel and pinch zoom, drag and swipe pan.
//!
//! A plain wheel is never taken: it scrolls the page as the reader expects. The wheel
//! listener is registered non-passive only so that Ctrl + wheel can stop the browser's own
//! page zoom. A press becomes a drag only after it moves a few pixels, so a click on a
//! marker stays a click.

use crate::store::Dispatch;
use yew::prelude::*;

#[hook]
pub fn use_gestures(node: NodeRef, dispatch: Dispatch) {
    use_effect_with(node, move |node| {
        #[cfg(target_arch = "wasm32")]
        {
            listen::start(node.clone(), dispatch)
        }
        #[cfg(not(target_arch = "wasm32"))]
        {
            let _ = (node, dispatch);
            || ()
        }
    });
}

#[cfg(target_arch = "wasm32")]
mod listen {
    use crate::store::Dispatch;
    use std::cell::RefCell;
    use std::rc::Rc;
    use storyline_core::gestures::{wheel_zoom, Pointers};
    use wasm_bindgen::prelude::*;
    use web_sys::{AddEventListenerOptions, Element, PointerEvent, WheelEvent};
    use yew::prelude::*;

    pub fn start(node: NodeRef, dispatch: Dispatch) -> impl FnOnce() {
        let Some(el) = node.cast::<Element>() else {
            return Box::new(|| ()) as Box<dyn FnOnce()>;
        };
        let width = {
            let el = el.clone();
            move || f64::from(el.client_width().max(1))
        };
        let left = {
            let el = el.clone();
            move || el.get_bounding_client_rect().left()
        };
        let mut listeners: Vec<(&'static str, Closure<dyn FnMut(web_sys::Event)>)> = Vec::new();

        {
            let (dispatch, width, left) = (dispatch.clone(), width.clone(), left.clone());
            listeners.push((
                "wheel",
                Closure::new(move |e: web_sys::Event| {
                    let e: WheelEvent = e.unchecked_into();
                    if !(e.ctrl_key() || e.meta_key()) {
                        return;
                    }
                    e.prevent_default();
                    dispatch.dispatch(wheel_zoom(e.delta_y(), f64::from(e.client_x()), left(), width()));
                }),
            ));
        }
        let pointers = Rc::new(RefCell::new(Pointers::default()));
        {
            let pointers = pointers.clone();
            listeners.push((
                "pointerdown",
                Closure::new(move |e: web_sys::Event| {
                    let e: PointerEvent = e.unchecked_into();
                    pointers.borrow_mut().press(e.pointer_id(), f64::from(e.client_x()), f64::from(e.client_y()));
                }),
            ));
        }
        {
            let (pointers, dispatch, el2) = (pointers.clone(), dispatch.clone(), el.clone());
            listeners.push((
                "pointermove",
                Closure::new(move |e: web_sys::Event| {
                    let e: PointerEvent = e.unchecked_into();
                    let moved = pointers.borrow_mut().moved(e.pointer_id(), f64::from(e.client_x()), f64::from(e.client_y()), left(), width());
                    if moved.capture {
                        let _ = el2.set_pointer_capture(e.pointer_id());
                    }
                    if let Some(action) = moved.action {
                        dispatch.dispatch(action);
                    }
                }),
            ));
        }
        for end in ["pointerup", "pointercancel"] {
            let pointers = pointers.clone();
            listeners.push((
                end,
                Closure::new(move |e: web_sys::Event| {
                    let e: PointerEvent = e.unchecked_into();
                    pointers.borrow_mut().release(e.pointer_id());
                }),
            ));
        }
        for (name, callback) in &listeners {
            let options = AddEventListenerOptions::new();
            options.set_passive(*name != "wheel");
            let _ = el.add_event_listener_with_callback_and_add_event_listener_options(name, callback.as_ref().unchecked_ref(), &options);
        }
        Box::new(move || {
            for (name, callback) in &listeners {
                let _ = el.remove_event_listener_with_callback(name, callback.as_ref().unchecked_ref());
            }
            drop(listeners);
        }) as Box<dyn FnOnce()>
    }
}
