//! Browser entry point: panic hook, then mount the app. Everything else lives in the lib.

fn main() {
    console_error_panic_hook::set_once();
    leptos::mount::mount_to_body(nano_console::App);
}
