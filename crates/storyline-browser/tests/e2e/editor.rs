//! The editor's page (`/widget/editor.html`): every invalid file of the corpus opened through
//! the file input shows its problems' paths; the template's CSV files preview in the reader's
//! own widget at phone and desktop width, and are checked again as one types; the
//! `<story-line>` code it gives shows the story in a plain page; axe finds nothing; the
//! keyboard reaches everything; it works at 320 px.

use crate::a11y::{axe, no_violations};
use crate::harness::{expect, fail, Ctx, Test, TestFn, TestResult};
use fantoccini::key::Key;
use fantoccini::Locator;
use serde_json::{json, Value};
use std::path::{Path, PathBuf};
use storyline_browser::workspace_root;

pub const TESTS: &[(&str, TestFn)] = &[
    ("editor_shows_the_paths_of_every_invalid_file_it_opens", editor_shows_the_paths_of_every_invalid_file_it_opens),
    ("editor_previews_the_template_sheets_at_phone_and_desktop_width", editor_previews_the_template_sheets_at_phone_and_desktop_width),
    ("editor_story_line_code_shows_the_story_in_a_plain_page", editor_story_line_code_shows_the_story_in_a_plain_page),
    ("editor_axe_finds_nothing_with_problems_or_with_a_story", editor_axe_finds_nothing_with_problems_or_with_a_story),
    ("editor_the_keyboard_alone_opens_goes_to_a_problem_and_copies", editor_the_keyboard_alone_opens_goes_to_a_problem_and_copies),
    ("editor_works_at_320px", editor_works_at_320px),
];

const PAGE: &str = "/widget/editor.html";
const TEMPLATE: [&str; 8] = ["story", "events", "actors", "relations", "eras", "sources", "quotes", "updates"];

fn path_of(relative: &str) -> PathBuf {
    workspace_root().join(relative)
}

/// Gives `files` to the page's file input, as a person picking them would.
async fn open_files(ctx: &Ctx, files: &[PathBuf]) -> TestResult {
    let input = ctx.client.find(Locator::Css("#files")).await.map_err(fail("the file input"))?;
    let paths: Vec<String> = files.iter().map(|f| f.display().to_string()).collect();
    input.send_keys(&paths.join("\n")).await.map_err(fail("give the files to the input"))
}

/// Opens `files` and waits until the page says it read them (its status names the first).
async fn open_and_wait(ctx: &Ctx, files: &[PathBuf]) -> TestResult {
    open_files(ctx, files).await?;
    let name = files[0].file_name().and_then(|n| n.to_str()).unwrap_or_default();
    let probe = format!("return document.getElementById('status').textContent.includes({name:?}) && document.getElementById('summary').textContent;");
    ctx.wait_until_true(&probe, &format!("waiting for the editor to read {name}")).await.map(drop)
}

/// Waits for the preview frame's widget to be live and enters the frame.
async fn enter_live_preview(ctx: &Ctx) -> TestResult {
    let frame = ctx.client.find(Locator::Css("#preview")).await.map_err(fail("the preview frame"))?;
    frame.enter_frame().await.map_err(fail("enter the preview"))?;
    if let Err(e) = ctx.wait_in_shadow("story-line", ".storyline[data-ready]").await {
        let html = ctx.eval("const s = document.querySelector('story-line'); return document.body.innerHTML.slice(0, 400) + ' | shadow: ' + (s && s.shadowRoot ? s.shadowRoot.innerHTML.slice(0, 400) : 'none')").await?;
        return Err(format!("{e}; the preview holds {html}"));
    }
    Ok(())
}

