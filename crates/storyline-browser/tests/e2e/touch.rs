//! The widget under a finger, on phones 375 and 320 px wide: a sideways swipe on the event card
//! or on the timeline steps through the story, a vertical one scrolls the page, a mouse still
//! selects the card's text and drags the timeline, and everything a finger taps is 44 px at least.
//!
//! How each engine's finger is made. Chromium's and Firefox's drivers take WebDriver pointer
//! actions of type touch and send them as touch input (`pointerType` "touch"). WebKitGTK's
//! driver turns them into mouse events, so there the tests dispatch synthetic PointerEvents of
//! type touch, frame by frame, on the element under the finger. Only Chromium's touches reach
//! the compositor and scroll the page as a finger does: Firefox's (headless, without async pan
//! and zoom) and synthetic events never scroll. So only Chromium reads `scrollY` after a vertical
//! swipe; the others check what lets the browser scroll: nothing cancels the touch, and the
//! card's `touch-action` leaves vertical panning to the browser.
//!
//! A coarse pointer and reduced motion are emulated by Chromium's DevTools; in Firefox and
//! WebKit, which cannot emulate them through WebDriver, the stylesheet's own `@media` rules
//! for them are switched on in the page, and the tests measure what they do.

use crate::harness::{expect, fail, Ctx, Test, TestFn, TestResult};
use fantoccini::actions::{InputSource, MouseActions, PointerAction, TouchActions, MOUSE_BUTTON_LEFT};
use fantoccini::Locator;
use serde_json::{json, Value};
use std::time::Duration;

pub const TESTS: &[(&str, TestFn)] = &[
    ("a_touch_swipe_left_steps_forward_and_a_swipe_right_steps_back", a_touch_swipe_left_steps_forward_and_a_swipe_right_steps_back),
    ("a_vertical_swipe_on_the_card_scrolls_the_page_and_keeps_the_event", a_vertical_swipe_on_the_card_scrolls_the_page_and_keeps_the_event),
    ("a_swipe_on_the_timeline_steps_as_on_the_card_and_a_mouse_drag_pans_it", a_swipe_on_the_timeline_steps_as_on_the_card_and_a_mouse_drag_pans_it),
    ("a_mouse_drag_across_the_card_selects_its_text_and_steps_nothing", a_mouse_drag_across_the_card_selects_its_text_and_steps_nothing),
    ("with_reduced_motion_a_swipe_steps_without_moving_the_card", with_reduced_motion_a_swipe_steps_without_moving_the_card),
    ("under_a_coarse_pointer_every_tappable_thing_is_a_44px_target", under_a_coarse_pointer_every_tappable_thing_is_a_44px_target),
];

/// The two phones of `touch.html`: each frame is shorter than the widget, so it can scroll.
const PHONES: [(&str, &str); 2] = [("#w375", "375"), ("#w320", "320")];
/// How far a test's swipe goes: more than a quarter of either card, so it steps at any speed.
const SWIPE: f64 = 150.0;
const CARD: &str = ".sl-card-title";

/// WebKitGTK's driver makes mouse events of touch actions: its finger is synthetic.
fn real_touch(ctx: &Ctx) -> bool {
    ctx.engine() != "webkit"
}

/// Only Chromium's driver touches scroll the page.
fn touch_scrolls(ctx: &Ctx) -> bool {
    ctx.engine() == "chromium"
}

