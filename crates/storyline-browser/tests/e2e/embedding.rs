//! The widget as a guest in other people's pages: prerendered and hydrated, in a sandboxed iframe
//! that reports its height, as `<story-line>` elements under hostile CSS, in a page's own wide
//! font and under a strict CSP, with data from a URL, inline, or a TimelineJS file, and without
//! script at all.

use crate::harness::{self, expect, fail, Ctx, Test, TestFn, TestResult};
use fantoccini::key::Key;
use fantoccini::Locator;
use serde_json::Value;
use storyline::story;
use storyline_core::font_fit;
use storyline_core::map_scene::{node_box, MapView};
use storyline_core::relations::standings;

pub const TESTS: &[(&str, TestFn)] = &[
    ("hydration_adopts_the_prerendered_html_without_rewriting_it", hydration_adopts_the_prerendered_html_without_rewriting_it),
    ("a_failing_wasm_download_leaves_the_story_readable", a_failing_wasm_download_leaves_the_story_readable),
    ("a_widget_that_faults_starts_afresh_once_then_says_it_stopped", a_widget_that_faults_starts_afresh_once_then_says_it_stopped),
    ("a_sandboxed_iframe_reports_its_height_as_its_content_changes", a_sandboxed_iframe_reports_its_height_as_its_content_changes),
    ("two_story_line_elements_under_hostile_css_look_right_and_stay_independent", two_story_line_elements_under_hostile_css_look_right_and_stay_independent),
    ("labels_fit_a_wide_font_the_page_sets_without_overflow_or_overlap", labels_fit_a_wide_font_the_page_sets_without_overflow_or_overlap),
    ("story_line_elements_without_ids_keep_their_own_deep_links_across_a_reload", story_line_elements_without_ids_keep_their_own_deep_links_across_a_reload),
    ("a_story_line_moved_keeps_its_widget_and_one_removed_takes_it_down", a_story_line_moved_keeps_its_widget_and_one_removed_takes_it_down),
    ("the_strict_csp_page_runs_without_a_violation_and_hears_storyline_change", the_strict_csp_page_runs_without_a_violation_and_hears_storyline_change),
    ("the_pages_request_nothing_but_127_0_0_1", the_pages_request_nothing_but_127_0_0_1),
    ("data_comes_from_a_timelinejs_file_inline_json_or_fails_with_a_readable_error", data_comes_from_a_timelinejs_file_inline_json_or_fails_with_a_readable_error),
];

/// Run in a session with JavaScript turned off.
pub const WITHOUT_SCRIPT: &[(&str, TestFn)] =
    &[("without_script_the_prerendered_story_is_readable", without_script_the_prerendered_story_is_readable)];

fn hydration_adopts_the_prerendered_html_without_rewriting_it(ctx: &Ctx) -> Test<'_> {
    Box::pin(async move {
        ctx.open_in_frame("/fixtures/hydration.html").await?;
        // Effects run after the first render; one more frame lets any re-render land.
        let changes = ctx.wait_until_true("return window.hydrationChanges.length > 0 && document.querySelector('.sl-list-panel') === null && window.hydrationChanges", "hydration").await?;
        let changes: Vec<String> = changes.as_array().map(|a| a.iter().filter_map(|v| v.as_str().map(str::to_string)).collect()).unwrap_or_default();
        let card = ctx.texts(".sl-card-title").await?;
        ctx.client.enter_parent_frame().await.map_err(fail("leave the frame"))?;
        let unexpected: Vec<&String> = changes.iter().filter(|c| !harness::hydration_may_make(c)).collect();
        expect(unexpected.is_empty(), || format!("hydration rewrote the prerendered HTML: {unexpected:#?}"))?;
        expect(changes.iter().any(|c| c.starts_with("attribute data-ready")), || format!("the widget never marked itself ready: {changes:?}"))?;
        let first = story::embedded().events[0].title.clone();
        expect(card == [first.clone()], || format!("after hydration the card shows {card:?}, not {first:?}"))
    })
}

fn a_failing_wasm_download_leaves_the_story_readable(ctx: &Ctx) -> Test<'_> {
    Box::pin(async move {
        ctx.open("/fixtures/no-wasm/").await?;
        let note = ctx.wait_for(".sl-unavailable").await?.text().await.map_err(fail("the note"))?;
        expect(note.contains("could not start"), || format!("the reader is not told why: {note:?}"))?;
        static_view_is_readable(ctx).await?;
        ctx.screenshot("no-wasm").await
    })
}

/// What the widget's panic hook sends (`storyline::panic::announce`), staged by a test.
const STAGED_PANIC: &str = "window.dispatchEvent(new CustomEvent('storyline:panic', { detail: 'a panic staged by the test' }))";

