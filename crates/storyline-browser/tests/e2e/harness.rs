//! The e2e harness: one WebDriver session per engine, tests run in order, a screenshot after each.
//!
//! `cargo xtask test` starts the driver and the server and passes them in the environment:
//! STORYLINE_E2E_ENGINE (chromium, firefox or webkit), STORYLINE_E2E_WEBDRIVER and STORYLINE_E2E_BASE.
//! The summary line has libtest's format, so xtask counts these results like any other.

// The benchmark's DevTools commands serve the soak test too.
use storyline_browser::cdp;

use fantoccini::actions::{InputSource, KeyAction, KeyActions};
use fantoccini::elements::Element;
use fantoccini::key::Key;
use fantoccini::{Client, ClientBuilder, Locator};
use hyper_util::client::legacy::connect::HttpConnector;
use serde_json::{json, Value};
use std::future::Future;
use std::path::PathBuf;
use std::pin::Pin;
use std::time::{Duration, Instant};

pub type TestResult = Result<(), String>;

/// How long a test may wait on a browser that answers nothing. A whole engine's e2e run takes
/// two to four minutes on an idle machine, and the longest test (the XSS corpus, 423 widgets on
/// 12 pages) under a minute; with other work on both cores one of its pages has taken minutes.
/// So the limit is on silence, not on the test: every page a test opens, script it runs or
/// picture it takes counts as an answer (`Ctx::answered`), and a test that keeps getting answers
/// runs on, up to `TEST_CAP`. Ten minutes of silence is a browser that has hung.
const TEST_LIMIT: Duration = Duration::from_secs(600);

/// The most one test may take, however well its browser answers: a third of CI's 90 minutes.
const TEST_CAP: Duration = Duration::from_secs(1800);

/// How long closing a session may take, for the same reason.
const CLOSE_LIMIT: Duration = Duration::from_secs(30);

/// The position counter, by its accessible name.
const COUNTER: &str = "//*[contains(concat(' ', @class, ' '), ' sl-counter ')]";
pub type Test<'a> = Pin<Box<dyn Future<Output = TestResult> + 'a>>;
pub type TestFn = for<'a> fn(&'a Ctx) -> Test<'a>;

/// What a test gets: the browser, where the site is, and where its pictures go (one folder per engine).
pub struct Ctx {
    pub client: Client,
    pub base: String,
    shots: PathBuf,
    /// `chromium`, `firefox` or `webkit`.
    engine: String,
    /// Set by a test that stops the widget on purpose; cleared before each test.
    stop_expected: std::cell::Cell<bool>,
    /// Restarts after a fault that WebKit's known engine fault may explain (see `run_session`).
    engine_restarts: std::cell::Cell<usize>,
    /// When the browser last answered the running test (see `TEST_LIMIT`).
    last_answer: std::cell::Cell<Instant>,
}

/// The changes hydration may make to the prerendered HTML: it drops the prerender's component
/// markers, the widget marks itself ready, and what the prerender keeps for readers without
/// script goes: the hidden "All events" list, the axis drawn for a phone, and the selected event's
/// map drawn for a phone, with its legend (the live widget draws the timeline and the map for the
/// width it measures).
pub fn hydration_may_make(change: &str) -> bool {
    change == "removed a comment"
        || change.starts_with("attribute data-ready of <section.storyline>: null")
        || change.starts_with("removed <div.sl-list-panel>")
        || change == "removed <div.sl-map-phone>"
        || change == "removed <div.sl-timeline-phone>"
}

/// A check inside a test: `what` says what went wrong when `ok` is false.
pub fn expect(ok: bool, what: impl FnOnce() -> String) -> TestResult {
    if ok { Ok(()) } else { Err(what()) }
}

/// Turns any error into the test's failure message.
pub fn fail<E: std::fmt::Display>(what: &str) -> impl FnOnce(E) -> String + '_ {
    move |e| format!("{what}: {e}")
}