/// Enters the frame `phone` (after loading the two phones afresh when `reload`) once its widget
/// is live, with the card in the middle of the view; every touch and pointer event is watched
/// for a listener that cancels it, and each move for where the card is then drawn.
async fn enter_phone(ctx: &Ctx, phone: &str, reload: bool) -> TestResult {
    if reload {
        ctx.open("/fixtures/touch.html").await?;
    }
    ctx.client.enter_parent_frame().await.map_err(fail("leave the frame"))?;
    let frame = ctx.client.find(Locator::Css(phone)).await.map_err(fail(phone))?;
    frame.enter_frame().await.map_err(fail("enter the frame"))?;
    ctx.wait_ready().await?;
    ctx.eval(
        "document.querySelector('.sl-card').scrollIntoView({block: 'center'}); \
         if (!window.canceled) { window.canceled = []; window.drawn = []; \
           for (const t of ['touchstart', 'touchmove', 'touchend', 'pointerdown', 'pointermove', 'pointerup']) \
             addEventListener(t, (e) => setTimeout(() => e.defaultPrevented && canceled.push(t)), {capture: true, passive: true}); \
           addEventListener('pointermove', () => { const t = getComputedStyle(document.querySelector('.sl-card')).transform; \
             drawn.push([t === 'none' ? 0 : new DOMMatrix(t).m41, document.documentElement.scrollWidth - document.documentElement.clientWidth]); }, {passive: true}); }",
    )
    .await
    .map(drop)
}

/// Swipes a finger from the middle of the first `css` element by (`dx`, `dy`), in eight steps
/// about a frame apart: WebDriver touch actions where the engine has them, else synthetic events.
async fn swipe(ctx: &Ctx, css: &str, dx: f64, dy: f64) -> TestResult {
    if !real_touch(ctx) {
        synthetic_press_and_move(ctx, css, dx, dy).await?;
        return synthetic_lift(ctx).await;
    }
    let el = ctx.client.find(Locator::Css(css)).await.map_err(fail(css))?;
    let mut finger = TouchActions::new("finger".into())
        .then(PointerAction::MoveToElement { element: el, duration: None, x: 0.0, y: 0.0 })
        .then(PointerAction::Down { button: 0 });
    for _ in 0..8 {
        finger = finger.then(PointerAction::MoveBy { duration: Some(Duration::from_millis(20)), x: dx / 8.0, y: dy / 8.0 });
    }
    ctx.client.perform_actions(finger.then(PointerAction::Up { button: 0 })).await.map_err(fail("touch actions"))?;
    ctx.client.release_actions().await.map_err(fail("release"))
}

/// Puts a synthetic finger (PointerEvents of type touch) on the middle of the first `css`
/// element and moves it by (`dx`, `dy`) in eight steps, one a frame, leaving it down. WebKit's
/// finger; in the other engines, the one that can stay down while a screenshot is taken
/// (chromedriver does not carry a touch that is down from one action command to the next).
async fn synthetic_press_and_move(ctx: &Ctx, css: &str, dx: f64, dy: f64) -> TestResult {
    let script = "const [css, dx, dy, done] = arguments; \
        const r = document.querySelector(css).getBoundingClientRect(); \
        const x0 = r.left + r.width / 2, y0 = r.top + r.height / 2, target = document.elementFromPoint(x0, y0); \
        const f = window.finger = { x: x0, y: y0, fire: (type) => target.dispatchEvent(new PointerEvent(type, \
          { pointerId: 7, pointerType: 'touch', isPrimary: true, clientX: f.x, clientY: f.y, bubbles: true, cancelable: true, composed: true })) }; \
        f.fire('pointerdown'); let i = 0; \
        const step = () => { i++; f.x = x0 + dx * i / 8; f.y = y0 + dy * i / 8; f.fire('pointermove'); i < 8 ? requestAnimationFrame(step) : done(true); }; \
        requestAnimationFrame(step);";
    ctx.client.execute_async(script, vec![json!(css), json!(dx), json!(dy)]).await.map(drop).map_err(fail("synthetic touch"))
}

async fn synthetic_lift(ctx: &Ctx) -> TestResult {
    ctx.eval("window.finger.fire('pointerup')").await.map(drop)
}

