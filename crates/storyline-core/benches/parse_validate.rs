//! Prints how long parsing and validating a 10,000-event story takes natively (`cargo xtask bench`).

use std::time::Instant;
use storyline_core::load;
use storyline_testkit::synth;

fn main() {
    for events in [1_000, 10_000] {
        let json = serde_json::to_string(&synth::story(events, 1)).expect("serializes");
        let mut times: Vec<f64> = (0..25)
            .map(|_| {
                let start = Instant::now();
                let loaded = load(&json).expect("a synthetic story is valid");
                let elapsed = start.elapsed().as_secs_f64() * 1e3;
                assert_eq!(loaded.dataset.events.len(), events);
                elapsed
            })
            .collect();
        times.sort_by(f64::total_cmp);
        println!(
            "parse+validate {events:>6} events ({:>5} KB of JSON): median {:>6.2} ms, min {:>6.2} ms, max {:>6.2} ms (25 runs)",
            json.len() / 1024,
            times[times.len() / 2],
            times[0],
            times[times.len() - 1]
        );
    }
}
