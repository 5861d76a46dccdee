//! The security gates in the browser: the XSS corpus in every field of a story, in
//! every engine, must never run a line of script; the malformed-data corpus must always end in a
//! readable error, never a blank widget or a panic.
//!
//! The pages come from `xtask/src/hostile_pages.rs`; `tripwire.js` records what runs.

use crate::harness::{expect, fail, Ctx, Test, TestFn};
use fantoccini::wd::TimeoutConfiguration;
use serde_json::Value;
use std::path::PathBuf;
use std::time::Duration;
use storyline_core::{load, load_any};
use storyline_testkit::synth;
use storyline_testkit::xss::{self, Fields};

pub const TESTS: &[(&str, TestFn)] = &[
    ("no_xss_payload_runs_in_any_field_of_any_widget", no_xss_payload_runs_in_any_field_of_any_widget),
    ("every_malformed_story_shows_its_errors_and_none_is_blank", every_malformed_story_shows_its_errors_and_none_is_blank),
];

/// Waits until every `<story-line>` on the page is live or shows its error, then works each live
/// one through the views that render its text (the list, Who's who, an actor card, a relation
/// card, the next events), and reports what the page saw.
const EXERCISE: &str = r#"
const done = arguments[arguments.length - 1];
const frame = () => new Promise((resolve) => requestAnimationFrame(() => resolve()));
(async () => {
  const hosts = [...document.querySelectorAll("story-line")];
  const settled = (h) => h.shadowRoot && h.shadowRoot.querySelector(".storyline[data-ready], [role='alert']");
  for (let f = 0; f < 3600 && !hosts.every(settled); f++) await frame();
  for (const h of hosts) {
    const r = h.shadowRoot;
    if (!r || !r.querySelector(".storyline[data-ready]")) continue;
    const click = (css) => { const el = r.querySelector(css); if (el) el.click(); };
    click(".sl-list-toggle"); await frame();
    click(".sl-list-toggle"); await frame();
    const who = r.querySelector(".sl-whos-who");
    if (who) { who.open = true; who.dispatchEvent(new Event("toggle")); await frame(); await frame(); }
    click(".sl-whos-who li > .sl-link-button"); await frame();
    click(".sl-whos-who li li .sl-link-button"); await frame();
    for (let i = 0; i < 4; i++) { click(".sl-next"); await frame(); }
  }
  const inside = (css) => hosts.flatMap((h) => h.shadowRoot ? [...h.shadowRoot.querySelectorAll(css)] : []);
  done({
    fired: window.xssFired,
    errors: window.pageErrors,
    console: window.consoleErrors.filter((line) => line.includes("panicked")),
    links: inside("a[href]").map((a) => a.getAttribute("href")).filter((u) => !/^https?:\/\//i.test(u)),
    foreign: inside("script, iframe, frame, img, object, embed, style, math, form, meta, base, video, audio, template").map((e) => e.tagName),
    states: hosts.map((h) => [h.id, !!(h.shadowRoot && h.shadowRoot.querySelector(".storyline[data-ready]")),
                              (h.shadowRoot && h.shadowRoot.querySelector("[role='alert']") || { textContent: "" }).textContent.trim().length]),
  });
})();
"#;

fn repo(path: &str) -> PathBuf {
    storyline_browser::workspace_root().join(path)
}

/// Whether the widget `id` should come up live: the same rules, run natively on the same data.
fn loads_natively(id: &str, payloads: &[String], timeline: &Value) -> bool {
    let (kind, n) = id.rsplit_once('-').expect("ids are kind-n");
    let payload = &payloads[n.parse::<usize>().expect("a number")];
    let base = synth::story(4, 1);
    match kind {
        "text" => load(&serde_json::to_string(&xss::poison(&base, payload, Fields::Text)).unwrap()).is_ok(),
        "urls" => load(&serde_json::to_string(&xss::poison(&base, payload, Fields::Urls)).unwrap()).is_ok(),
        _ => {
            let both = xss::poison_timelinejs(&xss::poison_timelinejs(timeline, payload, Fields::Text), payload, Fields::Urls);
            load_any(&serde_json::to_string(&both).unwrap()).is_ok()
        }
    }
}

async fn exercise(ctx: &Ctx, page: &str) -> Result<Value, String> {
    ctx.open(page).await?;
    let seen = ctx.client.execute_async(EXERCISE, vec![]).await.map_err(fail(page))?;
    ctx.answered();
    Ok(seen)
}

fn no_xss_payload_runs_in_any_field_of_any_widget(ctx: &Ctx) -> Test<'_> {
    Box::pin(async move {
        let corpus = std::fs::read_to_string(repo("tests/data/xss/payloads.txt")).map_err(fail("the corpus"))?;
        let payloads = xss::payloads(&corpus);
        let timeline: Value = serde_json::from_str(&std::fs::read_to_string(repo("tests/data/timelinejs/whitney-houston-like.json")).map_err(fail("the timeline"))?)
            .map_err(fail("the timeline"))?;
        expect(payloads.len() >= 50, || format!("the corpus has only {} payloads", payloads.len()))?;
        let long = TimeoutConfiguration::new(Some(Duration::from_secs(300)), None, None);
        ctx.client.update_timeouts(long).await.map_err(fail("script timeout"))?;
        let (mut widgets, mut live) = (0, 0);
        for page in 0.. {
            let path = format!("/fixtures/xss-{page:02}.html");
            if page * 12 >= payloads.len() {
                break;
            }
            let seen = exercise(ctx, &path).await?;
            // The page's uncaught errors must be none, unless WebKit's known fault explains them:
            // the widgets then started afresh and came up (the states below are still checked).
            let keys: &[&str] = if ctx.engine_fault_explains_errors().await {
                println!("    note: {path}: the widgets started afresh after a fault (console: {})", seen["console"]);
                &["fired", "links", "foreign"]
            } else {
                &["fired", "errors", "links", "foreign"]
            };
            for &key in keys {
                expect(seen[key].as_array().is_some_and(Vec::is_empty), || format!("{path}: {key}: {} (console: {})", seen[key], seen["console"]))?;
            }
            for state in seen["states"].as_array().into_iter().flatten() {
                let id = state[0].as_str().unwrap_or_default();
                let (is_live, alert) = (state[1] == true, state[2].as_u64().unwrap_or(0));
                expect(is_live || alert > 0, || format!("{path}: the widget {id} is blank"))?;
                let should = loads_natively(id, &payloads, &timeline);
                expect(is_live == should, || format!("{path}: {id} is {} in the browser but {} natively", live_word(is_live), live_word(should)))?;
                widgets += 1;
                live += usize::from(is_live);
            }
            if page == 0 {
                ctx.screenshot("xss-page-0").await?;
                tripwire_is_armed(ctx).await?;
            }
        }
        expect(widgets == payloads.len() * 3, || format!("{widgets} widgets for {} payloads", payloads.len()))?;
        println!("    {} payloads, {widgets} widgets ({live} live, the rest refused with their errors): nothing ran", payloads.len());
        Ok(())
    })
}

