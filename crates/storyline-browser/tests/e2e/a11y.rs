//! Accessibility: axe-core finds no WCAG 2.2 A or AA violation in any state a reader reaches,
//! and the keyboard alone reaches every control, every event and every actor card, with focus
//! always visible.
//!
//! axe-core is an npm package (`crates/storyline-browser/npm`, installed by `cargo xtask test`). Its source is
//! read here and injected into each page through WebDriver, so no page ships a test script.

use crate::harness::{expect, fail, Ctx, Test, TestFn, TestResult};
use fantoccini::key::Key;
use fantoccini::Locator;
use serde_json::{json, Value};
use std::collections::{BTreeMap, BTreeSet, HashMap, VecDeque};
use std::sync::OnceLock;
use storyline::story;

pub const TESTS: &[(&str, TestFn)] = &[
    ("axe_finds_nothing_at_the_first_a_middle_and_the_last_event", axe_finds_nothing_at_the_first_a_middle_and_the_last_event),
    ("axe_finds_nothing_with_an_actor_card_or_a_relation_card_open", axe_finds_nothing_with_an_actor_card_or_a_relation_card_open),
    ("axe_finds_nothing_in_the_all_events_list_or_whos_who", axe_finds_nothing_in_the_all_events_list_or_whos_who),
    ("axe_finds_nothing_in_the_error_state", axe_finds_nothing_in_the_error_state),
    ("axe_finds_nothing_in_a_320px_frame", axe_finds_nothing_in_a_320px_frame),
    ("axe_finds_nothing_with_a_group_region_focused", axe_finds_nothing_with_a_group_region_focused),
    ("axe_finds_nothing_with_a_group_region_focused_on_a_phones_map", axe_finds_nothing_with_a_group_region_focused_on_a_phones_map),
    ("axe_finds_nothing_with_two_widgets_on_one_page", axe_finds_nothing_with_two_widgets_on_one_page),
    ("axe_finds_nothing_inside_story_line_elements_on_a_hostile_page", axe_finds_nothing_inside_story_line_elements_on_a_hostile_page),
    ("axe_finds_nothing_in_a_developing_story_with_its_log_open_and_the_offer_shown", axe_finds_nothing_in_a_developing_story_with_its_log_open_and_the_offer_shown),
    (
        "the_keyboard_alone_reaches_every_control_event_and_actor_card_with_focus_always_visible",
        the_keyboard_alone_reaches_every_control_event_and_actor_card_with_focus_always_visible,
    ),
    ("the_navigation_is_one_tab_stop_whose_arrows_move_along_it", the_navigation_is_one_tab_stop_whose_arrows_move_along_it),
];

/// axe's tags for the success criteria of WCAG 2.0, 2.1 and 2.2 at levels A and AA
/// (WCAG 2.2 added no level-A criterion that axe tests, hence no `wcag22a`).
const WCAG_TAGS: &[&str] = &["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"];

/// axe-core's source, read once from the npm package.
fn axe_source() -> Result<&'static str, String> {
    static SOURCE: OnceLock<Result<String, String>> = OnceLock::new();
    let path = concat!(env!("CARGO_MANIFEST_DIR"), "/npm/node_modules/axe-core/axe.min.js");
    SOURCE
        .get_or_init(|| std::fs::read_to_string(path).map_err(|e| format!("{path}: {e} (`cargo xtask test` installs axe-core from crates/storyline-browser/npm)")))
        .as_deref()
        .map_err(Clone::clone)
}