/// What the widget does when it panics, without a panic: the loader hears the widget's
/// `storyline:panic` announcement (as `storyline::panic::announce` sends it). The first time,
/// every widget on the page starts afresh on a new instance of the WebAssembly, where the reader
/// was (the deep link); the second time, each says that it stopped. A WebAssembly fault of some
/// other script on the host page must not touch it.
fn a_widget_that_faults_starts_afresh_once_then_says_it_stopped(ctx: &Ctx) -> Test<'_> {
    Box::pin(async move {
        let dataset = story::embedded();
        let of = |n: usize| format!("{n} of {}", dataset.events.len());
        ctx.open("/widget/").await?;
        ctx.wait_ready().await?;
        ctx.eval("window.dispatchEvent(new ErrorEvent('error', { error: new WebAssembly.RuntimeError('another script on the page') }))").await?;
        ctx.click_button("Next").await?;
        ctx.wait_counter(&of(2)).await?;
        let marks = ctx.client.find_all(Locator::Css(".sl-stopped, [data-restarted]")).await.map_err(fail("marks"))?;
        expect(marks.is_empty(), || "a fault of another script touched the widget".into())?;

        ctx.expect_stop();
        ctx.eval(STAGED_PANIC).await?;
        ctx.wait_for(".storyline-root[data-restarted] > .storyline[data-ready]").await?;
        let why = ctx.attrs(".storyline-root", "data-restarted").await?;
        expect(why == ["a panic staged by the test"], || format!("the restart keeps the reason {why:?}"))?;
        ctx.wait_counter(&of(2)).await?;
        let card = ctx.texts(".sl-card-title").await?;
        expect(card == [dataset.events[1].title.clone()], || format!("after the restart the card reads {card:?}"))?;
        ctx.click_button("Next").await?;
        ctx.wait_counter(&of(3)).await?;
        let notes = ctx.client.find_all(Locator::Css(".sl-stopped")).await.map_err(fail("notices"))?;
        expect(notes.is_empty(), || "the widget says it stopped although it started afresh".into())?;

        ctx.eval(STAGED_PANIC).await?;
        let note = ctx.wait_for(".storyline-root > .sl-stopped[role='status']").await?;
        let text = note.text().await.map_err(fail("the notice"))?;
        expect(text.contains("stopped") && text.contains("Reload"), || format!("the reader is told {text:?}"))?;
        let reason = note.attr("data-reason").await.map_err(fail("its reason"))?;
        expect(reason.as_deref() == Some("a panic staged by the test"), || format!("the developer's reason is {reason:?}"))?;
        let card = ctx.texts(".sl-card-title").await?;
        expect(card == [dataset.events[2].title.clone()], || format!("the card the reader had open is gone: {card:?}"))?;
        let nav = ctx.client.find(Locator::Css(".sl-nav")).await.map_err(fail("the navigation"))?;
        expect(!nav.is_displayed().await.map_err(fail("is it shown"))?, || "buttons that no longer answer are still shown".into())?;
        ctx.screenshot("stopped").await?;

        // Every widget on a page shares the one WebAssembly, so every one starts afresh, then stops.
        ctx.open("/hostile.html").await?;
        for host in ["#first", "#second"] {
            ctx.wait_in_shadow(host, ".storyline[data-ready]").await?;
        }
        ctx.eval(STAGED_PANIC).await?;
        for host in ["#first", "#second"] {
            ctx.wait_in_shadow(host, ".storyline-root[data-restarted] > .storyline[data-ready]").await?;
        }
        ctx.eval(STAGED_PANIC).await?;
        for host in ["#first", "#second"] {
            let notice = ctx.shadow_texts(host, ".storyline-root.sl-static > .sl-stopped").await?;
            expect(notice.len() == 1 && notice[0].contains("stopped"), || format!("{host} shows {notice:?}"))?;
        }
        Ok(())
    })
}

/// The prerendered story read as a page: title, the current event's card, and every event listed.
async fn static_view_is_readable(ctx: &Ctx) -> Result<(), String> {
    let dataset = story::embedded();
    let title = ctx.texts(".sl-title").await?;
    expect(title == [dataset.story.title.clone()], || format!("the title reads {title:?}"))?;
    let card = ctx.texts(".sl-card-title").await?;
    expect(card == [dataset.events[0].title.clone()], || format!("the card reads {card:?}"))?;
    let list = ctx.client.find(Locator::Css(".sl-list-panel")).await.map_err(fail("the All events list"))?;
    expect(list.is_displayed().await.map_err(fail("is it shown"))?, || "the All events list is hidden".into())?;
    let items = ctx.texts(".sl-event-item .sl-event-title").await?;
    let titles: Vec<String> = dataset.events.iter().map(|e| e.title.clone()).collect();
    expect(items == titles, || format!("the list shows {items:?}"))?;
    let nav = ctx.client.find(Locator::Css(".sl-nav")).await.map_err(fail("the navigation"))?;
    expect(!nav.is_displayed().await.map_err(fail("is it shown"))?, || "buttons that need script are still shown".into())
}

fn without_script_the_prerendered_story_is_readable(ctx: &Ctx) -> Test<'_> {
    Box::pin(async move {
        ctx.open("/widget/").await?;
        static_view_is_readable(ctx).await?;
        let ready = ctx.client.find_all(Locator::Css("[data-ready]")).await.map_err(fail("data-ready"))?;
        expect(ready.is_empty(), || "the widget ran although script is off".into())?;
        ctx.screenshot("no-javascript").await
    })
}

/// The heights the parent received, per format: pym, Datawrapper and AMP.
fn received_heights(received: &Value) -> [Vec<f64>; 3] {
    let mut heights = [Vec::new(), Vec::new(), Vec::new()];
    for message in received.as_array().into_iter().flatten() {
        if let Some(text) = message.as_str().and_then(|t| t.strip_prefix("pymxPYMxstorylinexPYMxheightxPYMx")) {
            heights[0].extend(text.parse::<f64>().ok());
        } else if let Some(h) = message.pointer("/datawrapper-height/storyline").and_then(Value::as_f64) {
            heights[1].push(h);
        } else if message["sentinel"] == "amp" && message["type"] == "embed-size" {
            heights[2].extend(message["height"].as_f64());
        }
    }
    heights
}

