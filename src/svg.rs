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

#[cfg(test)]
mod tests {
    use super::px;

    #[test]
    fn coordinates_are_written_to_a_tenth_of_a_pixel() {
        assert_eq!(px(12.0), "12");
        assert_eq!(px(12.345), "12.3");
        assert_eq!(px(-0.04), "0");
        assert_eq!(px(-2.56), "-2.6");
        assert_eq!(px(0.5), "0.5");
    }
}
