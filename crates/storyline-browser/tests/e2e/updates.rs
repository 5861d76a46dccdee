//! A developing story (`tests/data/valid/developing.json`, published): the header's update log by
//! keyboard, a returning reader offered what is new since their last visit (their browser's own
//! storage seeded as if they had seen the first version), a frame without storage, hydration,
//! and the whole of it without script.

use crate::embedding::is_expected_change;
use crate::harness::{expect, fail, Ctx, Test, TestFn, TestResult};
use fantoccini::key::Key;
use fantoccini::Locator;
use serde_json::Value;
use storyline_core::developing::storage_key;
use storyline_core::Dataset;

pub const TESTS: &[(&str, TestFn)] = &[
    ("a_returning_reader_of_a_developing_story_is_offered_what_is_new_jumps_to_it_and_is_not_offered_it_again", a_returning_reader_of_a_developing_story_is_offered_what_is_new_jumps_to_it_and_is_not_offered_it_again),
    ("the_update_log_of_a_developing_story_opens_by_keyboard_and_its_links_select_their_events", the_update_log_of_a_developing_story_opens_by_keyboard_and_its_links_select_their_events),
    ("without_storage_a_developing_story_works_and_offers_nothing", without_storage_a_developing_story_works_and_offers_nothing),
    ("hydration_adopts_a_developing_storys_header_without_rewriting_it", hydration_adopts_a_developing_storys_header_without_rewriting_it),
];

/// Run in a session with JavaScript turned off.
pub const WITHOUT_SCRIPT: &[(&str, TestFn)] =
    &[("without_script_a_developing_storys_update_log_and_badges_are_readable", without_script_a_developing_storys_update_log_and_badges_are_readable)];

const PAGE: &str = "/fixtures/developing/";

fn story() -> Dataset {
    let path = concat!(env!("CARGO_MANIFEST_DIR"), "/../../tests/data/valid/developing.json");
    storyline_core::load(&std::fs::read_to_string(path).expect("the developing story")).expect("a valid story").dataset
}

/// Sets (or, with `None`, clears) what the reader's browser keeps of their last visit.
async fn seed(ctx: &Ctx, marker: Option<&str>) -> TestResult {
    let key = storage_key(&story().story);
    let script = "const [key, value] = arguments; if (value === null) localStorage.removeItem(key); else localStorage.setItem(key, value);";
    ctx.client.execute(script, vec![Value::from(key), marker.map_or(Value::Null, Value::from)]).await.map(drop).map_err(fail("seed the storage"))
}

async fn stored(ctx: &Ctx) -> Result<Value, String> {
    let key = storage_key(&story().story);
    ctx.client.execute("return localStorage.getItem(arguments[0]);", vec![Value::from(key)]).await.map_err(fail("read the storage"))
}

/// Whether the page shows the offer, once the widget is live and two frames have passed (the
/// offer comes from an effect that runs after the first render).
async fn offer_after_settling(ctx: &Ctx) -> Result<Vec<String>, String> {
    ctx.wait_ready().await?;
    ctx.client
        .execute_async("const done = arguments[0]; requestAnimationFrame(() => requestAnimationFrame(() => done(null)));", vec![])
        .await
        .map_err(fail("two frames"))?;
    ctx.texts(".sl-since").await
}

fn a_returning_reader_of_a_developing_story_is_offered_what_is_new_jumps_to_it_and_is_not_offered_it_again(ctx: &Ctx) -> Test<'_> {
    Box::pin(async move {
        let dataset = story();
        ctx.open(PAGE).await?;
        // Once the widget has kept what this visit shows, the reader is made one who saw the
        // story as first published, on 23 October.
        ctx.wait_ready().await?;
        seed(ctx, Some(&dataset.updates[0].at.to_string())).await?;
        ctx.open(PAGE).await?;
        ctx.wait_ready().await?;
        let offer = ctx.wait_for(".sl-since").await?.text().await.map_err(fail("the offer"))?;
        expect(offer.starts_with("2 new and 2 updated events since your last visit"), || format!("the offer reads {offer:?}"))?;
        ctx.screenshot("developing-offer").await?;
        ctx.click_button("Go to the first").await?;
        // The first in the story's order of what came since: the cranes, confirmed on the 28th.
        ctx.wait_current("Two cranes are said to have fallen").await?;
        let history = ctx.texts(".sl-card .sl-status-history").await?;
        expect(history == ["Status: claimed 18 Oct 2024 → confirmed 28 Oct 2024"], || format!("the card's history reads {history:?}"))?;
        let change = ctx.texts(".sl-card .sl-change").await?;
        expect(change == ["Updated 28 Oct 2024: The harbour authority confirmed that two cranes fell"], || format!("the card's change reads {change:?}"))?;
        ctx.screenshot("developing-jumped").await?;
        let kept = stored(ctx).await?;
        let latest = dataset.updates.last().unwrap().at.to_string();
        expect(kept == Value::from(latest.as_str()), || format!("the browser keeps {kept}, not the latest update {latest}"))?;

        // The next visit: nothing new since.
        ctx.open(PAGE).await?;
        let offer = offer_after_settling(ctx).await?;
        expect(offer.is_empty(), || format!("the offer came back on the next visit: {offer:?}"))
    })
}

