//! Pages for the e2e tests and benchmarks, written to `target/fixtures/` and served at `/fixtures/`:
//! the static ones from `fixtures/`, and stories of 20, 1,000 and 10,000 synthetic events;
//! for the benchmark, the embedded story and the 1,000 and 10,000 events again, as TimelineJS pages
//! (`timelinejs-embedded.html`, `timelinejs-<n>.html`, from `timelinejs/page.html.in`);
//! and a story of another beat (`tests/data/published/`) as `storyline publish` makes it: a page
//! (`published/`) and an element in a plain article (`element.html`), each also with a recorder
//! of DOM changes (`published-hydration/`, `element-hydration.html`) and at phone width (`phone.html`);
//! and the web font of the wide-font pages (`wide-serif.ttf`); and a story told over three updates
//! (`tests/data/valid/developing.json`) as a published page (`developing/`), also watched
//! (`developing-hydration/`), for the tests of updates.

use crate::hostile_pages::{self, inline_json};
use crate::{workspace_root, DIR, TIMELINEJS_DIR};
use std::path::{Path, PathBuf};
use storyline_testkit::synth;
use storyline_testkit::timelinejs_export::to_timelinejs;

/// The sizes of the synthetic stories: `story-<n>.html`.
pub const SIZES: [usize; 3] = [20, 1_000, 10_000];
/// The synthetic stories the benchmark also shows in TimelineJS: `timelinejs-<n>.html`.
const TIMELINEJS_SIZES: [usize; 2] = [1_000, 10_000];

