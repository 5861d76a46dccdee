//! Entry point. In the browser the page's loader (`assets/loader.js`) calls the functions the
//! library exports (`storyline::dom`'s `exports`) to mount widgets; `main` only installs the
//! panic hook. Natively there is nothing to run: stories are prerendered by `storyline publish`
//! (crates/storyline-cli), through `storyline::publish`.

fn main() {
    storyline::dom::start();
}
