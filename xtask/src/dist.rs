//! Builds the release widget into `dist/`: Trunk compiles it offline with the pinned tools, then
//! this module finishes what Trunk leaves (the loader and the integrity hashes), and the widget's
//! own page is published from the built-in story by `storyline publish`, as a newsroom would.
//!
//! Trunk's own loader is an inline script, which a strict Content Security Policy forbids, so
//! Trunk.toml turns it off and `finish` writes `storyline.js` instead: wasm-bindgen's glue with
//! `assets/loader.js` after it, as one module (one request, one hash). The glue goes inside a
//! function, `storylineGlue()`, so that the loader can start a second, independent copy of the
//! WebAssembly after a fault (see `assets/loader.js`). Every hash is computed here, from the
//! bytes that ship.

use crate::cmd::{capture, project_root, run};
use base64::Engine as _;
use sha2::{Digest, Sha384};
use std::path::Path;
use std::process::Command;

/// The glue wasm-bindgen writes for the widget, and the functions the loader calls in it.
const GLUE: &str = "storyline-widget.js";
const GLUE_EXPORTS: [&str; 3] = ["mountStory", "showProblems", "showUnreachable"];

/// The second module (`crates/storyline-import`), which the loader starts only when a story
/// needs `accept`'s full reading: its package, the wasm it becomes in `dist/`, and its glue's export.
const IMPORT_PACKAGE: &str = "storyline-import";
pub const IMPORT_WASM: &str = "storyline-import_bg.wasm";
const IMPORT_EXPORTS: [&str; 1] = ["acceptStory"];

/// The editor's page (`assets/editor/`, served as `editor.html`) and its own module
/// (`crates/storyline-editor`), which no reader downloads: the page, its script, stylesheet and
/// preview frame, the module's glue as wasm-bindgen writes it, and its wasm.
const EDITOR_PACKAGE: &str = "storyline-editor";
const EDITOR_GLUE: &str = "storyline-editor.js";
const EDITOR_WASM: &str = "storyline-editor_bg.wasm";
/// Every file of the editor's page in `dist/`: first those copied from `assets/editor/`, then the module's.
pub const EDITOR_FILES: [&str; 7] = ["editor.html", "editor.js", "editor.css", "editor-preview.html", "editor-preview.js", EDITOR_GLUE, EDITOR_WASM];
const EDITOR_PAGE_FILES: usize = 5;

/// Whether a file of `dist/` is the editor's, which `cargo xtask size` reports apart from the reader's.
pub fn is_editor_file(path: &str) -> bool {
    EDITOR_FILES.contains(&path)
}

/// What wasm-opt may use, as Trunk is told for the widget (`data-wasm-opt-params` in index.html).
/// The widget also gets a second -Oz and `--low-memory-unused` there, which shrink its brotli;
/// they make the import module's larger, so the modules built here go without them.
const WASM_OPT_FEATURES: [&str; 5] =
    ["--enable-bulk-memory", "--enable-nontrapping-float-to-int", "--enable-sign-ext", "--enable-mutable-globals", "--enable-reference-types"];
/// The built-in story, which the widget's own page (`dist/index.html`) shows.
pub const BUILT_IN_STORY: &str = "assets/stories/north-korea-troops-russia.json";

/// `trunk build --release`, then `finish`, then `storyline publish` of the built-in story into `dist/`.
pub fn build_release() -> Result<(), String> {
    println!("Building the release widget into dist/");
    let root = project_root();
    run(Command::new("trunk").args(["build", "--release"]).current_dir(&root))?;
    let dist = root.join("dist");
    let import_glue = build_module(&root, &dist, IMPORT_PACKAGE, IMPORT_WASM)?;
    finish(&dist, &std::fs::read_to_string(root.join("assets/loader.js")).map_err(|e| e.to_string())?, &import_glue)?;
    add_editor(&root, &dist)?;
    publish(&[BUILT_IN_STORY, "--out", "dist", "--widget", "dist"])?;
    compress(&dist)
}

