//! Running a step on each animation frame until it is done or stopped.

use std::cell::Cell;
use std::rc::Rc;
use wasm_bindgen::prelude::*;

/// A running sequence of frames; dropping it stops it before its next frame.
#[must_use = "the frames stop as soon as this is dropped"]
pub struct Frames(Rc<Cell<bool>>);

impl Drop for Frames {
    fn drop(&mut self) {
        self.0.set(true);
    }
}

/// Calls `step` on each animation frame with the frame's time (ms) until it answers `false`.
pub fn animation_frames(step: impl FnMut(f64) -> bool + 'static) -> Frames {
    let stopped = Rc::new(Cell::new(false));
    request(Box::new(step), stopped.clone());
    Frames(stopped)
}

/// Each frame is a one-shot closure that frees itself after it runs, so frames that are
/// stopped never leave a freed closure for the browser to call.
fn request(mut step: Box<dyn FnMut(f64) -> bool>, stopped: Rc<Cell<bool>>) {
    let frame = Closure::once_into_js(move |now: f64| {
        if !stopped.get() && step(now) {
            request(step, stopped);
        }
    });
    let _ = gloo_utils::window().request_animation_frame(frame.unchecked_ref());
}