/// Where the card was drawn at each move of the last swipe (its transform's x, in CSS px), and
/// by how much the page was then wider than its frame; forgets them for the next swipe.
async fn drawn(ctx: &Ctx) -> Result<(Vec<f64>, f64), String> {
    let d = ctx.eval("const d = window.drawn; window.drawn = []; return d").await?;
    let rows = d.as_array().cloned().unwrap_or_default();
    let offsets = rows.iter().filter_map(|r| r[0].as_f64()).collect();
    let overflow = rows.iter().filter_map(|r| r[1].as_f64()).fold(0.0, f64::max);
    Ok((offsets, overflow))
}

/// Waits until the card has glided back to its place.
async fn wait_card_at_rest(ctx: &Ctx) -> TestResult {
    let script = "const t = getComputedStyle(document.querySelector('.sl-card')).transform; return t === 'none' || new DOMMatrix(t).m41 === 0;";
    ctx.wait_until_true(script, "waiting for the card to settle").await.map(drop)
}

async fn card_title(ctx: &Ctx) -> Result<String, String> {
    Ok(ctx.texts(CARD).await?.concat())
}

/// The touch and pointer events some listener cancelled: a swipe must never take the page's scroll.
async fn expect_nothing_canceled(ctx: &Ctx) -> TestResult {
    let canceled = ctx.eval("return window.canceled").await?;
    expect(canceled == json!([]), || format!("a listener cancelled {canceled}: the widget takes the touch from the page"))
}

fn a_touch_swipe_left_steps_forward_and_a_swipe_right_steps_back(ctx: &Ctx) -> Test<'_> {
    Box::pin(async move {
        for (i, (phone, width)) in PHONES.into_iter().enumerate() {
            enter_phone(ctx, phone, i == 0).await?;
            ctx.wait_counter("1 of 31").await?;
            let first = card_title(ctx).await?;
            swipe(ctx, CARD, -SWIPE, 0.0).await?;
            ctx.wait_counter("2 of 31").await?;
            let second = card_title(ctx).await?;
            expect(second != first, || format!("at {width} px the card still shows {first:?} after the swipe"))?;
            // The card followed the finger, and the page did not scroll sideways under it.
            let (offsets, overflow) = drawn(ctx).await?;
            let furthest = offsets.iter().copied().fold(0.0, f64::min);
            expect(furthest < -0.7 * SWIPE, || format!("at {width} px the card was drawn at {offsets:?} under a finger {SWIPE} px to the left"))?;
            expect(overflow <= 0.0, || format!("at {width} px the swiped card made the page {overflow} px wider than its frame"))?;
            wait_card_at_rest(ctx).await?;

            swipe(ctx, CARD, SWIPE, 0.0).await?;
            ctx.wait_counter("1 of 31").await?;
            expect(card_title(ctx).await? == first, || format!("at {width} px a swipe right did not bring back {first:?}"))?;
            wait_card_at_rest(ctx).await?;
            expect_nothing_canceled(ctx).await?;

            // For the picture, a finger stays down halfway through a swipe (a screenshot is of
            // the whole window, whichever frame the test is in); lifted, it steps too.
            synthetic_press_and_move(ctx, CARD, -SWIPE, 0.0).await?;
            ctx.screenshot(&format!("touch-swipe-{width}-following")).await?;
            synthetic_lift(ctx).await?;
            ctx.wait_counter("2 of 31").await?;
        }
        ctx.client.enter_parent_frame().await.map_err(fail("leave the frame"))
    })
}