impl Ctx {
    /// Loads a page afresh. Going through a blank page first makes sure that a URL differing
    /// only in its fragment is a new load, not a same-document jump.
    pub async fn open(&self, path: &str) -> TestResult {
        self.client.goto("about:blank").await.map_err(fail("navigate to a blank page"))?;
        self.client.goto(&format!("{}{path}", self.base)).await.map_err(fail("navigate"))?;
        self.answered();
        Ok(())
    }

    /// Notes that the browser has just answered: the running test is not waiting on a hung one.
    pub fn answered(&self) {
        self.last_answer.set(Instant::now());
    }

    /// Loads `path` and enters its first frame (`iframe`), once the widget in it is live.
    pub async fn open_in_frame(&self, path: &str) -> TestResult {
        self.open(path).await?;
        self.enter_frame().await?;
        self.wait_ready().await
    }

    /// Enters the page's first frame (`iframe`), as it stands: with script or without, live or not.
    pub async fn enter_frame(&self) -> TestResult {
        let frame = self.client.find(Locator::Css("iframe")).await.map_err(fail("the frame"))?;
        frame.enter_frame().await.map_err(fail("enter the frame"))
    }

    /// Waits until the widget has rendered in the browser: it marks its root with `data-ready`
    /// from an effect that runs after the first render (an event, not a timer).
    pub async fn wait_ready(&self) -> TestResult {
        self.wait_for(".storyline[data-ready]").await.map(drop)
    }

    pub async fn texts(&self, css: &str) -> Result<Vec<String>, String> {
        let mut out = Vec::new();
        for el in self.client.find_all(Locator::Css(css)).await.map_err(fail(css))? {
            out.push(el.text().await.map_err(fail(css))?);
        }
        Ok(out)
    }

    pub async fn attrs(&self, css: &str, attr: &str) -> Result<Vec<String>, String> {
        let mut out = Vec::new();
        for el in self.client.find_all(Locator::Css(css)).await.map_err(fail(css))? {
            out.push(el.attr(attr).await.map_err(fail(css))?.unwrap_or_default());
        }
        Ok(out)
    }

    /// Waits for an element to appear, through WebDriver's own wait.
    pub async fn wait_for(&self, css: &str) -> Result<Element, String> {
        self.wait_until(Locator::Css(css), &format!("waiting for {css}")).await
    }

    async fn wait_until(&self, locator: Locator<'_>, what: &str) -> Result<Element, String> {
        self.client.wait().at_most(Duration::from_secs(60)).for_element(locator).await.map_err(fail(what))
    }

    /// The "N of M" counters on the page (each read aloud as "Event N of M").
    pub async fn counters(&self) -> Result<Vec<String>, String> {
        let mut out = Vec::new();
        for el in self.client.find_all(Locator::XPath(COUNTER)).await.map_err(fail("the counters"))? {
            out.push(el.text().await.map_err(fail("a counter"))?);
        }
        Ok(out)
    }

    /// Waits until a counter reads `text` ("3 of 31").
    pub async fn wait_counter(&self, text: &str) -> TestResult {
        let xpath = format!("//*[contains(concat(' ', @class, ' '), ' sl-counter ') and normalize-space(.)='{text}']");
        self.wait_until(Locator::XPath(&xpath), &format!("waiting for the counter to read {text:?}")).await.map(drop)
    }

    /// Waits, frame by frame in the page, until the URL fragment is `hash`; returns what it was last.
    pub async fn wait_hash(&self, hash: &str) -> Result<String, String> {
        let script = "const [want, done] = arguments; let frames = 0; \
            const check = () => (location.hash === want || ++frames > 120) ? done(location.hash) : requestAnimationFrame(check); check();";
        let got = self.client.execute_async(script, vec![Value::from(hash)]).await.map_err(fail("waiting for the fragment"))?;
        Ok(got.as_str().unwrap_or_default().to_string())
    }

    /// Scrolls the first element matching `css` to the top of the view, for the screenshot.
    pub async fn scroll_to(&self, css: &str) -> TestResult {
        let script = format!("document.querySelector({css:?}).scrollIntoView({{block: 'start'}})");
        self.eval(&script).await.map(drop)
    }