/// The check above can only pass for the right reason if a payload that ran would be seen: an
/// inline handler written into the page by hand must trip the wire.
async fn tripwire_is_armed(ctx: &Ctx) -> Result<(), String> {
    let script = "const done = arguments[0]; const img = document.createElement('img'); \
        img.setAttribute('onerror', '__storylineXss(\"self-check\")'); \
        img.addEventListener('error', () => { done(window.xssFired.splice(0)); }); \
        img.src = 'data:,not-an-image'; document.body.append(img);";
    let fired = ctx.client.execute_async(script, vec![]).await.map_err(fail("the tripwire's self-check"))?;
    expect(fired == serde_json::json!(["self-check"]), || format!("the tripwire did not see a handler run: {fired}"))
}

fn live_word(live: bool) -> &'static str {
    if live { "live" } else { "refused" }
}

fn every_malformed_story_shows_its_errors_and_none_is_blank(ctx: &Ctx) -> Test<'_> {
    Box::pin(async move {
        // Opened as an editor would, to see each case's paths on the page (`#storyline-debug`).
        let seen = exercise(ctx, "/fixtures/malformed.html#storyline-debug").await?;
        let errors = &seen["errors"];
        expect(errors.as_array().is_some_and(Vec::is_empty), || format!("uncaught errors (a panic?): {errors}"))?;
        let dir = repo("tests/data/invalid");
        let mut cases = 0;
        for state in seen["states"].as_array().into_iter().flatten() {
            let id = state[0].as_str().unwrap_or_default();
            expect(state[1] == false && state[2].as_u64() > Some(0), || format!("{id} is not an error view: {state}"))?;
            let name = id.trim_start_matches("case-");
            let expected = std::fs::read_to_string(dir.join(format!("{name}.expect"))).map_err(fail(name))?;
            let host = format!("#{id}");
            let text = ctx.shadow_texts(&host, "[role='alert']").await?.join(" ");
            // Each line of the case is `path => words of the message`; the view names the path.
            for path in expected.lines().filter_map(|l| l.split_once(" => ")).map(|(path, _)| path).filter(|p| *p != "<root>") {
                expect(text.contains(path), || format!("{id}: the error view does not name {path}: {text}"))?;
            }
            cases += 1;
        }
        expect(cases >= 40, || format!("only {cases} cases were on the page"))?;
        let console = ctx.eval("return window.consoleErrors").await?;
        let lines = console.as_array().map(Vec::len).unwrap_or(0);
        expect(lines >= cases, || format!("{lines} console errors for {cases} broken stories: each must say why in the console too"))?;
        ctx.screenshot("malformed").await
    })
}
