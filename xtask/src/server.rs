//! A small static file server on 127.0.0.1 for the demo page, the widget's `dist/` and the e2e tests.
//!
//! It sends the headers a newsroom's server should send too: the right MIME type for
//! `.wasm` (so browsers compile while downloading) and `Access-Control-Allow-Origin: *`
//! (a sandboxed iframe has an opaque origin and fetches our assets cross-origin), and, as a CDN
//! would, the brotli or gzip copy that `cargo xtask build` wrote beside a file (`.br`, `.gz`)
//! with `Content-Encoding` when the browser asks for it; a text or wasm file without such a copy
//! (a test page, TimelineJS's files for the benchmark) is compressed on the fly, once, at the
//! same levels, so that every page is measured as a CDN would serve it. Every file keeps one name across
//! releases (no hash in it), so each is sent `Cache-Control: no-cache` with an `ETag`: a browser
//! keeps it and asks whether it changed, and a `304 Not Modified` answers without the body.

use std::io::{BufRead, BufReader, Write};
use std::net::{SocketAddr, TcpListener, TcpStream};
use std::path::{Component, Path, PathBuf};
use std::sync::{Condvar, Mutex};
use std::time::Duration;

/// A URL prefix served from a directory. The longest matching prefix wins.
#[derive(Clone)]
pub struct Mount {
    pub prefix: &'static str,
    pub dir: PathBuf,
    /// Whether the strict Content-Security-Policy header goes with everything served from here.
    pub strict_csp: bool,
    /// Whether a `.wasm` from here waits until a test lets it go (`/__release-wasm`).
    pub hold_wasm: bool,
}

/// WebAssembly held back for a test: a request for a `.wasm` under a mount with `hold_wasm`
/// waits until `/__release-wasm` is requested (`/__hold-wasm` holds again), so that a test can
/// act on a prerendered page before its widget is live, however fast or slow the machine is.
static WASM_RELEASED: (Mutex<bool>, Condvar) = (Mutex::new(false), Condvar::new());

/// The longest a held request waits, so that a test that never releases it cannot hang the run.
const HOLD_LIMIT: Duration = Duration::from_secs(120);

fn set_wasm_released(released: bool) {
    let (lock, wake) = &WASM_RELEASED;
    *lock.lock().unwrap_or_else(|e| e.into_inner()) = released;
    wake.notify_all();
}

fn wait_for_wasm_release() {
    let (lock, wake) = &WASM_RELEASED;
    let released = lock.lock().unwrap_or_else(|e| e.into_inner());
    let _ = wake.wait_timeout_while(released, HOLD_LIMIT, |released| !*released);
}

/// The strict policy, for a page served from `origin` (such as `http://127.0.0.1:8080`): no
/// inline script or style, no eval but WebAssembly's, nothing from any other host.
///
/// The origin is named beside `'self'` because WebKit matches `'self'` against a sandboxed
/// frame's opaque origin, that is, against nothing: in `<iframe sandbox="allow-scripts">`
/// a policy of `'self'` alone blocks the widget's own script there.
pub fn strict_csp(origin: &str) -> String {
    format!(
        "default-src 'none'; script-src 'self' {origin} 'wasm-unsafe-eval'; style-src 'self' {origin}; \
         img-src 'self' {origin}; connect-src 'self' {origin}; base-uri 'none'; form-action 'none'"
    )
}

/// The strict policy for the file at `path`: the editor's page frames its preview, a page of
/// its own folder, so its policy lets it frame its own origin and nothing else.
pub fn strict_csp_for(path: &str, origin: &str) -> String {
    let policy = strict_csp(origin);
    if path.ends_with("/editor.html") { format!("{policy}; frame-src 'self' {origin}") } else { policy }
}

/// The origin a request was made to, from its Host header, if the header is a plain host[:port].
fn origin_of(host: &str) -> Option<String> {
    let host = host.trim();
    let plain = !host.is_empty() && host.chars().all(|c| c.is_ascii_alphanumeric() || matches!(c, '.' | ':' | '-' | '[' | ']'));
    plain.then(|| format!("http://{host}"))
}

pub fn content_type(path: &Path) -> &'static str {
    match path.extension().and_then(|e| e.to_str()).unwrap_or("") {
        "html" => "text/html; charset=utf-8",
        "js" | "mjs" => "text/javascript; charset=utf-8",
        "wasm" => "application/wasm",
        "css" => "text/css; charset=utf-8",
        "json" => "application/json",
        "svg" => "image/svg+xml",
        "png" => "image/png",
        "ico" => "image/x-icon",
        "txt" => "text/plain; charset=utf-8",
        "ttf" => "font/ttf",
        _ => "application/octet-stream",
    }
}

