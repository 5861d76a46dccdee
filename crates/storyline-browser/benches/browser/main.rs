//! Storyline beside Knight Lab's TimelineJS3, in one headless Chromium on one machine (`cargo xtask bench`):
//! the same stories (the embedded one, 1,000 and 10,000 synthetic events), each loaded cold by
//! both widgets in turn, then stepped through with Next clicks and → presses. Prints one table
//! per story (Storyline | TimelineJS | Storyline/TimelineJS), then the embedded story again over
//! an emulated slow 4G link, and writes every figure and sample to `target/bench.json`.
//!
//! `cargo xtask bench` builds the release, writes the pages, installs TimelineJS from npm, serves
//! it all on 127.0.0.1 and starts chromedriver, passing STORYLINE_E2E_WEBDRIVER, STORYLINE_E2E_BASE,
//! STORYLINE_BENCH_TIMELINEJS (its version) and STORYLINE_BENCH_OUT (where the JSON goes).

mod bytes;
mod probe;
mod report;
mod widget;

use fantoccini::wd::TimeoutConfiguration;
use fantoccini::{Client, ClientBuilder};
use hyper_util::client::legacy::connect::HttpConnector;
use report::{Load, Request, Row, Samples};
use serde_json::{json, Value};
use storyline_browser::cdp;
use std::time::Duration;
use widget::{Press, Story, Widget, PRESSES, STORIES};

/// Loads one page cold and returns its figures, once the widget is interactive and the page still.
async fn load(client: &Client, base: &str, story: &Story, widget: Widget) -> Load {
    let url = format!("{base}{}", story.path(widget));
    // Through a blank page, so that nothing of the previous page is left in the heap measured.
    client.goto("about:blank").await.expect("about:blank");
    client.goto(&url).await.unwrap_or_else(|e| panic!("{url}: {e}"));
    let error = client.execute_async(probe::READY, vec![json!(widget.mark()), json!(widget.root())]).await.expect("ready");
    assert!(error.is_null(), "{url}: {error}");
    let f = client.execute_async(&probe::load(), vec![json!(widget.mark()), json!(probe::STILL_FRAMES)]).await.expect("load figures");
    assert!(f.get("error").is_none(), "{url}: {f}");
    let events = client.execute(widget.events_script(), vec![]).await.expect("the number of events");
    let number = |v: &Value| v.as_f64().unwrap_or_else(|| panic!("{url}: a number, not {v}"));
    let pairs = |v: &Value| v.as_array().into_iter().flatten().map(|p| (number(&p[0]), number(&p[1]))).collect();
    let triples = |v: &Value| v.as_array().into_iter().flatten().map(|p| (number(&p[0]), number(&p[1]), number(&p[2]))).collect();
    let requests = f["requests"].as_array().into_iter().flatten();
    Load {
        fcp: number(&f["fcp"]),
        interactive: number(&f["interactive"]),
        still: f["still"].as_f64(),
        long_tasks: pairs(&f["longTasks"]),
        long_frames: triples(&f["longFrames"]),
        requests: requests
            .map(|r| Request {
                url: r["url"].as_str().unwrap_or_default().to_string(),
                transfer: number(&r["transfer"]),
                body: number(&r["body"]),
            })
            .collect(),
        elements: number(&f["elements"]),
        events: number(&events),
        memory: cdp::memory(client).await,
    }
}

/// Waits until the page is still: between presses, so that no press lands in the animation of the
/// one before (TimelineJS slides for 1 s, Storyline's axis glides for 280 ms), which is not timed.
async fn settle(client: &Client) {
    let moving = client.execute_async(&probe::settle(), vec![json!(probe::STILL_FRAMES)]).await.expect("settle");
    if !moving.is_null() {
        eprintln!("warning: {moving}");
    }
}