fn a_vertical_swipe_on_the_card_scrolls_the_page_and_keeps_the_event(ctx: &Ctx) -> Test<'_> {
    Box::pin(async move {
        enter_phone(ctx, "#w375", true).await?;
        ctx.wait_counter("1 of 31").await?;
        let before = ctx.eval("return scrollY").await?.as_f64().unwrap_or_default();
        // The finger moves up with a little sideways wobble, as a thumb does.
        swipe(ctx, ".sl-card", -12.0, -240.0).await?;
        if touch_scrolls(ctx) {
            let script = format!("return scrollY > {before} + 100 && scrollY");
            ctx.wait_until_true(&script, "waiting for the page to scroll").await?;
        }
        let touch_action = ctx.eval("return getComputedStyle(document.querySelector('.sl-card')).touchAction").await?;
        expect(touch_action.as_str().is_some_and(|t| t.contains("pan-y")), || format!("the card's touch-action is {touch_action}: the browser may not scroll"))?;
        expect_nothing_canceled(ctx).await?;
        let followed = ctx.eval("return document.querySelector('.sl-card').hasAttribute('data-swipe')").await?;
        expect(followed == false, || "the card followed a vertical swipe".into())?;
        let counter = ctx.counters().await?;
        expect(counter == ["1 of 31"], || format!("a vertical swipe moved the story to {counter:?}"))?;
        ctx.client.enter_parent_frame().await.map_err(fail("leave the frame"))?;
        ctx.screenshot("touch-vertical-375").await
    })
}

/// Waits until the timeline's axis has glided back to its place after a swipe.
async fn wait_axis_at_rest(ctx: &Ctx) -> TestResult {
    let script = "const t = getComputedStyle(document.querySelector('.sl-axis')).transform; return t === 'none' || new DOMMatrix(t).m41 === 0;";
    ctx.wait_until_true(script, "waiting for the axis to settle").await.map(drop)
}

/// A finger swiping the timeline steps like one swiping the card, the axis following it on the
/// way; a mouse dragging the axis still pans it, and steps nothing.
fn a_swipe_on_the_timeline_steps_as_on_the_card_and_a_mouse_drag_pans_it(ctx: &Ctx) -> Test<'_> {
    Box::pin(async move {
        for (i, (phone, width)) in PHONES.into_iter().enumerate() {
            enter_phone(ctx, phone, i == 0).await?;
            ctx.scroll_to(".sl-stage").await?;
            ctx.wait_counter("1 of 31").await?;
            let first = card_title(ctx).await?;
            // Halfway, for the picture, the axis is drawn under the finger.
            synthetic_press_and_move(ctx, ".sl-axis", -SWIPE, 0.0).await?;
            let followed = ctx.eval("const t = getComputedStyle(document.querySelector('.sl-axis')).transform; return t === 'none' ? 0 : new DOMMatrix(t).m41").await?;
            ctx.screenshot(&format!("touch-timeline-{width}-following")).await?;
            synthetic_lift(ctx).await?;
            ctx.wait_counter("2 of 31").await?;
            expect(followed.as_f64().is_some_and(|x| x < -0.7 * SWIPE), || format!("at {width} px the axis was drawn at {followed} under a finger {SWIPE} px to the left"))?;
            expect(card_title(ctx).await? != first, || format!("at {width} px the card still shows {first:?} after the swipe"))?;
            wait_axis_at_rest(ctx).await?;

            swipe(ctx, ".sl-axis", SWIPE, 0.0).await?;
            ctx.wait_counter("1 of 31").await?;
            wait_axis_at_rest(ctx).await?;
            swipe(ctx, ".sl-axis", -SWIPE, 0.0).await?;
            ctx.wait_counter("2 of 31").await?;
            wait_axis_at_rest(ctx).await?;
            expect_nothing_canceled(ctx).await?;
            let touch_action = ctx.eval("return getComputedStyle(document.querySelector('.sl-timeline')).touchAction").await?;
            expect(touch_action == "pan-y", || format!("at {width} px the timeline's touch-action is {touch_action}: the page may not scroll, or the browser takes the swipe"))?;
        }
        // A mouse is not a finger: its drag pans the axis.
        let ticks = ctx.texts(".sl-tick text").await?;
        let axis = ctx.client.find(Locator::Css(".sl-axis")).await.map_err(fail("the axis"))?;
        let drag = MouseActions::new("mouse".into())
            .then(PointerAction::MoveToElement { element: axis, duration: None, x: 60.0, y: -60.0 })
            .then(PointerAction::Down { button: MOUSE_BUTTON_LEFT })
            .then(PointerAction::MoveBy { duration: Some(Duration::from_millis(200)), x: -SWIPE, y: 0.0 })
            .then(PointerAction::Up { button: MOUSE_BUTTON_LEFT });
        ctx.client.perform_actions(drag).await.map_err(fail("mouse drag"))?;
        ctx.client.release_actions().await.map_err(fail("release"))?;
        let panned = ctx.wait_ticks_settle(&ticks).await?;
        expect(panned != ticks, || format!("a mouse drag did not pan the axis: its ticks still read {ticks:?}"))?;
        let counter = ctx.counters().await?;
        expect(counter == ["2 of 31"], || format!("a mouse drag on the timeline stepped the story to {counter:?}"))?;
        ctx.client.enter_parent_frame().await.map_err(fail("leave the frame"))
    })
}