fn a_sandboxed_iframe_reports_its_height_as_its_content_changes(ctx: &Ctx) -> Test<'_> {
    Box::pin(async move {
        ctx.open("/fixtures/iframe-height.html").await?;
        // embed.js applies the AMP message: the frame goes from its 300 px to its content's height.
        let frame_is = |px: &Value| format!("const h = document.getElementById('embed').clientHeight; return h === {px} && h");
        let content = "return Math.ceil(document.documentElement.getBoundingClientRect().height)";
        let frame = ctx.client.find(Locator::Css("#embed")).await.map_err(fail("the frame"))?;
        frame.enter_frame().await.map_err(fail("enter the frame"))?;
        ctx.wait_ready().await?;
        let inside = ctx.eval(content).await?;
        ctx.client.enter_parent_frame().await.map_err(fail("leave the frame"))?;
        let first = ctx.wait_until_true(&frame_is(&inside), "the frame to take its content's height").await?;
        frame.enter_frame().await.map_err(fail("enter the frame"))?;
        ctx.click_button("Next").await?;
        ctx.click_button("All events").await?;
        ctx.wait_for(".sl-event-item").await?;
        let longer = ctx.eval(content).await?;
        ctx.client.enter_parent_frame().await.map_err(fail("leave the frame"))?;
        let grown = ctx.wait_until_true(&frame_is(&longer), "the frame to follow the longer content").await?;
        let received = ctx.eval("return window.received").await?;
        let [pym, datawrapper, amp] = received_heights(&received);
        expect(first.as_f64() == inside.as_f64(), || format!("the frame is {first} px for {inside} px of content"))?;
        expect(grown.as_f64() == longer.as_f64() && longer.as_f64() > inside.as_f64(), || format!("the list made the content {longer} px; the frame is {grown}"))?;
        for (format, heights) in [("pym", &pym), ("Datawrapper", &datawrapper), ("AMP", &amp)] {
            expect(heights.last() == longer.as_f64().as_ref(), || format!("the last {format} height is {heights:?}, not {longer}"))?;
        }
        // The reader's selection reaches the host page too.
        let second = story::embedded().events[1].id.clone();
        let changes: Vec<&Value> = received.as_array().into_iter().flatten().filter_map(|m| m.get("storyline:change")).collect();
        expect(changes.len() == 1 && changes[0]["event"] == second.as_str(), || format!("the parent heard {changes:?}, not a change to {second}"))
    })
}

/// The shadow root's counter ("1 of 31") of the `<story-line>` at `host`.
async fn counter(ctx: &Ctx, host: &str) -> Result<String, String> {
    Ok(ctx.shadow_texts(host, ".sl-counter").await?.join(" "))
}

fn two_story_line_elements_under_hostile_css_look_right_and_stay_independent(ctx: &Ctx) -> Test<'_> {
    Box::pin(async move {
        ctx.open("/hostile.html").await?;
        for host in ["#first", "#second"] {
            ctx.wait_in_shadow(host, ".storyline[data-ready]").await?;
        }
        // The host's rules stop at the shadow boundary: the widget keeps its fonts, colours and drawing.
        let looks = ctx
            .eval(
                "const root = document.querySelector('#first').shadowRoot; \
                 const title = getComputedStyle(root.querySelector('.sl-title')); \
                 const axis = root.querySelector('.sl-axis').getBoundingClientRect(); \
                 const next = getComputedStyle(root.querySelector('.sl-next')); \
                 return [title.fontFamily, title.color, axis.width > 300 && axis.height > 50, next.transform, getComputedStyle(root.querySelector('.sl-panels')).display];",
            )
            .await?;
        expect(!looks[0].as_str().unwrap_or_default().contains("Comic"), || format!("the host's font reached the widget: {looks}"))?;
        expect(looks[1] != "rgb(255, 0, 170)", || format!("the host's colour reached the widget: {looks}"))?;
        expect(looks[2] == true, || format!("the timeline is not drawn: {looks}"))?;
        expect(looks[3] == "none", || format!("the host's transform reached the buttons: {looks}"))?;
        expect(looks[4] == "grid", || format!("the host's `div {{ display: none }}` reached the panels: {looks}"))?;
        // The page sets `html { font-size: 62.5% }`: the widget's type keeps the reader's default
        // size and its own proportions, rather than shrinking with the page's rem.
        let sizes = ctx
            .eval(
                "const root = document.querySelector('#first').shadowRoot; \
                 const px = (css) => parseFloat(getComputedStyle(root.querySelector(css)).fontSize); \
                 return [px('.storyline'), px('.sl-card-title'), px('.sl-card-meta'), px('.sl-card-meta .sl-status'), px('.sl-next')];",
            )
            .await?;
        let size = |i: usize| sizes[i].as_f64().unwrap_or(0.0);
        let base = size(0);
        expect(base >= 16.0, || format!("the widget's text follows the page's 10px rem: {sizes}"))?;
        let ratios = [size(1) / base, size(2) / base, size(3) / base, size(4) / base];
        let want = [1.2, 0.9, 0.72, 0.9];
        expect(ratios.iter().zip(want).all(|(r, w)| (r - w).abs() < 0.01), || format!("title, meta, badge and button sizes are {ratios:?} of the text, not {want:?}"))?;
        // The page asks for 18px text in the second widget, with `--storyline-font-size`.
        let second = ctx.eval("return parseFloat(getComputedStyle(document.querySelector('#second').shadowRoot.querySelector('.sl-card-title')).fontSize)").await?;
        expect((second.as_f64().unwrap_or(0.0) - 18.0 * 1.2).abs() < 0.05, || format!("the second widget's card title is {second}px, not 1.2 × 18px"))?;
        ctx.screenshot("hostile-css").await?;
        the_widget_under_ugly_inherited_styles_looks_as_on_a_clean_page(ctx, "hostile-inherited").await?;

        ctx.wait_in_shadow("#first", ".sl-next").await?.click().await.map_err(fail("Next in the first"))?;
        let (first, second) = (counter(ctx, "#first").await?, counter(ctx, "#second").await?);
        expect(first.starts_with("2 of") && second.starts_with("1 of"), || format!("after Next in the first: {first} / {second}"))?;
        // Keys pressed in the second move the second only.
        ctx.wait_in_shadow("#second", "[aria-current='true'] .sl-dot").await?.click().await.map_err(fail("the second's marker"))?;
        ctx.press(Key::Right).await?;
        ctx.press(Key::Right).await?;
        let (first, second) = (counter(ctx, "#first").await?, counter(ctx, "#second").await?);
        expect(first.starts_with("2 of") && second.starts_with("3 of"), || format!("after keys in the second: {first} / {second}"))?;
        let hash = ctx.eval("return location.hash").await?;
        let hash = hash.as_str().unwrap_or_default();
        expect(hash.contains("first.event=") && hash.contains("second.event="), || format!("each widget keeps its own deep link: {hash}"))?;
        // Each widget lays itself out for its own width: the second stands in a 420 px column.
        let widths = ctx
            .eval("return ['#first', '#second'].map(h => document.querySelector(h).shadowRoot.querySelector('.sl-axis').getBoundingClientRect().width)")
            .await?;
        let (wide, narrow) = (widths[0].as_f64().unwrap_or(0.0), widths[1].as_f64().unwrap_or(f64::MAX));
        expect(wide > 700.0 && narrow <= 420.0, || format!("the timelines are {wide} and {narrow} px wide"))?;
        // The widget's stylesheet does not leak out either: the page's body keeps its own margin.
        let margin = ctx.eval("return getComputedStyle(document.body).marginTop").await?;
        expect(margin == "10px", || format!("the page's body margin (1rem, and the page's rem is 10px) became {margin}"))?;
        // At phone width too: the same page in a 375 px frame.
        ctx.open("/fixtures/hostile-phone.html").await?;
        ctx.enter_frame().await?;
        ctx.wait_in_shadow("#first", ".storyline[data-ready]").await?;
        let checked = the_widget_under_ugly_inherited_styles_looks_as_on_a_clean_page(ctx, "hostile-inherited-375").await;
        ctx.client.enter_parent_frame().await.map_err(fail("leave the frame"))?;
        checked
    })
}

