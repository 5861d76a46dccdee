//! How much wider than core's estimates the widget's own font draws text, from one width the browser measures.
//!
//! Label widths are estimated for the system sans-serif fonts ([`text_width`]). A page may give
//! the widget another font (`--storyline-font`), and a wider one would run labels past the room
//! laid out for them. So the widget draws [`REFERENCE`] at [`REFERENCE_PX`] in its own font, and
//! [`fit`] turns the width it takes into a factor that every layout multiplies its text sizes
//! by: a label then gets the room its font takes.

use crate::text_width::text_width;

/// A line for the browser to measure in the widget's font: lower case and capitals, digits,
/// spaces and punctuation, as in a label, in the typesetter's sample that no reader could take
/// for news.
pub const REFERENCE: &str = "The quick brown fox jumps over the lazy dog, 19 June 2024";
/// The size it is drawn at: a timeline label's.
pub const REFERENCE_PX: f64 = 13.0;
/// The widest fit taken: a font drawing more than twice as wide as the estimates is not one a
/// page means, and labels laid out for it would keep a word or two.
const MAX: f64 = 2.0;

/// The factor for a font that draws [`REFERENCE`] `measured_px` wide, rounded up to a
/// twentieth. It is never below 1: the estimates already err wide for the system fonts, and
/// keeping them for any narrower font lays a page in the default font out exactly as it was
/// prerendered, with no second layout once the widget is live.
pub fn fit(measured_px: f64) -> f64 {
    let ratio = measured_px / text_width(REFERENCE, REFERENCE_PX);
    // Asked this way round, a NaN (nothing measured) gives 1 too.
    if ratio > 1.0 { ((ratio * 20.0).ceil() / 20.0).min(MAX) } else { 1.0 }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn estimate() -> f64 {
        text_width(REFERENCE, REFERENCE_PX)
    }

    #[test]
    fn a_font_no_wider_than_the_estimates_keeps_them_as_they_are() {
        // The system sans-serif draws the line a little narrower than estimated (DejaVu Sans: 0.95).
        for ratio in [0.5, 0.95, 1.0] {
            assert_eq!(fit(estimate() * ratio), 1.0, "{ratio}");
        }
    }

    #[test]
    fn a_wider_font_scales_by_its_measured_width_rounded_up_to_a_twentieth() {
        assert_eq!(fit(estimate() * 1.28), 1.3);
        assert_eq!(fit(estimate() * 1.31), 1.35);
        assert_eq!(fit(estimate() * 1.001), 1.05);
    }

    #[test]
    fn a_width_that_makes_no_sense_gives_a_sane_fit() {
        assert_eq!(fit(estimate() * 7.0), 2.0);
        assert_eq!(fit(0.0), 1.0);
        assert_eq!(fit(f64::NAN), 1.0);
        assert_eq!(fit(f64::INFINITY), 2.0);
    }
}
