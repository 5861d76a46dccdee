//! The timeline as a reader uses it: by mouse, by keyboard alone, by link, at 320 px, at 10,000 events.
//! Elements are found by their roles and names, as assistive technology finds them.

use crate::harness::{expect, fail, Ctx, Test, TestFn, TestResult};
use fantoccini::key::Key;
use fantoccini::Locator;
use storyline::story;

pub const TESTS: &[(&str, TestFn)] = &[
    ("next_clicks_through_every_event_in_order", next_clicks_through_every_event_in_order),
    ("the_keyboard_walks_the_timeline_without_a_mouse", the_keyboard_walks_the_timeline_without_a_mouse),
    ("next_pressed_onto_the_last_event_keeps_focus_and_says_it_is_unavailable", next_pressed_onto_the_last_event_keeps_focus_and_says_it_is_unavailable),
    ("a_deep_link_selects_its_event_and_selection_updates_the_link", a_deep_link_selects_its_event_and_selection_updates_the_link),
    ("zoom_buttons_refine_and_restore_the_axis", zoom_buttons_refine_and_restore_the_axis),
    ("a_320px_frame_stacks_the_card_under_the_axis_without_overflow", a_320px_frame_stacks_the_card_under_the_axis_without_overflow),
    ("two_widgets_on_one_page_stay_independent", two_widgets_on_one_page_stay_independent),
    ("ten_thousand_events_keep_the_dom_bounded", ten_thousand_events_keep_the_dom_bounded),
    ("an_invalid_story_shows_every_error_path", an_invalid_story_shows_every_error_path),
    ("printing_lists_every_event", printing_lists_every_event),
    ("a_click_on_next_before_the_widget_is_live_lands_once_it_is", a_click_on_next_before_the_widget_is_live_lands_once_it_is),
    ("a_deep_time_timelinejs_file_reaches_every_event_from_the_big_bang_on", a_deep_time_timelinejs_file_reaches_every_event_from_the_big_bang_on),
];

pub const WITHOUT_SCRIPT: &[(&str, TestFn)] =
    &[("without_script_a_phone_shows_the_axis_drawn_for_it_with_labels_of_their_size", without_script_a_phone_shows_the_axis_drawn_for_it_with_labels_of_their_size)];

/// The counter inside a `<story-line>`'s shadow root, once it reads `text`.
async fn wait_shadow_counter(ctx: &Ctx, host: &str, text: &str) -> TestResult {
    let script = format!(
        "const c = document.querySelector({host:?}).shadowRoot.querySelector('.sl-counter'); return c && c.textContent.trim() === {text:?};"
    );
    ctx.wait_until_true(&script, &format!("waiting for the counter to read {text}")).await.map(drop)
}

fn a_deep_time_timelinejs_file_reaches_every_event_from_the_big_bang_on(ctx: &Ctx) -> Test<'_> {
    Box::pin(async move {
        let file = include_str!("../../../../tests/data/timelinejs/deep-time.json");
        let story = storyline_core::timelinejs::import(file).map_err(|e| format!("the file does not import: {e}"))?.dataset;
        ctx.open("/fixtures/deep-time.html").await?;
        ctx.wait_in_shadow("#deep", ".storyline[data-ready]").await?;
        let ticks = ctx.shadow_texts("#deep", ".sl-tick text").await?;
        expect(ticks.iter().any(|t| t.ends_with(" bya")), || format!("the axis of the whole story is not in billions of years: {ticks:?}"))?;
        ctx.screenshot("deep-time-1280").await?;
        let n = story.events.len();
        expect(n == 14, || format!("the file has 14 events, the import {n}"))?;
        for (i, event) in story.events.iter().enumerate() {
            if i > 0 {
                ctx.wait_in_shadow("#deep", ".sl-next").await?.click().await.map_err(fail("Next"))?;
            }
            wait_shadow_counter(ctx, "#deep", &format!("{} of {n}", i + 1)).await?;
            let title = ctx.shadow_texts("#deep", ".sl-card-title").await?;
            expect(title == [event.title.clone()], || format!("step {i}: the card shows {title:?}, expected {:?}", event.title))?;
            let when = ctx.shadow_texts("#deep", ".sl-card-meta time").await?;
            let expected = match &event.end {
                Some(end) => format!("{} – {}", event.start.display_long(), end.display_long()),
                None => event.start.display_long(),
            };
            expect(when == [expected.clone()], || format!("step {i}: the card's date reads {when:?}, expected {expected:?}"))?;
            let badge = ctx.shadow_texts("#deep", ".sl-card-meta .sl-status").await?;
            expect(badge.len() == 1 && badge[0].eq_ignore_ascii_case("Not stated"), || format!("step {i}: the status reads {badge:?}"))?;
        }
        let dates: Vec<String> = story.events.iter().map(|e| e.start.display_long()).collect();
        expect(dates[0] == "13.8 billion years ago" && dates[8] == "17,000 BCE", || format!("the dates read {dates:?}"))?;
        let unavailable = ctx.wait_in_shadow("#deep", ".sl-next").await?.attr("aria-disabled").await.map_err(fail("aria-disabled"))?;
        expect(unavailable.as_deref() == Some("true"), || "Next does not say it is unavailable at the last event".into())?;
        ctx.screenshot("deep-time-1280-last").await?;

        ctx.open("/fixtures/deep-time-phone.html").await?;
        ctx.enter_frame().await?;
        ctx.wait_in_shadow("#deep", ".storyline[data-ready]").await?;
        let ticks = ctx.shadow_texts("#deep", ".sl-tick text").await?;
        expect(!ticks.is_empty(), || "no ticks at 375 px".into())?;
        ctx.client.enter_parent_frame().await.map_err(fail("leave the frame"))?;
        ctx.screenshot("deep-time-375").await
    })
}

