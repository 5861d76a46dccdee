//! `cargo xtask <task>`: the project's tasks, in Rust so they run wherever cargo does.

mod bench;
mod bundle;
mod cmd;
mod dist;
mod engine;
mod gen_story;
mod serve;
mod server;
mod size;
mod test;
mod tools;

const USAGE: &str = "usage: cargo xtask <task>

tasks:
  build              install the build tools if missing, build the release into dist/
  serve [--port N]   install what is missing, build a release, serve the demo news page
  test               install what is missing, run every test layer in Chromium, Firefox and WebKit
       [--layer native|wasm|e2e] [--engine chromium|firefox|webkit]   only these, while working on one
  bundle             build a release and the storyline CLI into target/bundle/storyline-<version>/
                     (and a .tar.gz of it): what a newsroom downloads to publish stories
  size               build a release and print (and write target/size.json) the bytes of dist/
  bench              print the benchmarks' figures: parse + validate and map layout natively, then
                     Storyline beside TimelineJS3 in headless Chromium (also target/bench.json)
  gen-story --events N [--seed S] [--out FILE]
                     write a valid synthetic story (stdout by default)";

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let result = match args.first().map(String::as_str) {
        Some("build") if args.len() == 1 => tools::ensure_build_tools().and_then(|()| dist::build_release()),
        Some("serve") => serve::serve(&args[1..]),
        Some("test") => test::test(&args[1..]),
        Some("bundle") => bundle::bundle(&args[1..]),
        Some("size") => size::size(&args[1..]),
        Some("bench") => bench::bench(&args[1..]),
        Some("gen-story") => gen_story::gen_story(&args[1..]),
        Some("-h" | "--help" | "help") => {
            println!("{USAGE}");
            Ok(())
        }
        _ => Err(USAGE.to_string()),
    };
    if let Err(e) = result {
        eprintln!("xtask: {e}");
        std::process::exit(1);
    }
}
