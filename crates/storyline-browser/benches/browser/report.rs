//! From samples to the reported figures: medians and percentiles, the blocking times, the printed
//! table (Storyline | TimelineJS | ratio) and the rows of `target/bench.json`.

use storyline_browser::cdp::Memory;
use serde_json::{json, Map, Value};

/// One request of a page, as Resource Timing reports it.
#[derive(Clone, Debug)]
pub struct Request {
    pub url: String,
    /// Bytes on the wire, headers included.
    pub transfer: f64,
    /// The body as sent: our server does not compress, so these are the file's bytes.
    pub body: f64,
}

/// The figures of one cold load, in milliseconds from the navigation's start, and bytes.
#[derive(Clone, Debug)]
pub struct Load {
    pub fcp: f64,
    pub interactive: f64,
    /// When the page stopped changing (no DOM change nor animation for a few frames), if it did.
    pub still: Option<f64>,
    /// Long tasks: (start, duration).
    pub long_tasks: Vec<(f64, f64)>,
    /// Long animation frames: (start, duration, blocking duration).
    pub long_frames: Vec<(f64, f64, f64)>,
    pub requests: Vec<Request>,
    pub elements: f64,
    pub events: f64,
    pub memory: Memory,
}

impl Load {
    /// Total blocking time as Lighthouse counts it, from long tasks: each task's time beyond 50 ms,
    /// between the first contentful paint and the end of the task that made the interactive mark
    /// (a task straddling FCP counts from FCP). Long tasks leave out rendering (style, layout, paint).
    pub fn tbt_long_tasks(&self) -> f64 {
        self.long_tasks
            .iter()
            .filter(|(start, duration)| *start <= self.interactive && start + duration > self.fcp)
            .map(|(start, duration)| (start + duration - start.max(self.fcp) - 50.0).max(0.0))
            .fold(0.0, |sum, t| sum + t)
    }

    /// The same window, from long animation frames, whose blocking duration adds each frame's
    /// rendering to its longest task: the blocking that long tasks do not show. Frames are not clipped at FCP.
    pub fn tbt_long_frames(&self) -> f64 {
        self.long_frames
            .iter()
            .filter(|(start, duration, _)| *start <= self.interactive && start + duration > self.fcp)
            .fold(0.0, |sum, (_, _, blocking)| sum + blocking)
    }
}

// Sums start from 0.0 with `fold`: `Sum` for f64 starts from -0.0, which would print as "-0".

/// Everything measured of one widget on one story.
#[derive(Default)]
pub struct Samples {
    pub loads: Vec<Load>,
    pub clicks: Vec<f64>,
    pub keys: Vec<f64>,
    /// `brotli -q 11` of every request's body, summed.
    pub brotli: f64,
}

/// The `p`-quantile by nearest rank (the smallest sample with at least `p` of them at or below it), if any.
pub fn percentile(samples: &[f64], p: f64) -> Option<f64> {
    let mut sorted = samples.to_vec();
    sorted.sort_by(f64::total_cmp);
    let rank = ((p * sorted.len() as f64).ceil() as usize).max(1);
    sorted.get(rank - 1).copied()
}

fn median_of(loads: &[Load], figure: impl Fn(&Load) -> f64) -> Option<f64> {
    percentile(&loads.iter().map(figure).collect::<Vec<_>>(), 0.5)
}

/// How a figure is printed; JSON keeps the base unit (ms, bytes, a count).
#[derive(Clone, Copy)]
enum Unit {
    Count,
    KiloBytes,
    MegaBytes,
    Ms,
    MsFine,
}

struct Figure {
    key: &'static str,
    label: &'static str,
    unit: Unit,
    value: Option<f64>,
}