    /// Waits until the current (selected) marker is the one whose name starts with `title`.
    pub async fn wait_current(&self, title: &str) -> TestResult {
        let quoted = if title.contains('"') { format!("'{title}'") } else { format!("\"{title}\"") };
        let xpath = format!("//*[@role='button' and @aria-current='true' and starts-with(@aria-label, {quoted})]");
        self.wait_until(Locator::XPath(&xpath), &format!("waiting for {title:?} to be the current marker")).await.map(drop)
    }

    /// Waits, frame by frame in the page, until the focused element's name starts with `prefix`;
    /// returns the name it had last (so a failure can say where focus went).
    pub async fn wait_focus(&self, prefix: &str) -> Result<String, String> {
        let script = "const [want, done] = arguments; let frames = 0; \
            const name = () => { const a = document.activeElement; return a ? (a.getAttribute('aria-label') || a.textContent || '').trim() : ''; }; \
            const check = () => (name().startsWith(want) || ++frames > 120) ? done(name()) : requestAnimationFrame(check); check();";
        let got = self.client.execute_async(script, vec![Value::from(prefix)]).await.map_err(fail("waiting for focus"))?;
        Ok(got.as_str().unwrap_or_default().to_string())
    }

    /// Waits, frame by frame in the page, until the axis' tick labels differ from `before` and
    /// have then stayed the same for 30 frames; returns them. Waiting for the first change alone
    /// is not enough: a slow engine can draw the first of several queued zooms, or Yew can yield
    /// a long render to the event loop half done, and the axis changes again after.
    pub async fn wait_ticks_settle(&self, before: &[String]) -> Result<Vec<String>, String> {
        let script = "const [old, done] = arguments; let frames = 0, still = 0, last = null; \
            const now = () => JSON.stringify([...document.querySelectorAll('.sl-tick text')].map(t => t.textContent)); \
            const check = () => { const t = now(); still = (t === last) ? still + 1 : 0; last = t; \
              (t !== JSON.stringify(old) && still >= 30) || ++frames > 600 ? done(JSON.parse(t)) : requestAnimationFrame(check); }; check();";
        let got = self.client.execute_async(script, vec![serde_json::to_value(before).unwrap_or_default()]).await.map_err(fail("waiting for the axis"))?;
        Ok(got.as_array().map(|a| a.iter().filter_map(|v| v.as_str().map(str::to_string)).collect()).unwrap_or_default())
    }

    /// Waits, frame by frame in the page, until nothing matches `css`; returns how many still do.
    pub async fn wait_gone(&self, css: &str) -> Result<u64, String> {
        let script = "const [css, done] = arguments; let frames = 0; \
            const left = () => document.querySelectorAll(css).length; \
            const check = () => (left() === 0 || ++frames > 120) ? done(left()) : requestAnimationFrame(check); check();";
        let got = self.client.execute_async(script, vec![Value::from(css)]).await.map_err(fail("waiting for an element to go"))?;
        Ok(got.as_u64().unwrap_or(u64::MAX))
    }

    /// Runs a script in the page and returns its result.
    pub async fn eval(&self, script: &str) -> Result<Value, String> {
        let value = self.client.execute(script, vec![]).await.map_err(fail(script))?;
        self.answered();
        Ok(value)
    }

    /// A button found by its visible text or accessible name, as a reader would find it.
    pub async fn button(&self, name: &str) -> Result<Element, String> {
        let xpath = format!("//*[(self::button or @role='button') and (normalize-space(.)='{name}' or @aria-label='{name}' or starts-with(normalize-space(.), '{name}'))]");
        self.client.find(Locator::XPath(&xpath)).await.map_err(fail(&format!("the button {name:?}")))
    }

    pub async fn click_button(&self, name: &str) -> TestResult {
        self.button(name).await?.click().await.map_err(fail(&format!("click {name:?}")))
    }

