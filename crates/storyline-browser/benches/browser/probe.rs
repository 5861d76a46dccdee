//! The scripts the benchmark runs inside a page, the same for both widgets: every figure is read
//! with the browser's own clocks and performance entries, never with a timer of the driver's.

/// Installed before the page's own scripts (see `cdp::on_every_document`): records long tasks and
/// long animation frames from the document's start, which an observer registered later would
/// miss. Long tasks leave out the style, layout and paint of a frame; long animation frames
/// include them. `window.__storylineBench()` returns both, including entries not yet delivered.
pub const RECORDER: &str = r#"
(() => {
  const seen = { "longtask": [], "long-animation-frame": [] };
  const observers = Object.keys(seen).map((type) => {
    const observer = new PerformanceObserver((list) => seen[type].push(...list.getEntries()));
    observer.observe({ type, buffered: true });
    return [type, observer];
  });
  Object.defineProperty(window, "__storylineBench", {
    value: () => {
      for (const [type, observer] of observers) seen[type].push(...observer.takeRecords());
      return {
        longTasks: seen["longtask"].map((e) => [e.startTime, e.duration]),
        longFrames: seen["long-animation-frame"].map((e) => [e.startTime, e.duration, e.blockingDuration]),
      };
    },
  });
})();
"#;

/// Resolves once the widget has made its performance mark `arguments[0]`, with null; or with the
/// error its page reports (`data-error` on `arguments[1]`, or an uncaught error).
pub const READY: &str = r#"
const [mark, root, done] = arguments;
const settled = () => {
  if (performance.getEntriesByName(mark, "mark").length) return done(null), true;
  const error = document.querySelector(root)?.getAttribute("data-error");
  return error ? (done(error), true) : false;
};
if (!settled()) {
  addEventListener("error", (e) => done(`uncaught: ${e.message}`));
  const marks = new PerformanceObserver(() => settled() && marks.disconnect());
  marks.observe({ type: "mark" });
  new MutationObserver((_, errors) => settled() && errors.disconnect())
    .observe(document.documentElement, { subtree: true, attributeFilter: ["data-error"] });
}
"#;

/// Waits for `arguments[0]` frames in a row without a DOM change or a running (finite) animation,
/// and returns when that stillness began (the first of those frames), or null if the page was
/// still moving after 1,200 frames. Defines `still(frames)` for the scripts below.
const STILL: &str = r#"
const still = (frames) => new Promise((resolve) => {
  let changed = false, quiet = 0, since = null, seen = 0;
  const mutations = new MutationObserver(() => { changed = true; });
  mutations.observe(document, { subtree: true, childList: true, attributes: true, characterData: true });
  const moving = () => document.getAnimations()
    .some((a) => a.playState === "running" && a.effect?.getComputedTiming().endTime !== Infinity);
  const frame = (time) => {
    seen += 1;
    if (changed || moving()) { changed = false; quiet = 0; since = null; }
    else { since ??= time; quiet += 1; }
    if (quiet >= frames || seen > 1200) { mutations.disconnect(); resolve(quiet >= frames ? since : null); }
    else requestAnimationFrame(frame);
  };
  requestAnimationFrame(frame);
});
"#;

/// How many frames in a row without change count as still: one frame can pass between a
/// widget's steps (a click, then its re-render in the next frame), three cannot.
pub const STILL_FRAMES: u32 = 3;

/// After the ready mark `arguments[0]`: waits for the load event, the fonts and the first
/// contentful paint, then for stillness, and returns the load's figures.
pub fn load() -> String {
    format!(
        "{STILL}{}",
        r#"
const [mark, frames, done] = arguments;
const entry = (type, name) => new Promise((resolve) => {
  const found = () => performance.getEntriesByName(name, type)[0];
  if (found()) return resolve(found());
  const observer = new PerformanceObserver(() => found() && (observer.disconnect(), resolve(found())));
  observer.observe({ type, buffered: true });
});
(async () => {
  if (document.readyState !== "complete") await new Promise((r) => addEventListener("load", r, { once: true }));
  await document.fonts.ready;
  const fcp = await entry("paint", "first-contentful-paint");
  const stillSince = await still(frames);
  // The page's own requests: the document and what it loaded (not the browser's favicon probe).
  const requests = [...performance.getEntriesByType("navigation"), ...performance.getEntriesByType("resource")]
    .filter((e) => new URL(e.name).pathname !== "/favicon.ico")
    .map((e) => ({ url: e.name, transfer: e.transferSize, body: e.encodedBodySize }));
  done({
    fcp: fcp.startTime,
    interactive: performance.getEntriesByName(mark, "mark")[0].startTime,
    still: stillSince,
    ...window.__storylineBench(),
    requests,
    elements: document.getElementsByTagName("*").length,
  });
})().catch((e) => done({ error: String(e) }));
"#
    )
}

/// A script that waits until the page is still and returns null, or an error if it never is.
pub fn settle() -> String {
    format!("{STILL}\nconst [frames, done] = arguments;\nstill(frames).then((since) => done(since === null ? \"still moving after 1,200 frames\" : null));")
}

/// Presses once and returns `[ms, position before, position after]`: the milliseconds from the
/// press until the next frame has been drawn (a task queued from requestAnimationFrame runs after
/// it), which is what the reader waits for. `setup` defines `act()`, the press, and `position()`.
/// Whatever the setup does (such as focusing the marker a key press goes to) happens before the clock starts.
pub fn press(setup: &str) -> String {
    format!(
        r#"
const done = arguments[0];
{setup}
const before = position();
const t0 = performance.now();
act();
requestAnimationFrame(() => setTimeout(() => done([performance.now() - t0, before, position()]), 0));
"#
    )
}