/// Builds a module of the workspace as Trunk builds the widget (release, wasm-bindgen for the
/// web, wasm-opt -Oz), puts its wasm into `dist/` as `wasm`, and returns its glue.
fn build_module(root: &Path, dist: &Path, package: &str, wasm: &str) -> Result<String, String> {
    println!("Building the module {package}");
    run(Command::new("cargo").args(["build", "--release", "--target", "wasm32-unknown-unknown", "--package", package]).current_dir(root))?;
    let target = std::env::var_os("CARGO_TARGET_DIR").map_or_else(|| root.join("target"), |dir| root.join(dir));
    let name = package.replace('-', "_");
    let built = target.join(format!("wasm32-unknown-unknown/release/{name}.wasm"));
    let out = target.join(format!("{package}-bindgen"));
    run(Command::new("wasm-bindgen").arg(&built).args(["--target", "web", "--no-typescript", "--out-dir"]).arg(&out))?;
    run(Command::new("wasm-opt").arg("-Oz").args(WASM_OPT_FEATURES).arg(out.join(format!("{name}_bg.wasm"))).arg("-o").arg(dist.join(wasm)))?;
    read(&out.join(format!("{name}.js")))
}

/// The editor's page beside the widget's files (its preview loads `storyline.js`, and its
/// `<story-line>` code names it with the integrity written here), with its own module.
fn add_editor(root: &Path, dist: &Path) -> Result<(), String> {
    let glue = build_module(root, dist, EDITOR_PACKAGE, EDITOR_WASM)?;
    write(&dist.join(EDITOR_GLUE), &glue)?;
    let js_sri = integrity(&std::fs::read(dist.join("storyline.js")).map_err(|e| e.to_string())?);
    for file in &EDITOR_FILES[..EDITOR_PAGE_FILES] {
        let text = read(&root.join("assets/editor").join(file))?;
        let text = if *file == "editor.js" { fill(&text, "@JS_INTEGRITY@", &js_sri, "assets/editor/editor.js")? } else { text };
        write(&dist.join(file), &text)?;
    }
    Ok(())
}

/// The files of `dist/` that are sent compressed: everything but the compressed copies themselves.
const COMPRESSED: [&str; 5] = ["html", "js", "wasm", "css", "txt"];

/// Writes a brotli (`.br`, quality 11) and a gzip (`.gz`, level 9) copy beside each file of
/// `dist`, for servers that send what was compressed ahead (nginx's `brotli_static` and
/// `gzip_static`, a CDN's origin, and `cargo xtask serve`).
pub fn compress(dist: &Path) -> Result<(), String> {
    for entry in std::fs::read_dir(dist).map_err(|e| format!("{}: {e}", dist.display()))? {
        let path = entry.map_err(|e| e.to_string())?.path();
        if path.is_file() && path.extension().and_then(|e| e.to_str()).is_some_and(|e| COMPRESSED.contains(&e)) {
            run(Command::new("brotli").args(["-q", "11", "-f", "-k"]).arg(&path))?;
            run(Command::new("gzip").args(["-9", "-n", "-f", "-k"]).arg(&path))?;
        }
    }
    Ok(())
}

/// Runs `storyline publish` with `args` (the CLI, built natively: no wasm toolchain), from the
/// project's root; returns what it printed.
pub fn publish(args: &[&str]) -> Result<String, String> {
    capture(Command::new("cargo").args(["run", "--quiet", "--package", "storyline-cli", "--", "publish"]).args(args).current_dir(project_root()))
}

/// A Subresource Integrity value: `sha384-` and the base64 digest.
pub fn integrity(bytes: &[u8]) -> String {
    format!("sha384-{}", base64::engine::general_purpose::STANDARD.encode(Sha384::digest(bytes)))
}

fn read(path: &Path) -> Result<String, String> {
    std::fs::read_to_string(path).map_err(|e| format!("{}: {e}", path.display()))
}

