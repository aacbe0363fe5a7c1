//! Browser entry point of the console (`index.html`): panic hook, the runtime config.json,
//! then mount the app. Everything else lives in the lib; the replay pages have their own
//! entry (`replay_main`).

fn main() {
    console_error_panic_hook::set_once();
    nano_console::remember_initial_location();
    // The runtime config.json first: the pages read it synchronously.
    // wasm_bindgen_futures, not leptos::task: Leptos sets up its executor only in mount.
    wasm_bindgen_futures::spawn_local(async {
        nano_console::config::load().await;
        leptos::mount::mount_to_body(nano_console::App);
        nano_console::remove_static_shell();
    });
}