    /// Presses and releases one key with WebDriver key actions, on whatever has focus.
    pub async fn press(&self, key: Key) -> TestResult {
        let value: char = key.into();
        let actions = KeyActions::new("keyboard".into()).then(KeyAction::Down { value }).then(KeyAction::Up { value });
        self.client.perform_actions(actions).await.map_err(fail("key action"))
    }

    /// Presses `key` with Shift held (Shift+Tab), with WebDriver key actions.
    pub async fn press_shifted(&self, key: Key) -> TestResult {
        let (shift, value): (char, char) = (Key::Shift.into(), key.into());
        let actions = KeyActions::new("keyboard".into())
            .then(KeyAction::Down { value: shift })
            .then(KeyAction::Down { value })
            .then(KeyAction::Up { value })
            .then(KeyAction::Up { value: shift });
        self.client.perform_actions(actions).await.map_err(fail("key action"))
    }

    /// The accessible name of the marker marked `aria-current`.
    pub async fn current_marker(&self) -> Result<String, String> {
        let el = self.client.find(Locator::Css("[role='button'][aria-current='true']")).await.map_err(fail("the current marker"))?;
        el.attr("aria-label").await.map_err(fail("its name"))?.ok_or_else(|| "the current marker has no name".into())
    }

    /// The accessible name (or text) of the focused element.
    pub async fn focused_name(&self) -> Result<String, String> {
        self.eval("const a = document.activeElement; return a ? (a.getAttribute('aria-label') || a.textContent || '') : ''")
            .await
            .map(|v| v.as_str().unwrap_or_default().trim().to_string())
    }

    /// Waits, frame by frame, for an element inside the shadow root of `host` (a `<story-line>`),
    /// and returns it as a WebDriver element.
    pub async fn wait_in_shadow(&self, host: &str, css: &str) -> Result<Element, String> {
        let script = "const [host, css, done] = arguments; let frames = 0; \
            const find = () => { const h = document.querySelector(host); return h && h.shadowRoot ? h.shadowRoot.querySelector(css) : null; }; \
            const check = () => (find() || ++frames > 1800) ? done(find()) : requestAnimationFrame(check); check();";
        let what = format!("{css} inside {host}'s shadow root");
        let found = self.client.execute_async(script, vec![Value::from(host), Value::from(css)]).await.map_err(fail(&what))?;
        let id = found.as_object().and_then(|o| o.values().next()).and_then(Value::as_str).ok_or_else(|| format!("no {what}"))?;
        Ok(Element::from_element_id(self.client.clone(), id.to_string().into()))
    }

    /// The text of every element matching `css` inside `host`'s shadow root.
    pub async fn shadow_texts(&self, host: &str, css: &str) -> Result<Vec<String>, String> {
        let script = "const [host, css] = arguments; \
            return [...document.querySelector(host).shadowRoot.querySelectorAll(css)].map(e => e.textContent.trim());";
        let got = self.client.execute(script, vec![Value::from(host), Value::from(css)]).await.map_err(fail(css))?;
        Ok(got.as_array().map(|a| a.iter().filter_map(|v| v.as_str().map(str::to_string)).collect()).unwrap_or_default())
    }

    /// Waits, frame by frame, until `script` (a function body returning a value) returns
    /// something truthy; returns its last value.
    pub async fn wait_until_true(&self, script: &str, what: &str) -> Result<Value, String> {
        let waiting = format!("const done = arguments[0]; let frames = 0; const probe = () => {{ {script} }}; \
            const check = () => {{ const v = probe(); (v || ++frames > 1800) ? done(v ?? null) : requestAnimationFrame(check); }}; check();");
        let got = self.client.execute_async(&waiting, vec![]).await.map_err(fail(what))?;
        self.answered();
        let truthy = !matches!(&got, Value::Null | Value::Bool(false)) && got != Value::from(0) && got != Value::from("");
        if truthy { Ok(got) } else { Err(format!("gave up {what}: the page answered {got}")) }
    }