/// `#third` stands under an ancestor that sets every inherited text property to something ugly
/// (hostile.css); inherited properties cross a shadow boundary, so only the widget's own reset
/// keeps them out. It must look exactly as `#first` does at the same width: the same size, its
/// timeline and map labels in the same boxes.
async fn the_widget_under_ugly_inherited_styles_looks_as_on_a_clean_page(ctx: &Ctx, screenshot: &str) -> TestResult {
    ctx.wait_in_shadow("#third", ".storyline[data-ready]").await?;
    let boxes = "const boxes = (host) => { const root = document.querySelector(host).shadowRoot; \
        const widget = root.querySelector('.storyline').getBoundingClientRect(); \
        const labels = [...root.querySelectorAll('.sl-label, .sl-node-label, .sl-title, .sl-card-title')].map(e => e.getBoundingClientRect()) \
            .map(r => [r.left - widget.left, r.top - widget.top, r.width, r.height].map(Math.round).join(',')); \
        return [Math.round(widget.width), Math.round(widget.height), ...labels].join(' '); };";
    // Both lay themselves out for their measured width first: wait until the two agree, then say how they differ if they never do.
    let same = format!("{boxes} return boxes('#first') === boxes('#third');");
    if ctx.wait_until_true(&same, "the two widgets to agree").await.is_err() {
        let both = ctx.eval(&format!("{boxes} return [boxes('#first'), boxes('#third')];")).await?;
        return Err(format!("under the ugly ancestor the widget's size and label boxes differ from the clean one's: {both}"));
    }
    let styles = ctx
        .eval(
            "const root = document.querySelector('#third').shadowRoot; const s = getComputedStyle(root.querySelector('.sl-title')); \
             const label = getComputedStyle(root.querySelector('.sl-node-label')); \
             return [s.textTransform, s.letterSpacing, s.wordSpacing, s.fontStyle, getComputedStyle(root.querySelector('.storyline')).cursor, label.fill === getComputedStyle(document.querySelector('#first').shadowRoot.querySelector('.sl-node-label')).fill];",
        )
        .await?;
    expect(styles == serde_json::json!(["none", "normal", "0px", "normal", "auto", true]), || format!("inherited styles reached the widget: {styles}"))?;
    ctx.eval("document.querySelector('#third').scrollIntoView()").await?;
    ctx.screenshot(screenshot).await
}