/// A mouse is not a finger: dragging it over the card selects text, as on any page.
fn a_mouse_drag_across_the_card_selects_its_text_and_steps_nothing(ctx: &Ctx) -> Test<'_> {
    Box::pin(async move {
        enter_phone(ctx, "#w375", true).await?;
        let summary = ctx.client.find(Locator::Css(".sl-summary")).await.map_err(fail("the summary"))?;
        let drag = MouseActions::new("mouse".into())
            .then(PointerAction::MoveToElement { element: summary, duration: None, x: -120.0, y: 0.0 })
            .then(PointerAction::Down { button: MOUSE_BUTTON_LEFT })
            .then(PointerAction::MoveBy { duration: Some(Duration::from_millis(200)), x: 240.0, y: 0.0 })
            .then(PointerAction::Up { button: MOUSE_BUTTON_LEFT });
        ctx.client.perform_actions(drag).await.map_err(fail("mouse drag"))?;
        ctx.client.release_actions().await.map_err(fail("release"))?;
        let selected = ctx.eval("return getSelection().toString()").await?;
        let counter = ctx.counters().await?;
        let followed = ctx.eval("return document.querySelector('.sl-card').hasAttribute('data-swipe')").await?;
        ctx.client.enter_parent_frame().await.map_err(fail("leave the frame"))?;
        expect(selected.as_str().is_some_and(|s| s.trim().len() > 10), || format!("the drag selected {selected}"))?;
        expect(followed == false, || "the card followed the mouse".into())?;
        expect(counter == ["1 of 31"], || format!("a mouse drag stepped the story to {counter:?}"))
    })
}

/// Switches on, in the current frame, every `@media` rule of the stylesheet whose condition
/// contains `condition` (`to` "all"), or off (`to` "not all"); returns how many it switched.
async fn switch_media_rules(ctx: &Ctx, condition: &str, to: &str) -> Result<u64, String> {
    let script = "const [condition, to] = arguments; let n = 0; \
        for (const sheet of document.styleSheets) for (const rule of sheet.cssRules) \
          if (rule.media && rule.media.mediaText.includes(condition)) { rule.media.mediaText = to; n++; } \
        return n;";
    let n = ctx.client.execute(script, vec![json!(condition), json!(to)]).await.map_err(fail("switch media rules"))?;
    let n = n.as_u64().unwrap_or_default();
    expect(n > 0, || format!("the stylesheet has no @media rule for {condition}"))?;
    Ok(n)
}

/// Asks Chromium's DevTools for `cmd`, and checks that the frame's media query `query` then matches.
async fn emulate(ctx: &Ctx, cmd: &'static str, params: Value, query: &str) -> TestResult {
    ctx.cdp(cmd, params).await?;
    let matches = ctx.eval(&format!("return matchMedia('{query}').matches")).await?;
    expect(matches == true, || format!("after {cmd}, {query} does not match"))
}