fn editor_shows_the_paths_of_every_invalid_file_it_opens(ctx: &Ctx) -> Test<'_> {
    Box::pin(async move {
        ctx.open(PAGE).await?;
        let dir = path_of("tests/data/invalid");
        let mut files: Vec<PathBuf> = std::fs::read_dir(&dir).map_err(fail("tests/data/invalid"))?.filter_map(|e| Some(e.ok()?.path())).collect();
        files.retain(|p| p.extension().is_some_and(|e| e == "expect"));
        files.sort();
        let mut missing = Vec::new();
        for expect_file in &files {
            let story = expect_file.with_extension("json");
            open_and_wait(ctx, std::slice::from_ref(&story)).await?;
            let places = ctx.texts("#problems .ed-place").await?;
            let expected = std::fs::read_to_string(expect_file).map_err(fail("an .expect file"))?;
            // Each line is `path => words of the message`.
            for path in expected.lines().map(str::trim).filter(|l| !l.is_empty()).map(|l| l.split_once(" => ").map_or(l, |(path, _)| path)) {
                let shown = if path == "<root>" { "The whole file" } else { path };
                if !places.iter().any(|p| p == shown) {
                    missing.push(format!("{}: {shown} not among {places:?}", file_name(&story)));
                }
            }
        }
        // A TimelineJS file is taken as the CLI takes it: imported, with no error.
        open_and_wait(ctx, &[path_of("tests/data/timelinejs/minimal.json")]).await?;
        let status = ctx.texts("#status").await?.concat();
        let errors = ctx.texts("#problems .ed-error").await?;
        expect(status.contains("TimelineJS") && errors.is_empty(), || format!("a TimelineJS file: {status:?}, errors {errors:?}"))?;
        // The last file's problems, each with its fix, for the screenshot.
        open_and_wait(ctx, &[dir.join("44-rule-errors-across-the-file.json")]).await?;
        let fixes = ctx.texts("#problems .ed-fix").await?;
        expect(missing.is_empty(), || format!("{} path(s) not shown:\n    {}", missing.len(), missing.join("\n    ")))?;
        expect(fixes.len() >= 5 && fixes.iter().all(|f| f.starts_with("Fix: ")), || format!("the problems' fixes: {fixes:?}"))?;
        ctx.scroll_to("#edit-title").await?;
        ctx.screenshot("editor-problems").await
    })
}

fn file_name(path: &Path) -> String {
    path.file_name().map(|n| n.to_string_lossy().into_owned()).unwrap_or_default()
}

async fn open_template(ctx: &Ctx) -> TestResult {
    let files: Vec<PathBuf> = TEMPLATE.iter().map(|s| path_of(&format!("docs/template/{s}.csv"))).collect();
    open_and_wait(ctx, &files).await?;
    let summary = ctx.texts("#summary").await?.concat();
    expect(summary.starts_with("No problems") || summary.starts_with("0 errors"), || format!("the template's sheets: {summary}"))
}

fn editor_previews_the_template_sheets_at_phone_and_desktop_width(ctx: &Ctx) -> Test<'_> {
    Box::pin(async move {
        ctx.open(PAGE).await?;
        open_template(ctx).await?;
        let title = storyline::story::embedded().story.title.clone();
        let n = storyline::story::embedded().events.len();
        enter_live_preview(ctx).await?;
        let shown = ctx.shadow_texts("story-line", ".sl-title").await?;
        expect(shown.iter().any(|t| t.contains(&title)), || format!("the preview shows {shown:?}, not {title:?}"))?;
        // The frame's viewport, as its media queries see it (a scroll bar included).
        let width = ctx.eval("return window.innerWidth").await?;
        expect(width == json!(375), || format!("the phone preview is {width} px wide"))?;
        // It is the reader's widget: Next steps to the next event.
        ctx.eval("document.querySelector('story-line').shadowRoot.querySelector('.sl-next').click()").await?;
        let counter = ctx
            .wait_until_true(&format!("const c = document.querySelector('story-line').shadowRoot.querySelector('.sl-counter'); return c && c.textContent.trim() === '2 of {n}' && c.textContent;"), "the preview's Next")
            .await?;
        ctx.client.enter_parent_frame().await.map_err(fail("leave the preview"))?;
        ctx.scroll_to("#preview-title").await?;
        ctx.screenshot("editor-preview-375").await?;
        expect(counter == json!(format!("2 of {n}")), || format!("the counter reads {counter}"))?;

        ctx.client.find(Locator::Css("input[name=width][value=desktop]")).await.map_err(fail("the desktop width"))?.click().await.map_err(fail("choose it"))?;
        let frame_width = ctx.wait_until_true("const w = document.getElementById('preview').getBoundingClientRect().width; return w > 900 && w;", "the desktop preview").await?;
        ctx.scroll_to("#preview-title").await?;
        ctx.screenshot("editor-preview-desktop").await?;
        expect(frame_width.as_f64().is_some_and(|w| w > 900.0), || format!("the desktop preview is {frame_width} px wide"))?;

        // Typed into a broken story, it is checked again: the problem shows with its fix, and
        // the preview keeps the last story without errors and says so.
        let text = ctx.client.find(Locator::Css("#text")).await.map_err(fail("the story's text"))?;
        text.send_keys("}").await.map_err(fail("type into the story"))?;
        let said = ctx.wait_until_true("return document.getElementById('preview-status').textContent;", "the check as one types").await?;
        let problems = ctx.texts("#problems li").await?;
        expect(problems.len() == 1 && problems[0].contains("not valid JSON") && problems[0].contains("Fix: "), || format!("after a stray brace: {problems:?}"))?;
        expect(said.as_str().is_some_and(|s| s.contains("last version")), || format!("the preview says {said}"))
    })
}

