//! Where the credential is kept: session storage by default (gone with the tab), local
//! storage only when the user ticks "remember me". Never in a URL or a log line.

use crate::domain::credentials::Credentials;

const KEY: &str = "nano-console.credentials";
/// The last API URL used, kept (without any secret) to prefill the sign-in form.
const LAST_BASE: &str = "nano-console.last-base-url";

fn session() -> Option<web_sys::Storage> {
    web_sys::window()?.session_storage().ok()?
}

fn local() -> Option<web_sys::Storage> {
    web_sys::window()?.local_storage().ok()?
}

/// The stored credential, session storage first.
pub fn load() -> Option<Credentials> {
    [session(), local()].into_iter().flatten().find_map(|s| {
        let raw = s.get_item(KEY).ok()??;
        serde_json::from_str(&raw).ok()
    })
}

pub fn save(creds: &Credentials, remember: bool) {
    clear();
    let Ok(raw) = serde_json::to_string(creds) else {
        return;
    };
    let target = if remember { local() } else { session() };
    if let Some(s) = target {
        let _ = s.set_item(KEY, &raw);
    }
    if let Some(s) = local() {
        let _ = s.set_item(LAST_BASE, &creds.base_url);
    }
}

pub fn clear() {
    for s in [session(), local()].into_iter().flatten() {
        let _ = s.remove_item(KEY);
    }
}

pub fn last_base_url() -> Option<String> {
    local()?.get_item(LAST_BASE).ok()?
}

/// `true` when the credential is in local storage ("remember me").
pub fn is_remembered() -> bool {
    local()
        .and_then(|s| s.get_item(KEY).ok().flatten())
        .is_some()
}
