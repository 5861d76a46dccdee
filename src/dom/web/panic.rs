//! What a panic in the widget leaves behind: its message in the console, and a
//! `storyline:panic` event on the window that the page's loader answers by telling readers.
//!
//! A panic is a bug, and with `panic = "abort"` it stops the WebAssembly for good: every
//! widget on the page stops answering. Without this, the reader would face buttons that do
//! nothing; with it, each widget says that it stopped and stays readable as static text.
//!
//! Browser-only (the seam's `web` side): only a page has a loader to tell.

/// The name of the window event that carries the panic's message (`event.detail`).
pub const PANIC_EVENT: &str = "storyline:panic";

/// The console line for a panic: what a developer (and the tests' tripwire) reads.
pub fn console_line(message: &str) -> String {
    format!("Storyline panicked: {message}")
}

/// Writes `message` to the console and announces it on the window. Only JavaScript runs in
/// the listeners (the loader's), never the widget: its state is not to be trusted any more.
pub fn announce(message: &str) {
    web_sys::console::error_1(&console_line(message).into());
    let init = web_sys::CustomEventInit::new();
    init.set_detail(&message.into());
    if let (Some(window), Ok(event)) = (web_sys::window(), web_sys::CustomEvent::new_with_event_init_dict(PANIC_EVENT, &init)) {
        let _ = window.dispatch_event(&event);
    }
}

/// Routes every panic to [`announce`], before the abort. Through Yew's own setter: a hook set
/// with `std::panic::set_hook` is replaced by Yew's default one when the first widget renders.
pub fn install_hook() {
    yew::set_custom_panic_hook(Box::new(|info| announce(&info.to_string())));
}