/// What a reader would see go wrong with the labels of the `<story-line>` `#wide`, one line each:
/// a timeline label that runs over another label or another event's marker, or out of the
/// timeline; an era's title out of its band or under a later one; a cluster's "+N" out of its
/// button or the button out of the timeline; a map label that runs over another label or
/// another actor's shape, or out of the map.
const LABEL_PROBLEMS: &str = "const root = document.querySelector('#wide').shadowRoot; const problems = []; \
    const box = (e) => e.getBoundingClientRect(); \
    const meet = (a, b) => a.left < b.right - 0.5 && b.left < a.right - 0.5 && a.top < b.bottom - 0.5 && b.top < a.bottom - 0.5; \
    const across = (a, b) => a.left >= b.left - 0.5 && a.right <= b.right + 0.5; \
    const within = (a, b) => across(a, b) && a.top >= b.top - 0.5 && a.bottom <= b.bottom + 0.5; \
    const check = (what, area, items) => { \
      for (const a of items) { \
        if (!within(a.label, area)) problems.push(`${what} label ${a.name} leaves its drawing`); \
        for (const b of items) { \
          if (a === b) continue; \
          if (a.name < b.name && meet(a.label, b.label)) problems.push(`${what} labels ${a.name} and ${b.name} overlap`); \
          if (meet(a.label, b.mark)) problems.push(`${what} label ${a.name} runs over ${b.name}`); \
        } } }; \
    const axis = box(root.querySelector('.sl-axis')); \
    check('timeline', axis, [...root.querySelectorAll('.sl-marker')].filter(m => m.querySelector('.sl-label')) \
      .map(m => ({ name: m.dataset.event, label: box(m.querySelector('.sl-label')), mark: box(m.querySelector('.sl-dot')) }))); \
    const eras = [...root.querySelectorAll('.sl-era')]; \
    eras.forEach((era, i) => { const title = era.querySelector('text'); if (!title) return; \
      if (!within(box(title), box(era.querySelector('rect')))) problems.push(`the era title ${title.textContent} leaves its band`); \
      for (const later of eras.slice(i + 1)) if (meet(box(title), box(later.querySelector('rect')))) problems.push(`the era title ${title.textContent} runs under a later band`); }); \
    for (const c of root.querySelectorAll('.sl-cluster')) { const pill = box(c.querySelector('rect')); \
      if (!within(pill, axis) || !across(box(c.querySelector('text')), pill)) problems.push(`the cluster ${c.dataset.count} leaves its button or the timeline`); } \
    check('map', box(root.querySelector('.sl-map-svg')), [...root.querySelectorAll('.sl-node')] \
      .map(n => ({ name: n.dataset.actor, label: box(n.querySelector('.sl-node-label')), mark: box(n.querySelector('.sl-node-shape')) })));";

/// The page sets the widget's font (`--storyline-font`) to a serif face about a third wider than
/// the system sans-serif core's label widths are estimated for (`fixtures/wide-font.css`). The
/// widget measures its font and lays its labels out for it: at the first, a middle and the last
/// event, at 1280 and at 375 px, no label runs over another, over a marker or a shape, or out of
/// its drawing.
fn labels_fit_a_wide_font_the_page_sets_without_overflow_or_overlap(ctx: &Ctx) -> Test<'_> {
    Box::pin(async move {
        ctx.open("/fixtures/wide-font.html").await?;
        labels_fit_the_font(ctx, "wide-font").await?;
        ctx.open("/fixtures/wide-font-phone.html").await?;
        ctx.enter_frame().await?;
        let checked = labels_fit_the_font(ctx, "wide-font-375").await;
        ctx.client.enter_parent_frame().await.map_err(fail("leave the frame"))?;
        checked
    })
}

/// The checks of `labels_fit_a_wide_font_the_page_sets_without_overflow_or_overlap` in the page
/// (or frame) at hand, with screenshots of the timeline and the map named after `shot`.
async fn labels_fit_the_font(ctx: &Ctx, shot: &str) -> TestResult {
    ctx.wait_in_shadow("#wide", ".storyline[data-ready]").await?;
    // Checked only once the face is in use: before, the labels are drawn in a narrower fallback.
    let font = ctx
        .wait_until_true("const face = [...document.fonts].find(f => f.family.replaceAll('\"', '') === 'Wide Serif'); return face && ['loaded', 'error'].includes(face.status) && face.status", "the page's font")
        .await?;
    expect(font == "loaded", || format!("the page's wide font did not load: {font}"))?;
    let dataset = story::embedded();
    let n = dataset.events.len();
    for i in [0, n / 2, n - 1] {
        let id = &dataset.events[i].id;
        ctx.eval(&format!("location.hash = 'wide.event={id}'")).await?;
        ctx.wait_until_true(&format!("return document.querySelector('#wide').shadowRoot.querySelector('[aria-current=\"true\"]')?.dataset.event === {id:?}"), "the linked event").await?;
        if ctx.wait_until_true(&format!("{LABEL_PROBLEMS} return problems.length === 0"), "the labels to fit").await.is_err() {
            let problems = ctx.eval(&format!("{LABEL_PROBLEMS} return problems")).await?;
            return Err(format!("{shot}, at event {id}: {problems}"));
        }
        let fit = map_labels_stay_in_their_boxes(ctx, i).await.map_err(|e| format!("{shot}, at event {id}: {e}"))?;
        expect(fit >= 1.2, || format!("{shot}: the page's font draws the reference line only {fit} times as long as estimated"))?;
    }
    // A page may change the font at any time: the widget measures again and lays its labels out
    // anew, for the system sans-serif (the estimates as they are), then for the wide face again
    // (an empty value takes the element's own setting away).
    let frames = "const done = arguments[0]; requestAnimationFrame(() => requestAnimationFrame(() => done(true)));";
    for (font, system) in [("sans-serif", true), ("", false)] {
        ctx.eval(&format!("document.querySelector('#wide').style.setProperty('--storyline-font', {font:?})")).await?;
        ctx.client.execute_async(frames, vec![]).await.map_err(fail("two frames"))?;
        let fit = map_labels_stay_in_their_boxes(ctx, n - 1).await.map_err(|e| format!("{shot}, with the font {font:?}: {e}"))?;
        expect((fit == 1.0) == system, || format!("{shot}: with the font {font:?} the labels are fitted {fit} times as wide as estimated"))?;
    }
    ctx.eval("document.querySelector('#wide').scrollIntoView()").await?;
    ctx.screenshot(shot).await?;
    ctx.eval("document.querySelector('#wide').shadowRoot.querySelector('.sl-map').scrollIntoView()").await?;
    ctx.screenshot(&format!("{shot}-map")).await
}

