//! The reader's own storage in their browser (`localStorage`), for what the widget remembers
//! between visits. A browser may have none, refuse it (a sandboxed frame, a private window, a
//! full quota) or throw on any call: every such case reads as nothing kept, and writes nothing.

/// What is kept under `key`, if the browser keeps anything for this page.
pub fn stored(key: &str) -> Option<String> {
    let storage = gloo_utils::window().local_storage().ok().flatten()?;
    storage.get_item(key).ok().flatten()
}

/// Keeps `value` under `key`, if the browser lets the page keep anything.
pub fn store(key: &str, value: &str) {
    if let Some(storage) = gloo_utils::window().local_storage().ok().flatten() {
        let _ = storage.set_item(key, value);
    }
}