/// Runs axe in the current frame over `context` (null for the whole document, or axe's
/// `{include: [...]}`) and returns a description of every violation, for the developer who
/// will fix it: rule, impact, where (selectors) and a snippet of the HTML.
pub(crate) async fn axe(ctx: &Ctx, context: Value, state: &str) -> Result<Vec<String>, String> {
    // A new document forgets the injected script; inject it when it is not there.
    if ctx.eval("return typeof window.axe === 'object'").await? != Value::Bool(true) {
        ctx.client.execute(axe_source()?, vec![]).await.map_err(fail("inject axe-core"))?;
    }
    // axe judges the settled page: a colour transition caught halfway is not what anyone reads.
    // duplicate-id-aria reports only "needs review", since axe cannot know which of two elements
    // an ARIA reference means; for the widget's ids either answer is wrong, so it counts here.
    let run = "const [context, tags, done] = arguments; let frames = 0; \
        const run = () => axe.run(context || document, {runOnly: {type: 'tag', values: tags}, resultTypes: ['violations']}) \
          .then(r => done(JSON.stringify(r.violations.concat(r.incomplete.filter(v => v.id === 'duplicate-id-aria')) \
             .map(v => ({id: v.id, impact: v.impact, help: v.help, \
               nodes: v.nodes.map(n => ({target: n.target, html: n.html, summary: n.failureSummary}))}))))) \
          .catch(e => done('axe failed: ' + e)); \
        const settle = () => (document.getAnimations().some(a => a.playState === 'running') && ++frames < 300) ? requestAnimationFrame(settle) : run(); \
        settle();";
    let got = ctx.client.execute_async(run, vec![context, json!(WCAG_TAGS)]).await.map_err(fail("run axe"))?;
    let text = got.as_str().unwrap_or_default();
    let violations: Vec<Value> = serde_json::from_str(text).map_err(|_| format!("{state}: {text}"))?;
    Ok(violations.iter().map(|v| describe_violation(state, v)).collect())
}

fn describe_violation(state: &str, v: &Value) -> String {
    let mut out = format!("[{state}] {} ({}): {}", v["id"].as_str().unwrap_or("?"), v["impact"].as_str().unwrap_or("?"), v["help"].as_str().unwrap_or(""));
    let nodes = v["nodes"].as_array().cloned().unwrap_or_default();
    for node in nodes.iter().take(5) {
        let html: String = node["html"].as_str().unwrap_or_default().chars().take(200).collect();
        let summary = node["summary"].as_str().unwrap_or_default().replace('\n', " / ");
        out.push_str(&format!("\n      at {}\n         {html}\n         {summary}", node["target"]));
    }
    if nodes.len() > 5 {
        out.push_str(&format!("\n      … and {} more elements", nodes.len() - 5));
    }
    out
}

/// Passes when no state had a violation; otherwise lists them all.
pub(crate) fn no_violations(found: Vec<String>) -> TestResult {
    expect(found.is_empty(), || format!("axe found {} violation(s) of WCAG 2.2 A/AA:\n    {}", found.len(), found.join("\n    ")))
}

fn axe_finds_nothing_at_the_first_a_middle_and_the_last_event(ctx: &Ctx) -> Test<'_> {
    Box::pin(async move {
        let n = story::embedded().events.len();
        ctx.open("/widget/").await?;
        ctx.wait_ready().await?;
        let mut found = axe(ctx, Value::Null, "the first event").await?;
        for i in 2..=n / 2 + 1 {
            ctx.click_button("Next").await?;
            ctx.wait_counter(&format!("{i} of {n}")).await?;
        }
        found.extend(axe(ctx, Value::Null, "a middle event").await?);
        // End on the selected marker: the timeline's key for the last event (in the toolbar, End
        // would only move focus along it).
        ctx.client.find(Locator::Css(".sl-marker[aria-current='true'] .sl-dot")).await.map_err(fail("the current marker"))?.click().await.map_err(fail("click it"))?;
        wait_focused(ctx, "el.matches('.sl-marker[aria-current=true]')", "the current marker").await?;
        ctx.press(Key::End).await?;
        ctx.wait_counter(&format!("{n} of {n}")).await?;
        found.extend(axe(ctx, Value::Null, "the last event").await?);
        no_violations(found)
    })
}

