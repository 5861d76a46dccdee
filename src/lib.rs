//! The Storyline widget: Yew function components that map core's view state to HTML and SVG.
//!
//! Built twice from the same code: for wasm32 with `csr` + `hydration` (the browser), and
//! natively with `ssr` (prerendered HTML and component tests). No layout or rule lives
//! here; components ask `storyline-core` and render what it answers.
//!
//! What differs between the two builds lives in one module, `dom`, the seam: in the browser
//! the DOM calls, mounting, the loader's exports and the panic hook; on the server the same
//! DOM calls as no-ops, prerendering and publishing. Nothing else names a target.

pub mod app;
pub mod by_pointer;
pub mod components;
pub mod dom;
pub mod hooks;
pub mod ids;
pub mod mount;
pub mod store;
pub mod story;
pub mod svg;

pub use app::{App, AppProps};
/// What one build has and the other has not: `panic` in the browser; `prerender` and `publish`
/// on the server (see `dom`).
pub use dom::build::*;
