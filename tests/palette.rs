//! The palette in assets/storyline.css meets WCAG 2.x contrast in the light and the dark scheme.
#![cfg(not(target_arch = "wasm32"))]

use std::collections::BTreeMap;

const CSS: &str = include_str!("../assets/storyline.css");

/// Text pairs (WCAG 1.4.3, 4.5:1): foreground, background, where the stylesheet draws them.
const TEXT: &[(&str, &str, &str)] = &[
    ("fg", "bg", "body text, event titles, tick labels"),
    ("fg", "surface", "buttons, card text, cluster labels, marker labels on surface bands"),
    ("fg", "era", "major tick and marker labels over era bands"),
    ("muted", "bg", "dateline, counter, filter names, list dates, tick labels"),
    ("muted", "surface", "card meta, attribution, headings, disabled buttons, labels on surface bands"),
    ("muted", "era", "tick and era labels over era bands"),
    ("accent", "bg", "links, filter summary"),
    ("accent", "surface", "links in the card"),
    ("bg", "accent", "pressed button label"),
    ("focus", "bg", "focused marker label"),
    ("focus", "surface", "focused marker label on surface bands"),
    ("focus", "era", "focused marker label over era bands"),
    ("fg", "region", "map labels inside a group's region"),
    ("muted", "region", "labels of actors not in the selected event, inside a region"),
    ("confirmed", "surface", "status badge in the card"),
    ("confirmed", "bg", "status badge in the event list"),
    ("reported", "surface", "status badge in the card"),
    ("reported", "bg", "status badge in the event list"),
    ("claimed", "surface", "status badge in the card"),
    ("claimed", "bg", "status badge in the event list"),
    ("denied", "surface", "status badge in the card"),
    ("denied", "bg", "status badge in the event list"),
    ("disputed", "surface", "status badge in the card"),
    ("disputed", "bg", "status badge in the event list"),
    ("not-stated", "surface", "status badge in the card"),
    ("not-stated", "bg", "status badge in the event list"),
];

/// Dots drawn over the page and over both kinds of era band (they alternate era/surface).
const DOTS: &[&str] = &["accent", "confirmed", "reported", "claimed", "denied", "disputed", "not-stated"];
const BANDS: &[&str] = &["bg", "era", "surface"];

/// The map's edge colours, one per relation kind, drawn on the page and in the legend.
const EDGES: &[&str] = &[
    "rel-allied", "rel-weapons", "rel-troops", "rel-supports", "rel-war",
    "rel-invades", "rel-threatens", "rel-sanctions", "rel-meets", "rel-denies", "rel-custom",
];

/// Non-text pairs (WCAG 1.4.11, 3:1): marker and list dots, map edges, and the focus ring/stroke.
fn ui_pairs() -> Vec<(&'static str, &'static str, &'static str)> {
    let mut pairs: Vec<_> = DOTS.iter().flat_map(|&d| BANDS.iter().map(move |&b| (d, b, "marker dot"))).collect();
    pairs.extend(EDGES.iter().flat_map(|&e| ["bg", "surface"].map(move |b| (e, b, "map edge and legend sample"))));
    pairs.extend(BANDS.iter().map(|&b| ("focus", b, "focus outline / focused marker and cluster stroke")));
    // Inside a group's region: edges cross it, involved nodes are filled with the accent, a
    // nested region's border and a focused group's outline are drawn on it.
    pairs.extend(EDGES.iter().map(|&e| (e, "region", "map edge across a group's region")));
    pairs.extend([("accent", "region", "involved node in a region"), ("muted", "region", "a nested region's border"), ("focus", "region", "a focused group's outline")]);
    pairs
}

/// Backgrounds and decoration: not checked as foregrounds (--storyline-rule is decorative).
const NOT_FOREGROUND: &[&str] = &["bg", "surface", "era", "region", "rule"];

fn strip_comments(css: &str) -> String {
    let (mut out, mut rest) = (String::new(), css);
    while let Some(i) = rest.find("/*") {
        out.push_str(&rest[..i]);
        rest = rest[i..].find("*/").map_or("", |j| &rest[i + j + 2..]);
    }
    out + rest
}

/// The `--storyline-*` declarations of the first `:root { ... }` at or after `from` (name without prefix).
fn root_props(css: &str, from: usize) -> BTreeMap<String, String> {
    let start = from + css[from..].find(":root").expect(":root block");
    let open = start + css[start..].find('{').unwrap() + 1;
    let close = open + css[open..].find('}').unwrap();
    css[open..close]
        .split(';')
        .filter_map(|decl| decl.trim().strip_prefix("--storyline-")?.split_once(':'))
        .map(|(name, value)| (name.trim().to_string(), value.trim().to_string()))
        .collect()
}

/// (light block, dark block as written).
fn blocks() -> (BTreeMap<String, String>, BTreeMap<String, String>) {
    let css = strip_comments(CSS);
    let dark_at = css.find("@media (prefers-color-scheme: dark)").expect("a dark-scheme @media block");
    (root_props(&css[..dark_at], 0), root_props(&css, dark_at))
}

fn scheme(name: &str) -> BTreeMap<String, String> {
    let (mut light, dark) = blocks();
    if name == "dark" {
        light.extend(dark);
    }
    light
}

fn is_colour_property(name: &str) -> bool {
    !name.contains("font")
}