fn axe_finds_nothing_with_an_actor_card_or_a_relation_card_open(ctx: &Ctx) -> Test<'_> {
    Box::pin(async move {
        let dataset = story::embedded();
        let russia = dataset.actors.iter().find(|a| a.name == "Russia").ok_or("no Russia")?;
        ctx.open("/widget/").await?;
        ctx.wait_ready().await?;
        let node = ctx.client.find(Locator::Css(&format!("[data-actor='{}'] .sl-node-shape", russia.id))).await.map_err(fail("Russia's node"))?;
        node.click().await.map_err(fail("click Russia"))?;
        ctx.wait_for(".sl-side-card").await?;
        let mut found = axe(ctx, Value::Null, "Russia's actor card").await?;
        // One of Russia's relations, from its card.
        let relation = ctx.client.find(Locator::Css(".sl-side-card .sl-links:last-of-type .sl-link-button")).await.map_err(fail("a relation in the card"))?;
        relation.click().await.map_err(fail("open the relation"))?;
        ctx.wait_until_true("return document.querySelector('.sl-side-card .sl-card-title .sl-link-button')", "the relation card").await?;
        found.extend(axe(ctx, Value::Null, "a relation card").await?);
        ctx.scroll_to(".sl-map-panel").await?;
        no_violations(found)
    })
}

fn axe_finds_nothing_in_the_all_events_list_or_whos_who(ctx: &Ctx) -> Test<'_> {
    Box::pin(async move {
        ctx.open("/widget/").await?;
        ctx.wait_ready().await?;
        ctx.click_button("All events").await?;
        ctx.wait_for(".sl-event-item").await?;
        let mut found = axe(ctx, Value::Null, "the All events list").await?;
        ctx.click_button("All events").await?;
        ctx.wait_gone(".sl-event-item").await?;
        ctx.client.find(Locator::Css(".sl-whos-who summary")).await.map_err(fail("Who's who"))?.click().await.map_err(fail("open Who's who"))?;
        ctx.wait_until_true("return document.querySelector('.sl-whos-who').open", "Who's who to open").await?;
        found.extend(axe(ctx, Value::Null, "Who's who").await?);
        ctx.scroll_to(".sl-whos-who").await?;
        no_violations(found)
    })
}

fn axe_finds_nothing_in_the_error_state(ctx: &Ctx) -> Test<'_> {
    Box::pin(async move {
        ctx.open("/fixtures/invalid.html").await?;
        ctx.wait_for("[role='alert']").await?;
        no_violations(axe(ctx, Value::Null, "the error view").await?)
    })
}

fn axe_finds_nothing_in_a_320px_frame(ctx: &Ctx) -> Test<'_> {
    Box::pin(async move {
        ctx.open_in_frame("/fixtures/narrow.html").await?;
        // Inside the frame: axe runs in the document it was injected into.
        let found = axe(ctx, Value::Null, "320 px").await;
        ctx.client.enter_parent_frame().await.map_err(fail("leave the frame"))?;
        no_violations(found?)
    })
}

fn axe_finds_nothing_with_a_group_region_focused(ctx: &Ctx) -> Test<'_> {
    Box::pin(async move {
        ctx.open("/widget/").await?;
        ctx.wait_ready().await?;
        // Focus on Russia's node, whose region holds Putin and the Kremlin and sits in BRICS's.
        // (The arrows reach every node, groups included: the keyboard walk below tests that.)
        ctx.eval("document.querySelector('.sl-node.sl-group[data-actor=russia]').focus()").await?;
        let f = wait_focused(ctx, "el.matches('.sl-node.sl-group')", "Russia's group").await?;
        let name = f["name"].as_str().unwrap_or_default().to_string();
        expect(name.contains(", with "), || format!("the focused group is named {name:?}, without its members"))?;
        let ring = ctx.eval("const r = getComputedStyle(document.activeElement.querySelector('.sl-group-ring')); return [r.stroke, r.strokeWidth]").await?;
        expect(ring[1].as_str().is_some_and(|w| w.trim_end_matches("px").parse::<f64>().unwrap_or(0.0) >= 3.0), || format!("the focused group's region is outlined by {ring}"))?;
        ctx.scroll_to(".sl-map-panel").await?;
        ctx.screenshot("map-group-focused").await?;
        no_violations(axe(ctx, Value::Null, &format!("{name} focused")).await?)
    })
}