/// Ends Chromium's emulations, so that the tests after these see a plain desktop again.
async fn end_emulation(ctx: &Ctx) {
    if ctx.engine() == "chromium" {
        let _ = ctx.cdp("Emulation.setTouchEmulationEnabled", json!({"enabled": false})).await;
        let _ = ctx.cdp("Emulation.setEmulatedMedia", json!({"features": []})).await;
    }
}

fn with_reduced_motion_a_swipe_steps_without_moving_the_card(ctx: &Ctx) -> Test<'_> {
    Box::pin(async move {
        let result = async {
            enter_phone(ctx, "#w375", true).await?;
            if ctx.engine() == "chromium" {
                let features = json!({"features": [{"name": "prefers-reduced-motion", "value": "reduce"}]});
                emulate(ctx, "Emulation.setEmulatedMedia", features, "(prefers-reduced-motion: reduce)").await?;
            } else {
                switch_media_rules(ctx, "prefers-reduced-motion: no-preference", "not all").await?;
            }
            swipe(ctx, CARD, -SWIPE, 0.0).await?;
            ctx.wait_counter("2 of 31").await?;
            let (offsets, _) = drawn(ctx).await?;
            expect(!offsets.is_empty() && offsets.iter().all(|&o| o == 0.0), || format!("with reduced motion the card was drawn at {offsets:?}"))?;
            let glide = ctx.eval("return getComputedStyle(document.querySelector('.sl-card')).transform").await?;
            expect(glide == "none", || format!("with reduced motion the new event is drawn with the transform {glide}"))
        }
        .await;
        end_emulation(ctx).await;
        let _ = ctx.client.enter_parent_frame().await;
        result
    })
}