fn printing_lists_every_event(ctx: &Ctx) -> Test<'_> {
    Box::pin(async move {
        ctx.open("/fixtures/story-1000.html").await?;
        ctx.wait_ready().await?;
        ctx.eval("window.dispatchEvent(new Event('beforeprint'))").await?;
        // The widget renders the print list on its next frame: wait for it, however busy the machine.
        let listed = "return document.querySelectorAll('.sl-event-item').length === 1000";
        if let Err(gave_up) = ctx.wait_until_true(listed, "waiting for the print list to hold 1000 events").await {
            let items = ctx.eval("return document.querySelectorAll('.sl-event-item').length").await?;
            return Err(format!("{gave_up}; it holds {items}"));
        }
        ctx.eval("window.dispatchEvent(new Event('afterprint'))").await?;
        let back = "return document.querySelectorAll('.sl-event-item').length === 0 && !document.querySelector('.sl-stage').hidden \
            && document.querySelectorAll('.sl-marker').length > 0";
        ctx.wait_until_true(back, "waiting for the list to go and the timeline to come back after printing").await.map(drop)
    })
}

fn next_clicks_through_every_event_in_order(ctx: &Ctx) -> Test<'_> {
    Box::pin(async move {
        let dataset = story::embedded();
        ctx.open("/widget/").await?;
        ctx.wait_ready().await?;
        let n = dataset.events.len();
        for (i, event) in dataset.events.iter().enumerate() {
            if i > 0 {
                ctx.click_button("Next").await?;
                ctx.wait_counter(&format!("{} of {n}", i + 1)).await?;
            }
            let current = ctx.current_marker().await?;
            expect(current.starts_with(&event.title), || format!("step {i}: the current marker is {current:?}, expected {:?}", event.title))?;
            let card = ctx.texts("article h3").await?;
            expect(card == [event.title.clone()], || format!("step {i}: the card shows {card:?}"))?;
            let badge = ctx.texts("article .sl-card-meta .sl-status").await?;
            expect(badge == [event.status.label().to_uppercase()] || badge == [event.status.label().to_string()], || format!("step {i}: the card's status reads {badge:?}, expected {:?}", event.status.label()))?;
            let counter = ctx.counters().await?;
            expect(counter == [format!("{} of {n}", i + 1)], || format!("step {i}: the counter says {counter:?}"))?;
        }
        let unavailable = ctx.button("Next").await?.attr("aria-disabled").await.map_err(fail("aria-disabled"))?;
        expect(unavailable.as_deref() == Some("true"), || "Next does not say it is unavailable at the last event".into())
    })
}

