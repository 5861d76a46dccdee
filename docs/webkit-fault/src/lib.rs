//! The actor-map layout as a bare WebAssembly module (no imports), for `shell.js`.
//!
//! `run(n, seed)` lays out a ring of `n` actors with chords and returns a checksum of the
//! positions. The layout is deterministic, so every call with the same arguments must return the
//! same number; a panic (Rust's bounds checks) leaves its message at `message()`.

use storyline_core::graph_layout::{layout, Node, Params};

/// The last panic's message, NUL-terminated: the shell reads it after the trap.
static mut MESSAGE: [u8; 512] = [0; 512];

#[no_mangle]
pub extern "C" fn init() {
    std::panic::set_hook(Box::new(|info| {
        let text = info.to_string();
        let bytes = &text.as_bytes()[..text.len().min(511)];
        // Only the hook writes here, and a panic aborts right after it.
        unsafe {
            let out = &mut *std::ptr::addr_of_mut!(MESSAGE);
            out[..bytes.len()].copy_from_slice(bytes);
            out[bytes.len()] = 0;
        }
    }));
}

#[no_mangle]
pub extern "C" fn message() -> *const u8 {
    std::ptr::addr_of!(MESSAGE).cast()
}

#[no_mangle]
pub extern "C" fn run(n: u32, seed: u32) -> f64 {
    let n = n as usize;
    let nodes: Vec<Node> = (0..n).map(|i| Node { width: 40.0 + (i % 7) as f64 * 10.0, height: 20.0 }).collect();
    let mut edges = Vec::new();
    for i in 0..n {
        edges.push((i, (i + 1) % n));
        if i % 5 == 0 {
            edges.push((i, (i * 7 + 3) % n));
        }
    }
    let params = Params { seed: u64::from(seed), ..Params::default() };
    let placed = layout(&nodes, &edges, 800.0, 600.0, &params);
    placed.nodes.iter().enumerate().fold(placed.scale, |sum, (i, p)| sum + (i as f64 + 1.0) * (p.x * 1.000_001 + p.y))
}