fn axe_finds_nothing_with_a_group_region_focused_on_a_phones_map(ctx: &Ctx) -> Test<'_> {
    Box::pin(async move {
        // At 320 px the map shows the NIS briefing's actors: the NIS inside South Korea's region,
        // the KPA inside North Korea's, the White House inside the United States'.
        ctx.open_in_frame("/fixtures/map-width.html?width=320&event=nis-3000-briefing").await?;
        ctx.wait_for(".sl-map-views").await?;
        ctx.eval("document.querySelector('.sl-node.sl-group[data-actor=south-korea]').focus()").await?;
        let f = wait_focused(ctx, "el.matches('.sl-node.sl-group')", "South Korea's group").await;
        let found = match f {
            Ok(f) => {
                let name = f["name"].as_str().unwrap_or_default().to_string();
                ctx.scroll_to(".sl-map-panel").await?;
                axe(ctx, Value::Null, &format!("320 px, {name} focused")).await
            }
            Err(e) => Err(e),
        };
        ctx.client.enter_parent_frame().await.map_err(fail("leave the frame"))?;
        ctx.screenshot("map-phone-320px-group-focused").await?;
        no_violations(found?)
    })
}

fn axe_finds_nothing_with_two_widgets_on_one_page(ctx: &Ctx) -> Test<'_> {
    Box::pin(async move {
        ctx.open("/fixtures/two-widgets.html").await?;
        ctx.wait_for("#first .storyline[data-ready]").await?;
        ctx.wait_for("#second .storyline[data-ready]").await?;
        // Both with an actor card open: every id the widget writes is on the page twice.
        for host in ["#first", "#second"] {
            let node = ctx.client.find(Locator::Css(&format!("{host} .sl-node .sl-node-shape"))).await.map_err(fail("a node"))?;
            node.click().await.map_err(fail("click a node"))?;
            ctx.wait_for(&format!("{host} .sl-side-card")).await?;
        }
        ctx.click_button("All events").await?;
        ctx.wait_for("#first .sl-event-item").await?;
        let twice = ctx.eval("const ids = [...document.querySelectorAll('[id]')].map((e) => e.id); return ids.filter((id, i) => ids.indexOf(id) !== i)").await?;
        let mut found = axe(ctx, Value::Null, "two widgets").await?;
        if twice.as_array().is_some_and(|t| !t.is_empty()) {
            found.push(format!("[two widgets] ids on the page twice: {twice}"));
        }
        no_violations(found)
    })
}

fn axe_finds_nothing_inside_story_line_elements_on_a_hostile_page(ctx: &Ctx) -> Test<'_> {
    Box::pin(async move {
        ctx.open("/hostile.html").await?;
        for host in ["#first", "#second"] {
            ctx.wait_in_shadow(host, ".storyline[data-ready]").await?;
        }
        // Only the widgets: the host page's deliberately hostile CSS (magenta text on yellow) is
        // not ours to fix. axe follows the elements into their shadow roots.
        no_violations(axe(ctx, json!({"include": [["#first"], ["#second"], ["#third"]]}), "<story-line> under hostile CSS").await?)
    })
}

/// The developing story to a reader who saw its first version: the offer of what is new, the log
/// open, and an event of the latest update with its badge and its history.
fn axe_finds_nothing_in_a_developing_story_with_its_log_open_and_the_offer_shown(ctx: &Ctx) -> Test<'_> {
    Box::pin(async move {
        ctx.open("/fixtures/developing/").await?;
        // After the widget has kept what this visit shows: the reader saw only the first version.
        ctx.wait_ready().await?;
        ctx.eval("localStorage.setItem('storyline:seen:developing-test', '2024-10-23T18:00Z')").await?;
        ctx.open("/fixtures/developing/").await?;
        ctx.wait_for(".sl-since").await?;
        ctx.client.find(Locator::Css(".sl-updates summary")).await.map_err(fail("the log"))?.click().await.map_err(fail("open the log"))?;
        ctx.wait_for(".sl-updates[open]").await?;
        let mut found = axe(ctx, Value::Null, "the offer and the open log").await?;
        ctx.click_button("Go to the first").await?;
        ctx.wait_for(".sl-card .sl-status-history").await?;
        found.extend(axe(ctx, Value::Null, "a changed status on the card").await?);
        ctx.client.find(Locator::LinkText("The first ship enters")).await.map_err(fail("the link"))?.click().await.map_err(fail("follow it"))?;
        ctx.wait_for(".sl-card-meta .sl-mark").await?;
        found.extend(axe(ctx, Value::Null, "the New badge").await?);
        no_violations(found)
    })
}

