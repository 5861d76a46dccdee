//! Glides the timeline to a new window when the selection moves, so the reader sees where the
//! story went; jumps at once when the reader asked for less motion (`prefers-reduced-motion`)
//! and for their own drags and zooms, which must follow the hand without lag.

use crate::dom;
use yew::prelude::*;

const DURATION_MS: f64 = 280.0;

/// The window to draw now: `target`, reached over a short animation when `selected` changed.
#[hook]
pub fn use_animated_window(target: (f64, f64), selected: Option<usize>) -> (f64, f64) {
    let shown = use_state_eq(|| target);
    let last_selected = use_mut_ref(|| selected);
    {
        let shown = shown.clone();
        use_effect_with(target, move |&to| -> Box<dyn FnOnce()> {
            let moved_by_selection = *last_selected.borrow() != selected;
            *last_selected.borrow_mut() = selected;
            if !moved_by_selection || dom::media_matches("(prefers-reduced-motion: reduce)") {
                shown.set(to);
                return Box::new(|| ());
            }
            let (from, mut start) = (*shown, None);
            let glide = dom::animation_frames(move |now| {
                let t0 = *start.get_or_insert(now);
                let p = ((now - t0) / DURATION_MS).min(1.0);
                let ease = 1.0 - (1.0 - p).powi(3);
                shown.set((from.0 + (to.0 - from.0) * ease, from.1 + (to.1 - from.1) * ease));
                p < 1.0
            });
            // Dropped at the next target or when the timeline unmounts: a glide still running stops.
            Box::new(move || drop(glide))
        });
    }
    *shown
}