fn next_pressed_onto_the_last_event_keeps_focus_and_says_it_is_unavailable(ctx: &Ctx) -> Test<'_> {
    Box::pin(async move {
        let dataset = story::embedded();
        let n = dataset.events.len();
        ctx.open(&format!("/widget/#event={}", dataset.events[n - 2].id)).await?;
        ctx.wait_ready().await?;
        ctx.wait_counter(&format!("{} of {n}", n - 1)).await?;
        ctx.eval("document.querySelector('.sl-next').focus()").await?;
        ctx.wait_until_true("return document.activeElement?.matches('.sl-next')", "waiting for Next to take focus").await?;
        ctx.press(Key::Enter).await?;
        ctx.wait_counter(&format!("{n} of {n}")).await?;
        ctx.wait_until_true("return document.querySelector('.sl-next').getAttribute('aria-disabled') === 'true'", "waiting for Next to say it is unavailable").await?;
        let held = ctx.eval("return document.activeElement?.matches('.sl-next') ?? false").await?;
        expect(held == true, || "focus left Next when it reached the last event".into())?;
        // Pressed again it does nothing, and says nothing new.
        ctx.press(Key::Enter).await?;
        let counter = ctx.counters().await?;
        expect(counter == [format!("{n} of {n}")], || format!("Next at the last event moved the counter to {counter:?}"))?;
        // The toolbar's arrows go on from where focus is, past the unavailable end.
        ctx.press(Key::Left).await?;
        ctx.wait_until_true("return document.activeElement?.matches('.sl-prev')", "waiting for Left to move focus from Next to Previous").await?;
        ctx.screenshot("next-at-the-end-keeps-focus").await
    })
}

fn the_keyboard_walks_the_timeline_without_a_mouse(ctx: &Ctx) -> Test<'_> {
    Box::pin(async move {
        let dataset = story::embedded();
        ctx.open("/widget/").await?;
        ctx.wait_ready().await?;
        // Tab from the top of the page until the selected marker has focus: the timeline is one tab stop.
        let first = &dataset.events[0].title;
        let mut tabs = 0;
        while !ctx.focused_name().await?.starts_with(first.as_str()) {
            tabs += 1;
            expect(tabs <= 40, || "Tab never reached the selected marker".into())?;
            ctx.press(Key::Tab).await?;
        }
        for step in 1..=3 {
            ctx.press(Key::Right).await?;
            ctx.wait_current(&dataset.events[step].title).await?;
            let focused = ctx.wait_focus(&dataset.events[step].title).await?;
            expect(focused.starts_with(&dataset.events[step].title), || format!("after {step} × Right, focus is on {focused:?}"))?;
            let current = ctx.current_marker().await?;
            expect(current == focused, || format!("focus {focused:?} and selection {current:?} differ"))?;
        }
        ctx.press(Key::End).await?;
        ctx.wait_current(&dataset.events.last().unwrap().title).await?;
        let last = ctx.current_marker().await?;
        expect(last.starts_with(&dataset.events.last().unwrap().title), || format!("End selected {last:?}"))?;
        ctx.press(Key::Home).await?;
        ctx.wait_current(first).await?;
        let home = ctx.current_marker().await?;
        expect(home.starts_with(first.as_str()), || format!("Home selected {home:?}"))?;
        ctx.press(Key::Left).await?;
        expect(ctx.current_marker().await? == home, || "Left at the first event moved".into())?;
        // The focus ring must be visible: the focused marker draws a wider stroke.
        let ring = ctx.eval("const d = document.activeElement.querySelector('.sl-dot'); return getComputedStyle(d).strokeWidth").await?;
        expect(ring.as_str() == Some("4px"), || format!("the focused marker's ring is {ring}"))
    })
}

fn a_deep_link_selects_its_event_and_selection_updates_the_link(ctx: &Ctx) -> Test<'_> {
    Box::pin(async move {
        let dataset = story::embedded();
        let target = &dataset.events[5];
        ctx.open(&format!("/widget/#event={}", target.id)).await?;
        ctx.wait_ready().await?;
        // The link is read by an effect after the first render: wait for its selection to land.
        ctx.wait_current(&target.title).await?;
        let current = ctx.current_marker().await?;
        expect(current.starts_with(&target.title), || format!("the link selected {current:?}"))?;
        let history_before = ctx.eval("return history.length").await?;
        ctx.click_button("Next").await?;
        ctx.wait_counter(&format!("7 of {}", dataset.events.len())).await?;
        ctx.click_button("Next").await?;
        ctx.wait_counter(&format!("8 of {}", dataset.events.len())).await?;
        let want = format!("#event={}", dataset.events[7].id);
        let hash = ctx.wait_hash(&want).await?;
        expect(hash == want, || format!("the fragment is {hash}, expected {want}"))?;
        let history_after = ctx.eval("return history.length").await?;
        expect(history_before == history_after, || format!("history grew from {history_before} to {history_after}"))
    })
}

