//! The memory soak, in Chromium (it reads the DevTools Protocol): 1,000 clicks
//! through events, actor cards, filters and the list, and the widget must end where it began:
//! DOM nodes, JS event listeners and wasm linear memory each within 5% of their start.

use crate::harness::{expect, fail, Ctx, Test, TestFn};
use fantoccini::wd::TimeoutConfiguration;
use serde_json::{json, Value};
use std::time::Duration;

pub const CHROMIUM_ONLY: &[(&str, TestFn)] =
    &[("a_thousand_clicks_leave_dom_listeners_and_wasm_memory_where_they_began", a_thousand_clicks_leave_dom_listeners_and_wasm_memory_where_they_began)];

/// Ten clicks that leave the widget as they found it (a filter on and off, two events on and
/// back, an actor card opened and closed, the list on and off), run `cycles` times; each click
/// waits two frames, so every render and glide it starts has landed.
const CLICKS: &str = r#"
const [cycles, done] = arguments;
const frame = () => new Promise((resolve) => requestAnimationFrame(() => resolve()));
const root = document.querySelector(".storyline");
const button = (text) => [...root.querySelectorAll("button")].find((b) => b.textContent.trim() === text);
// The filter goes on and off at the first event, which it keeps (a filter that hid the selected
// event would move the selection, and the cycle would not come back).
const steps = [
  () => root.querySelector(".sl-filters .sl-chip"),
  () => root.querySelector(".sl-filters .sl-chip"),
  () => root.querySelector(".sl-next"),
  () => root.querySelector(".sl-next"),
  () => root.querySelector(".sl-node"),
  () => button("Close"),
  () => root.querySelector(".sl-list-toggle"),
  () => root.querySelector(".sl-list-toggle"),
  () => root.querySelector(".sl-prev"),
  () => root.querySelector(".sl-prev"),
];
(async () => {
  let clicks = 0;
  for (let c = 0; c < cycles; c++) {
    for (const [i, find] of steps.entries()) {
      const target = find();
      if (!target) return done({ clicks, missing: i });
      target.dispatchEvent(new MouseEvent("click", { bubbles: true, cancelable: true, view: window }));
      clicks++;
      await frame();
      await frame();
    }
  }
  done({ clicks, counter: root.querySelector(".sl-counter").textContent });
})();
"#;

/// DOM nodes and JS event listeners of the page (after a garbage collection), and the wasm memory.
async fn counts(ctx: &Ctx) -> Result<[f64; 3], String> {
    ctx.cdp("HeapProfiler.collectGarbage", json!({})).await?;
    let dom = ctx.cdp("Memory.getDOMCounters", json!({})).await?;
    let wasm = ctx.eval("return window.wasmMemoryBytes()").await?;
    let number = |v: &Value, what: &str| v.as_f64().ok_or_else(|| format!("no {what} in {dom}"));
    Ok([number(&dom["nodes"], "nodes")?, number(&dom["jsEventListeners"], "listeners")?, number(&wasm, "wasm memory")?])
}

fn a_thousand_clicks_leave_dom_listeners_and_wasm_memory_where_they_began(ctx: &Ctx) -> Test<'_> {
    Box::pin(async move {
        ctx.open("/fixtures/soak.html").await?;
        ctx.wait_ready().await?;
        ctx.wait_until_true("return typeof window.wasmMemoryBytes === 'function'", "the wasm memory probe").await?;
        let start = counts(ctx).await?;
        ctx.client.update_timeouts(TimeoutConfiguration::new(Some(Duration::from_secs(600)), None, None)).await.map_err(fail("timeout"))?;
        let run = ctx.client.execute_async(CLICKS, vec![json!(100)]).await.map_err(fail("the clicks"))?;
        expect(run["clicks"] == 1000, || format!("the soak stopped early: {run}"))?;
        expect(run["counter"].as_str().is_some_and(|c| c.starts_with("1 of")), || format!("the cycle did not come back to the first event: {run}"))?;
        let end = counts(ctx).await?;
        let names = ["DOM nodes", "JS event listeners", "wasm memory bytes"];
        println!("    after 1,000 clicks (start → end): {}", names.iter().zip(start.iter().zip(end)).map(|(n, (s, e))| format!("{n} {s} → {e}")).collect::<Vec<_>>().join(", "));
        for ((name, s), e) in names.iter().zip(start).zip(end) {
            expect(e <= s * 1.05 && e >= s * 0.95, || format!("{name} went from {s} to {e}: more than 5%"))?;
        }
        Ok(())
    })
}
