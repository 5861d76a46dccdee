//! Core must stay pure: it is logic over plain data, never the DOM.

use std::process::Command;

#[test]
fn core_depends_on_no_browser_or_ui_crate() {
    let out = Command::new(env!("CARGO"))
        .args(["tree", "--package", "storyline-core", "--edges", "normal,build", "--prefix", "none", "--offline"])
        .args(["--target", "all"])
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .output()
        .expect("cargo tree runs");
    assert!(out.status.success(), "cargo tree failed: {}", String::from_utf8_lossy(&out.stderr));
    let tree = String::from_utf8(out.stdout).expect("utf-8");
    let crates: Vec<&str> = tree.lines().filter_map(|l| l.split_whitespace().next()).collect();
    assert!(crates.contains(&"storyline-core"), "the tree lists core itself:\n{tree}");
    for forbidden in ["yew", "web-sys", "js-sys", "wasm-bindgen", "gloo"] {
        assert!(
            !crates.iter().any(|c| *c == forbidden || c.starts_with(&format!("{forbidden}-"))),
            "storyline-core must not depend on {forbidden}:\n{tree}"
        );
    }
}
