//! End-to-end tests: the release build, served on 127.0.0.1, driven by WebDriver in Chromium, Firefox and WebKit.

mod harness;
mod pages;

fn main() {
    harness::run(pages::TESTS);
}