/// Every map label of `#wide` lies inside its actor's box as core lays the map out for the font
/// the widget measured (core's `font_fit` of the reference line as drawn): the nodes stand where
/// that layout puts them, and each label within its box. The map is the one the widget shows at
/// `event` for its width: the whole map, or on a phone the event's. Returns that fit.
async fn map_labels_stay_in_their_boxes(ctx: &Ctx, event: usize) -> Result<f64, String> {
    let drawn = ctx
        .eval(
            "const root = document.querySelector('#wide').shadowRoot; const svg = root.querySelector('.sl-map-svg'); \
             const area = svg.getBoundingClientRect(), width = Number(svg.getAttribute('width')), units = width / area.width; \
             return [width, root.querySelector('.sl-measure text').getComputedTextLength(), \
               [...root.querySelectorAll('.sl-node')].map(n => { const r = n.querySelector('.sl-node-label').getBoundingClientRect(); \
                 const at = n.querySelector('[transform]').getAttribute('transform').match(/translate\\(([-\\d.]+) ([-\\d.]+)\\)/); \
                 return [n.dataset.actor, Number(at[1]), Number(at[2]), (r.left - area.left) * units, (r.right - area.left) * units]; }), \
               root.querySelector('.sl-map').getBoundingClientRect().width];",
        )
        .await?;
    let dataset = story::embedded();
    let fit = font_fit::fit(drawn[1].as_f64().unwrap_or(0.0));
    let mut nodes = Vec::new();
    for node in drawn[2].as_array().into_iter().flatten() {
        let id = node[0].as_str().unwrap_or_default();
        let a = dataset.actors.iter().position(|actor| actor.id == id).ok_or_else(|| format!("no actor {id:?}"))?;
        let number = |i: usize| node[i].as_f64().unwrap_or(f64::NAN);
        nodes.push((a, (number(1), number(2)), (number(3), number(4))));
    }
    let actors: Vec<usize> = dataset.events[event].actors.iter().filter_map(|w| dataset.actors.iter().position(|a| a.id == w.actor)).collect();
    let standing = standings(&dataset, Some(event));
    // The widget lays the map out for the width of its box, in whole pixels; a map too large for
    // the box at 11 px is drawn wider than it (the SVG's own width) and scrolls.
    let box_width = drawn[3].as_f64().unwrap_or(0.0);
    let laid_out = |fit: f64| MapView::for_width(box_width, false, &actors).scene(&dataset, &actors, &standing, box_width.trunc(), fit).layout;
    // Where core puts each drawn actor for a font `fit` times as wide as estimated, as the widget writes it (to a tenth of a pixel).
    let stands_as_for = |fit: f64| {
        let map = laid_out(fit);
        map.shown.len() == nodes.len()
            && nodes.iter().all(|&(a, (x, y), _)| map.slot(a).is_some_and(|s| (map.placed[s].x - x).abs() <= 0.06 && (map.placed[s].y - y).abs() <= 0.06))
    };
    if !stands_as_for(fit) {
        let laid_for = (20..=40).map(|twentieths| f64::from(twentieths) / 20.0).find(|&f| stands_as_for(f));
        return Err(format!("the map is laid out as for a font {laid_for:?} times as wide as estimated, not {fit} (the reference line is {} px long)", drawn[1]));
    }
    let map = laid_out(fit);
    for &(a, (x, _), (left, right)) in &nodes {
        let half = node_box(&dataset, a, fit).width * map.scale / 2.0;
        let (from, to) = (x - half, x + half);
        let id = &dataset.actors[a].id;
        expect(left >= from - 0.5 && right <= to + 0.5, || format!("the map label of {id} ({left:.1} to {right:.1}) overflows its box ({from:.1} to {to:.1})"))?;
    }
    Ok(fit)
}

/// Waits until the counter of the `<story-line>` at `host` starts with `prefix` ("3 of").
async fn wait_counter_in(ctx: &Ctx, host: &str, prefix: &str) -> TestResult {
    let script = format!("const c = document.querySelector({host:?})?.shadowRoot?.querySelector('.sl-counter'); return c && c.textContent.trim().startsWith({prefix:?});");
    ctx.wait_until_true(&script, &format!("{host} at {prefix}")).await.map(drop)
}

