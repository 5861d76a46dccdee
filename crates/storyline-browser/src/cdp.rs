//! Chrome DevTools Protocol commands, sent through chromedriver (`POST /session/{id}/goog/cdp/execute`)
//! as custom WebDriver commands, since fantoccini has no CDP API: the page's heap, a forced garbage
//! collection, network emulation, and a script installed before any of the page's own.

use fantoccini::wd::WebDriverCompatibleCommand;
use fantoccini::Client;
use serde_json::{json, Value};

/// One CDP command, `cmd` with its `params`, for the session's current page.
#[derive(Debug)]
struct Cdp {
    cmd: &'static str,
    params: Value,
}

impl WebDriverCompatibleCommand for Cdp {
    fn endpoint(&self, base_url: &url::Url, session_id: Option<&str>) -> Result<url::Url, url::ParseError> {
        base_url.join(&format!("session/{}/goog/cdp/execute", session_id.unwrap_or_default()))
    }

    fn method_and_body(&self, _: &url::Url) -> (http::Method, Option<String>) {
        (http::Method::POST, Some(json!({"cmd": self.cmd, "params": self.params}).to_string()))
    }
}

/// Sends `cmd` and returns its result, or why the browser refused it.
pub async fn call(client: &Client, cmd: &'static str, params: Value) -> Result<Value, fantoccini::error::CmdError> {
    client.issue_cmd(Cdp { cmd, params }).await
}

/// Sends `cmd` and returns its result; panics with the command's name when the browser refuses it.
pub async fn send(client: &Client, cmd: &'static str, params: Value) -> Value {
    call(client, cmd, params).await.unwrap_or_else(|e| panic!("CDP {cmd}: {e}"))
}

/// Runs `source` in every document the session opens from now on, before the document's own scripts.
/// Such scripts are not the page's, so a strict Content-Security-Policy does not apply to them.
pub async fn on_every_document(client: &Client, source: &str) {
    send(client, "Page.addScriptToEvaluateOnNewDocument", json!({"source": source})).await;
}

/// Every load starts cold, as a first visit does: no HTTP cache, so no cached compiled code either.
pub async fn disable_cache(client: &Client) {
    send(client, "Network.enable", json!({})).await;
    send(client, "Network.setCacheDisabled", json!({"cacheDisabled": true})).await;
}

/// A network link: round-trip latency and throughput in each direction.
#[derive(Clone, Copy, Debug)]
pub struct Link {
    pub latency_ms: f64,
    pub down_bytes_per_s: f64,
    pub up_bytes_per_s: f64,
}

/// DevTools' "Slow 4G" preset (which Lighthouse calls slow 4G too): 150 ms, 1.6 Mbit/s down,
/// 750 kbit/s up, without the adjustment factors DevTools adds to its request-level emulation.
pub const SLOW_4G: Link = Link { latency_ms: 150.0, down_bytes_per_s: 1_600_000.0 / 8.0, up_bytes_per_s: 750_000.0 / 8.0 };

/// Emulates `link` for every request from now on, or the unthrottled loopback with `None`.
pub async fn emulate(client: &Client, link: Option<Link>) {
    let params = match link {
        Some(l) => {
            json!({"offline": false, "latency": l.latency_ms, "downloadThroughput": l.down_bytes_per_s, "uploadThroughput": l.up_bytes_per_s})
        }
        None => json!({"offline": false, "latency": 0, "downloadThroughput": -1, "uploadThroughput": -1}),
    };
    send(client, "Network.emulateNetworkConditions", params).await;
}

/// Runs the page's CPU `slowdown` times slower (1: as it is), as a phone's would be.
pub async fn slow_cpu(client: &Client, slowdown: u32) {
    send(client, "Emulation.setCPUThrottlingRate", json!({"rate": slowdown})).await;
}

/// The page's memory after a forced garbage collection, in bytes.
#[derive(Clone, Copy, Debug, Default)]
pub struct Memory {
    /// V8's used heap (`Runtime.getHeapUsage`): every JS object of the renderer's isolate.
    pub js_heap: f64,
    /// The byte length of every `WebAssembly.Memory`, that is, the wasm linear memory: outside
    /// V8's heap, so not in `js_heap`.
    pub wasm: f64,
    /// Blink's garbage-collected heap (`embedderHeapUsedSize`): DOM nodes, styles and layout objects.
    pub blink: f64,
}

/// Collects garbage, then reads the heaps. The wasm memory cannot be reached from the page's
/// globals (wasm-bindgen keeps it in a module), so it is found as the heap's objects whose
/// prototype is `WebAssembly.Memory.prototype` (`Runtime.queryObjects`): nothing is added to the widget.
pub async fn memory(client: &Client) -> Memory {
    send(client, "HeapProfiler.collectGarbage", json!({})).await;
    let heap = send(client, "Runtime.getHeapUsage", json!({})).await;
    let prototype = send(client, "Runtime.evaluate", json!({"expression": "WebAssembly.Memory.prototype"})).await;
    let prototype = prototype["result"]["objectId"].clone();
    let memories = send(client, "Runtime.queryObjects", json!({"prototypeObjectId": prototype})).await;
    let memories = memories["objects"]["objectId"].clone();
    let sum = "function () { return this.reduce((bytes, memory) => bytes + memory.buffer.byteLength, 0); }";
    let wasm =
        send(client, "Runtime.callFunctionOn", json!({"objectId": memories, "functionDeclaration": sum, "returnByValue": true})).await;
    for id in [prototype, memories] {
        send(client, "Runtime.releaseObject", json!({"objectId": id})).await;
    }
    let bytes = |v: &Value| v.as_f64().unwrap_or_else(|| panic!("a byte count, not {v}"));
    Memory { js_heap: bytes(&heap["usedSize"]), wasm: bytes(&wasm["result"]["value"]), blink: bytes(&heap["embedderHeapUsedSize"]) }
}