/// `rounds` times: back to the start, 15 Next clicks; back to the start, 15 → presses. Returns
/// the milliseconds of each click and each key press. Every press must move the widget on.
async fn presses(client: &Client, widget: Widget, rounds: usize) -> (Vec<f64>, Vec<f64>) {
    let (mut clicks, mut keys) = (Vec::new(), Vec::new());
    for _ in 0..rounds {
        for press in [Press::Click, Press::Key] {
            client.execute(widget.rewind_script(), vec![]).await.expect("rewind");
            settle(client).await;
            let script = probe::press(widget.press_setup(press));
            for _ in 0..PRESSES {
                let r = client.execute_async(&script, vec![]).await.expect("a press");
                assert_ne!(r[1], r[2], "{} {press:?} did not move on from {}", widget.name(), r[1]);
                let samples = match press {
                    Press::Click => &mut clicks,
                    Press::Key => &mut keys,
                };
                samples.push(r[0].as_f64().expect("milliseconds"));
                settle(client).await;
            }
        }
    }
    (clicks, keys)
}

/// 10000 as "10,000".
fn thousands(n: f64) -> String {
    let digits = format!("{n:.0}");
    let mut out = String::new();
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i) % 3 == 0 {
            out.push(',');
        }
        out.push(c);
    }
    out
}

/// Both widgets on one story: `story.loads` cold loads each, alternating so that whatever else
/// the machine does falls on both; then, on the last load's page and unless `link` throttles
/// the network (presses make no requests), the presses.
async fn row(client: &Client, base: &str, story: &Story, link: Option<cdp::Link>, cpu_slowdown: u32, brotli: &mut bytes::Brotli) -> Row {
    let mut samples = [Samples::default(), Samples::default()];
    for round in 0..story.loads {
        for (side, widget) in samples.iter_mut().zip(Widget::BOTH) {
            side.loads.push(load(client, base, story, widget).await);
            if round + 1 == story.loads && link.is_none() {
                (side.clicks, side.keys) = presses(client, widget, story.rounds).await;
            }
        }
    }
    for side in &mut samples {
        side.brotli = side.loads.last().into_iter().flat_map(|l| &l.requests).fold(0.0, |sum, r| sum + brotli.size(&r.url) as f64);
    }
    let events: Vec<f64> = samples.iter().flat_map(|s| &s.loads).map(|l| l.events).collect();
    assert!(events.windows(2).all(|w| w[0] == w[1]), "{}: the widgets show different numbers of events: {events:?}", story.title);
    let [storyline, timelinejs] = samples;
    let presses = if link.is_some() {
        "no presses".to_string()
    } else {
        format!("{} Next clicks and {} → presses", story.rounds * PRESSES, story.rounds * PRESSES)
    };
    let network = match (link.is_some(), cpu_slowdown) {
        (false, _) => "loopback",
        (true, 1) => "slow 4G",
        (true, _) => "slow 4G, CPU 4× slower",
    };
    let cpu = if cpu_slowdown > 1 { format!("-cpu{cpu_slowdown}x") } else { String::new() };
    Row {
        key: format!("{}{}{cpu}", story.key, if link.is_some() { "-slow-4g" } else { "" }),
        heading: format!(
            "{}, {} events, {network}: medians of {} cold loads each, {presses}",
            story.title,
            thousands(events[0]),
            story.loads
        ),
        events: events[0],
        network,
        storyline,
        timelinejs,
    }
}

