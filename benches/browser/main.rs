//! Prints the widget's figures in headless Chromium at 20, 1,000 and 10,000 events (`cargo xtask bench`):
//! time to render, the latency of one click and of one key press, and the DOM node count.
//!
//! `cargo xtask bench` builds the release, serves it on 127.0.0.1 and starts chromedriver,
//! passing STORYLINE_E2E_WEBDRIVER and STORYLINE_E2E_BASE, as for the e2e tests.

use fantoccini::{ClientBuilder, Locator};
use hyper_util::client::legacy::connect::HttpConnector;
use serde_json::{json, Value};

/// Clicks Next (or presses → on the focused marker) and resolves, after the next frame has
/// been drawn, with the milliseconds this took: the latency a reader feels.
const MEASURE: &str = r#"
const [kind, done] = arguments;
const root = document.querySelector('.storyline');
const t0 = performance.now();
if (kind === 'click') {
  root.querySelector('.sl-next').click();
} else {
  const marker = root.querySelector("[role='button'][aria-current='true']");
  marker.focus();
  marker.dispatchEvent(new KeyboardEvent('keydown', { key: 'ArrowRight', bubbles: true }));
}
requestAnimationFrame(() => setTimeout(() => done(performance.now() - t0), 0));
"#;

fn median(mut v: Vec<f64>) -> f64 {
    v.sort_by(f64::total_cmp);
    v[v.len() / 2]
}

#[tokio::main(flavor = "current_thread")]
async fn main() {
    let (Ok(webdriver), Ok(base)) = (std::env::var("STORYLINE_E2E_WEBDRIVER"), std::env::var("STORYLINE_E2E_BASE")) else {
        eprintln!("run this through `cargo xtask bench`, which starts chromedriver and the server");
        std::process::exit(2);
    };
    let profile = std::env::temp_dir().join(format!("storyline-bench-{}", std::process::id()));
    let caps = json!({
        "browserName": "chrome",
        "goog:chromeOptions": {
            "binary": "/usr/bin/chromium",
            "args": ["--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--disable-quic",
                     "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync",
                     "--window-size=1280,900", format!("--user-data-dir={}", profile.display())]
        }
    });
    let Value::Object(caps) = caps else { unreachable!() };
    let client = ClientBuilder::new(HttpConnector::new()).capabilities(caps).connect(&webdriver).await.expect("a Chromium session");
    println!("\nThe widget in headless Chromium (median of 15 runs each; prefers-reduced-motion off):");
    println!("{:>8} {:>12} {:>12} {:>12} {:>10}", "events", "render ms", "click ms", "key ms", "DOM nodes");
    for n in [20, 1_000, 10_000] {
        let mut renders = Vec::new();
        for _ in 0..3 {
            client.goto("about:blank").await.expect("blank");
            client.goto(&format!("{base}/fixtures/story-{n}.html")).await.expect("load");
            client.wait().for_element(Locator::Css(".storyline[data-ready]")).await.expect("ready");
            let t = client
                .execute("return performance.getEntriesByName('storyline:interactive')[0].startTime", vec![])
                .await
                .expect("the interactive mark");
            renders.push(t.as_f64().unwrap_or(f64::NAN));
        }
        let mut clicks = Vec::new();
        let mut keys = Vec::new();
        for _ in 0..15 {
            clicks.push(client.execute_async(MEASURE, vec![json!("click")]).await.expect("click").as_f64().unwrap_or(f64::NAN));
            keys.push(client.execute_async(MEASURE, vec![json!("key")]).await.expect("key").as_f64().unwrap_or(f64::NAN));
        }
        let nodes = client.execute("return document.getElementsByTagName('*').length", vec![]).await.expect("nodes");
        println!(
            "{n:>8} {:>12.1} {:>12.1} {:>12.1} {:>10}",
            median(renders),
            median(clicks),
            median(keys),
            nodes.as_u64().unwrap_or(0)
        );
    }
    let _ = client.close().await;
}
