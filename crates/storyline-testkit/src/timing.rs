//! Timing a deterministic computation for the native benchmarks: several runs, each checked to
//! give exactly what the one before gave, summed up as median, least and most.

use std::fmt;
use std::time::Instant;

pub struct Timed<T> {
    /// What the last run gave.
    pub result: T,
    /// Milliseconds per run, fastest first.
    pub ms: Vec<f64>,
}

/// Runs `f` `runs` times (at least once), timing each run; panics if two runs give different results.
pub fn time_runs<T: PartialEq + fmt::Debug>(runs: usize, mut f: impl FnMut() -> T) -> Timed<T> {
    let mut last: Option<T> = None;
    let mut ms = Vec::with_capacity(runs);
    for _ in 0..runs.max(1) {
        let start = Instant::now();
        let result = f();
        ms.push(start.elapsed().as_secs_f64() * 1e3);
        if let Some(previous) = &last {
            assert_eq!(previous, &result, "the computation is deterministic");
        }
        last = Some(result);
    }
    ms.sort_by(f64::total_cmp);
    Timed { result: last.expect("at least one run"), ms }
}

impl<T> fmt::Display for Timed<T> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let ms = &self.ms;
        write!(f, "median {:>7.2} ms, min {:>7.2} ms, max {:>7.2} ms ({} runs)", ms[ms.len() / 2], ms[0], ms[ms.len() - 1], ms.len())
    }
}
