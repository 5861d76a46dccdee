//! The page's address: reading its fragment and rewriting it without a history entry.

use wasm_bindgen::JsValue;

/// The page's fragment with its `#` ("" when there is none).
pub fn hash() -> String {
    gloo_utils::window().location().hash().unwrap_or_default()
}

/// Replaces the page's address with `url` (such as `#event=treaty`) in the current history
/// entry, so that following the reader's clicks never floods the back button.
pub fn replace_url(url: &str) {
    if let Ok(history) = gloo_utils::window().history() {
        let _ = history.replace_state_with_url(&JsValue::NULL, "", Some(url));
    }
}
