//! Whether a story's whole map fits beside the event card on a desktop, or goes under it: a map
//! wider than its column would hide part of itself behind a sideways scrollbar.
//!
//! Decided from the story alone, at font fit 1, so that the prerendered page and the live widget
//! carry the same answer and nothing moves when the widget goes live.

use crate::map_scene::{map_height, map_layout, PHONE_WIDTH};
use crate::model::Dataset;

/// The viewport width from which the stylesheet sets the map beside the card (its `@media
/// (min-width: 960px)` on `.sl-panels`).
pub const SIDE_FROM_VIEWPORT: f64 = 960.0;

/// The widget's widest box, `.storyline`'s `max-width: 72em` at the default 16 px font.
pub const WIDGET_MAX_WIDTH: f64 = 72.0 * 16.0;

/// The widest classic scrollbar (Windows', 17 px): a media query's width counts it, the page's
/// layout does not, so a column is worked out for the viewport less this.
pub const SCROLLBAR: f64 = 17.0;

/// The viewport width from which the map's column is as wide as it gets, with a scrollbar or
/// without: the stylesheet's `@media (min-width: 1169px)` for a map that fits only there.
pub const WIDEST_FROM_VIEWPORT: f64 = WIDGET_MAX_WIDTH + SCROLLBAR;

/// What `.storyline`'s inline padding (`1em` each side) and the grid's `gap: 0.75em` take from
/// the two columns, at 16 px.
pub const SIDE_TAKEN: f64 = 2.0 * 16.0 + 0.75 * 16.0;

/// The map's share of what is left: `.sl-panels`'s columns are `5fr` (the card) and `6fr` (the map).
pub const MAP_SHARE: f64 = 6.0 / 11.0;

/// The map's column beside the card, at its narrowest, in a widget on a page `viewport` px wide
/// (as a media query counts it) with no margin of its own: the widget's own page.
pub fn side_column(viewport: f64) -> f64 {
    ((viewport - SCROLLBAR).min(WIDGET_MAX_WIDTH) - SIDE_TAKEN) * MAP_SHARE
}

/// Where the map panel goes on a desktop, as the class `.sl-panels` carries.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Beside {
    /// The whole map fits its column at every viewport where the card has a column beside it.
    Anywhere,
    /// It fits only the widest column: beside the card from [`WIDEST_FROM_VIEWPORT`] up, under it below.
    WidestOnly,
    /// It fits no column beside the card: the map always goes under it, full width.
    Never,
}

impl Beside {
    /// The story's answer: its whole map laid out for a column as the widget lays it out
    /// (`map_height` tall, at font fit 1), and whether it keeps to the column's width or grows
    /// past it to keep its labels at 11 px. Besides the narrowest column and the widest, it is
    /// tried at [`PHONE_WIDTH`], where the box turns from tall to wide: the shortest box of all.
    pub fn of(dataset: &Dataset) -> Beside {
        let fits = |w: f64| map_layout(dataset, w, map_height(w), 1.0).width <= w + 0.5;
        let (narrowest, widest) = (side_column(SIDE_FROM_VIEWPORT), side_column(WIDEST_FROM_VIEWPORT));
        if dataset.actors.is_empty() || [narrowest, PHONE_WIDTH, widest].into_iter().all(fits) {
            Beside::Anywhere
        } else if fits(widest) {
            Beside::WidestOnly
        } else {
            Beside::Never
        }
    }

    /// The class on `.sl-panels` the stylesheet places the map by.
    pub fn class(self) -> &'static str {
        match self {
            Beside::Anywhere => "sl-map-beside",
            Beside::WidestOnly => "sl-map-beside-widest",
            Beside::Never => "sl-map-under",
        }
    }
}