#[tokio::main(flavor = "current_thread")]
async fn main() {
    let env = |name: &str| std::env::var(name).ok();
    let (Some(webdriver), Some(base), Some(timelinejs), Some(out)) =
        (env("STORYLINE_E2E_WEBDRIVER"), env("STORYLINE_E2E_BASE"), env("STORYLINE_BENCH_TIMELINEJS"), env("STORYLINE_BENCH_OUT"))
    else {
        eprintln!("run this through `cargo xtask bench`, which installs TimelineJS and starts chromedriver and the server");
        std::process::exit(2);
    };
    let profile = std::env::temp_dir().join(format!("storyline-bench-{}", std::process::id()));
    let caps = json!({
        "browserName": "chrome",
        "goog:chromeOptions": {
            "binary": "/usr/bin/chromium",
            "args": ["--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--disable-quic",
                     "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync",
                     // Every host name but 127.0.0.1 fails to resolve: the browser contacts nothing else.
                     "--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE 127.0.0.1",
                     "--window-size=1280,900", format!("--user-data-dir={}", profile.display())]
        }
    });
    let Value::Object(caps) = caps else { unreachable!() };
    let client = ClientBuilder::new(HttpConnector::new()).capabilities(caps).connect(&webdriver).await.expect("a Chromium session");
    // TimelineJS takes tens of seconds over the 10,000-event page; a failure ends the run long before.
    let minutes = Some(Duration::from_secs(600));
    client.update_timeouts(TimeoutConfiguration::new(minutes, minutes, Some(Duration::ZERO))).await.expect("timeouts");
    cdp::on_every_document(&client, probe::RECORDER).await;
    cdp::disable_cache(&client).await;
    let chromium = client.capabilities().and_then(|c| c.get("browserVersion")).and_then(Value::as_str).unwrap_or("?").to_string();
    println!("\nStoryline beside TimelineJS {timelinejs}, in headless Chromium {chromium} at 1280×900, served from 127.0.0.1");
    println!("compressed as a CDN sends it (brotli -q 11 for both). Ratio: Storyline / TimelineJS (below 1, Storyline needs less). Every load is cold.");

    let mut brotli = bytes::Brotli::default();
    let mut rows = Vec::new();
    for story in &STORIES {
        let row = row(&client, &base, story, None, 1, &mut brotli).await;
        row.print();
        rows.push(row);
    }
    let link = cdp::SLOW_4G;
    cdp::emulate(&client, Some(link)).await;
    // A phone on slow 4G: the same link, with the CPU as it is, then four times slower.
    for cpu_slowdown in [1, 4] {
        cdp::slow_cpu(&client, cpu_slowdown).await;
        let throttled = row(&client, &base, &STORIES[0], Some(link), cpu_slowdown, &mut brotli).await;
        throttled.print();
        rows.push(throttled);
    }
    cdp::slow_cpu(&client, 1).await;
    cdp::emulate(&client, None).await;
    println!(
        "  (slow 4G: {} ms round trip, {:.1} Mbit/s down, {:.2} Mbit/s up; every file goes compressed, brotli -q 11, as a CDN sends it)",
        link.latency_ms,
        link.down_bytes_per_s * 8.0 / 1e6,
        link.up_bytes_per_s * 8.0 / 1e6
    );
    let _ = client.close().await;
    // The browser has quit with the session; its profile is of no further use.
    let _ = std::fs::remove_dir_all(&profile);

    let report = json!({
        "chromium": chromium,
        "timelinejs": timelinejs,
        "window": "1280x900",
        "cpus": std::thread::available_parallelism().map(|n| n.get()).unwrap_or(0),
        "slow_4g": {"latency_ms": link.latency_ms, "download_bytes_per_s": link.down_bytes_per_s, "upload_bytes_per_s": link.up_bytes_per_s},
        "notes": [
            "Times are milliseconds from the navigation's start (performance.timeOrigin); every load is cold (cache disabled).",
            "interactive: Storyline's mark storyline:interactive after hydration, TimelineJS's timelinejs:interactive when its first slide is rendered.",
            "still: the first of 3 animation frames in a row without DOM change or running animation, after the load event.",
            "tbt_long_tasks_ms: the sum of (duration - 50 ms) of long tasks from FCP until the task of the interactive mark ends; tbt_long_frames_ms: the same window from long animation frames' blockingDuration, which includes rendering.",
            "click and key: from the press until the next frame is drawn; the animation that follows (TimelineJS's 1 s slide, Storyline's 280 ms glide) is waited out between presses but not timed. Percentiles by nearest rank.",
            "memory: after a forced GC, V8's used heap (Runtime.getHeapUsage usedSize) plus every WebAssembly.Memory's byte length; Blink's heap separately (embedderHeapUsedSize).",
            "bytes: bodies as sent (Resource Timing encodedBodySize: brotli -q 11, as the server compresses every text and wasm file a browser asks it to, as a CDN would) and brotli -q 11 of the same files fetched uncompressed; the browser's favicon request is left out.",
            "slow 4G rows: the network emulated by Chromium (Network.emulateNetworkConditions), once with the CPU as it is and once four times slower (Emulation.setCPUThrottlingRate 4).",
        ],
        "rows": rows.iter().map(Row::json).collect::<Vec<_>>(),
    });
    std::fs::write(&out, serde_json::to_string_pretty(&report).expect("json")).unwrap_or_else(|e| panic!("{out}: {e}"));
    println!("\nWrote {out}");
}
