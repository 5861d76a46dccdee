//! What an editor probably meant: a word of the format spelled the other side of the Atlantic or
//! mistyped by a letter or two, a country by its name or another code, straight quotes where a
//! word processor put typographic ones. Each answer is the fix, in words an editor can act on.

/// The typographic quotes a word processor or a phone's keyboard puts where JSON needs `"`.
const TYPOGRAPHIC_QUOTES: [char; 6] = ['\u{201C}', '\u{201D}', '\u{2018}', '\u{2019}', '\u{201E}', '\u{00AB}'];

/// What to do about a JSON syntax error at `line` and `column` (serde's, counted from 1, the column
/// in bytes) of `text`: replace typographic quotes, when there is one at the place it broke.
pub fn json_syntax_fix(text: &str, line: usize, column: usize) -> Option<&'static str> {
    let line = text.lines().nth(line.checked_sub(1)?)?;
    let at = column.saturating_sub(1).min(line.len());
    // The parser stops on the quote's first byte or just after the character it read last.
    let near = line.char_indices().filter(|(i, c)| *i + c.len_utf8() + 3 >= at && *i <= at + 3);
    near.map(|(_, c)| c).any(|c| TYPOGRAPHIC_QUOTES.contains(&c)).then_some(
        "replace the typographic quotes \u{201C} \u{201D} (and \u{2018} \u{2019}) with straight quotes \", as JSON needs; a word processor or a phone's keyboard puts them in",
    )
}

/// Words of the format whose American spelling editors write: the format spells them the British way.
const SPELLINGS: [(&str, &str); 3] = [("organization", "organisation"), ("defense", "defence"), ("center", "centre")];

/// Other words editors use for a kind of actor, and the format's word for it.
const SYNONYMS: [(&str, &str); 16] = [
    ("country", "state"), ("nation", "state"), ("government", "state"), ("person", "leader"), ("politician", "leader"),
    ("army", "military"), ("armed_forces", "military"), ("navy", "military"), ("business", "company"), ("firm", "company"),
    ("corporation", "company"), ("ngo", "organisation"), ("ship", "other"), ("vessel", "other"), ("court", "other"),
    ("alliance", "group"),
];

/// The fix for `typed`, a value none of `known` (the format's words for one field) is: a word
/// spelled the British way, or one a letter or two away. None when nothing is close.
pub fn word_fix(typed: &str, known: &[&str]) -> Option<String> {
    let normal = typed.trim().to_ascii_lowercase().replace([' ', '-'], "_");
    let british = SPELLINGS.iter().fold(normal.clone(), |w, (us, uk)| w.replace(us, uk));
    if british != normal && known.contains(&british.as_str()) {
        return Some(format!("the format spells it the British way: write \"{british}\""));
    }
    if let Some((_, word)) = SYNONYMS.iter().find(|(other, word)| *other == normal && known.contains(word)) {
        return Some(match *word {
            "other" => format!("use \"other\", with \"kind_label\": \"{normal}\" to say what it is"),
            word => format!("the format calls it \"{word}\""),
        });
    }
    if normal != typed && known.contains(&normal.as_str()) {
        return Some(format!("write \"{normal}\", in lower case with _ between words"));
    }
    // A slip of one letter in a short word, two in a longer one.
    let allowed = if normal.chars().count() <= 5 { 1 } else { 2 };
    let (distance, nearest) = known.iter().map(|k| (edits(&normal, k), *k)).min()?;
    (distance <= allowed).then(|| format!("did you mean \"{nearest}\"?"))
}

/// The Levenshtein distance between two words.
fn edits(a: &str, b: &str) -> usize {
    let b: Vec<char> = b.chars().collect();
    let mut row: Vec<usize> = (0..=b.len()).collect();
    for (i, ca) in a.chars().enumerate() {
        let mut diagonal = row[0];
        row[0] = i + 1;
        for (j, cb) in b.iter().enumerate() {
            let next = (row[j + 1] + 1).min(row[j] + 1).min(diagonal + usize::from(ca != *cb));
            diagonal = row[j + 1];
            row[j + 1] = next;
        }
    }
    row[b.len()]
}