fn parse_hex(s: &str) -> Option<[u8; 3]> {
    let h = s.strip_prefix('#')?;
    if !h.bytes().all(|b| b.is_ascii_hexdigit()) {
        return None;
    }
    let d = |i: usize, n: usize| u8::from_str_radix(&h[i..i + n], 16).ok();
    match h.len() {
        3 => Some([d(0, 1)? * 17, d(1, 1)? * 17, d(2, 1)? * 17]),
        6 => Some([d(0, 2)?, d(2, 2)?, d(4, 2)?]),
        _ => None,
    }
}

fn luminance([r, g, b]: [u8; 3]) -> f64 {
    let lin = |c: u8| {
        let c = c as f64 / 255.0;
        if c <= 0.04045 { c / 12.92 } else { ((c + 0.055) / 1.055).powf(2.4) }
    };
    0.2126 * lin(r) + 0.7152 * lin(g) + 0.0722 * lin(b)
}

fn contrast(a: [u8; 3], b: [u8; 3]) -> f64 {
    let (la, lb) = (luminance(a), luminance(b));
    (la.max(lb) + 0.05) / (la.min(lb) + 0.05)
}

fn colour(props: &BTreeMap<String, String>, name: &str, scheme: &str) -> [u8; 3] {
    let value = props.get(name).unwrap_or_else(|| panic!("{scheme} scheme: --storyline-{name} is not defined"));
    parse_hex(value).unwrap_or_else(|| panic!("{scheme} scheme: --storyline-{name}: {value} is not #rgb or #rrggbb"))
}

/// Checks every pair in `scheme`, panicking with all failures; returns the lowest ratio and its pair.
fn check(scheme_name: &str, pairs: &[(&str, &str, &str)], min: f64) -> (f64, String) {
    let props = scheme(scheme_name);
    let mut failures = Vec::new();
    let mut lowest = (f64::INFINITY, String::new());
    for &(fg, bg, use_) in pairs {
        let ratio = contrast(colour(&props, fg, scheme_name), colour(&props, bg, scheme_name));
        let pair = format!("--storyline-{fg} on --storyline-{bg} ({use_})");
        if ratio < min {
            failures.push(format!("{scheme_name} scheme: {pair} is {ratio:.2}:1, needs {min}:1"));
        }
        if ratio < lowest.0 {
            lowest = (ratio, pair);
        }
    }
    assert!(failures.is_empty(), "contrast too low:\n  {}", failures.join("\n  "));
    lowest
}

#[test]
fn the_contrast_formula_matches_known_values() {
    let (black, white) = ([0, 0, 0], [255, 255, 255]);
    assert!((contrast(black, white) - 21.0).abs() < 1e-9);
    assert!((contrast(white, black) - 21.0).abs() < 1e-9);
    assert!((contrast(white, white) - 1.0).abs() < 1e-9);
    let grey = parse_hex("#777").unwrap();
    assert_eq!(Some(grey), parse_hex("#777777"));
    let ratio = contrast(grey, white);
    assert!((ratio - 4.48).abs() < 0.005, "#777 on white is {ratio:.3}:1, expected about 4.48:1");
    assert_eq!(parse_hex("#0B57a4"), Some([0x0b, 0x57, 0xa4]));
    assert_eq!(parse_hex("#12345"), None);
    assert_eq!(parse_hex("red"), None);
}

#[test]
fn every_colour_property_is_defined_in_both_schemes() {
    let (light, dark) = blocks();
    let colours = |block: &BTreeMap<String, String>| -> Vec<String> {
        block.keys().filter(|n| is_colour_property(n)).cloned().collect()
    };
    assert!(light.len() > 5, "found too few --storyline-* properties in :root: {light:?}");
    assert_eq!(colours(&light), colours(&dark), "light and dark :root blocks define different colour properties");
    for name in colours(&light) {
        colour(&light, &name, "light");
        colour(&dark, &name, "dark");
    }
    let css = strip_comments(CSS);
    for used in css.split("var(--storyline-").skip(1) {
        let name = &used[..used.find(')').unwrap()];
        assert!(light.contains_key(name), "var(--storyline-{name}) is used but not defined in :root");
    }
}

#[test]
fn every_colour_property_is_checked_except_the_decorative_rule() {
    let ui = ui_pairs();
    for name in scheme("light").keys().filter(|n| is_colour_property(n)) {
        let checked = TEXT.iter().chain(&ui).any(|&(fg, _, _)| fg == name);
        assert!(
            checked || NOT_FOREGROUND.contains(&name.as_str()),
            "--storyline-{name} is not checked: add its pairs to tests/palette.rs"
        );
    }
}

#[test]
fn every_text_colour_meets_4_5_to_1_on_its_backgrounds_in_the_light_scheme() {
    let (ratio, pair) = check("light", TEXT, 4.5);
    println!("light scheme, lowest text contrast: {pair} at {ratio:.2}:1");
}

#[test]
fn every_text_colour_meets_4_5_to_1_on_its_backgrounds_in_the_dark_scheme() {
    let (ratio, pair) = check("dark", TEXT, 4.5);
    println!("dark scheme, lowest text contrast: {pair} at {ratio:.2}:1");
}

#[test]
fn status_dots_and_the_focus_ring_meet_3_to_1() {
    for name in ["light", "dark"] {
        let (ratio, pair) = check(name, &ui_pairs(), 3.0);
        println!("{name} scheme, lowest non-text contrast: {pair} at {ratio:.2}:1");
    }
}