fn the_update_log_of_a_developing_story_opens_by_keyboard_and_its_links_select_their_events(ctx: &Ctx) -> Test<'_> {
    Box::pin(async move {
        ctx.open(PAGE).await?;
        ctx.wait_ready().await?;
        ctx.eval("document.activeElement && document.activeElement.blur(); window.scrollTo(0, 0);").await?;
        // The header's log is the widget's first stop.
        ctx.press(Key::Tab).await?;
        let summary = ctx.eval("const el = document.activeElement; return el.tagName === 'SUMMARY' && el.textContent;").await?;
        expect(summary.as_str().is_some_and(|s| s.starts_with("Updated 2 November 2024, 09:00 UTC")), || format!("Tab first reaches {summary}"))?;
        ctx.press(Key::Enter).await?;
        ctx.wait_for(".sl-updates[open]").await?;
        let entries = ctx.texts(".sl-update-summary").await?;
        let newest_first: Vec<String> = story().updates.iter().rev().map(|u| u.summary.clone()).collect();
        expect(entries == newest_first, || format!("the log lists {entries:?}"))?;
        let badges = ctx.texts(".sl-card-meta .sl-mark, .sl-event-list .sl-mark").await?;
        expect(badges.is_empty(), || format!("the first event, of the first version, carries a badge: {badges:?}"))?;
        ctx.screenshot("developing-log").await?;
        // Its first link: the event the latest update added.
        ctx.press(Key::Tab).await?;
        let link = ctx.eval("const el = document.activeElement; return el.tagName === 'A' && el.textContent;").await?;
        expect(link == Value::from("The first ship enters"), || format!("the next stop is {link}"))?;
        ctx.press(Key::Enter).await?;
        ctx.wait_current("The first ship enters").await?;
        let badge = ctx.texts(".sl-card-meta .sl-mark").await?;
        expect(badge == ["NEW"] || badge == ["New"], || format!("the latest update's event carries {badge:?}"))?;
        ctx.screenshot("developing-new-badge").await?;
        // At a phone's width too.
        ctx.open_in_frame("/fixtures/developing-phone.html").await?;
        ctx.client.find(Locator::Css(".sl-updates summary")).await.map_err(fail("the log"))?.click().await.map_err(fail("open the log"))?;
        ctx.wait_for(".sl-updates[open]").await?;
        let overflow = ctx.eval("return document.documentElement.scrollWidth > document.documentElement.clientWidth").await?;
        ctx.client.enter_parent_frame().await.map_err(fail("leave the frame"))?;
        ctx.screenshot("developing-log-320").await?;
        expect(overflow == Value::Bool(false), || "the open log is wider than 320 px".into())
    })
}

fn without_storage_a_developing_story_works_and_offers_nothing(ctx: &Ctx) -> Test<'_> {
    Box::pin(async move {
        ctx.open_in_frame("/fixtures/developing-sandboxed.html").await?;
        let blocked = ctx.eval("try { localStorage.length; return false; } catch (e) { return true; }").await?;
        expect(blocked == Value::Bool(true), || "the sandboxed frame has storage after all: the test tests nothing".into())?;
        let offer = offer_after_settling(ctx).await?;
        expect(offer.is_empty(), || format!("an offer without storage: {offer:?}"))?;
        let summary = ctx.texts(".sl-updates summary").await?;
        expect(summary.len() == 1 && summary[0].starts_with("Updated 2 November 2024"), || format!("the header reads {summary:?}"))?;
        ctx.click_button("Next").await?;
        ctx.wait_counter(&format!("2 of {}", story().events.len())).await?;
        ctx.client.enter_parent_frame().await.map_err(fail("leave the frame"))?;
        ctx.screenshot("developing-sandboxed").await
    })
}

fn hydration_adopts_a_developing_storys_header_without_rewriting_it(ctx: &Ctx) -> Test<'_> {
    Box::pin(async move {
        // A first visit: the browser keeps nothing yet, so nothing is offered.
        ctx.open(PAGE).await?;
        ctx.wait_ready().await?;
        seed(ctx, None).await?;
        ctx.open_in_frame("/fixtures/developing-hydration.html").await?;
        let changes = ctx
            .wait_until_true("return window.hydrationChanges.length > 0 && document.querySelector('.sl-list-panel') === null && window.hydrationChanges", "hydration")
            .await?;
        let changes: Vec<String> = changes.as_array().map(|a| a.iter().filter_map(|v| v.as_str().map(str::to_string)).collect()).unwrap_or_default();
        let unexpected: Vec<&String> = changes.iter().filter(|c| !is_expected_change(c)).collect();
        expect(unexpected.is_empty(), || format!("hydration rewrote the prerendered HTML: {unexpected:#?}"))?;
        let kept = stored(ctx).await?;
        ctx.client.enter_parent_frame().await.map_err(fail("leave the frame"))?;
        expect(kept == Value::from(story().updates.last().unwrap().at.to_string().as_str()), || format!("the first visit kept {kept}"))
    })
}

fn without_script_a_developing_storys_update_log_and_badges_are_readable(ctx: &Ctx) -> Test<'_> {
    Box::pin(async move {
        ctx.open(PAGE).await?;
        let summary = ctx.wait_for(".sl-updates summary").await?;
        summary.click().await.map_err(fail("open the log"))?;
        ctx.wait_for(".sl-updates[open]").await?;
        let links = ctx.texts(".sl-update-events li").await?;
        expect(links.first().map(String::as_str) == Some("New: The first ship enters"), || format!("the log's links read {links:?}"))?;
        let badges = ctx.texts(".sl-event-list .sl-mark").await?;
        expect(badges.len() == 2, || format!("the list's badges read {badges:?}"))?;
        // A link leads to the event in the list the page shows without script.
        ctx.client.find(Locator::LinkText("The first ship enters")).await.map_err(fail("the link"))?.click().await.map_err(fail("follow it"))?;
        let hash = ctx.eval("return location.hash").await?;
        expect(hash == Value::from("#sl-event-first-ship"), || format!("the link went to {hash}"))?;
        ctx.screenshot("developing-no-script").await
    })
}
