//! The runtime configuration (`/config.json` beside `index.html`), fetched once before the
//! app mounts and then read synchronously. Missing or unreadable: the empty configuration
//! (`domain::runtime_config` says what each key changes).
//!
//! The pages' shared head (shell/head.html) starts the request before the wasm arrives and
//! leaves its promise under `PREFETCH_GLOBAL`; `load` takes that answer, and asks itself only
//! when the page has no such promise (tests, a page without the shared head).

use std::cell::RefCell;

use wasm_bindgen::JsCast;

use crate::api::media::fetch_text;
use crate::domain::runtime_config::RuntimeConfig;

/// Where the file is: at the site root, beside the console's `index.html`.
pub const CONFIG_PATH: &str = "/config.json";

/// The global the head's script sets: a promise of the file's text, or of null when there is
/// no readable file.
const PREFETCH_GLOBAL: &str = "__nanoConfig";

thread_local! {
    static CONFIG: RefCell<RuntimeConfig> = RefCell::new(RuntimeConfig::default());
}

/// The head's request for the file, if the page started one: `Some(None)` when it found no
/// readable file.
async fn prefetched() -> Option<Option<String>> {
    let window = web_sys::window()?;
    let value = js_sys::Reflect::get(&window, &PREFETCH_GLOBAL.into()).ok()?;
    let promise = value.dyn_into::<js_sys::Promise>().ok()?;
    let text = wasm_bindgen_futures::JsFuture::from(promise).await.ok();
    Some(text.and_then(|t| t.as_string()))
}

/// Fetches the configuration once (called by both entry points before mounting).
pub async fn load() {
    let body = match prefetched().await {
        Some(body) => body,
        None => fetch_text(CONFIG_PATH).await.ok(),
    };
    let cfg = body
        .map(|body| RuntimeConfig::parse(&body))
        .unwrap_or_default();
    CONFIG.with(|c| *c.borrow_mut() = cfg);
}

/// The configuration read at start (empty before `load` or without a file).
pub fn get() -> RuntimeConfig {
    CONFIG.with(|c| c.borrow().clone())
}
