//! A story that is not the built-in one, as a newsroom publishes it with `storyline publish`:
//! a page for an iframe and an element for an article, each read without script, hydrated
//! without rewriting a node; a story named by the widget page's address (`?src=`); and what
//! readers and editors see of a story with mistakes.

use crate::harness::{self, expect, fail, Ctx, Test, TestFn};
use fantoccini::Locator;
use serde_json::Value;
use std::rc::Rc;
use storyline::mount::Failure;
use storyline_core::Dataset;

pub const TESTS: &[(&str, TestFn)] = &[
    ("a_published_page_hydrates_without_rewriting_a_node", a_published_page_hydrates_without_rewriting_a_node),
    ("a_published_element_hydrates_in_its_shadow_root_without_rewriting_it", a_published_element_hydrates_in_its_shadow_root_without_rewriting_it),
    ("the_widget_page_shows_the_story_its_address_names", the_widget_page_shows_the_story_its_address_names),
    ("readers_see_one_line_and_editors_every_path_with_storyline_debug", readers_see_one_line_and_editors_every_path_with_storyline_debug),
    ("a_story_line_by_src_shows_its_fallback_until_the_widget_runs", a_story_line_by_src_shows_its_fallback_until_the_widget_runs),
];

/// Run in a session with JavaScript turned off.
pub const WITHOUT_SCRIPT: &[(&str, TestFn)] = &[
    ("without_script_a_published_page_and_element_read_in_full", without_script_a_published_page_and_element_read_in_full),
    ("without_script_a_story_line_by_src_shows_its_fallback", without_script_a_story_line_by_src_shows_its_fallback),
];

/// Whether the page's fallback paragraph inside the `<story-line>` is drawn (it has a box).
const FALLBACK_SHOWN: &str = "return document.getElementById('fallback').getClientRects().length > 0";

fn without_script_a_story_line_by_src_shows_its_fallback(ctx: &Ctx) -> Test<'_> {
    Box::pin(async move {
        ctx.open("/held/fallback.html").await?;
        let shown = ctx.eval(FALLBACK_SHOWN).await?;
        expect(shown == true, || "without script the element's fallback is not shown".into())?;
        ctx.screenshot("fallback-no-javascript").await
    })
}

/// The server holds the wasm back (`/held/`) so that the state before the widget runs lasts as
/// long as the test looks at it.
fn a_story_line_by_src_shows_its_fallback_until_the_widget_runs(ctx: &Ctx) -> Test<'_> {
    Box::pin(async move {
        ctx.open("/held/fallback.html").await?;
        ctx.hold_wasm(true).await?;
        ctx.open("/held/fallback.html").await?;
        // The loader has run (the element has its shadow root); the widget has not.
        ctx.wait_until_true("return !!document.querySelector('story-line').shadowRoot", "the loader to define <story-line>").await?;
        let shown = ctx.eval(FALLBACK_SHOWN).await?;
        expect(shown == true, || "before the widget runs, the element's fallback is not shown".into())?;
        ctx.screenshot("fallback-before-the-widget").await?;
        ctx.hold_wasm(false).await?;
        ctx.wait_in_shadow("#suez", ".storyline[data-ready]").await?;
        let title = ctx.shadow_texts("#suez", ".sl-title").await?;
        expect(title == [story().story.title.clone()], || format!("the widget shows {title:?}"))?;
        let shown = ctx.eval(FALLBACK_SHOWN).await?;
        expect(shown == false, || "the fallback is still shown beside the live widget".into())
    })
}

/// The published test story, as the CLI accepted it.
fn story() -> Rc<Dataset> {
    let path = storyline_browser::workspace_root().join(storyline_browser::fixtures::PUBLISHED_STORY);
    let bytes = std::fs::read(&path).expect("the published test story");
    Rc::new(storyline_core::accept(&bytes).expect("the published test story is valid").0.dataset)
}

/// The title, the first event's card and every event in the "All events" list, read in the
/// document (`host` None) or in a `<story-line>`'s shadow root; the controls that need script hidden.
async fn reads_in_full(ctx: &Ctx, host: Option<&str>) -> Result<(), String> {
    let dataset = story();
    let texts = |css: &'static str| async move {
        match host {
            Some(host) => ctx.shadow_texts(host, css).await,
            None => ctx.texts(css).await,
        }
    };
    let title = texts(".sl-title").await?;
    expect(title == [dataset.story.title.clone()], || format!("the title reads {title:?}"))?;
    let card = texts(".sl-card-title").await?;
    expect(card == [dataset.events[0].title.clone()], || format!("the card reads {card:?}"))?;
    let items = texts(".sl-event-item .sl-event-title").await?;
    let titles: Vec<String> = dataset.events.iter().map(|e| e.title.clone()).collect();
    expect(items == titles, || format!("the list shows {items:?}"))?;
    let root = host.map_or("document".to_string(), |h| format!("document.querySelector('{h}').shadowRoot"));
    let shown = ctx
        .eval(&format!(
            "const r = {root}; const seen = (css) => {{ const e = r.querySelector(css); return !!e && e.getClientRects().length > 0; }}; \
             return [seen('.sl-list-panel'), seen('.sl-nav')];"
        ))
        .await?;
    expect(shown == serde_json::json!([true, false]), || format!("[All events list shown, script buttons shown] = {shown}"))
}