fn write(path: &Path, text: &str) -> Result<(), String> {
    std::fs::write(path, text).map_err(|e| format!("{}: {e}", path.display()))
}

/// Replaces `placeholder`, which must occur, in `text`.
fn fill(text: &str, placeholder: &str, value: &str, file: &str) -> Result<String, String> {
    if !text.contains(placeholder) {
        return Err(format!("{file} has no {placeholder} to fill in"));
    }
    Ok(text.replace(placeholder, value))
}

/// wasm-bindgen's glue (an ES module) as the body of `function <name>()`: each call makes a copy
/// with its own state, ready to start its own instance of the WebAssembly. Its exports become
/// plain declarations; the function returns `__wbg_init`, the `exports` the loader calls, the
/// instance's `memory` (for the e2e memory soak), and `retire()`, which cuts the copy off from
/// its instance for good: every later call from it (a listener the dead widget left on the
/// window, a finalizer) then does nothing, instead of running the WebAssembly that faulted.
fn glue_factory(glue: &str, name: &str, exports: &[&str]) -> Result<String, String> {
    let needs = ["async function __wbg_init(", "wasm = instance.exports;"].into_iter().map(str::to_string);
    let needs = needs.chain(exports.iter().map(|e| format!("export function {e}(")));
    if let Some(missing) = needs.into_iter().find(|n| !glue.contains(n.as_str())) {
        return Err(format!("the glue of {name} no longer contains `{missing}`, which assets/loader.js relies on"));
    }
    let mut body = String::with_capacity(glue.len() + 512);
    for line in glue.lines() {
        let line = match line.strip_prefix("export ") {
            // `export { initSync, __wbg_init as default };`: the loader calls them by name.
            Some(list) if list.starts_with('{') => continue,
            Some(declaration) => declaration,
            None => line,
        };
        // Not indented: the file ships, and four spaces on each of its thousand lines weigh 4 KB.
        body.push_str(line);
        body.push('\n');
    }
    if body.lines().any(|l| l.trim_start().starts_with("import ")) {
        return Err(format!("the glue of {name} now imports modules, which a function body cannot"));
    }
    let exported: String = exports.iter().map(|e| format!("        {e},\n")).collect();
    Ok(format!(
        "/** A fresh copy of wasm-bindgen's glue, with state of its own (`xtask/src/dist.rs`). */\n\
         function {name}() {{\n{body}\
         \x20   return {{\n\
         \x20       __wbg_init,\n\
         {exported}\
         \x20       memory: () => wasm.memory,\n\
         \x20       retire() {{\n\
         \x20           const memory = wasm?.memory;\n\
         \x20           wasm = new Proxy({{}}, {{ get: (_, name) => (name === \"memory\" ? memory : () => 0) }});\n\
         \x20       }},\n\
         \x20   }};\n\
         }}\n"
    ))
}

/// `storyline.js` as it ships: without comment lines, blank lines and indentation, which the
/// reader would download for nothing (a quarter of its brotli bytes). Only whole lines go, and
/// nothing inside a template literal (a backtick string may span lines), so no code changes:
/// a line that starts with `//` or a comment block that starts a line cannot be inside a string.
fn without_comments(js: &str) -> Result<String, String> {
    let mut out = String::with_capacity(js.len());
    let (mut in_block, mut in_template) = (false, false);
    for line in js.lines() {
        let text = line.trim();
        if in_template {
            out.push_str(line);
            out.push('\n');
        } else if in_block || text.starts_with("/*") {
            // A comment block: dropped up to its end; code after the end on the same line stays.
            let from = if in_block { 0 } else { 2 };
            match text[from..].find("*/") {
                None => in_block = true,
                Some(end) => {
                    in_block = false;
                    let rest = text[from + end + 2..].trim();
                    if !rest.is_empty() {
                        out.push_str(rest);
                        out.push('\n');
                    }
                }
            }
            continue;
        } else if text.is_empty() || text.starts_with("//") {
            continue;
        } else {
            // Only the indentation goes: trailing spaces may open a template literal's text.
            out.push_str(line.trim_start());
            out.push('\n');
        }
        // An odd number of unescaped backticks opens or closes a template literal.
        let ticks = line.as_bytes().iter().enumerate().filter(|&(i, &b)| b == b'`' && (i == 0 || line.as_bytes()[i - 1] != b'\\')).count();
        in_template ^= ticks % 2 == 1;
    }
    // A template literal or comment left open means a backtick or `*/` this reading mistook:
    // stop rather than ship a script whose strings may have changed.
    if in_template || in_block {
        return Err("storyline.js: a template literal or a comment does not close where expected; its comments were not removed".into());
    }
    Ok(out)
}

