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
    use std::cell::{Cell, RefCell};
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
    pub fn animate(from: (f64, f64), to: (f64, f64), shown: UseStateHandle<(f64, f64)>) -> Box<dyn FnOnce()> {
        let Some(window) = web_sys::window() else {
            shown.set(to);
            return Box::new(|| ());
        };
        let cancelled = Rc::new(Cell::new(false));
        let tick: Rc<RefCell<Option<Closure<dyn FnMut(f64)>>>> = Rc::new(RefCell::new(None));
        let start = Rc::new(Cell::new(None::<f64>));
        {
            let (tick2, cancelled, window) = (tick.clone(), cancelled.clone(), window.clone());
            *tick.borrow_mut() = Some(Closure::new(move |now: f64| {
                if cancelled.get() {
                    return;
                }
                let t0 = start.get().unwrap_or_else(|| {
                    start.set(Some(now));
                    now
                });
                let p = ((now - t0) / DURATION_MS).min(1.0);
                let ease = 1.0 - (1.0 - p).powi(3);
                shown.set((from.0 + (to.0 - from.0) * ease, from.1 + (to.1 - from.1) * ease));
                if p < 1.0 {
                    if let Some(cb) = tick2.borrow().as_ref() {
                        let _ = window.request_animation_frame(cb.as_ref().unchecked_ref());
                    }
                }
            }));
        }
        if let Some(cb) = tick.borrow().as_ref() {
            let _ = window.request_animation_frame(cb.as_ref().unchecked_ref());
        }
        Box::new(move || {
            cancelled.set(true);
            // Break the closure's reference to itself so it can be freed.
            tick.borrow_mut().take();
        })
    }
}