/// Writes every page to `target/fixtures/` and returns that folder. `publish` runs
/// `storyline publish` with the arguments given and returns what it prints.
pub fn write(publish: &dyn Fn(&[&str]) -> Result<String, String>) -> Result<PathBuf, String> {
    let root = workspace_root();
    let out = root.join("target/fixtures");
    std::fs::create_dir_all(&out).map_err(|e| e.to_string())?;
    let src = root.join(DIR).join("fixtures");
    let template = std::fs::read_to_string(src.join("story.html.in")).map_err(|e| e.to_string())?;
    let timelinejs_page = root.join(TIMELINEJS_DIR).join("page.html.in");
    let timelinejs_page = std::fs::read_to_string(timelinejs_page).map_err(|e| e.to_string())?;
    let write_timelinejs = |name: &str, title: &str, dataset: &storyline_core::Dataset| {
        let json = serde_json::to_string(&to_timelinejs(dataset)).expect("json");
        let page = timelinejs_page.replace("@TITLE@", title).replace("@JSON@", &inline_json(&json));
        std::fs::write(out.join(name), page).map_err(|e| e.to_string())
    };
    for entry in std::fs::read_dir(&src).map_err(|e| e.to_string())? {
        let path = entry.map_err(|e| e.to_string())?.path();
        if path.extension().is_some_and(|e| e == "html" || e == "js" || e == "css") {
            std::fs::copy(&path, out.join(path.file_name().expect("a file name"))).map_err(|e| e.to_string())?;
        }
    }
    for n in SIZES {
        let story = synth::story(n, 7);
        let json = serde_json::to_string(&story).expect("datasets serialize");
        let title = format!("{n} synthetic events");
        let page = template.replace("@TITLE@", &title).replace("@JSON@", &inline_json(&json));
        std::fs::write(out.join(format!("story-{n}.html")), page).map_err(|e| e.to_string())?;
        if TIMELINEJS_SIZES.contains(&n) {
            write_timelinejs(&format!("timelinejs-{n}.html"), &title, &story)?;
        }
    }
    let broken = r#"{"storyline": 1, "story": {"id": "broken", "title": "Broken", "language": "en", "published": "2024-02-30"}, "events": [{"id": "a", "title": "A", "summary": "S", "start": "2024", "status": "confirmed", "sources": [{"publisher": "P", "title": "T", "url": "javascript:alert(1)"}]}]}"#;
    std::fs::write(out.join("invalid.html"), template.replace("@TITLE@", "an invalid story").replace("@JSON@", &inline_json(broken)))
        .map_err(|e| e.to_string())?;
    std::fs::write(out.join("invalid.json"), broken).map_err(|e| e.to_string())?;
    // A file as spreadsheet and Windows editors save it: UTF-8 with a byte-order mark.
    let minimal = std::fs::read(root.join("tests/data/valid/minimal.json")).map_err(|e| e.to_string())?;
    std::fs::write(out.join("bom.json"), [b"\xEF\xBB\xBF".as_slice(), &minimal].concat()).map_err(|e| e.to_string())?;
    // The web font of the wide-font pages (wide-font.css): DejaVu Serif Bold, which Debian
    // installs with the browsers (fonts-dejavu-core). A file, since WebKitGTK's `local()` finds
    // a font by its family's name only, not by its face's.
    let font = Path::new("/usr/share/fonts/truetype/dejavu/DejaVuSerif-Bold.ttf");
    std::fs::copy(font, out.join("wide-serif.ttf"))
        .map_err(|e| format!("{}: {e}; the wide-font test page needs DejaVu Serif Bold (Debian's fonts-dejavu-core)", font.display()))?;
    // A TimelineJS file from the Big Bang on, for the deep-time pages (deep-time.html).
    std::fs::copy(root.join("tests/data/timelinejs/deep-time.json"), out.join("deep-time.json")).map_err(|e| e.to_string())?;
    let embedded = storyline_core::load(&std::fs::read_to_string(root.join("assets/stories/north-korea-troops-russia.json")).map_err(|e| e.to_string())?)
        .map_err(|r| format!("the embedded story is invalid: {:?}", r.errors))?;
    let timelinejs = to_timelinejs(&embedded.dataset);
    std::fs::write(out.join("timelinejs.json"), serde_json::to_string_pretty(&timelinejs).expect("json")).map_err(|e| e.to_string())?;
    hostile_pages::write_xss(&out)?;
    hostile_pages::write_malformed(&out)?;
    write_timelinejs("timelinejs-embedded.html", "the embedded story", &embedded.dataset)?;
    let dist = root.join("dist");
    // What a reader gets when the wasm download fails or is blocked: the story must stay readable.
    copy_dist(&dist, &out.join("no-wasm"), |file| !file.ends_with(".wasm"))?;
    // The release page with a recorder of every DOM change, installed before the wasm starts:
    // hydration must change nothing that the prerender wrote.
    watched_copy(&dist, &out.join("hydration"), &src)?;
    // The widget's page for a reader faster than the WebAssembly (served at /held/, whose wasm
    // waits for the test): without the preload, so that only the widget waits, not the page's load.
    let held = out.join("held");
    copy_dist(&dist, &held, |_| true)?;
    let page = std::fs::read_to_string(held.join("index.html")).map_err(|e| e.to_string())?;
    let preload = page.lines().find(|l| l.trim_start().starts_with("<link rel=\"preload\"")).ok_or("dist/index.html has no preload")?;
    std::fs::write(held.join("index.html"), page.replacen(&format!("{preload}\n"), "", 1)).map_err(|e| e.to_string())?;
    // A <story-line> fetched by src, not prerendered, with the fallback a page puts inside it.
    std::fs::copy(src.join("fallback.html"), held.join("fallback.html")).map_err(|e| e.to_string())?;
    write_published(&out, &src, publish)?;
    write_developing(&out, &src, publish)?;
    Ok(out)
}

/// The story of another beat that the publishing tests show.
pub const PUBLISHED_STORY: &str = "tests/data/published/ever-given-suez.json";