/// Names and codes editors write for a country, with its ISO 3166-1 alpha-2 code: the ones a
/// news desk meets most, and the other codes that look like one (UK, EL, three letters).
const COUNTRY_NAMES: [(&str, &str); 59] = [
    ("uk", "GB"), ("united kingdom", "GB"), ("britain", "GB"), ("great britain", "GB"), ("england", "GB"), ("scotland", "GB"),
    ("wales", "GB"), ("northern ireland", "GB"), ("gbr", "GB"), ("usa", "US"), ("united states", "US"),
    ("united states of america", "US"), ("america", "US"), ("russia", "RU"), ("russian federation", "RU"), ("rus", "RU"),
    ("north korea", "KP"), ("dprk", "KP"), ("prk", "KP"), ("nk", "KP"), ("south korea", "KR"), ("republic of korea", "KR"),
    ("rok", "KR"), ("kor", "KR"), ("ukraine", "UA"), ("ukr", "UA"), ("china", "CN"), ("prc", "CN"), ("chn", "CN"),
    ("iran", "IR"), ("israel", "IL"), ("germany", "DE"), ("deu", "DE"), ("france", "FR"), ("fra", "FR"), ("japan", "JP"),
    ("india", "IN"), ("taiwan", "TW"), ("turkey", "TR"), ("türkiye", "TR"), ("syria", "SY"), ("saudi arabia", "SA"),
    ("uae", "AE"), ("united arab emirates", "AE"), ("egypt", "EG"), ("palestine", "PS"), ("netherlands", "NL"),
    ("holland", "NL"), ("el", "GR"), ("greece", "GR"), ("switzerland", "CH"), ("spain", "ES"), ("italy", "IT"),
    ("poland", "PL"), ("canada", "CA"), ("panama", "PA"), ("liberia", "LR"), ("marshall islands", "MH"), ("belarus", "BY"),
];

/// The fix for a country that is not an alpha-2 code: the code for a name or another code, the
/// code in capitals, or what to do about a union of countries.
pub fn country_fix(typed: &str, is_code: impl Fn(&str) -> bool) -> Option<String> {
    let upper = typed.trim().to_ascii_uppercase();
    if is_code(&upper) {
        return Some(format!("write it in capitals: \"{upper}\""));
    }
    let lower = typed.trim().to_ascii_lowercase();
    let lower = lower.trim_start_matches("the ");
    if let Some((_, code)) = COUNTRY_NAMES.iter().find(|(name, _)| *name == lower) {
        return Some(format!("write \"{code}\""));
    }
    (lower == "eu" || lower == "european union")
        .then(|| "the European Union is no country: leave country out, or make it an actor of kind group and set part_of".into())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::country::is_country_code;

    #[test]
    fn an_american_spelling_is_told_the_british_one() {
        let kinds = ["state", "organisation", "group"];
        assert_eq!(word_fix("organization", &kinds).unwrap(), "the format spells it the British way: write \"organisation\"");
    }

    #[test]
    fn a_near_miss_is_told_the_nearest_word_and_a_far_one_nothing() {
        let kinds = ["allied_with", "supports", "sanctions"];
        assert_eq!(word_fix("alied_with", &kinds).unwrap(), "did you mean \"allied_with\"?");
        assert_eq!(word_fix("Allied With", &kinds).unwrap(), "write \"allied_with\", in lower case with _ between words");
        assert_eq!(word_fix("owns", &kinds), None);
        let kinds = ["state", "company", "other"];
        assert_eq!(word_fix("country", &kinds).unwrap(), "the format calls it \"state\"");
        assert_eq!(word_fix("ship", &kinds).unwrap(), "use \"other\", with \"kind_label\": \"ship\" to say what it is");
        assert_eq!(edits("kitten", "sitting"), 3);
    }

    #[test]
    fn a_country_by_name_or_another_code_is_told_its_code() {
        assert_eq!(country_fix("UK", is_country_code).unwrap(), "write \"GB\"");
        assert_eq!(country_fix("United Kingdom", is_country_code).unwrap(), "write \"GB\"");
        assert_eq!(country_fix("USA", is_country_code).unwrap(), "write \"US\"");
        assert_eq!(country_fix("kp", is_country_code).unwrap(), "write it in capitals: \"KP\"");
        assert!(country_fix("EU", is_country_code).unwrap().contains("no country"));
        assert_eq!(country_fix("Atlantis", is_country_code), None);
    }

    #[test]
    fn every_country_name_leads_to_an_assigned_code() {
        for (name, code) in COUNTRY_NAMES {
            assert!(is_country_code(code), "{name} → {code}");
            assert!(!is_country_code(&name.to_uppercase()), "{name} is a code already");
        }
    }

    #[test]
    fn typographic_quotes_where_json_broke_are_named() {
        let text = "{\n  \"storyline\": 1,\n  \u{201C}story\u{201D}: {}\n}";
        let error = serde_json::from_str::<serde_json::Value>(text).unwrap_err();
        assert!(json_syntax_fix(text, error.line(), error.column()).unwrap().contains("straight quotes"));
        let plain = "{\n  \"storyline\": 1,\n  story: {}\n}";
        let error = serde_json::from_str::<serde_json::Value>(plain).unwrap_err();
        assert_eq!(json_syntax_fix(plain, error.line(), error.column()), None);
    }
}