    /// Calls the Chrome DevTools Protocol through chromedriver (Chromium only): `cmd` such as
    /// `Memory.getDOMCounters`, with its `params`; returns the result object.
    pub async fn cdp(&self, cmd: &'static str, params: Value) -> Result<Value, String> {
        cdp::call(&self.client, cmd, params).await.map_err(fail(cmd))
    }

    /// Whether WebKit's known fault explains the page's uncaught errors: its widgets started
    /// afresh after a fault (which the harness prints and counts) and none stopped.
    pub async fn engine_fault_explains_errors(&self) -> bool {
        let faults = self.faults().await;
        restarts_are_engine_faults(&self.engine) && !faults.restarted.is_empty() && faults.stopped.is_empty()
    }

    /// Holds the WebAssembly of `/held/` back at the test server (`true`) or lets it go (`false`).
    pub async fn hold_wasm(&self, hold: bool) -> TestResult {
        let what = if hold { "hold" } else { "release" };
        let script = format!("const done = arguments[0]; fetch('{}/__{what}-wasm').then(() => done(true), (e) => done(String(e)));", self.base);
        let answer = self.client.execute_async(&script, vec![]).await.map_err(fail(what))?;
        expect(answer == true, || format!("the server did not {what} the wasm: {answer}"))
    }

    /// The engine this session drives: `chromium`, `firefox` or `webkit`.
    pub fn engine(&self) -> &str {
        &self.engine
    }

    /// Says that this test stops (or restarts) the widget on purpose, so that its marks are no failure.
    pub fn expect_stop(&self) {
        self.stop_expected.set(true);
    }

    /// The reasons of every fault a widget on the page met: in the document, in open shadow
    /// roots and in same-origin frames, those that stopped it (the "stopped" notice) and those
    /// it started afresh after (`data-restarted`).
    async fn faults(&self) -> Faults {
        let script = "const found = { stopped: [], restarted: [] }; \
            const visit = (root) => { \
              for (const n of root.querySelectorAll('.sl-stopped')) found.stopped.push(n.dataset.reason || n.textContent); \
              for (const n of root.querySelectorAll('.storyline-root[data-restarted]')) found.restarted.push(n.dataset.restarted); \
              for (const el of root.querySelectorAll('*')) { \
                if (el.shadowRoot) visit(el.shadowRoot); \
                if (el.tagName === 'IFRAME') { try { if (el.contentDocument) visit(el.contentDocument); } catch (e) {} } \
              } }; \
            visit(document); return found;";
        let found = self.client.execute(script, vec![]).await.unwrap_or_default();
        let list = |key: &str| -> Vec<String> {
            found[key].as_array().map(|a| a.iter().map(|v| v.as_str().unwrap_or_default().to_string()).collect()).unwrap_or_default()
        };
        Faults { stopped: list("stopped"), restarted: list("restarted") }
    }

    /// Saves what the reader sees to target/e2e/<engine>/<name>.png.
    pub async fn screenshot(&self, name: &str) -> TestResult {
        let png = self.client.screenshot().await.map_err(fail("screenshot"))?;
        self.answered();
        std::fs::write(self.shots.join(format!("{name}.png")), png).map_err(fail("write screenshot"))
    }

    /// Saves the first element matching `css`, scrolled into view by the browser, to
    /// target/e2e/<engine>/<name>.png: a picture that needs no script in the page.
    pub async fn screenshot_of(&self, css: &str, name: &str) -> TestResult {
        let element = self.client.find(Locator::Css(css)).await.map_err(fail(css))?;
        let png = element.screenshot().await.map_err(fail("screenshot"))?;
        std::fs::write(self.shots.join(format!("{name}.png")), png).map_err(fail("write screenshot"))
    }
}

/// WebKitGTK 2.50's WebAssembly JIT faults now and then in correct code (README, "If the widget
/// itself fails"); no other engine has been seen to.
fn restarts_are_engine_faults(engine: &str) -> bool {
    engine == "webkit"
}