/// Under a coarse pointer the toolbar's buttons, the timeline's markers and clusters, the actor
/// and filter chips and the map's nodes are each 44 × 44 CSS px at least (measured as drawn; a
/// marker's, cluster's or node's transparent hit area counts, where it takes the tap).
fn under_a_coarse_pointer_every_tappable_thing_is_a_44px_target(ctx: &Ctx) -> Test<'_> {
    Box::pin(async move {
        let result = async {
            for (i, (phone, width)) in PHONES.into_iter().enumerate() {
                enter_phone(ctx, phone, i == 0).await?;
                ctx.scroll_to(".sl-nav").await?;
                // With a fine pointer, the buttons keep their desktop size: the rule below is what
                // makes them larger. Chromium's emulation, once on, holds for both phones.
                let emulated = ctx.engine() == "chromium" && i > 0;
                let fine = ctx.eval("return document.querySelector('.sl-prev').getBoundingClientRect().height").await?;
                expect(emulated || fine.as_f64().is_some_and(|h| h < 44.0), || format!("at {width} px Previous is {fine} px high before the coarse pointer"))?;
                if ctx.engine() == "chromium" {
                    if !emulated {
                        emulate(ctx, "Emulation.setTouchEmulationEnabled", json!({"enabled": true, "maxTouchPoints": 1}), "(pointer: coarse)").await?;
                    }
                } else {
                    switch_media_rules(ctx, "pointer: coarse", "all").await?;
                }
                // The filters unfolded, so that their chips are drawn and can be measured.
                ctx.eval("document.querySelector('.sl-filters').open = true").await?;
                let measured = ctx
                    .eval(
                        "const small = [], counts = {}; \
                         const check = (kind, css, hit) => { counts[kind] = 0; for (const b of document.querySelectorAll(css)) { \
                           const r = b.getBoundingClientRect(); if (r.width === 0 && r.height === 0) continue; counts[kind]++; \
                           if (r.width < 44 || r.height < 44 || (hit && getComputedStyle(b).pointerEvents === 'none')) \
                             small.push(`${kind} ${b.textContent.trim() || b.getAttribute('aria-label') || ''}: ${r.width}×${r.height}, ${getComputedStyle(b).pointerEvents}`); } }; \
                         check('button', '.sl-nav button', false); \
                         check('marker', '.sl-hit', true); \
                         check('actor chip', '.sl-card .sl-chip', false); \
                         check('filter chip', '.sl-filters .sl-chip', false); \
                         check('cluster', '.sl-cluster-hit', true); \
                         check('map node', '.sl-map .sl-node-hit', true); \
                         return [small, counts];",
                    )
                    .await?;
                let (small, counts) = (&measured[0], &measured[1]);
                expect(small == &json!([]), || format!("at {width} px these targets are under 44 × 44 px: {small}"))?;
                // Every kind was there to measure; a cluster only where the timeline gathers events.
                for kind in ["button", "marker", "actor chip", "filter chip", "map node"] {
                    expect(counts[kind].as_u64().is_some_and(|n| n > 0), || format!("at {width} px no {kind} was measured: {counts}"))?;
                }
                eprintln!("{}: at {width} px under a coarse pointer, 44 px targets: {counts}", ctx.engine());
                // A map node's hit area takes a tap at its corner, away from its shape and label.
                let beside = ctx
                    .eval(
                        "document.querySelector('.sl-map').scrollIntoView({block: 'center'}); \
                         for (const h of document.querySelectorAll('.sl-map .sl-node-hit')) { const r = h.getBoundingClientRect(); \
                           const x = r.left + 3, y = r.top + 3, node = h.closest('.sl-node'); \
                           if (document.elementFromPoint(x, y) === h) return [node.getAttribute('data-actor'), x, y]; } \
                         return null;",
                    )
                    .await?;
                expect(beside[0].is_string(), || format!("at {width} px no map node takes a tap in the corner of its hit area: {beside}"))?;
                ctx.eval("document.querySelector('.sl-filters').open = false").await?;
                ctx.scroll_to(".sl-nav").await?;
                // A tap 20 px from a marker's dot, where no other marker lies, selects that marker.
                let target = ctx
                    .eval(
                        "const hits = [...document.querySelectorAll('.sl-hit')], markers = [...document.querySelectorAll('.sl-marker')]; \
                         for (let i = hits.length - 1; i >= 0; i--) { const r = hits[i].getBoundingClientRect(); \
                           const cx = r.left + r.width / 2, cy = r.top + r.height / 2; \
                           for (const [dx, dy] of [[0, 20], [0, -20], [20, 0], [-20, 0]]) \
                             if (markers[i].getAttribute('aria-current') !== 'true' && document.elementFromPoint(cx + dx, cy + dy) === hits[i]) \
                               return [i, dx, dy, markers[i].getAttribute('aria-label')]; } \
                         return null;",
                    )
                    .await?;
                let (Some(n), Some(dx), Some(dy), Some(name)) = (target[0].as_u64(), target[1].as_f64(), target[2].as_f64(), target[3].as_str()) else {
                    return Err(format!("at {width} px no marker has a hit area of its own 20 px from its dot: {target}"));
                };
                let hits = ctx.client.find_all(Locator::Css(".sl-hit")).await.map_err(fail("the hit areas"))?;
                let hit = hits.into_iter().nth(n as usize).ok_or("the hit area went")?;
                let tap = TouchActions::new("finger".into())
                    .then(PointerAction::MoveToElement { element: hit, duration: None, x: dx, y: dy })
                    .then(PointerAction::Down { button: 0 })
                    .then(PointerAction::Up { button: 0 });
                ctx.client.perform_actions(tap).await.map_err(fail("tap"))?;
                ctx.client.release_actions().await.map_err(fail("release"))?;
                let current = ctx.current_marker().await?;
                expect(current == name, || format!("at {width} px a tap 20 px from {name:?} selected {current:?}"))?;
            }
            ctx.client.enter_parent_frame().await.map_err(fail("leave the frame"))?;
            ctx.screenshot("touch-targets-375-320").await
        }
        .await;
        end_emulation(ctx).await;
        let _ = ctx.client.enter_parent_frame().await;
        result
    })
}
