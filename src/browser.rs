//! What the pages read from the browser itself, in one place: the page's origin, the
//! clock, and whether a key press belongs to a text field (so shortcuts leave it alone).

use wasm_bindgen::JsCast;

/// The page's origin (`http://host:port`), empty outside a browser.
pub fn origin() -> String {
    web_sys::window()
        .and_then(|w| w.location().origin().ok())
        .unwrap_or_default()
}

/// Milliseconds since the epoch.
pub fn now_ms() -> i64 {
    js_sys::Date::now() as i64
}

/// Whether a key press is typing (in a field, or Space on a button) and whether a modifier
/// is held: the two things a page shortcut must yield to (`domain::clip::shortcut`).
pub fn key_context(ev: &web_sys::KeyboardEvent) -> (bool, bool) {
    let tag = ev
        .target()
        .and_then(|t| t.dyn_into::<web_sys::Element>().ok())
        .map(|e| e.tag_name())
        .unwrap_or_default();
    let typing = matches!(tag.as_str(), "INPUT" | "SELECT" | "TEXTAREA")
        || (tag == "BUTTON" && ev.key() == " ");
    let mods = ev.ctrl_key() || ev.meta_key() || ev.alt_key();
    (typing, mods)
}