/// The encodings a browser accepts, from its `Accept-Encoding` header, that this server has
/// copies for, best first: brotli, then gzip. A `q=0` refuses one.
fn accepted_encodings(header: &str) -> Vec<&'static str> {
    let offered: Vec<(String, bool)> = header
        .split(',')
        .map(|part| {
            let mut pieces = part.split(';').map(str::trim);
            let name = pieces.next().unwrap_or("").to_ascii_lowercase();
            let refused = pieces.any(|p| p.strip_prefix("q=").and_then(|q| q.trim().parse::<f32>().ok()) == Some(0.0));
            (name, refused)
        })
        .collect();
    ["br", "gzip"].into_iter().filter(|enc| offered.iter().any(|(name, refused)| name == enc && !refused)).collect()
}

/// The file to send for `file` and its `Content-Encoding`: a compressed copy beside it when the
/// browser accepts that encoding and the copy exists, else the file itself.
pub fn encoded(file: &Path, accepted: &[&str]) -> (PathBuf, Option<&'static str>) {
    for (encoding, ext) in [("br", "br"), ("gzip", "gz")] {
        if accepted.contains(&encoding) {
            let mut name = file.as_os_str().to_owned();
            name.push(format!(".{ext}"));
            let copy = PathBuf::from(name);
            if copy.is_file() {
                return (copy, Some(encoding));
            }
        }
    }
    (file.to_path_buf(), None)
}

/// Files worth compressing: text and WebAssembly (images and fonts are compressed already).
fn compressible(path: &Path) -> bool {
    matches!(path.extension().and_then(|e| e.to_str()), Some("html" | "js" | "mjs" | "css" | "json" | "wasm" | "txt" | "svg"))
}

/// A compressed body's key: the file, the encoding and the file's validator.
type BodyKey = (PathBuf, &'static str, String);

/// Bodies compressed on the fly, by file, encoding and validator, so that each is made once.
static COMPRESSED: Mutex<Vec<(BodyKey, std::sync::Arc<Vec<u8>>)>> = Mutex::new(Vec::new());

/// `bytes` compressed as `encoding` ("br" or "gzip") by the same commands and levels that make
/// the ready-made copies; `None` when the command fails.
fn compress_now(bytes: &[u8], encoding: &str) -> Option<Vec<u8>> {
    use std::process::{Command, Stdio};
    let (program, args): (&str, &[&str]) = if encoding == "br" { ("brotli", &["-q", "11", "-c"]) } else { ("gzip", &["-9", "-n", "-c"]) };
    let mut child = Command::new(program).args(args).stdin(Stdio::piped()).stdout(Stdio::piped()).spawn().ok()?;
    let mut stdin = child.stdin.take()?;
    let input = bytes.to_vec();
    let writer = std::thread::spawn(move || stdin.write_all(&input));
    let out = child.wait_with_output().ok()?;
    writer.join().ok()?.ok()?;
    out.status.success().then_some(out.stdout)
}

/// `file`'s body compressed as the first of `accepted`, made once per version of the file.
fn compressed_on_the_fly(file: &Path, accepted: &[&'static str], tag: &str) -> Option<(std::sync::Arc<Vec<u8>>, &'static str)> {
    let encoding = *accepted.first()?;
    let key = (file.to_path_buf(), encoding, tag.to_string());
    if let Some((_, body)) = COMPRESSED.lock().unwrap_or_else(|e| e.into_inner()).iter().find(|(k, _)| *k == key) {
        return Some((body.clone(), encoding));
    }
    let body = std::sync::Arc::new(compress_now(&std::fs::read(file).ok()?, encoding)?);
    COMPRESSED.lock().unwrap_or_else(|e| e.into_inner()).push((key, body.clone()));
    Some((body, encoding))
}

/// A validator for a file's current contents: its length and modification time.
fn etag(path: &Path) -> Option<String> {
    let meta = std::fs::metadata(path).ok()?;
    let modified = meta.modified().ok()?.duration_since(std::time::UNIX_EPOCH).ok()?;
    Some(format!("\"{:x}-{:x}\"", meta.len(), modified.as_nanos()))
}

/// The file or directory a request path names inside its mount, refusing anything that climbs out.
fn mounted(mounts: &[Mount], url_path: &str) -> Option<PathBuf> {
    let path = url_path.split(['?', '#']).next().unwrap_or("/");
    let mount = mount_of(mounts, path)?;
    let relative = Path::new(path[mount.prefix.len()..].trim_start_matches('/'));
    if relative.components().any(|c| !matches!(c, Component::Normal(_))) {
        return None;
    }
    Some(mount.dir.join(relative))
}

/// The mount serving `path`: the longest prefix that matches.
fn mount_of<'m>(mounts: &'m [Mount], path: &str) -> Option<&'m Mount> {
    mounts.iter().filter(|m| path.starts_with(m.prefix)).max_by_key(|m| m.prefix.len())
}

