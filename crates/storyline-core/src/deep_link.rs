//! Deep-link fragments: `#event=<id>`, or `#a.event=x&b.event=y` when widgets share a page.
//!
//! Pure string work, so the browser hook that reads and writes `location.hash` stays thin.

/// The value of `key` in a fragment such as `#event=x&other=y`.
pub fn fragment_value(fragment: &str, key: &str) -> Option<String> {
    fragment
        .trim_start_matches('#')
        .split('&')
        .find_map(|pair| pair.split_once('=').filter(|(k, _)| *k == key).map(|(_, v)| decode(v)))
}

/// The flag in a page's fragment that asks the widget to show an editor's details (such as a
/// broken story's problems, each with its path) to whoever opened the page.
pub const DEBUG_FLAG: &str = "storyline-debug";

/// Whether `fragment` (with or without its `#`) carries `flag` as one of its `&`-separated parts.
pub fn has_flag(fragment: &str, flag: &str) -> bool {
    fragment.trim_start_matches('#').split('&').any(|part| part == flag)
}

/// The fragment with `key` set to `value`, other pairs kept in their order.
pub fn with_fragment_value(fragment: &str, key: &str, value: &str) -> String {
    let mut pairs: Vec<String> = fragment
        .trim_start_matches('#')
        .split('&')
        .filter(|p| !p.is_empty() && p.split_once('=').map_or(*p, |(k, _)| k) != key)
        .map(str::to_string)
        .collect();
    pairs.push(format!("{key}={}", encode(value)));
    format!("#{}", pairs.join("&"))
}

/// Ids keep to [A-Za-z0-9_-] (validation enforces it), so only other text needs escaping.
fn encode(value: &str) -> String {
    value
        .bytes()
        .map(|b| if b.is_ascii_alphanumeric() || b == b'-' || b == b'_' { (b as char).to_string() } else { format!("%{b:02X}") })
        .collect()
}

fn decode(value: &str) -> String {
    let bytes = value.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        match (bytes[i], bytes.get(i + 1..i + 3).and_then(|h| u8::from_str_radix(std::str::from_utf8(h).ok()?, 16).ok())) {
            (b'%', Some(b)) => {
                out.push(b);
                i += 3;
            }
            (b, _) => {
                out.push(b);
                i += 1;
            }
        }
    }
    String::from_utf8_lossy(&out).into_owned()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_debug_flag_is_found_among_other_pairs_and_never_inside_one() {
        assert!(has_flag("#storyline-debug", DEBUG_FLAG));
        assert!(has_flag("#event=a&storyline-debug", DEBUG_FLAG));
        assert!(!has_flag("#event=storyline-debug", DEBUG_FLAG));
        assert!(!has_flag("#storyline-debugger", DEBUG_FLAG));
    }

    #[test]
    fn a_fragment_value_is_found_by_its_key() {
        assert_eq!(fragment_value("#event=nis-report", "event").as_deref(), Some("nis-report"));
        assert_eq!(fragment_value("#a.event=x&b.event=y", "b.event").as_deref(), Some("y"));
        assert_eq!(fragment_value("#other=1", "event"), None);
        assert_eq!(fragment_value("", "event"), None);
    }

    #[test]
    fn setting_a_value_keeps_the_other_pairs() {
        assert_eq!(with_fragment_value("#a.event=x&b.event=y", "a.event", "z"), "#b.event=y&a.event=z");
        assert_eq!(with_fragment_value("", "event", "first"), "#event=first");
        assert_eq!(with_fragment_value("#section-2", "event", "e"), "#section-2&event=e");
    }

    #[test]
    fn values_round_trip_through_percent_encoding() {
        let f = with_fragment_value("", "event", "a b&c=d");
        assert_eq!(fragment_value(&f, "event").as_deref(), Some("a b&c=d"));
    }
}
