//! `cargo xtask bench`: the benchmarks, each printing its figures. Native ones first (parse and
//! validate, the actor map's layout), then Storyline beside TimelineJS3 in one headless Chromium,
//! against the served release build (`crates/storyline-browser/benches/browser/`), which also writes `target/bench.json`.

use crate::cmd::{project_root, run};
use crate::engine::{Driver, Engine};
use crate::{dist, server, tools};
use std::process::Command;

pub fn bench(args: &[String]) -> Result<(), String> {
    if !args.is_empty() {
        return Err("usage: cargo xtask bench".into());
    }
    tools::ensure_test_tools()?;
    let timelinejs = tools::ensure_timelinejs()?;
    println!("Native benchmarks (optimised build, this machine):");
    run(Command::new("cargo")
        .args(["bench", "--quiet", "--package", "storyline-core", "--bench", "parse_validate", "--bench", "graph_layout", "--bench", "group_layout"])
        .current_dir(project_root()))?;
    dist::build_release()?;
    storyline_browser::fixtures::write(&dist::publish)?;
    let addr = server::start(0, server::site_mounts(&project_root())).map_err(|e| e.to_string())?;
    let driver = Driver::start(Engine::Chromium)?;
    run(Command::new("cargo")
        .args(["bench", "--quiet", "--package", "storyline-browser", "--features", "driver", "--bench", "browser"])
        .env("STORYLINE_E2E_WEBDRIVER", driver.url())
        .env("STORYLINE_E2E_BASE", format!("http://{addr}"))
        .env("STORYLINE_BENCH_TIMELINEJS", timelinejs)
        .env("STORYLINE_BENCH_OUT", project_root().join("target/bench.json"))
        .current_dir(project_root()))
}