/// Whether `path` names a directory (or a mount such as `/widget`) without its trailing slash.
fn needs_slash(mounts: &[Mount], path: &str) -> bool {
    !path.ends_with('/')
        && (mounts.iter().any(|m| m.prefix.strip_suffix('/') == Some(path)) || mounted(mounts, path).is_some_and(|p| p.is_dir()))
}

/// Maps a request path to the file to send: a directory sends its `index.html`.
pub fn resolve(mounts: &[Mount], url_path: &str) -> Option<PathBuf> {
    let mut file = mounted(mounts, url_path)?;
    if file.is_dir() {
        file = file.join("index.html");
    }
    file.is_file().then_some(file)
}

fn respond(mut stream: TcpStream, mounts: &[Mount]) {
    let mut reader = BufReader::new(match stream.try_clone() {
        Ok(s) => s,
        Err(_) => return,
    });
    let mut request_line = String::new();
    if reader.read_line(&mut request_line).is_err() {
        return;
    }
    // Host names the origin for the strict policy; Accept-Encoding picks a compressed copy;
    // If-None-Match lets a browser's cached copy stand.
    let mut header = String::new();
    let (mut origin, mut accepted, mut if_none_match) = (None, Vec::new(), None);
    while reader.read_line(&mut header).map(|n| n > 2).unwrap_or(false) {
        if let Some((name, value)) = header.split_once(':') {
            if name.eq_ignore_ascii_case("host") {
                origin = origin_of(value);
            } else if name.eq_ignore_ascii_case("accept-encoding") {
                accepted = accepted_encodings(value);
            } else if name.eq_ignore_ascii_case("if-none-match") {
                if_none_match = Some(value.trim().to_string());
            }
        }
        header.clear();
    }
    let mut parts = request_line.split_whitespace();
    let method = parts.next().unwrap_or("");
    let target = parts.next().unwrap_or("/");
    // A directory without its trailing slash would break relative asset URLs: redirect.
    let bare = target.split(['?', '#']).next().unwrap_or("/");
    if let Some(released) = match bare {
        "/__release-wasm" => Some(true),
        "/__hold-wasm" => Some(false),
        _ => None,
    } {
        set_wasm_released(released);
        let _ = write!(stream, "HTTP/1.1 204 No Content\r\nAccess-Control-Allow-Origin: *\r\nCache-Control: no-store\r\nConnection: close\r\n\r\n");
        return;
    }
    if needs_slash(mounts, bare) {
        let _ = write!(stream, "HTTP/1.1 301 Moved Permanently\r\nLocation: {bare}/\r\nContent-Length: 0\r\nConnection: close\r\n\r\n");
        return;
    }
    let mut extra = String::new();
    let (status, body, kind) = match (method, resolve(mounts, target)) {
        ("GET" | "HEAD", Some(file)) => {
            if file.extension().is_some_and(|e| e == "wasm") && mount_of(mounts, bare).is_some_and(|m| m.hold_wasm) {
                wait_for_wasm_release();
            }
            let (sent, mut encoding) = encoded(&file, &accepted);
            let mut tag = etag(&sent);
            let mut body = None;
            if encoding.is_none() && compressible(&file) {
                if let Some((compressed, how)) = tag.as_deref().and_then(|t| compressed_on_the_fly(&file, &accepted, t)) {
                    tag = tag.map(|t| format!("{}-{how}\"", t.trim_end_matches('"')));
                    (body, encoding) = (Some(compressed.to_vec()), Some(how));
                }
            }
            if let Some(tag) = &tag {
                extra.push_str(&format!("ETag: {tag}\r\nVary: Accept-Encoding\r\n"));
            }
            if let Some(encoding) = encoding {
                extra.push_str(&format!("Content-Encoding: {encoding}\r\n"));
            }
            match body.map(Ok).unwrap_or_else(|| std::fs::read(&sent)) {
                _ if tag.is_some() && if_none_match == tag => ("304 Not Modified", Vec::new(), content_type(&file)),
                Ok(bytes) => ("200 OK", bytes, content_type(&file)),
                Err(_) => ("500 Internal Server Error", b"read error".to_vec(), "text/plain; charset=utf-8"),
            }
        }
        ("GET" | "HEAD", None) => ("404 Not Found", b"not found".to_vec(), "text/plain; charset=utf-8"),
        _ => ("405 Method Not Allowed", Vec::new(), "text/plain; charset=utf-8"),
    };
    let csp = if mount_of(mounts, bare).is_some_and(|m| m.strict_csp) {
        format!("Content-Security-Policy: {}\r\n", strict_csp_for(bare, &origin.unwrap_or_default()))
    } else {
        String::new()
    };
    let head = format!(
        "HTTP/1.1 {status}\r\nContent-Type: {kind}\r\nContent-Length: {}\r\n{extra}{csp}Access-Control-Allow-Origin: *\r\nX-Content-Type-Options: nosniff\r\nCache-Control: no-cache\r\nConnection: close\r\n\r\n",
        body.len()
    );
    let _ = stream.write_all(head.as_bytes());
    if method != "HEAD" {
        let _ = stream.write_all(&body);
    }
}

