//! A conservative estimate of how wide a label is drawn, so that layouts can keep labels apart without a DOM.
//!
//! Widths are in ems of the system sans-serif fonts the widget uses (no web fonts). Each
//! character class is given at least its widest common glyph, so the estimate errs wide:
//! labels laid out with it may sit a little further apart than needed, never on top of each other.

/// How much wider bold text runs than regular, as a factor on the font size.
pub const BOLD: f64 = 1.1;

/// The estimated width in pixels of `text` drawn at `font_px`.
pub fn text_width(text: &str, font_px: f64) -> f64 {
    text.chars().map(char_em).sum::<f64>() * font_px
}

fn char_em(c: char) -> f64 {
    match c {
        ' ' => 0.33,
        'i' | 'j' | 'l' | '.' | ',' | ':' | ';' | '\'' | '|' | '!' => 0.32,
        'f' | 'r' | 't' | '(' | ')' | '[' | ']' | '-' | '‐' | '"' | '’' | '‘' => 0.45,
        'm' | 'w' => 0.92,
        'M' | 'W' | '@' | '%' => 1.0,
        '0'..='9' => 0.62,
        'a'..='z' => 0.62,
        'A'..='Z' => 0.76,
        '—' | '…' => 1.0,
        // Wide scripts (CJK, Hangul) take a full em; other letters are taken at the widest Latin width.
        c if ('\u{1100}'..='\u{11FF}').contains(&c) || ('\u{2E80}'..='\u{D7AF}').contains(&c) || ('\u{F900}'..='\u{FAFF}').contains(&c) => 1.05,
        _ => 0.8,
    }
}

/// Shortens `text` to fit `max_px` at `font_px`, at a word boundary where one is near, with an ellipsis.
pub fn truncate_to_width(text: &str, max_px: f64, font_px: f64) -> String {
    if text_width(text, font_px) <= max_px {
        return text.to_string();
    }
    let budget = max_px - text_width("…", font_px);
    let mut width = 0.0;
    let mut end = 0;
    for (i, c) in text.char_indices() {
        width += char_em(c) * font_px;
        if width > budget {
            break;
        }
        end = i + c.len_utf8();
    }
    let cut = &text[..end];
    // Whole words only, whenever a space allows it: truncated labels name interactive markers,
    // and a reader using speech input says the words they see, which the marker's name must
    // contain as words (WCAG 2.5.3, Label in Name). A first word too long for the budget is cut.
    let whole = text[end..].starts_with(|c: char| !c.is_alphanumeric());
    let cut = match cut.rfind(' ') {
        Some(space) if !whole => &cut[..space],
        _ => cut,
    };
    format!("{}…", cut.trim_end_matches([' ', ',', ';', ':', '-']))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn wider_glyphs_are_estimated_wider() {
        assert!(text_width("MMMM", 12.0) > text_width("iiii", 12.0));
        assert_eq!(text_width("", 12.0), 0.0);
    }

    #[test]
    fn digits_have_one_width_so_years_line_up() {
        assert_eq!(text_width("2024", 10.0), text_width("1999", 10.0));
    }

    #[test]
    fn truncation_fits_the_budget_and_ends_with_an_ellipsis() {
        let long = "Putin and Kim sign a strategic partnership treaty in Pyongyang";
        let short = truncate_to_width(long, 120.0, 12.0);
        assert!(short.ends_with('…'), "{short}");
        assert!(text_width(&short, 12.0) <= 120.0, "{short}");
        assert!(long.starts_with(short.trim_end_matches('…')));
        assert_eq!(truncate_to_width("Short", 120.0, 12.0), "Short");
    }

    #[test]
    fn truncation_keeps_whole_words_when_there_is_a_space() {
        let long = "Russia launches its full-scale invasion of Ukraine";
        for budget in [60.0, 80.0, 100.0, 140.0, 200.0] {
            let short = truncate_to_width(long, budget, 12.0);
            let kept = short.trim_end_matches('…');
            let words: Vec<&str> = long.split(' ').collect();
            assert!(kept.split(' ').all(|w| words.contains(&w)), "{budget} px gave {short:?}");
        }
        // One word longer than the budget has no space to cut at.
        assert!(truncate_to_width("Supercalifragilistic", 50.0, 12.0).ends_with('…'));
    }

    #[test]
    fn truncation_never_splits_a_character() {
        let s = truncate_to_width("북한군 러시아 파병 보도가 이어졌다", 60.0, 12.0);
        assert!(s.ends_with('…'));
    }
}
