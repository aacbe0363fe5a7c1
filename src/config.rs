//! The runtime configuration (`/config.json` beside `index.html`), fetched once before the
//! app mounts and then read synchronously. Missing or unreadable: the empty configuration
//! (`domain::runtime_config` says what each key changes).

use std::cell::RefCell;

use crate::api::media::fetch_text;
use crate::domain::runtime_config::RuntimeConfig;

/// Where the file is: at the site root, beside the console's `index.html`.
pub const CONFIG_PATH: &str = "/config.json";

thread_local! {
    static CONFIG: RefCell<RuntimeConfig> = RefCell::new(RuntimeConfig::default());
}

/// Fetches the configuration once (called by both entry points before mounting).
pub async fn load() {
    let cfg = fetch_text(CONFIG_PATH)
        .await
        .map(|body| RuntimeConfig::parse(&body))
        .unwrap_or_default();
    CONFIG.with(|c| *c.borrow_mut() = cfg);
}

/// The configuration read at start (empty before `load` or without a file).
pub fn get() -> RuntimeConfig {
    CONFIG.with(|c| c.borrow().clone())
}