/// The figures of one widget, in the table's order. Requests, bytes and elements are the last
/// load's (they do not vary); times and memory are medians over the loads.
fn figures(s: &Samples) -> Vec<Figure> {
    let last = s.loads.last().expect("at least one load");
    let median = |f: &dyn Fn(&Load) -> f64| median_of(&s.loads, f);
    let still: Vec<f64> = s.loads.iter().filter_map(|l| l.still).collect();
    let figure = |key, label, unit, value| Figure { key, label, unit, value };
    vec![
        figure("requests", "requests", Unit::Count, Some(last.requests.len() as f64)),
        figure("bytes_sent", "bytes, as sent (KB)", Unit::KiloBytes, Some(last.requests.iter().fold(0.0, |sum, r| sum + r.body))),
        figure("bytes_brotli", "bytes, brotli -q 11 (KB)", Unit::KiloBytes, Some(s.brotli)),
        figure("fcp_ms", "first contentful paint (ms)", Unit::Ms, median(&|l| l.fcp)),
        figure("interactive_ms", "interactive: the widget's mark (ms)", Unit::Ms, median(&|l| l.interactive)),
        figure(
            "still_ms",
            "still: no DOM change for 3 frames (ms)",
            Unit::Ms,
            (still.len() == s.loads.len()).then(|| percentile(&still, 0.5)).flatten(),
        ),
        figure("tbt_long_tasks_ms", "total blocking time, long tasks (ms)", Unit::Ms, median(&|l| l.tbt_long_tasks())),
        figure("tbt_long_frames_ms", "  the same with rendering, LoAF (ms)", Unit::Ms, median(&|l| l.tbt_long_frames())),
        figure("click_median_ms", "Next click, median (ms)", Unit::MsFine, percentile(&s.clicks, 0.5)),
        figure("click_p95_ms", "Next click, p95 (ms)", Unit::MsFine, percentile(&s.clicks, 0.95)),
        figure("key_median_ms", "→ key, median (ms)", Unit::MsFine, percentile(&s.keys, 0.5)),
        figure("key_p95_ms", "→ key, p95 (ms)", Unit::MsFine, percentile(&s.keys, 0.95)),
        figure("memory_bytes", "JS heap + wasm memory (MB)", Unit::MegaBytes, median(&|l| l.memory.js_heap + l.memory.wasm)),
        figure("wasm_memory_bytes", "  of which wasm memory (MB)", Unit::MegaBytes, median(&|l| l.memory.wasm)),
        figure("blink_heap_bytes", "Blink heap: DOM, style, layout (MB)", Unit::MegaBytes, median(&|l| l.memory.blink)),
        figure("dom_elements", "DOM elements", Unit::Count, Some(last.elements)),
    ]
}

/// Storyline's figure over TimelineJS's, when both exist and the divisor is not zero.
fn ratio(storyline: Option<f64>, timelinejs: Option<f64>) -> Option<f64> {
    match (storyline, timelinejs) {
        (Some(s), Some(t)) if t > 0.0 => Some(s / t),
        _ => None,
    }
}

fn show(unit: Unit, value: Option<f64>) -> String {
    match value {
        None => "–".into(),
        Some(v) => match unit {
            Unit::Count => format!("{v:.0}"),
            Unit::KiloBytes => format!("{:.1}", v / 1e3),
            Unit::MegaBytes => format!("{:.2}", v / 1e6),
            Unit::Ms => format!("{v:.0}"),
            Unit::MsFine => format!("{v:.1}"),
        },
    }
}

/// One table row of the report: a story under one network, both widgets' samples.
pub struct Row {
    pub key: String,
    pub heading: String,
    pub events: f64,
    pub network: &'static str,
    pub storyline: Samples,
    pub timelinejs: Samples,
}

impl Row {
    /// Prints the row's table: one line per figure, Storyline, TimelineJS and their ratio.
    pub fn print(&self) {
        println!("\n{}", self.heading);
        println!("{:<40} {:>11} {:>11} {:>8}", "", "Storyline", "TimelineJS", "ratio");
        for (s, t) in figures(&self.storyline).iter().zip(figures(&self.timelinejs)) {
            let ratio = ratio(s.value, t.value).map_or("–".into(), |r| format!("{r:.2}"));
            println!("{:<40} {:>11} {:>11} {:>8}", s.label, show(s.unit, s.value), show(t.unit, t.value), ratio);
        }
    }

    /// The row for `target/bench.json`: both widgets' figures in base units, their ratios, the
    /// requests each page made, and the raw samples of every load and press.
    pub fn json(&self) -> Value {
        let (s, t) = (figures(&self.storyline), figures(&self.timelinejs));
        let values = |figures: &[Figure]| figures.iter().map(|f| (f.key.to_string(), json!(f.value))).collect::<Map<_, _>>();
        let ratios = s.iter().zip(&t).map(|(s, t)| (s.key.to_string(), json!(ratio(s.value, t.value)))).collect::<Map<_, _>>();
        let samples = |samples: &Samples| {
            json!({
                "requests": samples.loads.last().map(|l| l.requests.iter().map(|r| json!({"url": r.url, "transfer": r.transfer, "body": r.body})).collect::<Vec<_>>()),
                "loads": samples.loads.iter().map(|l| json!({
                    "fcp_ms": l.fcp, "interactive_ms": l.interactive, "still_ms": l.still,
                    "tbt_long_tasks_ms": l.tbt_long_tasks(), "tbt_long_frames_ms": l.tbt_long_frames(),
                    "long_tasks": l.long_tasks, "long_frames": l.long_frames,
                    "js_heap_bytes": l.memory.js_heap, "wasm_memory_bytes": l.memory.wasm, "blink_heap_bytes": l.memory.blink,
                })).collect::<Vec<_>>(),
                "clicks_ms": samples.clicks,
                "keys_ms": samples.keys,
            })
        };
        json!({
            "story": self.key,
            "events": self.events,
            "network": self.network,
            "storyline": values(&s),
            "timelinejs": values(&t),
            "ratio": ratios,
            "samples": {"storyline": samples(&self.storyline), "timelinejs": samples(&self.timelinejs)},
        })
    }
}
