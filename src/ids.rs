//! Element ids, one set per widget: two widgets on one page must never share an id, or each
//! `aria-labelledby` (and every `#sl-event-…` link) would point into the first widget only.
//!
//! The prefix comes from the widget's deep-link key, which already differs between widgets on
//! one page, so ids are deterministic: the server and the browser write the same ones, and
//! hydration finds what was prerendered. The default key ("event") has no prefix, so a page
//! with one widget keeps the plain ids (`storyline-title`, `sl-event-<id>`).

use yew::prelude::*;

/// What every id of one widget starts with ("" or, for the key `a.event`, `a-event-`).
#[derive(Clone, Debug, Default, PartialEq)]
pub struct IdPrefix(AttrValue);

impl IdPrefix {
    /// The prefix for the deep-link key `key`: its characters outside `[A-Za-z0-9_-]` become `-`,
    /// so the ids stay valid in CSS selectors without escaping.
    pub fn for_key(key: &str) -> IdPrefix {
        if key == "event" {
            return IdPrefix::default();
        }
        let safe: String = key.chars().map(|c| if c.is_ascii_alphanumeric() || c == '_' || c == '-' { c } else { '-' }).collect();
        IdPrefix(format!("{safe}-").into())
    }

    /// The id `name` of this widget.
    pub fn id(&self, name: &str) -> String {
        format!("{}{name}", self.0)
    }
}

/// The prefix of the widget this component is in (none outside a widget, as in component tests).
#[hook]
pub fn use_ids() -> IdPrefix {
    use_context::<IdPrefix>().unwrap_or_default()
}

#[cfg(test)]
mod tests {
    use super::IdPrefix;

    #[test]
    fn the_default_key_keeps_plain_ids_and_other_keys_prefix_them() {
        assert_eq!(IdPrefix::for_key("event").id("storyline-title"), "storyline-title");
        assert_eq!(IdPrefix::for_key("a.event").id("storyline-title"), "a-event-storyline-title");
        assert_eq!(IdPrefix::for_key("first.event").id("sl-event-x"), "first-event-sl-event-x");
        assert_eq!(IdPrefix::for_key("b c#d").id("t"), "b-c-d-t");
    }
}
