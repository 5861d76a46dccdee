//! Reading and writing one element: an attribute, a custom property, its box, its sideways
//! scroll, pointer capture, and whether the element an event came from matches a selector.

use wasm_bindgen::JsCast;
use web_sys::{Element, Event, HtmlElement};
use yew::NodeRef;

/// Sets the attribute `name` of the element `node` holds.
pub fn set_attribute(node: &NodeRef, name: &str, value: &str) {
    if let Some(el) = node.cast::<Element>() {
        let _ = el.set_attribute(name, value);
    }
}

/// Sets the CSS custom property `name` (`--sl-swipe-x`) on the element `node` holds, through
/// the CSSOM: a strict Content-Security-Policy forbids `style` attributes, not this.
pub fn set_property(node: &NodeRef, name: &str, value: &str) {
    if let Some(el) = node.cast::<HtmlElement>() {
        let _ = el.style().set_property(name, value);
    }
}

/// The left edge of the element `node` holds, in the viewport's pixels, and its inner width
/// (at least 1, so that a fraction of it is never a division by zero).
pub fn left_and_width(node: &NodeRef) -> (f64, f64) {
    node.cast::<Element>().map_or((0.0, 1.0), |el| (el.get_bounding_client_rect().left(), f64::from(el.client_width().max(1))))
}

/// The box `selector` picks inside the element `root` holds, when it scrolls sideways: how far
/// from its content's left edge it shows, and its inner width. In a right-to-left box, which
/// starts at its content's right edge and scrolls by negative amounts, as from the left too.
pub fn sideways_scroll(root: &NodeRef, selector: &str, rtl: bool) -> Option<(f64, f64)> {
    let el = root.cast::<Element>()?.query_selector(selector).ok()??;
    let (width, room) = (f64::from(el.client_width()), f64::from(el.scroll_width() - el.client_width()));
    (room > 0.0).then(|| (if rtl { room + el.scroll_left() as f64 } else { el.scroll_left() as f64 }, width))
}

/// Scrolls the box `selector` picks inside `root` to show its content from `left` (as
/// [`sideways_scroll`] measures it).
pub fn scroll_sideways_to(root: &NodeRef, selector: &str, left: f64, rtl: bool) {
    if let Some(el) = root.cast::<Element>().and_then(|r| r.query_selector(selector).ok().flatten()) {
        let room = f64::from(el.scroll_width() - el.client_width());
        el.set_scroll_left((if rtl { left - room } else { left }).round() as i32);
    }
}

/// Sends the pointer's later events to the element `node` holds, even once it leaves it: a
/// drag goes on outside the timeline.
pub fn capture_pointer(node: &NodeRef, pointer: i32) {
    if let Some(el) = node.cast::<Element>() {
        let _ = el.set_pointer_capture(pointer);
    }
}

/// Whether the element `event` happened on matches the CSS `selector` (".sl-marker", "[open]").
pub fn target_matches(event: &Event, selector: &str) -> bool {
    event.target().and_then(|t| t.dyn_into::<Element>().ok()).is_some_and(|el| el.matches(selector).unwrap_or(false))
}
