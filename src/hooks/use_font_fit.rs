//! The widget's font, measured: how long it draws core's reference line, told to the store.

use crate::dom;
use crate::store::Dispatch;
use storyline_core::view_state::Action;
use yew::prelude::*;

/// Tells the store how long the `<text>` that `node` holds (core's `font_fit::REFERENCE`, drawn
/// at a label's size) runs in the widget's font: once the widget is live, and again whenever
/// the line's size changes, as when a web font it was waiting for arrives or the page sets
/// another font. Core then fits the labels' widths to the font. The server and the render that
/// hydrates measure nothing: both lay out with the estimates as they are.
#[hook]
pub fn use_font_fit(node: NodeRef, dispatch: Dispatch) {
    use_effect_with(node, move |node| {
        let line = node.clone();
        let measure = move || dispatch.dispatch(Action::FontMeasured(dom::text_length(&line)));
        measure();
        // The observer only says when to measure again: what it reports of an SVG text (its
        // box, in units that differ between engines) is not the line's length.
        let observer = dom::observe_width(node, move |_| measure());
        move || drop(observer)
    });
}
