//! The static shell of `index.html` and `replay.html` (a sized skeleton painted before the
//! wasm arrives, see `style/shell.css`) ends here: both entry points remove it right after
//! mounting the app, in the same task, so no frame shows both or neither.

/// The shell's element id in both HTML entry points.
const SHELL_ID: &str = "shell";

/// Removes the static shell (nothing to do when the page has none).
pub fn remove_static_shell() {
    if let Some(el) = web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| d.get_element_by_id(SHELL_ID))
    {
        el.remove();
    }
}
