//! What the pages read from the browser itself, in one place: the page's origin, the
//! clock, whether a key press belongs to a text field (so shortcuts leave it alone), whether
//! the tab is hidden (polls pause) and whether the viewer asked for less motion.

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

/// Whether the tab is hidden: pages that poll skip their requests then.
pub fn page_hidden() -> bool {
    web_sys::window()
        .and_then(|w| w.document())
        .is_some_and(|d| d.hidden())
}

/// Whether the viewer asked for less motion (GIF previews and motion clips stay still).
/// Pages read it once when they open.
pub fn prefers_reduced_motion() -> bool {
    web_sys::window()
        .and_then(|w| w.match_media("(prefers-reduced-motion: reduce)").ok())
        .flatten()
        .is_some_and(|m| m.matches())
}
