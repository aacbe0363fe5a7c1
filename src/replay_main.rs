//! Browser entry point of the public replay pages (`replay.html`): the runtime config.json,
//! then the same lib with only the replay routes, so the build leaves the console's screens
//! out.

fn main() {
    console_error_panic_hook::set_once();
    nano_console::remember_initial_location();
    // The runtime config.json first: the pages read it synchronously.
    // wasm_bindgen_futures, not leptos::task: Leptos sets up its executor only in mount.
    wasm_bindgen_futures::spawn_local(async {
        nano_console::config::load().await;
        leptos::mount::mount_to_body(nano_console::ReplayApp);
        nano_console::remove_static_shell();
    });
}