fn editor_story_line_code_shows_the_story_in_a_plain_page(ctx: &Ctx) -> Test<'_> {
    Box::pin(async move {
        ctx.open(PAGE).await?;
        open_template(ctx).await?;
        // From the keyboard: WebKit's driver clicks where the button was when it scrolled it into
        // view, and the page below may still be settling as the preview loads.
        ctx.eval("document.getElementById('copy-element').focus()").await?;
        ctx.press(Key::Enter).await?;
        let said = ctx.wait_until_true("return document.getElementById('copied').textContent;", "the copy's confirmation").await?;
        expect(said.as_str().is_some_and(|s| s.starts_with("Copied") || s.starts_with("Selected")), || format!("after the copy: {said}"))?;
        let code = ctx.eval("return document.getElementById('element-code').value").await?;
        let code = code.as_str().unwrap_or_default().to_string();
        expect(code.starts_with("<story-line id=") && code.contains("integrity=\"sha384-"), || format!("the <story-line> code: {code}"))?;
        ctx.scroll_to("#embed-title").await?;
        ctx.screenshot("editor-embed-codes").await?;
        // The code in a page of its own, with nothing else: it must show the story alone.
        let page = format!("<!doctype html>\n<html lang=\"en\">\n<head><meta charset=\"utf-8\"><title>A plain page</title></head>\n<body>\n<main>\n{code}</main>\n</body>\n</html>\n");
        std::fs::write(path_of("target/fixtures/editor-pasted.html"), page).map_err(fail("write the plain page"))?;
        ctx.open("/fixtures/editor-pasted.html").await?;
        ctx.wait_in_shadow("story-line", ".storyline[data-ready]").await?;
        let title = storyline::story::embedded().story.title.clone();
        let shown = ctx.shadow_texts("story-line", ".sl-title").await?;
        expect(shown.iter().any(|t| t.contains(&title)), || format!("the pasted code shows {shown:?}, not {title:?}"))
    })
}

/// axe over the editor's page (its preview frame apart, which axe then checks inside).
async fn axe_editor(ctx: &Ctx, state: &str) -> Result<Vec<String>, String> {
    axe(ctx, json!({"exclude": [["#preview"]]}), state).await
}

fn editor_axe_finds_nothing_with_problems_or_with_a_story(ctx: &Ctx) -> Test<'_> {
    Box::pin(async move {
        ctx.open(PAGE).await?;
        let mut found = axe_editor(ctx, "the empty editor").await?;
        open_and_wait(ctx, &[path_of("tests/data/invalid/45-type-and-rule-errors-together.json")]).await?;
        found.extend(axe_editor(ctx, "a story with problems").await?);
        open_template(ctx).await?;
        found.extend(axe_editor(ctx, "the template's story").await?);
        enter_live_preview(ctx).await?;
        found.extend(axe(ctx, Value::Null, "the preview").await?);
        ctx.client.enter_parent_frame().await.map_err(fail("leave the preview"))?;
        no_violations(found)
    })
}

/// Where focus is in the editor's page, and whether it shows: an outline of at least 2 px.
const FOCUS: &str = "const el = document.activeElement; const cs = getComputedStyle(el); \
    return {id: el.id, tag: el.tagName.toLowerCase(), cls: el.className, name: el.getAttribute('aria-label') || el.textContent.trim().slice(0, 60), \
            shows: el.tagName === 'IFRAME' || (cs.outlineStyle !== 'none' && parseFloat(cs.outlineWidth) >= 2)};";