/// The stylesheet as readers get it: its comments (a quarter of its bytes, written for the people
/// who edit it) and its indentation removed. Quoted strings are kept as they are, whatever they hold.
fn css_without_comments(css: &str) -> Result<String, String> {
    let mut kept = String::with_capacity(css.len());
    let mut rest = css;
    while let Some(at) = rest.find(['/', '"', '\'']) {
        let (before, from) = rest.split_at(at);
        kept.push_str(before);
        if let Some(comment) = from.strip_prefix("/*") {
            let end = comment.find("*/").ok_or("storyline.css: a comment does not close")?;
            rest = &comment[end + 2..];
        } else if let Some(after) = from.strip_prefix('/') {
            kept.push('/');
            rest = after;
        } else {
            let quote = &from[..1];
            let end = from[1..].find(quote).ok_or("storyline.css: a string does not close")?;
            kept.push_str(&from[..end + 2]);
            rest = &from[end + 2..];
        }
    }
    kept.push_str(rest);
    Ok(kept.lines().map(str::trim).filter(|l| !l.is_empty()).map(|l| format!("{l}\n")).collect())
}

/// Joins the two glues and the loader into `storyline.js`, fills in the hashes the loader
/// checks, and lists every file's hash in `integrity.txt`.
pub fn finish(dist: &Path, loader: &str, import_glue: &str) -> Result<(), String> {
    let glue = read(&dist.join(GLUE))?;
    let wasm = std::fs::read(dist.join("storyline-widget_bg.wasm")).map_err(|e| e.to_string())?;
    let import = std::fs::read(dist.join(IMPORT_WASM)).map_err(|e| e.to_string())?;
    let css = css_without_comments(&read(&dist.join("storyline.css"))?)?;
    write(&dist.join("storyline.css"), &css)?;
    let (wasm_sri, import_sri, css_sri) = (integrity(&wasm), integrity(&import), integrity(css.as_bytes()));

    let script = format!(
        "{}\n{}\n{loader}",
        glue_factory(&glue, "storylineGlue", &GLUE_EXPORTS)?,
        glue_factory(import_glue, "storylineImportGlue", &IMPORT_EXPORTS)?
    );
    let script = fill(&script, "@WASM_INTEGRITY@", &wasm_sri, "assets/loader.js")?;
    let script = fill(&script, "@IMPORT_INTEGRITY@", &import_sri, "assets/loader.js")?;
    let script = without_comments(&fill(&script, "@CSS_INTEGRITY@", &css_sri, "assets/loader.js")?)?;
    write(&dist.join("storyline.js"), &script)?;
    // The glue now lives inside storyline.js; a second copy would only invite a mismatch.
    std::fs::remove_file(dist.join(GLUE)).map_err(|e| e.to_string())?;
    let js_sri = integrity(script.as_bytes());

    let embed_sri = integrity(&std::fs::read(dist.join("embed.js")).map_err(|e| e.to_string())?);
    let list = [("storyline.js", &js_sri), ("storyline-widget_bg.wasm", &wasm_sri), (IMPORT_WASM, &import_sri), ("storyline.css", &css_sri), ("embed.js", &embed_sri)]
        .iter()
        .map(|(file, sri)| format!("{sri}  {file}\n"))
        .collect::<String>();
    write(&dist.join("integrity.txt"), &list)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_stylesheet_loses_its_comments_and_indentation_but_not_its_strings() {
        let css = "/* Colours.\n   Two lines. */\n:host { --a: #fff; }\n\n.x {\n  content: \"/* not a comment */\";\n  background: url(a/b.png); /* why */\n}\n";
        assert_eq!(css_without_comments(css).unwrap(), ":host { --a: #fff; }\n.x {\ncontent: \"/* not a comment */\";\nbackground: url(a/b.png);\n}\n");
        assert!(css_without_comments("a { } /* open").is_err());
    }

    #[test]
    fn integrity_is_the_base64_sha384_of_the_bytes() {
        // The empty input's SHA-384, as published in FIPS 180-4's examples and by `openssl dgst -sha384 -binary | base64`.
        assert_eq!(integrity(b""), "sha384-OLBgp1GsljhM2TJ+sbHjaiH9txEUvgdDTAzHv2P24donTt6/529l+9Ua0vFImLlb");
    }

    const GLUE_SAMPLE: &str = "export class Widget {\n}\nlet wasm;\nfunction __wbg_finalize_init(instance) {\n    wasm = instance.exports;\n}\n\
        async function __wbg_init(module_or_path) {\n}\n\
        export function mountStory(root) {\n    return wasm.mountStory(root);\n}\nexport { initSync, __wbg_init as default };\n";

    #[test]
    fn the_glue_becomes_a_function_that_returns_what_the_loader_calls() {
        let factory = glue_factory(GLUE_SAMPLE, "storylineGlue", &["mountStory"]).unwrap();
        assert!(factory.starts_with("/**"), "{factory}");
        assert!(factory.contains("function storylineGlue() {\nclass Widget {"), "{factory}");
        assert!(factory.contains("\nfunction mountStory(root) {"), "{factory}");
        assert!(!factory.lines().any(|l| l.trim_start().starts_with("export ")), "an export is left inside a function body:\n{factory}");
        assert!(factory.contains("return {\n        __wbg_init,\n        mountStory,\n        memory: () => wasm.memory,\n        retire() {"), "{factory}");
        assert!(factory.trim_end().ends_with('}'), "{factory}");
    }

    #[test]
    fn a_glue_that_imports_modules_is_refused() {
        let glue = format!("import {{ x }} from './snippets/a.js';\n{GLUE_SAMPLE}");
        assert!(glue_factory(&glue, "storylineGlue", &["mountStory"]).is_err());
    }

    #[test]
    fn a_glue_without_a_function_the_loader_calls_is_refused() {
        let err = glue_factory(GLUE_SAMPLE, "storylineGlue", &["mountStory", "showProblems"]).unwrap_err();
        assert!(err.contains("export function showProblems("), "{err}");
    }

    #[test]
    fn comment_lines_and_indentation_go_but_nothing_inside_a_template_literal() {
        let js = "// a comment\n/**\n * a block\n */\nfunction f() {\n    return `line one  \n    // not a comment\n`; // kept\n}\n\n/* one line */\n/* a */ g();\n/* b\n */ h();\nconst url = \"http://x\";\n";
        assert_eq!(
            without_comments(js).unwrap(),
            "function f() {\nreturn `line one  \n    // not a comment\n`; // kept\n}\ng();\nh();\nconst url = \"http://x\";\n"
        );
    }

    #[test]
    fn a_template_literal_left_open_stops_the_build() {
        assert!(without_comments("const a = `one;\n// two\n").is_err());
    }

    #[test]
    fn a_missing_placeholder_is_an_error_not_a_silent_skip() {
        assert!(fill("<p>", "@X@", "y", "page").is_err());
        assert_eq!(fill("a @X@ b", "@X@", "y", "page").unwrap(), "a y b");
    }
}
