//! `cargo xtask gen-story --events N --seed S [--out FILE]`: a valid synthetic story for tests and benchmarks.

use storyline_testkit::synth;

const USAGE: &str = "usage: cargo xtask gen-story --events N [--seed S] [--out FILE]";

pub fn gen_story(args: &[String]) -> Result<(), String> {
    let (mut events, mut seed, mut out) = (None, 1u64, None);
    let mut it = args.iter();
    while let Some(flag) = it.next() {
        let value = it.next().ok_or(USAGE)?;
        match flag.as_str() {
            "--events" => events = Some(value.parse::<usize>().map_err(|_| format!("--events takes a number: {USAGE}"))?),
            "--seed" => seed = value.parse().map_err(|_| format!("--seed takes a number: {USAGE}"))?,
            "--out" => out = Some(value.clone()),
            _ => return Err(USAGE.into()),
        }
    }
    let events = events.ok_or(USAGE)?;
    if events > storyline_core::limits::MAX_EVENTS {
        return Err(format!("a story holds at most {} events", storyline_core::limits::MAX_EVENTS));
    }
    let json = serde_json::to_string_pretty(&synth::story(events, seed)).expect("datasets serialize");
    match out {
        Some(path) => {
            std::fs::write(&path, json).map_err(|e| format!("{path}: {e}"))?;
            eprintln!("Wrote {events} events (seed {seed}) to {path}");
        }
        None => println!("{json}"),
    }
    Ok(())
}