fn story_line_elements_without_ids_keep_their_own_deep_links_across_a_reload(ctx: &Ctx) -> Test<'_> {
    Box::pin(async move {
        let (one, two) = ("story-line:nth-of-type(1)", "story-line:nth-of-type(2)");
        ctx.open("/fixtures/unnamed-widgets.html").await?;
        for host in [one, two] {
            ctx.wait_in_shadow(host, ".storyline[data-ready]").await?;
        }
        for step in ["2 of", "3 of"] {
            ctx.wait_in_shadow(two, ".sl-next").await?.click().await.map_err(fail("Next in the second"))?;
            wait_counter_in(ctx, two, step).await?;
        }
        let hash = ctx.wait_until_true("return location.hash.includes('story2.event=') && location.hash", "the second widget's deep link").await?;
        expect(!hash.as_str().unwrap_or_default().contains("#event="), || format!("the first widget took the second's event: {hash}"))?;
        wait_counter_in(ctx, one, "1 of").await?;
        // Reloaded, each finds its own place again: the keys come from the elements' order on the page.
        ctx.client.refresh().await.map_err(fail("reload"))?;
        for host in [one, two] {
            ctx.wait_in_shadow(host, ".storyline[data-ready]").await?;
        }
        wait_counter_in(ctx, two, "3 of").await?;
        wait_counter_in(ctx, one, "1 of").await?;
        // Ids are still unique on the page: the second widget's elements carry its prefix.
        let titles = ctx.eval(&format!("return [{one:?}, {two:?}].map(h => document.querySelector(h).shadowRoot.querySelector('.sl-title').id)")).await?;
        expect(titles == serde_json::json!(["storyline-title", "story2-event-storyline-title"]), || format!("the titles' ids are {titles}"))?;
        let warnings = ctx.eval("return window.consoleWarnings.join('\\n')").await?;
        expect(warnings.as_str().is_some_and(|w| w.contains("without an id")), || format!("no console advice to give the widgets ids: {warnings}"))?;
        // A screen reader's list of landmarks names each widget's timeline and map by its story.
        let names = ctx
            .eval(&format!("return [{one:?}, {two:?}].flatMap(h => [...document.querySelector(h).shadowRoot.querySelectorAll('.sl-stage, .sl-map-panel')].map(e => e.getAttribute('aria-label')))"))
            .await?;
        let names: Vec<&str> = names.as_array().map(|a| a.iter().filter_map(Value::as_str).collect()).unwrap_or_default();
        let unique = names.iter().enumerate().all(|(i, n)| !names[..i].contains(n));
        expect(names.len() == 4 && unique && names[3].contains("Ever Given"), || format!("the landmarks' names are {names:?}"))
    })
}

fn a_story_line_moved_keeps_its_widget_and_one_removed_takes_it_down(ctx: &Ctx) -> Test<'_> {
    Box::pin(async move {
        ctx.open("/hostile.html").await?;
        ctx.wait_in_shadow("#first", ".storyline[data-ready]").await?;
        ctx.wait_in_shadow("#first", ".sl-next").await?.click().await.map_err(fail("Next"))?;
        // The click has landed once the deep link names the second event: only then is there a
        // place for the widget added back to find, however slow the machine.
        let second = story::embedded().events[1].id.clone();
        ctx.wait_until_true(&format!("return location.hash.includes('first.event={second}')"), "the deep link of the second event").await?;
        // Moved within the page (as a single-page app re-parents a node): the same widget goes on.
        let moved = ctx
            .eval("const el = document.querySelector('#first'); const before = el.shadowRoot.querySelector('.storyline'); \
                   document.body.append(el); return el.shadowRoot.querySelector('.storyline') === before;")
            .await?;
        expect(moved == true, || "moving the element rebuilt its widget".into())?;
        let frame = "const done = arguments[0]; requestAnimationFrame(() => requestAnimationFrame(() => done(true)));";
        // Removed: the widget is unmounted, which empties the element it rendered into (the loader
        // only detaches that element; emptying it is the app's own teardown).
        ctx.eval("window.removed = document.querySelector('#first'); window.inner = removed.shadowRoot.querySelector('.storyline-root'); removed.remove();").await?;
        ctx.client.execute_async(frame, vec![]).await.map_err(fail("a frame"))?;
        let left = ctx.eval("return [window.inner.childElementCount, window.removed.shadowRoot.childElementCount]").await?;
        expect(left == serde_json::json!([0, 0]), || format!("after removal the widget still holds [its elements, the shadow's] = {left}"))?;
        // Added back: a new widget, which finds its event in the deep link.
        ctx.eval("document.body.append(window.removed)").await?;
        ctx.wait_in_shadow("#first", ".storyline[data-ready]").await?;
        // The widget goes live on its first event and then follows the link: wait for that, however slow the machine.
        let linked = "return document.querySelector('#first').shadowRoot.querySelector('.sl-counter')?.textContent.startsWith('2 of')";
        if ctx.wait_until_true(linked, "the widget added back to show the linked second event").await.is_err() {
            let count = counter(ctx, "#first").await?;
            return Err(format!("the widget added back reads {count}, not the linked second event"));
        }
        let hash = ctx.eval("return location.hash").await?;
        expect(hash.as_str().is_some_and(|h| h.contains(&format!("first.event={second}"))), || format!("the deep link was rewritten to {hash}"))
    })
}