/// What faults the widgets on a page met during a test.
struct Faults {
    stopped: Vec<String>,
    restarted: Vec<String>,
}

impl Faults {
    /// Why the test fails for these faults, if it does. A widget that stopped (a panic, a trap)
    /// fails any test. One that started afresh after a fault fails it too, except in WebKit:
    /// WebKitGTK 2.50's WebAssembly JIT faults now and then in correct code (README, "If the
    /// widget itself fails"), which is what the restart is for. There the restart is printed
    /// and counted instead, so that a rise in them shows; a bug of ours that faults every time
    /// still fails, since the fresh start faults again and the widget stops.
    fn failure(&self, engine: &str) -> Option<String> {
        let mut why = Vec::new();
        if !self.stopped.is_empty() {
            why.push(format!("the widget stopped: {}", self.stopped.join("; ")));
        }
        if !self.restarted.is_empty() && !restarts_are_engine_faults(engine) {
            why.push(format!("the widget started afresh after a fault: {}", self.restart_reasons()));
        }
        (!why.is_empty()).then(|| why.join("\n    and "))
    }

    /// Every widget on a page restarts at the same fault: each reason once, with how many widgets gave it.
    fn restart_reasons(&self) -> String {
        let mut reasons: Vec<(&str, usize)> = Vec::new();
        for r in &self.restarted {
            match reasons.iter_mut().find(|(seen, _)| seen == r) {
                Some((_, n)) => *n += 1,
                None => reasons.push((r, 1)),
            }
        }
        reasons.iter().map(|(r, n)| if *n > 1 { format!("{r} ({n} widgets)") } else { r.to_string() }).collect::<Vec<_>>().join("; ")
    }
}

/// The capabilities of a session in `engine`; with `javascript` false, the page runs no script.
fn capabilities(engine: &str, javascript: bool) -> Value {
    let mut caps = engine_capabilities(engine, if javascript { "" } else { "-nojs" });
    if !javascript {
        match engine {
            "chromium" => caps["goog:chromeOptions"]["prefs"] = json!({"profile.managed_default_content_settings.javascript": 2}),
            "firefox" => caps["moz:firefoxOptions"]["prefs"] = json!({"javascript.enabled": false}),
            _ => {
                if let Some(args) = caps["webkitgtk:browserOptions"]["args"].as_array_mut() {
                    args.push("--enable-javascript=false".into());
                }
            }
        }
    }
    caps
}

fn engine_capabilities(engine: &str, profile_suffix: &str) -> Value {
    match engine {
        "chromium" => {
            let profile = std::env::temp_dir().join(format!("storyline-e2e-chromium-{}{profile_suffix}", std::process::id()));
            json!({
                "browserName": "chrome",
                "goog:chromeOptions": {
                    "binary": "/usr/bin/chromium",
                    "args": [
                        "--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                        "--disable-quic", "--no-first-run", "--disable-background-networking",
                        "--disable-component-update", "--disable-sync", "--window-size=1280,900",
                        format!("--user-data-dir={}", profile.display()),
                    ]
                }
            })
        }
        "firefox" => json!({
            "browserName": "firefox",
            "moz:firefoxOptions": { "binary": "/usr/bin/firefox-esr", "args": ["-headless", "--width=1280", "--height=900"] }
        }),
        "webkit" => json!({
            "webkitgtk:browserOptions": {
                "binary": "/usr/lib/x86_64-linux-gnu/webkit2gtk-4.1/MiniBrowser",
                "args": ["--automation"]
            }
        }),
        other => panic!("unknown engine {other:?}: expected chromium, firefox or webkit"),
    }
}

fn env(name: &str) -> String {
    std::env::var(name).unwrap_or_else(|_| {
        eprintln!("{name} is not set: run the e2e tests through `cargo xtask test`, which starts the drivers and the server");
        std::process::exit(2);
    })
}