fn zoom_buttons_refine_and_restore_the_axis(ctx: &Ctx) -> Test<'_> {
    Box::pin(async move {
        ctx.open("/widget/").await?;
        ctx.wait_ready().await?;
        let before = ctx.texts(".sl-tick text").await?;
        ctx.click_button("Zoom in").await?;
        ctx.click_button("Zoom in").await?;
        ctx.click_button("Zoom in").await?;
        let zoomed = ctx.wait_ticks_settle(&before).await?;
        expect(zoomed != before, || format!("zooming in left the axis at {before:?}"))?;
        ctx.click_button("Fit all").await?;
        let after = ctx.wait_ticks_settle(&zoomed).await?;
        expect(after == before, || format!("Fit all gave {after:?}, expected {before:?}"))
    })
}

fn a_320px_frame_stacks_the_card_under_the_axis_without_overflow(ctx: &Ctx) -> Test<'_> {
    Box::pin(async move {
        ctx.open_in_frame("/fixtures/narrow.html").await?;
        let width = ctx.eval("return [document.documentElement.clientWidth, document.documentElement.scrollWidth]").await?;
        let card_below = ctx
            .eval("return document.querySelector('article').getBoundingClientRect().top >= document.querySelector('.sl-axis').getBoundingClientRect().bottom")
            .await?;
        ctx.click_button("Next").await?;
        let counter = ctx.counters().await?;
        // The map stacks under the card, within the width.
        let map = ctx
            .eval("const m = document.querySelector('.sl-map-svg').getBoundingClientRect(); const c = document.querySelector('article').getBoundingClientRect(); return [m.width <= document.documentElement.clientWidth, m.top >= c.bottom]")
            .await?;
        ctx.scroll_to(".sl-map-panel").await?;
        ctx.screenshot("map-at-320px").await?;
        ctx.client.enter_parent_frame().await.map_err(fail("leave the frame"))?;
        expect(map[0].as_bool() == Some(true) && map[1].as_bool() == Some(true), || format!("at 320 px the map is not stacked within the width: {map}"))?;
        expect(width[1].as_u64() <= width[0].as_u64() && width[0].as_u64() >= Some(300), || format!("client and scroll widths are {width}: the page overflows sideways"))?;
        expect(card_below.as_bool() == Some(true), || "the card is not under the axis".into())?;
        expect(counter.first().is_some_and(|c| c.starts_with("2 of")), || format!("Next did not work at 320 px: {counter:?}"))
    })
}

fn two_widgets_on_one_page_stay_independent(ctx: &Ctx) -> Test<'_> {
    Box::pin(async move {
        ctx.open("/fixtures/two-widgets.html").await?;
        ctx.wait_for("#first .storyline[data-ready]").await?;
        ctx.wait_for("#second .storyline[data-ready]").await?;
        let counters = || async { ctx.counters().await };
        ctx.client.find(Locator::Css("#first .sl-next")).await.map_err(fail("first Next"))?.click().await.map_err(fail("click"))?;
        let c = counters().await?;
        expect(c.len() == 2 && c[0].starts_with("2 of") && c[1].starts_with("1 of"), || format!("after Next in the first: {c:?}"))?;
        // Keys pressed inside the second widget move only the second.
        ctx.client.find(Locator::Css("#second [aria-current='true'] .sl-dot")).await.map_err(fail("second marker"))?.click().await.map_err(fail("click"))?;
        let focused = ctx.eval("const a = document.activeElement; return (a.closest('.storyline-root') || {}).id + ' ' + a.tagName + ' ' + (a.getAttribute('aria-label') || '')").await?;
        expect(focused.as_str().is_some_and(|f| f.starts_with("second g")), || format!("after the click, focus is on {focused}"))?;
        ctx.press(Key::Right).await?;
        ctx.press(Key::Right).await?;
        let c = counters().await?;
        expect(c[0].starts_with("2 of") && c[1].starts_with("3 of"), || format!("after keys in the second: {c:?}"))?;
        let hash = ctx.eval("return location.hash").await?;
        let hash = hash.as_str().unwrap_or_default();
        expect(hash.contains("a.event=") && hash.contains("b.event="), || format!("each widget keeps its own deep link: {hash}"))
    })
}

fn ten_thousand_events_keep_the_dom_bounded(ctx: &Ctx) -> Test<'_> {
    Box::pin(async move {
        ctx.open("/fixtures/story-10000.html").await?;
        ctx.wait_ready().await?;
        let nodes = ctx.eval("return document.querySelector('.storyline').getElementsByTagName('*').length").await?;
        let nodes = nodes.as_u64().unwrap_or(u64::MAX);
        expect(nodes < 2_000, || format!("{nodes} DOM nodes for 10,000 events"))?;
        ctx.click_button("Next").await?;
        let counter = ctx.counters().await?;
        expect(counter == ["2 of 10000"], || format!("counter {counter:?}"))
    })
}