/// Binds 127.0.0.1:`port` (0 picks a free port) and serves on a background thread.
pub fn start(port: u16, mounts: Vec<Mount>) -> std::io::Result<SocketAddr> {
    let listener = TcpListener::bind(("127.0.0.1", port))?;
    let addr = listener.local_addr()?;
    std::thread::spawn(move || {
        for stream in listener.incoming().flatten() {
            let mounts = mounts.clone();
            std::thread::spawn(move || respond(stream, &mounts));
        }
    });
    Ok(addr)
}

/// The site `serve` and the e2e tests use: the demo news pages at `/` (the one at `/strict/`
/// under the strict policy), the widget at `/widget/` (under it too, as it ships), the stories
/// as JSON at `/stories/`, the test pages at `/fixtures/`, and the benchmark's TimelineJS (its npm
/// package's `dist/`, there once `bench` has installed it) at `/timelinejs/`.
pub fn site_mounts(root: &Path) -> Vec<Mount> {
    vec![
        Mount { prefix: "/", dir: root.join("demo"), strict_csp: false, hold_wasm: false },
        Mount { prefix: "/strict/", dir: root.join("demo/strict"), strict_csp: true, hold_wasm: false },
        Mount { prefix: "/widget/", dir: root.join("dist"), strict_csp: true, hold_wasm: false },
        // The widget's page again (without its preload, which would hold the page's load event),
        // its WebAssembly held until a test lets it go.
        Mount { prefix: "/held/", dir: root.join("target/fixtures/held"), strict_csp: true, hold_wasm: true },
        Mount { prefix: "/stories/", dir: root.join("assets/stories"), strict_csp: false, hold_wasm: false },
        Mount { prefix: "/fixtures/", dir: root.join("target/fixtures"), strict_csp: false, hold_wasm: false },
        // TimelineJS sets inline styles and loads its icon font from CSS: no strict policy.
        Mount { prefix: "/timelinejs/", dir: root.join(crate::tools::timelinejs_dist()), strict_csp: false, hold_wasm: false },
    ]
}

#[cfg(test)]
mod tests {
    use super::*;

    fn mounts() -> Vec<Mount> {
        site_mounts(&crate::cmd::project_root())
    }

    #[test]
    fn the_strict_policy_allows_no_inline_script_or_style_and_no_eval() {
        let policy = strict_csp("http://127.0.0.1:8080");
        assert!(policy.starts_with("default-src 'none'"), "{policy}");
        for loophole in ["'unsafe-inline'", "'unsafe-eval'", "*", "data:", "http:", "https:"] {
            assert!(!policy.split([' ', ';']).any(|word| word == loophole), "{loophole} in {policy}");
        }
        assert!(policy.contains("script-src 'self' http://127.0.0.1:8080 'wasm-unsafe-eval'"), "{policy}");
    }