/// The test story through `storyline publish`, as a newsroom publishes it: a page with the
/// widget's files beside it, and an element pasted into an article page.
fn write_published(out: &Path, src: &Path, publish: &dyn Fn(&[&str]) -> Result<String, String>) -> Result<(), String> {
    let root = workspace_root();
    let page_dir = out.join("published");
    let page_dir_arg = page_dir.to_string_lossy().into_owned();
    let dist = root.join("dist").to_string_lossy().into_owned();
    publish(&[PUBLISHED_STORY, "--out", &page_dir_arg, "--widget", &dist])?;
    watched_copy(&page_dir, &out.join("published-hydration"), src)?;
    std::fs::copy(root.join(PUBLISHED_STORY), out.join("ever-given-suez.json")).map_err(|e| e.to_string())?;

    let element = publish(&[PUBLISHED_STORY, "--element", "--widget", &dist, "--assets", "../widget/"])?;
    let article = std::fs::read_to_string(src.join("article.html.in")).map_err(|e| e.to_string())?;
    std::fs::write(out.join("element.html"), article.replace("@ELEMENT@", &element)).map_err(|e| e.to_string())?;
    // Watched in a frame of the prerender's width (`published-hydration.html`), on a bare page.
    let bare = format!(
        "<!doctype html>\n<html lang=\"en\">\n<head><meta charset=\"utf-8\"><title>The published element, watched</title></head>\n\
         <body style=\"margin: 0\">\n{element}<script src=\"observe-hydration.js\"></script>\n</body>\n</html>\n"
    );
    // observe-hydration.js is already in out/, copied from src with the other static files.
    std::fs::write(out.join("element-hydration.html"), bare).map_err(|e| e.to_string())
}

/// The story told over three updates that the tests of updates show.
pub const DEVELOPING_STORY: &str = "tests/data/valid/developing.json";

/// The developing story through `storyline publish`, and the same page with the recorder of DOM changes.
fn write_developing(out: &Path, src: &Path, publish: &dyn Fn(&[&str]) -> Result<String, String>) -> Result<(), String> {
    let page_dir = out.join("developing");
    let dist = workspace_root().join("dist").to_string_lossy().into_owned();
    publish(&[DEVELOPING_STORY, "--out", &page_dir.to_string_lossy(), "--widget", &dist])?;
    watched_copy(&page_dir, &out.join("developing-hydration"), src)
}

/// A copy of the page in `from` (with its files) in `to`, with the recorder of every DOM change
/// (`observe-hydration.js`) loaded at the end of its body, before the WebAssembly starts.
fn watched_copy(from: &Path, to: &Path, src: &Path) -> Result<(), String> {
    copy_dist(from, to, |_| true)?;
    std::fs::copy(src.join("observe-hydration.js"), to.join("observe-hydration.js")).map_err(|e| e.to_string())?;
    let page = std::fs::read_to_string(to.join("index.html")).map_err(|e| e.to_string())?;
    let recorder = "<script src=\"observe-hydration.js\"></script>\n</body>";
    std::fs::write(to.join("index.html"), page.replacen("</body>", recorder, 1)).map_err(|e| e.to_string())
}

/// Copies the files of `dist/` whose names `keep` accepts into `to`, without the compressed
/// copies (`.br`, `.gz`): the server would send those in place of a file a fixture changed or left out.
fn copy_dist(dist: &std::path::Path, to: &std::path::Path, keep: impl Fn(&str) -> bool) -> Result<(), String> {
    std::fs::create_dir_all(to).map_err(|e| e.to_string())?;
    for entry in std::fs::read_dir(dist).map_err(|e| e.to_string())? {
        let path = entry.map_err(|e| e.to_string())?.path();
        let name = path.file_name().and_then(|n| n.to_str()).unwrap_or_default().to_string();
        if path.is_file() && keep(&name) && !name.ends_with(".br") && !name.ends_with(".gz") {
            std::fs::copy(&path, to.join(&name)).map_err(|e| e.to_string())?;
        }
    }
    Ok(())
}