/// Opens a session in `engine`, with or without script.
async fn session(engine: &str, webdriver: &str, javascript: bool) -> Result<Client, String> {
    // A driver that has just closed the previous session (the second session, without script,
    // follows the first at once) can refuse the next one; one more attempt is made, and the
    // first refusal is printed so that a pattern would show in the logs.
    for attempt in 1..=2 {
        let Value::Object(caps) = capabilities(engine, javascript) else { unreachable!("capabilities are an object") };
        let mut builder = ClientBuilder::new(HttpConnector::new());
        let connecting = builder.capabilities(caps).connect(webdriver);
        let why = match tokio::time::timeout(Duration::from_secs(90), connecting).await {
            Ok(Ok(client)) => {
                let _ = client.set_window_size(1280, 900).await;
                return Ok(client);
            }
            Ok(Err(e)) => format!("could not open a {engine} session at {webdriver}: {e}"),
            Err(_) => format!("opening a {engine} session at {webdriver} hung for 90 s"),
        };
        if attempt == 2 {
            return Err(why);
        }
        println!("    (attempt {attempt}) {why}; trying once more");
    }
    unreachable!("the second attempt returns")
}

/// Runs `tests` in one session and returns how many failed. The picture of every test,
/// passed or failed, is kept for a person to look at.
///
/// A test given up on (`within_limits`) fails, and so does every test after it in the session:
/// a browser that hung once (WebKit's page process has spun at full CPU with WebDriver's own
/// script timeout never firing) answers nothing more, and waiting on it would only eat CI's time.
///
/// A test that fails in WebKit after the widget met a WebAssembly fault runs once more: the
/// engine's known fault can land in the middle of what the test does (a click it then waits on
/// in vain), and the restart cannot replay that. The second run's result counts, and both the
/// fault and the second run are printed. A bug of ours fails the second run too, and in the
/// other engines a fault fails at once.
async fn run_session(ctx: &Ctx, tests: &[(&str, TestFn)]) -> usize {
    let mut failed = 0;
    for (i, (name, test)) in tests.iter().enumerate() {
        let mut second_run = false;
        let result = loop {
            ctx.stop_expected.set(false);
            let checked = async {
                let result = test(ctx).await;
                let _ = ctx.screenshot(name).await;
                (result, ctx.faults().await)
            };
            let Some((result, faults)) = within_limits(ctx, name, checked).await else {
                return failed + 1 + not_run(&tests[i + 1..], &format!("the browser stopped answering during {name}"));
            };
            if ctx.stop_expected.get() {
                break result;
            }
            let result = judge(ctx, name, result, &faults);
            let engine_fault = restarts_are_engine_faults(&ctx.engine) && !(faults.restarted.is_empty() && faults.stopped.is_empty());
            match result {
                Err(e) if engine_fault && !second_run => {
                    println!("    note: {name} failed after a WebAssembly fault in {} ({e}); running it once more", ctx.engine);
                    second_run = true;
                }
                result => break result,
            }
        };
        match result {
            Ok(()) => println!("test {name} ... ok"),
            Err(e) => {
                failed += 1;
                println!("test {name} ... FAILED\n    {e}");
            }
        }
    }
    failed
}

/// Runs `test` while its browser keeps answering (`TEST_LIMIT`) and for at most `TEST_CAP`;
/// `None`, with the reason printed as the test's failure, when it had to be given up.
async fn within_limits<T>(ctx: &Ctx, name: &str, test: impl Future<Output = T>) -> Option<T> {
    let started = Instant::now();
    ctx.answered();
    let mut test = std::pin::pin!(test);
    loop {
        if let Ok(done) = tokio::time::timeout(Duration::from_secs(5), &mut test).await {
            return Some(done);
        }
        let silent = ctx.last_answer.get().elapsed();
        let why = if silent > TEST_LIMIT {
            format!("the browser answered nothing for {} s", silent.as_secs())
        } else if started.elapsed() > TEST_CAP {
            format!("still running after {} s, the most a test may take", TEST_CAP.as_secs())
        } else {
            continue;
        };
        println!("test {name} ... FAILED\n    {why}");
        return None;
    }
}

