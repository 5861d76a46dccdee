//! What each page's requests weigh compressed, measured apart from the transfer: the brotli figure
//! fetches each requested URL again, without asking for compression, and compresses it with
//! `brotli -q 11`, as `cargo xtask size` does for `dist/`.

use std::collections::HashMap;
use std::io::{Read, Write};
use std::net::TcpStream;
use std::process::{Command, Stdio};

/// Brotli sizes by URL, each computed once (the 10,000-event pages take seconds).
#[derive(Default)]
pub struct Brotli {
    sizes: HashMap<String, u64>,
}

impl Brotli {
    pub fn size(&mut self, url: &str) -> u64 {
        if let Some(&size) = self.sizes.get(url) {
            return size;
        }
        let size = compressed(&get(url));
        self.sizes.insert(url.to_string(), size);
        size
    }
}

/// The body of `url`, fetched over HTTP/1.1 from the benchmark's own server on 127.0.0.1, which
/// answers every request with `Content-Length` and closes the connection.
fn get(url: &str) -> Vec<u8> {
    let rest = url.strip_prefix("http://").unwrap_or_else(|| panic!("{url}: only the local http server is measured"));
    let (host, path) = rest.split_at(rest.find('/').unwrap_or(rest.len()));
    let path = path.split('#').next().filter(|p| !p.is_empty()).unwrap_or("/");
    let mut stream = TcpStream::connect(host).unwrap_or_else(|e| panic!("{url}: {e}"));
    write!(stream, "GET {path} HTTP/1.1\r\nHost: {host}\r\nConnection: close\r\n\r\n").expect("a request");
    let mut reply = Vec::new();
    stream.read_to_end(&mut reply).expect("a reply");
    let head_end = reply.windows(4).position(|w| w == b"\r\n\r\n").unwrap_or_else(|| panic!("{url}: no HTTP header"));
    assert!(reply.starts_with(b"HTTP/1.1 200"), "{url}: {}", String::from_utf8_lossy(&reply[..head_end]));
    reply.split_off(head_end + 4)
}

/// The length of `bytes` after `brotli -q 11`.
fn compressed(bytes: &[u8]) -> u64 {
    let mut child = Command::new("brotli")
        .args(["-q", "11", "-c"])
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .spawn()
        .expect("brotli (cargo xtask installs it)");
    let mut stdin = child.stdin.take().expect("a piped stdin");
    let input = bytes.to_vec();
    let writer = std::thread::spawn(move || stdin.write_all(&input));
    let out = child.wait_with_output().expect("brotli's output");
    writer.join().expect("the writer").expect("brotli reads its input");
    assert!(out.status.success(), "brotli failed");
    out.stdout.len() as u64
}