/// Presses Tab until the focused element matches `css`, checking at each stop in the page that focus shows.
async fn tab_to(ctx: &Ctx, css: &str) -> Result<Vec<String>, String> {
    let mut stops = Vec::new();
    for _ in 0..200 {
        ctx.press(Key::Tab).await?;
        let f = ctx.eval(FOCUS).await?;
        let stop = format!("{} #{} .{} {:?}", f["tag"].as_str().unwrap_or(""), f["id"].as_str().unwrap_or(""), f["cls"].as_str().unwrap_or(""), f["name"].as_str().unwrap_or(""));
        expect(f["shows"] == true, || format!("focus on {stop} does not show"))?;
        stops.push(stop);
        if ctx.eval(&format!("return document.activeElement.matches({css:?})")).await? == Value::Bool(true) {
            return Ok(stops);
        }
    }
    Err(format!("Tab never reached {css}; it went through {stops:?}"))
}

fn editor_the_keyboard_alone_opens_goes_to_a_problem_and_copies(ctx: &Ctx) -> Test<'_> {
    Box::pin(async move {
        ctx.open(PAGE).await?;
        // The file input is the first stop; a person would pick the file with the system's dialog.
        tab_to(ctx, "#files").await?;
        open_and_wait(ctx, &[path_of("tests/data/invalid/44-rule-errors-across-the-file.json")]).await?;
        tab_to(ctx, "#text").await?;
        tab_to(ctx, "button.ed-place").await?;
        let place = ctx.eval("return document.activeElement.textContent").await?;
        ctx.press(Key::Enter).await?;
        let caret = ctx.wait_until_true("const t = document.activeElement; return t.id === 'text' && t.selectionStart > 0 && t.selectionStart;", "Enter on a problem's place").await?;
        // The caret is at the key the place names.
        let key = place.as_str().and_then(|p| p.rsplit('.').next()).unwrap_or_default().trim_end_matches(|c: char| c == ']' || c.is_ascii_digit()).trim_end_matches('[').to_string();
        let at = ctx.eval("const t = document.getElementById('text'); return t.value.slice(t.selectionStart, t.selectionStart + 40)").await?;
        expect(at.as_str().is_some_and(|a| a.starts_with(&format!("\"{key}\"")) || a.starts_with('{')), || format!("Enter on {place} put the caret ({caret}) before {at}"))?;
        // The rest of the page, in order: the widths, the addresses and the copy buttons (with a story).
        open_template(ctx).await?;
        ctx.eval("document.getElementById('text').focus()").await?;
        let stops = tab_to(ctx, "#copy-element").await?;
        for control in ["input[name=width]", "#page-url", "#copy-iframe", "#widget-url"] {
            let id = control.trim_start_matches('#');
            expect(stops.iter().any(|s| s.contains(id) || (control.starts_with("input[name") && s.starts_with("input #"))), || format!("Tab skipped {control}: {stops:?}"))?;
        }
        ctx.press(Key::Enter).await?;
        let said = ctx.wait_until_true("return document.getElementById('copied').textContent;", "Enter on the copy button").await?;
        expect(said.as_str().is_some_and(|s| !s.is_empty()), || format!("after Enter on the copy button: {said}"))
    })
}

fn editor_works_at_320px(ctx: &Ctx) -> Test<'_> {
    Box::pin(async move {
        ctx.open("/fixtures/editor-narrow.html").await?;
        ctx.enter_frame().await?;
        ctx.wait_for("#files").await?;
        open_and_wait(ctx, &[path_of("tests/data/invalid/44-rule-errors-across-the-file.json")]).await?;
        let overflow = "return document.documentElement.scrollWidth - document.documentElement.clientWidth;";
        let with_problems = ctx.eval(overflow).await?;
        let found = axe_editor(ctx, "320 px, with problems").await?;
        ctx.scroll_to("#edit-title").await?;
        ctx.client.enter_parent_frame().await.map_err(fail("leave the frame"))?;
        ctx.screenshot("editor-320-problems").await?;
        ctx.enter_frame().await?;
        open_template(ctx).await?;
        let preview_width = ctx.wait_until_true("const w = document.getElementById('preview').getBoundingClientRect().width; return w > 0 && w;", "the preview").await?;
        let with_story = ctx.eval(overflow).await?;
        ctx.scroll_to("#preview-title").await?;
        ctx.client.enter_parent_frame().await.map_err(fail("leave the frame"))?;
        ctx.screenshot("editor-320-preview").await?;
        no_violations(found)?;
        expect(with_problems == json!(0) && with_story == json!(0), || format!("at 320 px the page scrolls sideways by {with_problems} px (problems) and {with_story} px (story)"))?;
        expect(preview_width.as_f64().is_some_and(|w| w <= 320.0), || format!("the preview is {preview_width} px wide in a 320 px page"))
    })
}