fn the_navigation_is_one_tab_stop_whose_arrows_move_along_it(ctx: &Ctx) -> Test<'_> {
    Box::pin(async move {
        let n = story::embedded().events.len();
        ctx.open("/widget/").await?;
        ctx.wait_ready().await?;
        // At the first event Previous cannot be used: the toolbar's stop is Next.
        let f = tab_until(ctx, false, "el.closest('[role=toolbar]')", "the navigation").await?;
        expect(f["name"].as_str().is_some_and(|name| name.starts_with("Next")), || format!("Tab entered the toolbar on {}", f["name"]))?;
        let steps = [(Key::Right, "Zoom in"), (Key::Right, "Zoom out"), (Key::Right, "Fit all"), (Key::Right, "All events"), (Key::Right, "Next"), (Key::Left, "All events"), (Key::Home, "Next"), (Key::End, "All events")];
        for (key, name) in steps {
            ctx.press(key).await?;
            let at = ctx.wait_focus(name).await?;
            expect(at.starts_with(name), || format!("after {key:?} focus is on {at:?}, not {name:?}"))?;
            focused(ctx, name).await?;
        }
        // The arrows and Home/End moved along the toolbar only, never through the story.
        ctx.wait_counter(&format!("1 of {n}")).await?;
        // Tab leaves the toolbar from wherever it is; Shift+Tab comes back to the control used last.
        ctx.press(Key::Tab).await?;
        wait_focused(ctx, "!el.closest('[role=toolbar]')", "Tab out of the toolbar").await?;
        ctx.press_shifted(Key::Tab).await?;
        let back = wait_focused(ctx, "el.closest('[role=toolbar]')", "Shift+Tab back into the toolbar").await?;
        expect(back["name"].as_str().is_some_and(|name| name.starts_with("All events")), || format!("Shift+Tab came back to {}", back["name"]))?;
        ctx.press(Key::Home).await?;
        ctx.wait_focus("Next").await?;
        ctx.press(Key::Enter).await?;
        ctx.wait_counter(&format!("2 of {n}")).await
    })
}