fn an_invalid_story_shows_every_error_path(ctx: &Ctx) -> Test<'_> {
    Box::pin(async move {
        // As an editor opens it: `#storyline-debug` shows the paths on the page.
        ctx.open("/fixtures/invalid.html#storyline-debug").await?;
        let alert = ctx.wait_for("[role='alert']").await?;
        let text = alert.text().await.map_err(fail("alert text"))?;
        for path in ["story.published", "events[0].sources[0].url"] {
            expect(text.contains(path), || format!("the error view does not name {path}: {text}"))?;
        }
        let links = ctx.eval("return [...document.querySelectorAll('a')].filter(a => a.href.startsWith('javascript:')).length").await?;
        expect(links.as_u64() == Some(0), || "a javascript: link reached the page".into())
    })
}

/// A reader faster than the WebAssembly: the server holds the page's wasm back (`/held/`) until
/// the test lets it go, so the click certainly comes before the widget is live, on any machine.
fn a_click_on_next_before_the_widget_is_live_lands_once_it_is(ctx: &Ctx) -> Test<'_> {
    Box::pin(async move {
        let dataset = story::embedded();
        ctx.open("/held/").await?;
        ctx.hold_wasm(true).await?;
        // Loaded afresh now that the hold is certain.
        ctx.open("/held/").await?;
        ctx.click_button("Next").await?;
        let busy = ctx.wait_until_true("return document.querySelector('.storyline-root').getAttribute('aria-busy') === 'true'", "the widget to say it is starting").await?;
        expect(busy == true, || "the kept click is not shown".into())?;
        let counter = ctx.counters().await?;
        expect(counter == [format!("1 of {}", dataset.events.len())], || format!("before the widget is live the counter reads {counter:?}"))?;
        ctx.screenshot("click-before-live").await?;
        ctx.hold_wasm(false).await?;
        ctx.wait_ready().await?;
        ctx.wait_counter(&format!("2 of {}", dataset.events.len())).await?;
        let card = ctx.texts(".sl-card-title").await?;
        expect(card == [dataset.events[1].title.clone()], || format!("the kept click did not land: the card reads {card:?}"))?;
        let busy = ctx.eval("return document.querySelector('.storyline-root').hasAttribute('aria-busy')").await?;
        expect(busy == false, || "the widget still says it is starting".into())
    })
}

fn without_script_a_phone_shows_the_axis_drawn_for_it_with_labels_of_their_size(ctx: &Ctx) -> Test<'_> {
    Box::pin(async move {
        for (page, width) in [("/fixtures/narrow.html", 320), ("/fixtures/map-375.html", 375)] {
            ctx.open(page).await?;
            ctx.enter_frame().await?;
            // Read through WebDriver alone: the page runs no script. A label is drawn at its font
            // size times the axis' box over the width it was drawn for.
            let mut shown = Vec::new();
            for class in ["sl-axis", "sl-axis-phone"] {
                let axis = ctx.client.find(Locator::Css(&format!(".{class}"))).await.map_err(fail(class))?;
                if !axis.is_displayed().await.map_err(fail("is the axis shown"))? {
                    continue;
                }
                let drawn_for: f64 = axis.attr("width").await.map_err(fail("width"))?.unwrap_or_default().parse().unwrap_or(f64::NAN);
                let (_, _, box_width, _) = axis.rectangle().await.map_err(fail("the axis' box"))?;
                let mut smallest = f64::INFINITY;
                for label in axis.find_all(Locator::Css(".sl-label")).await.map_err(fail("the labels"))? {
                    let font: f64 = label.css_value("font-size").await.map_err(fail("font-size"))?.trim_end_matches("px").parse().unwrap_or(f64::NAN);
                    smallest = smallest.min(font * box_width / drawn_for);
                }
                println!("    {width} px: .{class} drawn for {drawn_for} px in a box of {box_width:.0} px, its smallest label {smallest:.1} px");
                expect(smallest >= 11.0, || format!("without script at {width} px a timeline label is drawn at {smallest:.2} px"))?;
                shown.push(class);
            }
            expect(shown == ["sl-axis-phone"], || format!("without script at {width} px the page shows {shown:?}, not the phone's axis alone"))?;
            ctx.screenshot_of(".sl-timeline", &format!("timeline-no-javascript-{width}px")).await?;
            ctx.client.enter_parent_frame().await.map_err(fail("leave the frame"))?;
            // WebKit's driver draws an element inside a frame black: the page's picture shows the axis too.
            ctx.screenshot(&format!("timeline-no-javascript-{width}px-page")).await?;
        }
        Ok(())
    })
}