    #[test]
    fn only_the_editors_page_may_frame_and_only_its_own_origin() {
        let origin = "http://127.0.0.1:8080";
        assert_eq!(strict_csp_for("/widget/editor.html", origin), format!("{}; frame-src 'self' {origin}", strict_csp(origin)));
        assert_eq!(strict_csp_for("/widget/index.html", origin), strict_csp(origin));
        assert_eq!(strict_csp_for("/widget/editor-preview.html", origin), strict_csp(origin));
    }

    #[test]
    fn only_a_plain_host_header_makes_it_into_the_policy() {
        assert_eq!(origin_of(" 127.0.0.1:8080\r\n").as_deref(), Some("http://127.0.0.1:8080"));
        assert_eq!(origin_of("evil; script-src *"), None);
        assert_eq!(origin_of(""), None);
    }

    #[test]
    fn the_demo_page_is_served_at_the_root() {
        assert_eq!(resolve(&mounts(), "/").unwrap(), crate::cmd::project_root().join("demo/index.html"));
    }

    #[test]
    fn timelinejs_is_served_from_its_npm_package() {
        let root = crate::cmd::project_root();
        let file = mounted(&mounts(), "/timelinejs/js/timeline.js").unwrap();
        assert_eq!(file, root.join("crates/storyline-browser/timelinejs/node_modules/@knight-lab/timelinejs/dist/js/timeline.js"));
    }

    #[test]
    fn paths_that_climb_out_of_a_mount_are_refused() {
        assert_eq!(resolve(&mounts(), "/../Cargo.toml"), None);
        assert_eq!(resolve(&mounts(), "/widget/../../Cargo.toml"), None);
    }

    #[test]
    fn a_mount_or_directory_without_its_slash_is_redirected() {
        assert!(needs_slash(&mounts(), "/widget"));
        assert!(!needs_slash(&mounts(), "/widget/"));
        assert!(!needs_slash(&mounts(), "/demo.css"));
    }

    #[test]
    fn brotli_is_preferred_then_gzip_and_a_zero_q_refuses() {
        assert_eq!(accepted_encodings("gzip, deflate, br, zstd"), ["br", "gzip"]);
        assert_eq!(accepted_encodings("gzip;q=1.0, br;q=0"), ["gzip"]);
        assert_eq!(accepted_encodings("gzip;q=0.0, br"), ["br"]);
        assert_eq!(accepted_encodings("br;q=0.5"), ["br"]);
        assert_eq!(accepted_encodings("identity"), Vec::<&str>::new());
    }

    #[test]
    fn a_compressed_copy_is_sent_only_when_it_exists_and_is_accepted() {
        let dir = std::env::temp_dir().join(format!("storyline-encoded-{}", std::process::id()));
        std::fs::create_dir_all(&dir).unwrap();
        let file = dir.join("storyline.js");
        std::fs::write(&file, "x").unwrap();
        std::fs::write(dir.join("storyline.js.gz"), "gz").unwrap();
        assert_eq!(encoded(&file, &["br", "gzip"]), (dir.join("storyline.js.gz"), Some("gzip")));
        assert_eq!(encoded(&file, &[]), (file.clone(), None));
        std::fs::write(dir.join("storyline.js.br"), "br").unwrap();
        assert_eq!(encoded(&file, &["br", "gzip"]), (dir.join("storyline.js.br"), Some("br")));
        std::fs::remove_dir_all(&dir).unwrap();
    }

    #[test]
    fn text_and_wasm_without_a_ready_copy_are_compressed_on_the_fly_once() {
        let dir = std::env::temp_dir().join(format!("storyline-on-the-fly-{}", std::process::id()));
        std::fs::create_dir_all(&dir).unwrap();
        let page = dir.join("page.html");
        std::fs::write(&page, "<p>a page</p>\n".repeat(200)).unwrap();
        let tag = etag(&page).unwrap();
        let (first, how) = compressed_on_the_fly(&page, &["gzip"], &tag).expect("gzip is installed");
        assert_eq!(how, "gzip");
        assert!(first.len() < 200, "{} bytes for a repetitive page", first.len());
        let (again, _) = compressed_on_the_fly(&page, &["gzip"], &tag).unwrap();
        assert!(std::sync::Arc::ptr_eq(&first, &again), "compressed a second time");
        assert!(compressible(&page) && compressible(Path::new("a.wasm")) && !compressible(Path::new("a.png")));
        std::fs::remove_dir_all(&dir).unwrap();
    }

    #[test]
    fn wasm_is_served_as_application_wasm() {
        assert_eq!(content_type(Path::new("dist/storyline_bg.wasm")), "application/wasm");
    }
}
