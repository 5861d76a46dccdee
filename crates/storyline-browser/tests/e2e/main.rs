//! End-to-end tests: the release build, served on 127.0.0.1, driven by WebDriver in Chromium, Firefox and WebKit.

mod a11y;
mod editor;
mod embedding;
mod harness;
mod map;
mod pages;
mod publishing;
mod security;
mod soak;
mod timeline;
mod touch;
mod updates;

fn main() {
    let mut tests: Vec<_> = pages::TESTS.iter().chain(timeline::TESTS).chain(touch::TESTS).chain(map::TESTS).chain(embedding::TESTS).chain(security::TESTS).chain(a11y::TESTS).chain(publishing::TESTS).chain(updates::TESTS).chain(editor::TESTS).copied().collect();
    // The soak reads the Chrome DevTools Protocol, which only Chromium's driver offers.
    if std::env::var("STORYLINE_E2E_ENGINE").as_deref() == Ok("chromium") {
        tests.extend(soak::CHROMIUM_ONLY);
    }
    let without_script: Vec<_> = embedding::WITHOUT_SCRIPT.iter().chain(publishing::WITHOUT_SCRIPT).chain(map::WITHOUT_SCRIPT).chain(updates::WITHOUT_SCRIPT).chain(timeline::WITHOUT_SCRIPT).copied().collect();
    harness::run(&tests, &without_script);
}
