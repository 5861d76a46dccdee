//! What Storyline's tests, benchmarks and xtask share, and the widget never ships: synthetic
//! stories, story parts built by hand, the XSS corpus's placement, the TimelineJS export, the
//! actor map's quality figure and checks, random graphs with groups, and the native benchmarks' timing.
//!
//! A dev-dependency of the packages whose tests use it and a dependency of xtask; never a
//! normal dependency of the widget, the CLI or the import module. Core's own unit tests cannot use
//! it (core would be compiled twice, with two sets of types), so tests that need it live in
//! `crates/storyline-core/tests/`.

pub mod builders;
pub mod grouped_graph;
pub mod map_checks;
pub mod stress;
pub mod synth;
pub mod timing;
pub mod timelinejs_export;
pub mod xss;
