//! The Storyline widget: Yew function components that map core's view state to HTML and SVG.
//!
//! Built twice from the same code: for wasm32 with `csr` + `hydration` (the browser), and
//! natively with `ssr` (prerendered HTML and component tests). No layout or rule lives
//! here; components ask `storyline-core` and render what it answers.
//!
//! What differs between the two builds is kept to a few places: `dom`, the seam to the
//! browser (no-ops on the server); `panic` and `mount`'s mounting, for the browser only; and
//! `prerender` and `publish`, for the server only.

pub mod app;
pub mod by_pointer;
pub mod components;
pub mod dom;
pub mod hooks;
pub mod ids;
pub mod mount;
#[cfg(target_arch = "wasm32")]
pub mod panic;
#[cfg(not(target_arch = "wasm32"))]
pub mod prerender;
#[cfg(not(target_arch = "wasm32"))]
pub mod publish;
pub mod store;
pub mod story;
pub mod svg;

pub use app::{App, AppProps};