/// What has focus (inside shadow roots too) and how a reader sees it: an outline, a box shadow,
/// or, on SVG controls, a stroke of the focus colour at least 3 px wide on one of their shapes
/// (not every engine draws outlines on SVG). Also records the element in `window.slVisited`,
/// and says whether it was there already (`again`).
const FOCUS: &str = r#"
    let el = document.activeElement;
    while (el && el.shadowRoot && el.shadowRoot.activeElement) el = el.shadowRoot.activeElement;
    if (!el || el === document.body || el === document.documentElement) return {inside: false, name: '', how: ''};
    const name = (e) => {
        if (e.getAttribute('aria-label')) return e.getAttribute('aria-label');
        let out = '';
        const walk = (n) => { for (const c of n.childNodes) {
            if (c.nodeType === 3) out += c.textContent;
            else if (c.nodeType === 1 && c.getAttribute('aria-hidden') !== 'true') walk(c);
        } };
        walk(e);
        return out.replace(/\s+/g, ' ').trim();
    };
    const visited = (window.slVisited = window.slVisited || new Set());
    const again = visited.has(el);
    visited.add(el);
    const root = el.closest('.storyline');
    const cs = getComputedStyle(el), px = (v) => parseFloat(v) || 0;
    const clear = (c) => c === 'transparent' || /rgba\(.*,\s*0\)$/.test(c);
    const hex = getComputedStyle(root || el).getPropertyValue('--storyline-focus').trim().replace('#', '');
    const full = hex.length === 3 ? [...hex].map((c) => c + c).join('') : hex;
    const focus = `rgb(${parseInt(full.slice(0, 2), 16)}, ${parseInt(full.slice(2, 4), 16)}, ${parseInt(full.slice(4, 6), 16)})`;
    let how = '';
    if (cs.outlineStyle !== 'none' && px(cs.outlineWidth) > 0 && !clear(cs.outlineColor)) how = `outline ${cs.outlineWidth} ${cs.outlineStyle} ${cs.outlineColor}`;
    else if (cs.boxShadow && cs.boxShadow !== 'none') how = `box-shadow ${cs.boxShadow}`;
    else if (el instanceof SVGElement) {
        const shape = [el, ...el.querySelectorAll('*')].find((s) => { const c = getComputedStyle(s); return c.stroke === focus && px(c.strokeWidth) >= 3; });
        if (shape) how = `a ${getComputedStyle(shape).strokeWidth} ${focus} stroke on its ${shape.tagName}`;
    }
    const box = el.getBoundingClientRect();
    if (box.width === 0 || box.height === 0) how = '';
    return {inside: !!root, again, name: name(el), tag: el.tagName.toLowerCase(), actor: el.getAttribute('data-actor'),
            how, style: `outline ${cs.outlineStyle} ${cs.outlineWidth}, box-shadow ${cs.boxShadow}`};
"#;

/// The focused element, checked for a visible focus indicator; `step` says where the walk is.
async fn focused(ctx: &Ctx, step: &str) -> Result<Value, String> {
    let f = ctx.eval(FOCUS).await?;
    if f["inside"] == true {
        expect(f["how"].as_str().is_some_and(|h| !h.is_empty()), || format!("{step}: focus on {} {:?} is not visible ({})", f["tag"], f["name"], f["style"]))?;
    }
    Ok(f)
}

/// The widget's controls that Tab can reach as they stand, in document order.
const CONTROLS: &str = "const controls = [...document.querySelectorAll('.storyline a[href], .storyline button:not([disabled]):not([tabindex=\"-1\"]), \
    .storyline summary, .storyline [tabindex]:not([tabindex=\"-1\"])')].filter((c) => c.getClientRects().length > 0);";

/// Presses Tab (Shift+Tab when `back`) until `done` (a script expression over the focused
/// element `el`) is true, checking at every stop that focus is visible.
async fn tab_until(ctx: &Ctx, back: bool, done: &str, what: &str) -> Result<Value, String> {
    for _ in 0..150 {
        if back { ctx.press_shifted(Key::Tab).await? } else { ctx.press(Key::Tab).await? }
        let f = focused(ctx, &format!("tabbing to {what}")).await?;
        if ctx.eval(&format!("const el = document.activeElement; return !!({done});")).await? == Value::Bool(true) {
            return Ok(f);
        }
    }
    Err(format!("Tab never reached {what}"))
}

/// Waits until the focused element satisfies `done` (a script expression over `el`), then checks it.
async fn wait_focused(ctx: &Ctx, done: &str, step: &str) -> Result<Value, String> {
    ctx.wait_until_true(&format!("const el = document.activeElement; return !!({done});"), step).await?;
    focused(ctx, step).await
}

