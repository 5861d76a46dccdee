//! Performance marks: named moments on the page's timeline that tests and benchmarks wait on.

/// Adds the performance mark `name`.
pub fn mark(name: &str) {
    if let Some(performance) = gloo_utils::window().performance() {
        let _ = performance.mark(name);
    }
}
