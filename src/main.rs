//! Browser entry point of the console (`index.html`): panic hook, then mount the app.
//! Everything else lives in the lib; the replay pages have their own entry (`replay_main`).

fn main() {
    console_error_panic_hook::set_once();
    nano_console::remember_initial_location();
    leptos::mount::mount_to_body(nano_console::App);
    nano_console::remove_static_shell();
}