fn the_keyboard_alone_reaches_every_control_event_and_actor_card_with_focus_always_visible(ctx: &Ctx) -> Test<'_> {
    Box::pin(async move {
        let dataset = story::embedded();
        let n = dataset.events.len();
        ctx.open("/widget/").await?;
        ctx.wait_ready().await?;

        // From the top of the page, Tab reaches the timeline: its one tab stop is the selected marker.
        tab_until(ctx, false, "el.matches('.sl-marker[aria-current=true]')", "the selected marker").await?;

        // Every event, one arrow press at a time: the counter follows and focus stays on the selected marker.
        for (i, event) in dataset.events.iter().enumerate().skip(1) {
            ctx.press(Key::Right).await?;
            ctx.wait_counter(&format!("{} of {n}", i + 1)).await?;
            ctx.wait_current(&event.title).await?;
            let f = wait_focused(ctx, "el.matches('.sl-marker[aria-current=true]')", &format!("event {}", i + 1)).await?;
            expect(f["name"].as_str().is_some_and(|name| name.starts_with(&event.title)), || format!("at event {}, focus is on {}", i + 1, f["name"]))?;
        }
        for (key, at) in [(Key::Home, 1), (Key::End, n), (Key::Left, n - 1)] {
            ctx.press(key).await?;
            ctx.wait_counter(&format!("{at} of {n}")).await?;
            wait_focused(ctx, "el.matches('.sl-marker[aria-current=true]')", &format!("event {at}")).await?;
        }

        // Every control: Shift+Tab back to the first (the header's update log, or the navigation
        // toolbar's one stop in a story without updates), then Tab through the whole widget once,
        // opening the disclosures (the update log, the filters and Who's who) with Enter on the way.
        // The pass ends on the last control. (Focus never goes out to the browser's own controls
        // and back: how an engine hands focus from those to the page is the engine's business.)
        let first = format!("(() => {{ {CONTROLS} return controls[0] === el; }})()");
        if ctx.eval(&format!("const el = document.activeElement; return {first};")).await? != Value::Bool(true) {
            tab_until(ctx, true, &first, "the widget's first control").await?;
        }
        ctx.eval("window.slVisited = new Set()").await?;
        let mut stops: Vec<String> = Vec::new();
        let (mut map_stops, mut toolbar_stops) = (0, 0);
        let mut f = focused(ctx, "Tab stop 1").await?;
        for step in 0..400 {
            expect(step < 399, || format!("Tab never left the widget; stops so far: {stops:?}"))?;
            expect(f["inside"] == true && f["again"] != true, || format!("Tab left the widget or came back before its last control; stops: {stops:?}"))?;
            stops.push(f["name"].as_str().unwrap_or_default().to_string());
            map_stops += usize::from(f["actor"].is_string());
            toolbar_stops += usize::from(ctx.eval("return !!document.activeElement.closest('[role=toolbar]')").await? == Value::Bool(true));
            if ctx.eval("const el = document.activeElement; return el.matches('details:not([open]) > summary')").await? == Value::Bool(true) {
                ctx.press(Key::Enter).await?;
                ctx.wait_until_true("return document.activeElement.parentElement.open", "a disclosure to open").await?;
                focused(ctx, "an opened disclosure").await?;
            }
            if ctx.eval(&format!("{CONTROLS} return controls[controls.length - 1] === document.activeElement")).await? == Value::Bool(true) {
                break;
            }
            ctx.press(Key::Tab).await?;
            f = focused(ctx, &format!("Tab stop {}", stops.len() + 1)).await?;
        }
        let missed = ctx
            .eval(&format!("{CONTROLS} const seen = window.slVisited || new Set(); return controls.filter((c) => !seen.has(c)).map((c) => c.outerHTML.slice(0, 120));"))
            .await?;
        expect(missed.as_array().is_some_and(Vec::is_empty), || format!("Tab never reached these controls: {missed}"))?;
        let current = &dataset.events[n - 2].title;
        // The toolbar is one stop (its other controls are reached by its arrows, tested on their own).
        for control in ["Filter events", current, "Confirmed", "Who's who", "Russia"] {
            expect(stops.iter().any(|s| s.starts_with(control)), || format!("no Tab stop is named {control:?}; the stops: {stops:?}"))?;
        }
        expect(map_stops == 1, || format!("the map should be one Tab stop, not {map_stops}; the stops: {stops:?}"))?;
        expect(toolbar_stops == 1, || format!("the navigation toolbar should be one Tab stop, not {toolbar_stops}; the stops: {stops:?}"))?;

        // Every actor card: arrows move across the map, Enter opens the card of the focused actor,
        // Tab goes into the card and Escape closes it, handing focus back to the actor.
        tab_until(ctx, true, "el.matches('.sl-node')", "the actor map").await?;
        let on_map = ctx.eval("return [...document.querySelectorAll('.sl-node')].map((n) => n.getAttribute('data-actor'))").await?;
        let on_map: BTreeSet<String> = on_map.as_array().into_iter().flatten().filter_map(|v| v.as_str().map(str::to_string)).collect();
        let mut opened = BTreeSet::new();
        let mut moves: HashMap<(String, usize), String> = HashMap::new();
        const ARROWS: [Key; 4] = [Key::Right, Key::Down, Key::Left, Key::Up];
        let mut here = ctx.eval(FOCUS).await?["actor"].as_str().unwrap_or_default().to_string();
        loop {
            if opened.insert(here.clone()) {
                open_card_and_return(ctx, &dataset, &here).await?;
            }
            // The shortest known way to an actor with an arrow not yet tried, then that arrow.
            let Some(path) = way_to_an_untried_arrow(&moves, &here) else { break };
            for dir in path {
                ctx.press(ARROWS[dir]).await?;
                let f = focused(ctx, &format!("an arrow from {here}")).await?;
                let to = f["actor"].as_str().ok_or_else(|| format!("an arrow from {here} took focus off the map to {}", f["name"]))?.to_string();
                moves.insert((here.clone(), dir), to.clone());
                here = to;
            }
        }
        let unreached: Vec<&String> = on_map.difference(&opened).collect();
        expect(unreached.is_empty(), || format!("the arrows never reach these actors: {unreached:?}"))?;
        println!("    keys only: {n} events in turn, {} Tab stops in one pass, {} actor cards opened and closed, {} arrow moves learned", stops.len(), opened.len(), moves.len());
        ctx.scroll_to(".sl-map-panel").await
    })
}

