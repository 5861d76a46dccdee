//! Moving the keyboard focus, and noticing when it was lost.

use wasm_bindgen::JsCast;
use web_sys::{Element, HtmlElement};
use yew::NodeRef;

/// Focuses the `nth` element inside `root` that matches the CSS `selector`, if there is one.
pub fn focus(root: &NodeRef, selector: &str, nth: u32) {
    let Some(root) = root.cast::<Element>() else { return };
    if let Some(el) = root.query_selector_all(selector).ok().and_then(|all| all.item(nth)) {
        // `focus` belongs to HTML and SVG elements alike, and the glue calls it by name: an
        // SVG marker is focused through the HTML element's binding.
        let _ = el.unchecked_ref::<HtmlElement>().focus();
    }
}

/// Whether nothing has focus any more: the focused element was removed (with a closed card)
/// and focus fell back to the page's body.
pub fn focus_is_lost() -> bool {
    let document = gloo_utils::document();
    match (document.active_element(), document.body()) {
        (None, _) => true,
        (Some(active), Some(body)) => active == *body.as_ref(),
        (Some(_), None) => false,
    }
}