/// A test's result with the faults its page met: a fault the engine explains (see
/// `Faults::failure`) is printed and counted, any other fails the test.
fn judge(ctx: &Ctx, name: &str, result: TestResult, faults: &Faults) -> TestResult {
    if let Some(why) = faults.failure(&ctx.engine) {
        return Err(match result {
            Ok(()) => why,
            Err(e) => format!("{e}\n    and {why}"),
        });
    }
    if !faults.restarted.is_empty() {
        ctx.engine_restarts.set(ctx.engine_restarts.get() + 1);
        println!("    note: {name}: a widget started afresh after a fault: {}", faults.restart_reasons());
    }
    result
}

/// Reports `tests` as failed without running them, and says why; returns how many.
fn not_run(tests: &[(&str, TestFn)], why: &str) -> usize {
    for (name, _) in tests {
        println!("test {name} ... FAILED\n    not run: {why}");
    }
    tests.len()
}

/// Runs every test against one browser and prints libtest's result line; exits 1 on any failure.
/// `without_script` runs afterwards in a session of its own with JavaScript turned off
/// (some drivers hold one session at a time).
/// The tests whose name contains `only`, or all of them.
fn keep<'a>(list: &[(&'a str, TestFn)], only: Option<&str>) -> Vec<(&'a str, TestFn)> {
    list.iter().filter(|(name, _)| only.is_none_or(|o| o.split('|').any(|part| name.contains(part)))).copied().collect()
}

pub fn run(tests: &[(&str, TestFn)], without_script: &[(&str, TestFn)]) {
    // While working on one test: STORYLINE_E2E_ONLY=<part of its name> runs only those that match
    // (several parts, split by `|`, run those that match any).
    let only = std::env::var("STORYLINE_E2E_ONLY").ok();
    let (tests, without_script) = (&keep(tests, only.as_deref())[..], &keep(without_script, only.as_deref())[..]);
    let engine = env("STORYLINE_E2E_ENGINE");
    let webdriver = env("STORYLINE_E2E_WEBDRIVER");
    let base = env("STORYLINE_E2E_BASE");
    let shots = storyline_browser::workspace_root().join("target/e2e").join(&engine);
    std::fs::create_dir_all(&shots).expect("create target/e2e/<engine>");
    let runtime = tokio::runtime::Builder::new_current_thread().enable_all().build().expect("tokio runtime");
    let total = tests.len() + without_script.len();
    let restarts = std::cell::Cell::new(0);
    let failed = runtime.block_on(async {
        println!("\nrunning {total} tests in {engine}");
        let mut failed = 0;
        for (javascript, tests) in [(true, tests), (false, without_script)] {
            // A session that cannot open (the driver still holds one whose browser hung) fails
            // its tests by name, so the result line still comes and counts them.
            let client = match session(&engine, &webdriver, javascript).await {
                Ok(client) => client,
                Err(why) => {
                    failed += not_run(tests, &why);
                    continue;
                }
            };
            let ctx = Ctx {
                client,
                base: base.clone(),
                shots: shots.clone(),
                engine: engine.clone(),
                stop_expected: Default::default(),
                engine_restarts: Default::default(),
                last_answer: std::cell::Cell::new(Instant::now()),
            };
            failed += run_session(&ctx, tests).await;
            restarts.set(restarts.get() + ctx.engine_restarts.get());
            let _ = tokio::time::timeout(CLOSE_LIMIT, ctx.client.close()).await;
        }
        failed
    });
    if restarts.get() > 0 {
        println!("\nnote: in {} test(s) a widget started afresh after a WebAssembly fault ({engine}'s known fault, see the README)", restarts.get());
    }
    let passed = total - failed;
    let verdict = if failed == 0 { "ok" } else { "FAILED" };
    println!("\ntest result: {verdict}. {passed} passed; {failed} failed; 0 ignored; 0 measured; 0 filtered out\n");
    if failed > 0 {
        std::process::exit(1);
    }
}
