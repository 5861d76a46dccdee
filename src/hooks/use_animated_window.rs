//! Glides the timeline to a new window when the selection moves, so the reader sees where the
//! story went; jumps at once when the reader asked for less motion (`prefers-reduced-motion`)
//! and for their own drags and zooms, which must follow the hand without lag.

use yew::prelude::*;

/// The window to draw now: `target`, reached over a short animation when `selected` changed.
#[hook]
pub fn use_animated_window(target: (f64, f64), selected: Option<usize>) -> (f64, f64) {
    let shown = use_state_eq(|| target);
    let last_selected = use_mut_ref(|| selected);
    {
        let shown = shown.clone();
        use_effect_with(target, move |target| {
            let moved_by_selection = *last_selected.borrow() != selected;
            *last_selected.borrow_mut() = selected;
            #[cfg(target_arch = "wasm32")]
            {
                if moved_by_selection && !frames::reduced_motion() {
                    return frames::animate(*shown, *target, shown);
                }
            }
            let _ = moved_by_selection;
            shown.set(*target);
            Box::new(|| ()) as Box<dyn FnOnce()>
        });
    }
    *shown
}

#[cfg(target_arch = "wasm32")]
mod frames {
    use std::cell::Cell;
    use std::rc::Rc;
    use wasm_bindgen::prelude::*;
    use yew::prelude::*;

    const DURATION_MS: f64 = 280.0;

    pub fn reduced_motion() -> bool {
        web_sys::window()
            .and_then(|w| w.match_media("(prefers-reduced-motion: reduce)").ok().flatten())
            .is_some_and(|m| m.matches())
    }

    /// Steps `shown` from `from` to `to` on animation frames; the cleanup stops a running glide.
    ///
    /// Each frame is a one-shot closure that frees itself after it runs, so a glide that is
    /// cancelled never leaves a freed closure for the browser to call.
    pub fn animate(from: (f64, f64), to: (f64, f64), shown: UseStateHandle<(f64, f64)>) -> Box<dyn FnOnce()> {
        let cancelled = Rc::new(Cell::new(false));
        frame(from, to, shown, None, cancelled.clone());
        Box::new(move || cancelled.set(true))
    }

    fn frame(from: (f64, f64), to: (f64, f64), shown: UseStateHandle<(f64, f64)>, start: Option<f64>, cancelled: Rc<Cell<bool>>) {
        let Some(window) = web_sys::window() else {
            shown.set(to);
            return;
        };
        let step = Closure::once_into_js(move |now: f64| {
            if cancelled.get() {
                return;
            }
            let t0 = start.unwrap_or(now);
            let p = ((now - t0) / DURATION_MS).min(1.0);
            let ease = 1.0 - (1.0 - p).powi(3);
            shown.set((from.0 + (to.0 - from.0) * ease, from.1 + (to.1 - from.1) * ease));
            if p < 1.0 {
                frame(from, to, shown, Some(t0), cancelled);
            }
        });
        let _ = window.request_animation_frame(step.unchecked_ref());
    }
}
