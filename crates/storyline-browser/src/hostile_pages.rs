//! Test pages of hostile data for the browser security gates, written to `target/fixtures/`:
//! the XSS corpus (`xss-NN.html`) and the malformed-data corpus (`malformed.html`).
//!
//! Every story goes inline into a `<story-line>`, so one page loads many widgets through the same
//! path a newsroom's data takes; `tripwire.js` (loaded first) records any payload that runs, any
//! uncaught error, and every `console.error` line.

use crate::workspace_root;
use std::path::Path;
use storyline_testkit::synth;
use storyline_testkit::xss::{self, Fields};

/// Payloads per XSS page. Each payload makes three widgets (text fields, URL fields, TimelineJS),
/// so a page holds 36: enough to keep the page count low, few enough for a slow engine.
const PER_PAGE: usize = 12;

/// JSON text made safe inside `<script>`: every `<` is written `\u003c`, which means the same
/// to a JSON parser and cannot end the element (`</script>`) or open a comment (`<!--`) that
/// would make the HTML parser skip past the real end.
///
/// Only for JSON whose every `<` is inside a string (anything serde_json writes); a malformed
/// file's stray `<` outside a string would change meaning.
pub fn inline_json(json: &str) -> String {
    json.replace('<', "\\u003c")
}

fn page(title: &str, widgets: &str) -> String {
    format!(
        "<!doctype html>\n<html lang=\"en\">\n<head>\n  <meta charset=\"utf-8\">\n  <title>{title}</title>\n  \
         <script src=\"tripwire.js\"></script>\n</head>\n<body>\n{widgets}  \
         <script type=\"module\" src=\"../widget/storyline.js\"></script>\n</body>\n</html>\n"
    )
}

fn widget(id: &str, inline: &str) -> String {
    format!("  <story-line id=\"{id}\"><script type=\"application/json\">{inline}</script></story-line>\n")
}

/// Writes the XSS pages; returns how many payloads and pages there are.
pub fn write_xss(out: &Path) -> Result<(usize, usize), String> {
    let root = workspace_root();
    let read = |p: &str| std::fs::read_to_string(root.join(p)).map_err(|e| format!("{p}: {e}"));
    let payloads = xss::payloads(&read("tests/data/xss/payloads.txt")?);
    let base = synth::story(4, 1);
    let timeline: serde_json::Value =
        serde_json::from_str(&read("tests/data/timelinejs/whitney-houston-like.json")?).map_err(|e| e.to_string())?;
    let chunks: Vec<&[String]> = payloads.chunks(PER_PAGE).collect();
    for (p, chunk) in chunks.iter().enumerate() {
        let mut widgets = String::new();
        for (i, payload) in chunk.iter().enumerate() {
            let n = p * PER_PAGE + i;
            let text = serde_json::to_string(&xss::poison(&base, payload, Fields::Text)).expect("json");
            let urls = serde_json::to_string(&xss::poison(&base, payload, Fields::Urls)).expect("json");
            let mut both = xss::poison_timelinejs(&timeline, payload, Fields::Text);
            both = xss::poison_timelinejs(&both, payload, Fields::Urls);
            widgets += &widget(&format!("text-{n}"), &inline_json(&text));
            widgets += &widget(&format!("urls-{n}"), &inline_json(&urls));
            widgets += &widget(&format!("timelinejs-{n}"), &inline_json(&serde_json::to_string(&both).expect("json")));
        }
        let name = format!("xss-{p:02}.html");
        std::fs::write(out.join(&name), page(&format!("XSS corpus, page {p}"), &widgets)).map_err(|e| format!("{name}: {e}"))?;
    }
    Ok((payloads.len(), chunks.len()))
}

/// Writes `malformed.html`: one widget per case of `tests/data/invalid/`, with the case's name
/// as its id. Returns the number of cases.
pub fn write_malformed(out: &Path) -> Result<usize, String> {
    let dir = workspace_root().join("tests/data/invalid");
    let mut cases: Vec<_> = std::fs::read_dir(&dir)
        .map_err(|e| format!("{}: {e}", dir.display()))?
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|e| e == "json"))
        .collect();
    cases.sort();
    let mut widgets = String::new();
    for case in &cases {
        let name = case.file_stem().and_then(|s| s.to_str()).unwrap_or_default();
        let json = std::fs::read_to_string(case).map_err(|e| format!("{}: {e}", case.display()))?;
        // The cases are written by us and hold no `<`: inlined as they are, byte for byte.
        if json.contains('<') {
            return Err(format!("{} contains '<', which cannot be inlined verbatim", case.display()));
        }
        widgets += &widget(&format!("case-{name}"), &json);
    }
    std::fs::write(out.join("malformed.html"), page("The malformed-data corpus", &widgets)).map_err(|e| e.to_string())?;
    Ok(cases.len())
}

#[cfg(test)]
mod tests {
    use super::inline_json;

    #[test]
    fn inline_json_cannot_close_its_script_element_or_open_a_comment() {
        let inlined = inline_json(r#"{"t":"<!--<script></script>"}"#);
        assert!(!inlined.contains('<'), "{inlined}");
        let back: serde_json::Value = serde_json::from_str(&inlined).unwrap();
        assert_eq!(back["t"], "<!--<script></script>");
    }
}
