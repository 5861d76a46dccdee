//! End-to-end tests: the release build, served on 127.0.0.1, driven by WebDriver in Chromium, Firefox and WebKit.

mod a11y;
mod embedding;
mod harness;
mod map;
mod pages;
mod timeline;

fn main() {
    let tests: Vec<_> = pages::TESTS.iter().chain(timeline::TESTS).chain(map::TESTS).chain(embedding::TESTS).chain(a11y::TESTS).copied().collect();
    harness::run(&tests, embedding::WITHOUT_SCRIPT);
}