/// Breadth-first over the moves seen so far: the arrows (0..4) that lead from `from` to an
/// actor with an arrow not yet tried, that arrow included; `None` when every arrow is known.
fn way_to_an_untried_arrow(moves: &HashMap<(String, usize), String>, from: &str) -> Option<Vec<usize>> {
    let mut queue = VecDeque::from([(from.to_string(), Vec::new())]);
    let mut seen = BTreeMap::from([(from.to_string(), ())]);
    while let Some((at, path)) = queue.pop_front() {
        for dir in 0..4 {
            match moves.get(&(at.clone(), dir)) {
                None => return Some([path.clone(), vec![dir]].concat()),
                Some(to) if seen.insert(to.clone(), ()).is_none() => queue.push_back((to.clone(), [path.clone(), vec![dir]].concat())),
                Some(_) => {}
            }
        }
    }
    None
}

/// With focus on actor `id`'s node: Enter opens its card, Tab enters the card, Escape closes
/// it and focus is back on the node, visible at every step.
async fn open_card_and_return(ctx: &Ctx, dataset: &storyline_core::Dataset, id: &str) -> TestResult {
    let name = &dataset.actors.iter().find(|a| a.id == id).ok_or_else(|| format!("no actor {id}"))?.name;
    ctx.press(Key::Enter).await?;
    let title = format!("const t = document.querySelector('.sl-side-card .sl-card-title'); return t && t.textContent === {}", json!(name));
    ctx.wait_until_true(&title, &format!("{name}'s card to open")).await?;
    focused(ctx, &format!("{name}'s node with its card open")).await?;
    ctx.press(Key::Tab).await?;
    let inside = wait_focused(ctx, "el.closest('.sl-side-card')", &format!("Tab into {name}'s card")).await?;
    expect(inside["name"].as_str().is_some_and(|n| n.contains(name.as_str()) || n.contains("Show only")), || format!("Tab into {name}'s card landed on {}", inside["name"]))?;
    ctx.press(Key::Escape).await?;
    ctx.wait_gone(".sl-side-card").await?;
    wait_focused(ctx, &format!("el.getAttribute('data-actor') === {}", json!(id)), &format!("Escape from {name}'s card")).await?;
    Ok(())
}