fn the_strict_csp_page_runs_without_a_violation_and_hears_storyline_change(ctx: &Ctx) -> Test<'_> {
    Box::pin(async move {
        ctx.open("/strict/").await?;
        ctx.wait_in_shadow("#story", ".storyline[data-ready]").await?;
        ctx.wait_in_shadow("#story", ".sl-next").await?.click().await.map_err(fail("Next"))?;
        ctx.wait_in_shadow("#story", ".sl-involved button").await?.click().await.map_err(fail("an actor"))?;
        ctx.wait_in_shadow("#story", "[id$='sl-actor-card-title']").await?;
        let log = ctx.wait_until_true("const items = [...document.querySelectorAll('#reader-log li')].map(li => li.textContent); return items.length >= 2 && items", "two storyline:change events").await?;
        let second = &story::embedded().events[1];
        let expected = format!("event {}", second.id);
        expect(log[0].as_str().is_some_and(|l| l.starts_with(&expected)), || format!("the first change should name {expected}: {log}"))?;
        expect(log[1].as_str().is_some_and(|l| l.contains("actor card")), || format!("opening an actor is a change too: {log}"))?;
        let violations = ctx.eval("return window.violations").await?;
        expect(violations.as_array().is_some_and(Vec::is_empty), || format!("the policy was violated: {violations}"))?;
        ctx.screenshot("strict-csp").await
    })
}

fn the_pages_request_nothing_but_127_0_0_1(ctx: &Ctx) -> Test<'_> {
    Box::pin(async move {
        let list = "return performance.getEntriesByType('resource').map(r => r.name)";
        let mut requested = Vec::new();
        for page in ["/", "/hostile.html", "/strict/", "/widget/"] {
            ctx.open(page).await?;
            ctx.wait_until_true("return document.readyState === 'complete'", "the page to load").await?;
            if page == "/" {
                let frame = ctx.client.find(Locator::Css("iframe[data-storyline]")).await.map_err(fail("the embed"))?;
                ctx.client.execute("arguments[0].scrollIntoView()", vec![serde_json::to_value(&frame).map_err(fail("frame"))?]).await.map_err(fail("scroll"))?;
                frame.enter_frame().await.map_err(fail("enter the frame"))?;
                ctx.wait_ready().await?;
                requested.extend(ctx.eval(list).await?.as_array().cloned().unwrap_or_default());
                ctx.client.enter_parent_frame().await.map_err(fail("leave the frame"))?;
            } else if page == "/widget/" {
                ctx.wait_ready().await?;
            } else {
                ctx.wait_in_shadow("story-line", ".storyline[data-ready]").await?;
            }
            requested.extend(ctx.eval(list).await?.as_array().cloned().unwrap_or_default());
        }
        let elsewhere: Vec<&Value> = requested.iter().filter(|url| !url.as_str().is_some_and(|u| u.starts_with(&ctx.base))).collect();
        expect(requested.len() >= 10, || format!("too few requests were seen to judge: {requested:?}"))?;
        expect(elsewhere.is_empty(), || format!("requests left 127.0.0.1: {elsewhere:?}"))
    })
}

fn data_comes_from_a_timelinejs_file_inline_json_or_fails_with_a_readable_error(ctx: &Ctx) -> Test<'_> {
    Box::pin(async move {
        // The editor's view: with #storyline-debug the error names every path (readers see one line).
        ctx.open("/fixtures/sources.html#storyline-debug").await?;
        let dataset = story::embedded();
        ctx.wait_in_shadow("#tljs", ".storyline[data-ready]").await?;
        let title = ctx.shadow_texts("#tljs", ".sl-title").await?;
        let count = counter(ctx, "#tljs").await?;
        expect(title == [dataset.story.title.clone()], || format!("the TimelineJS story's title is {title:?}"))?;
        expect(count == format!("1 of {}", dataset.events.len()), || format!("the TimelineJS story's counter reads {count}"))?;
        // TimelineJS says nothing of how sure an event is: its events are "Not stated", never "Reported".
        let badge = ctx.shadow_texts("#tljs", ".sl-card-meta .sl-status").await?;
        expect(badge.len() == 1 && badge[0].eq_ignore_ascii_case("Not stated"), || format!("the TimelineJS story's status reads {badge:?}"))?;

        ctx.wait_in_shadow("#bom", ".storyline[data-ready]").await?;
        let bom = ctx.shadow_texts("#bom", ".sl-title").await?;
        let minimal = storyline_core::load(include_str!("../../../../tests/data/valid/minimal.json")).map_err(|r| format!("{:?}", r.errors))?;
        expect(bom == [minimal.dataset.story.title.clone()], || format!("the file with a byte-order mark shows {bom:?}"))?;

        ctx.wait_in_shadow("#inline", ".storyline[data-ready]").await?;
        let inline = ctx.shadow_texts("#inline", ".sl-card-title").await?;
        expect(inline == ["The only event"], || format!("the inline story's card reads {inline:?}"))?;

        let invalid = ctx.wait_in_shadow("#invalid", "[role='alert']").await?.text().await.map_err(fail("the error"))?;
        for part in ["invalid.json", "story.published", "events[0].sources[0].url", "has mistakes"] {
            expect(invalid.contains(part), || format!("the invalid story's error does not say {part:?}: {invalid}"))?;
        }
        let missing = ctx.wait_in_shadow("#missing", "[role='alert']").await?.text().await.map_err(fail("the error"))?;
        for part in ["could not be loaded", "no-such-story.json", "404"] {
            expect(missing.contains(part), || format!("the unreachable story's error does not say {part:?}: {missing}"))?;
        }
        // A failed fetch is an error shown in its widget, not an uncaught one in the host page
        // (unless WebKit's known fault made the widgets start afresh, which the harness reports).
        let uncaught = ctx.eval("return window.pageErrors").await?;
        let explained = ctx.engine_fault_explains_errors().await;
        expect(explained || uncaught.as_array().is_some_and(Vec::is_empty), || format!("uncaught in the page: {uncaught}"))?;
        ctx.scroll_to("#invalid").await?;
        ctx.screenshot("data-sources-errors").await
    })
}
