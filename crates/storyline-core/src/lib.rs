//! Storyline's core: the dataset model and every piece of logic the widget runs, with no DOM in sight.
//!
//! Invariant: this crate depends on no yew, web-sys, js-sys or wasm-bindgen
//! (`tests/purity.rs` checks it with `cargo tree`). Plain data in, plain data out,
//! so everything here is unit-tested natively in milliseconds.

pub mod any_format;
pub mod country;
pub mod date;
pub mod deep_link;
pub mod developing;
pub mod edge_route;
#[cfg(feature = "authoring")]
pub mod embed_code;
#[cfg(feature = "authoring")]
pub mod fixes;
pub mod font_fit;
pub mod gestures;
pub mod graph_layout;
pub mod group_layout;
pub mod html_text;
pub mod in_use;
pub mod keyboard;
pub mod legend;
pub mod limits;
pub mod map_beside;
pub mod map_focus;
pub mod map_names;
pub mod map_scene;
pub mod model;
pub mod order;
pub mod problem_lines;
pub mod relations;
pub mod rng;
pub mod scale;
#[cfg(feature = "schema")]
pub mod schema;
#[cfg(feature = "sheets")]
pub mod sheets;
pub mod story_diff;
pub mod suggest;
pub mod swipe;
pub mod timelinejs;
pub mod text_width;
pub mod ticks;
pub mod timeline_layout;
pub mod validate;
pub mod view_state;

pub use date::{PartialDate, Precision};
pub use model::*;
pub use any_format::{accept, accept_parsed, load_any, Decided, Format};
pub use validate::{load, validate, Loaded, Problem, Report};
