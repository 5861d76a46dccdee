//! Numbers for SVG attributes.

/// Rounds a coordinate to a tenth of a pixel: enough for SVG, and stable text for SSR and tests.
/// Integer formatting only: float formatting would add kilobytes of wasm for no gain here.
pub fn px(v: f64) -> String {
    let tenths = (v * 10.0).round() as i64;
    let (sign, abs) = if tenths < 0 { ("-", -tenths) } else { ("", tenths) };
    match abs % 10 {
        0 if abs == 0 => "0".to_string(),
        0 => format!("{sign}{}", abs / 10),
        d => format!("{sign}{}.{d}", abs / 10),
    }
}

/// Writes a scale to a thousandth: a tenth would draw a map held at 11/12 of full size at 0.9,
/// its labels at 10.8 px instead of 11.
pub fn zoom(v: f64) -> String {
    let thousandths = (v.max(0.0) * 1000.0).round() as u64;
    match thousandths % 1000 {
        0 => format!("{}", thousandths / 1000),
        d => format!("{}.{:03}", thousandths / 1000, d).trim_end_matches('0').to_string(),
    }
}

#[cfg(test)]
mod tests {
    use super::{px, zoom};

    #[test]
    fn scales_are_written_to_a_thousandth() {
        assert_eq!(zoom(1.0), "1");
        assert_eq!(zoom(11.0 / 12.0), "0.917");
        assert_eq!(zoom(0.5), "0.5");
        assert_eq!(zoom(0.05), "0.05");
        assert_eq!(zoom(2.0), "2");
    }

    #[test]
    fn coordinates_are_written_to_a_tenth_of_a_pixel() {
        assert_eq!(px(12.0), "12");
        assert_eq!(px(12.345), "12.3");
        assert_eq!(px(-0.04), "0");
        assert_eq!(px(-2.56), "-2.6");
        assert_eq!(px(0.5), "0.5");
    }
}
