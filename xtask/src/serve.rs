//! `cargo xtask serve`: install what is missing, build a release, serve the demo news page.

use crate::cmd::project_root;
use crate::{dist, server, tools};

pub fn serve(args: &[String]) -> Result<(), String> {
    let port = match args {
        [] => 8080,
        [flag, value] if flag == "--port" => value.parse().map_err(|_| format!("--port takes a number, not {value:?}"))?,
        _ => return Err("usage: cargo xtask serve [--port N]".into()),
    };
    tools::ensure_build_tools()?;
    dist::build_release()?;
    let root = project_root();
    // A busy port is common when a previous serve still runs: take any free one instead.
    let mounts = server::site_mounts(&root);
    let addr = server::start(port, mounts.clone())
        .or_else(|_| server::start(0, mounts))
        .map_err(|e| format!("could not listen on 127.0.0.1: {e}"))?;
    println!();
    println!("Demo news page:   http://{addr}/");
    println!("The widget alone: http://{addr}/widget/");
    println!("The editor's page (open, check, preview and embed a story): http://{addr}/widget/editor.html");
    println!("Two <story-line> elements on a page with hostile CSS: http://{addr}/hostile.html");
    println!("A page under a strict Content-Security-Policy header:  http://{addr}/strict/");
    println!("Press Ctrl-C to stop.");
    loop {
        std::thread::park();
    }
}