fn without_script_a_published_page_and_element_read_in_full(ctx: &Ctx) -> Test<'_> {
    Box::pin(async move {
        ctx.open("/fixtures/published/").await?;
        reads_in_full(ctx, None).await?;
        ctx.screenshot("published-page-no-javascript-1280").await?;
        ctx.open("/fixtures/element.html").await?;
        reads_in_full(ctx, Some("story-line")).await?;
        ctx.screenshot("published-element-no-javascript-1280").await?;
        ctx.open("/fixtures/phone.html").await?;
        for frame in ["#page", "#element"] {
            enter(ctx, frame).await?;
            reads_in_full(ctx, (frame == "#element").then_some("story-line")).await?;
            ctx.client.enter_parent_frame().await.map_err(fail("leave the frame"))?;
        }
        ctx.screenshot("published-no-javascript-375").await?;
        let ready = ctx.client.find_all(Locator::Css("[data-ready]")).await.map_err(fail("data-ready"))?;
        expect(ready.is_empty(), || "the widget ran although script is off".into())
    })
}

/// The DOM changes the page's recorder saw once hydration is over (`root`: where the widget is).
async fn hydration_changes(ctx: &Ctx, root: &str) -> Result<Vec<String>, String> {
    let done = format!(
        "const r = {root}; return window.hydrationChanges.length > 0 && r.querySelector('.storyline[data-ready]') && !r.querySelector('.sl-list-panel') && window.hydrationChanges"
    );
    let changes = ctx.wait_until_true(&done, "hydration").await?;
    let changes: Vec<String> = changes.as_array().map(|a| a.iter().filter_map(|v| v.as_str().map(str::to_string)).collect()).unwrap_or_default();
    let unexpected: Vec<&String> = changes.iter().filter(|c| !harness::hydration_may_make(c)).collect();
    expect(unexpected.is_empty(), || format!("hydration rewrote the prerendered HTML: {unexpected:#?}"))?;
    expect(changes.iter().any(|c| c.starts_with("attribute data-ready")), || format!("the widget never marked itself ready: {changes:?}"))?;
    Ok(changes)
}

/// Enters the frame `frame` of the page open now.
async fn enter(ctx: &Ctx, frame: &str) -> Result<(), String> {
    let el = ctx.client.find(Locator::Css(frame)).await.map_err(fail("the frame"))?;
    el.enter_frame().await.map_err(fail("enter the frame"))
}

/// Enters the frame `frame` of `phone.html` and waits until its widget is live: the page's in
/// the document (`#page`), the element's in its shadow root (`#element`).
async fn enter_live(ctx: &Ctx, frame: &str) -> Result<(), String> {
    enter(ctx, frame).await?;
    match frame {
        "#page" => ctx.wait_ready().await,
        _ => ctx.wait_in_shadow("story-line", ".storyline[data-ready]").await.map(drop),
    }
}

/// The page's cumulative layout shift so far (Chromium's `layout-shift` entries; other engines
/// have none to read), once the widget is live and two more frames have been drawn.
async fn layout_shift(ctx: &Ctx) -> Result<Option<f64>, String> {
    if ctx.engine() != "chromium" {
        return Ok(None);
    }
    let script = "const done = arguments[0]; let sum = 0; \
        new PerformanceObserver((list) => { for (const e of list.getEntries()) if (!e.hadRecentInput) sum += e.value; }).observe({ type: 'layout-shift', buffered: true }); \
        requestAnimationFrame(() => requestAnimationFrame(() => done(sum)));";
    let sum = ctx.client.execute_async(script, vec![]).await.map_err(fail("the layout shifts"))?;
    Ok(sum.as_f64())
}

