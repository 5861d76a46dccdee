//! Media queries: what the reader's device and settings ask of the widget.

/// Whether the media query `query` (such as `(prefers-reduced-motion: reduce)`) matches now.
pub fn media_matches(query: &str) -> bool {
    gloo_utils::window().match_media(query).ok().flatten().is_some_and(|m| m.matches())
}