fn a_published_page_hydrates_without_rewriting_a_node(ctx: &Ctx) -> Test<'_> {
    Box::pin(async move {
        ctx.open("/fixtures/published-hydration.html").await?;
        enter(ctx, "#page").await?;
        hydration_changes(ctx, "document").await?;
        ctx.client.enter_parent_frame().await.map_err(fail("leave the frame"))?;

        // Nothing on the page moves when the widget lays the story out again at the reader's
        // width: the timeline and the map hold their live boxes from the first paint.
        for frame in ["#page", "#element"] {
            ctx.open("/fixtures/phone.html").await?;
            enter_live(ctx, frame).await?;
            if let Some(shift) = layout_shift(ctx).await? {
                println!("    cumulative layout shift at 375 px, {frame}: {shift:.4}");
                expect(frame == "#element" || shift < 0.001, || format!("the page at 375 px shifted by {shift:.4} as the widget went live"))?;
            }
            ctx.client.enter_parent_frame().await.map_err(fail("leave the frame"))?;
        }
        // Live where a newsroom puts it: nothing moves, Next moves on and the deep link follows.
        let dataset = story();
        ctx.open("/fixtures/published/").await?;
        ctx.wait_ready().await?;
        if let Some(shift) = layout_shift(ctx).await? {
            println!("    cumulative layout shift at 1280 px, the page: {shift:.4}");
            expect(shift < 0.001, || format!("the page at 1280 px shifted by {shift:.4} as the widget went live"))?;
        }
        let card = ctx.texts(".sl-card-title").await?;
        expect(card == [dataset.events[0].title.clone()], || format!("after hydration the card reads {card:?}"))?;
        ctx.click_button("Next").await?;
        ctx.wait_counter(&format!("2 of {}", dataset.events.len())).await?;
        let want = format!("#event={}", dataset.events[1].id);
        let hash = ctx.wait_hash(&want).await?;
        expect(hash == want, || format!("the deep link reads {hash:?}, not {want:?}"))?;
        ctx.screenshot("published-page-1280").await
    })
}

fn a_published_element_hydrates_in_its_shadow_root_without_rewriting_it(ctx: &Ctx) -> Test<'_> {
    Box::pin(async move {
        ctx.open("/fixtures/published-hydration.html").await?;
        enter(ctx, "#element").await?;
        hydration_changes(ctx, "document.querySelector('story-line').shadowRoot").await?;
        ctx.client.enter_parent_frame().await.map_err(fail("leave the frame"))?;

        let dataset = story();
        ctx.open("/fixtures/element.html").await?;
        let next = ctx.wait_in_shadow("story-line", ".storyline[data-ready] button.sl-next").await?;
        next.click().await.map_err(fail("click Next"))?;
        let second = dataset.events[1].title.clone();
        let script = format!(
            "return document.querySelector('story-line').shadowRoot.querySelector('.sl-card-title')?.textContent.trim() === {}",
            Value::from(second.clone())
        );
        ctx.wait_until_true(&script, "the card to show the second event").await?;
        let hash = ctx.wait_until_true("return location.hash.includes('ever-given-suez.event=') && location.hash", "the deep link").await?;
        expect(hash.as_str().is_some_and(|h| h.contains(&format!("ever-given-suez.event={}", dataset.events[1].id))), || format!("the deep link reads {hash}"))?;
        ctx.screenshot("published-element-1280").await?;
        ctx.open("/fixtures/phone.html").await?;
        for frame in ["#page", "#element"] {
            enter_live(ctx, frame).await?;
            ctx.client.enter_parent_frame().await.map_err(fail("leave the frame"))?;
        }
        ctx.screenshot("published-375").await
    })
}

fn the_widget_page_shows_the_story_its_address_names(ctx: &Ctx) -> Test<'_> {
    Box::pin(async move {
        let dataset = story();
        ctx.open("/widget/?src=../fixtures/ever-given-suez.json").await?;
        ctx.wait_ready().await?;
        let title = ctx.texts(".sl-title").await?;
        expect(title == [dataset.story.title.clone()], || format!("?src= shows {title:?}, not the story it names"))?;
        ctx.wait_counter(&format!("1 of {}", dataset.events.len())).await?;
        ctx.screenshot("widget-page-src").await
    })
}

fn readers_see_one_line_and_editors_every_path_with_storyline_debug(ctx: &Ctx) -> Test<'_> {
    Box::pin(async move {
        let paths = ["story.published", "events[0].sources[0].url"];
        ctx.open("/fixtures/sources.html").await?;
        let alert = ctx.wait_in_shadow("#invalid", "[role='alert']").await?;
        let reader = alert.text().await.map_err(fail("the reader's line"))?;
        expect(reader.trim() == Failure::Invalid.reader_line(), || format!("readers are shown {reader:?}"))?;
        for path in paths {
            expect(!reader.contains(path), || format!("readers are shown the editor's path {path}: {reader:?}"))?;
        }
        let console = ctx.eval("return window.consoleErrors.join('\\n')").await?;
        for path in paths {
            expect(console.as_str().is_some_and(|c| c.contains(path)), || format!("the console does not name {path}: {console}"))?;
        }
        ctx.scroll_to("#invalid").await?;
        ctx.screenshot("reader-error").await?;

        ctx.open("/fixtures/sources.html#storyline-debug").await?;
        let editor = ctx.wait_in_shadow("#invalid", "[role='alert']").await?.text().await.map_err(fail("the editor's view"))?;
        for part in ["invalid.json", "story.published", "events[0].sources[0].url"] {
            expect(editor.contains(part), || format!("with #storyline-debug the error does not say {part:?}: {editor}"))?;
        }
        ctx.scroll_to("#invalid").await?;
        ctx.screenshot("editor-error").await
    })
}
