//! Browser helpers shared by the replay pages: where the media bucket is (signed-in API,
//! else the runtime config.json), the page origin, the local UTC offset, sleeping, and waiting for a playlist with a visible countdown.

use leptos::prelude::*;
use wasm_bindgen::JsCast;

use crate::api::media::fetch_text;
use crate::browser::now_ms;
pub use crate::browser::origin;
use crate::config;
use crate::domain::playlist::is_playlist;
use crate::domain::urls::cache_busted;
use crate::session::Session;

/// Seconds between tries while a playlist is missing (the official demo retries every 10 s).
pub const RETRY_SECONDS: u32 = 10;

/// The signed-in API's base, if any.
pub fn signed_in_api() -> Option<String> {
    use_context::<Session>()
        .and_then(|s| s.credentials())
        .map(|c| c.base_url)
}

/// The replay bucket: the signed-in API's; for a viewer who is not signed in (a share link),
/// the runtime config's VOD base (or API); this origin only without either.
pub fn bucket() -> String {
    config::get().viewer_bucket(signed_in_api().as_deref(), &origin())
}

/// Minutes east of UTC at `ms` in the browser's zone.
pub fn local_offset_minutes(ms: i64) -> i32 {
    -(js_sys::Date::new(&(ms as f64).into()).get_timezone_offset() as i32)
}

pub async fn sleep_ms(ms: i32) {
    let p = js_sys::Promise::new(&mut |resolve, _| {
        if let Some(w) = web_sys::window() {
            let _ = w
                .set_timeout_with_callback_and_timeout_and_arguments_0(resolve.unchecked_ref(), ms);
        }
    });
    let _ = wasm_bindgen_futures::JsFuture::from(p).await;
}

/// Fetches a playlist; it must answer 2xx with a body starting `#EXTM3U` (§3.7 item 9).
pub async fn fetch_playlist(url: &str) -> Result<String, String> {
    let body = fetch_text(&cache_busted(url, now_ms()))
        .await
        .map_err(|e| e.user_message())?;
    if is_playlist(&body) {
        Ok(body)
    } else {
        Err("the answer is not an HLS playlist".into())
    }
}

/// Fetches `url` until it is a playlist, counting down between tries in `countdown`.
/// Returns `None` when the page went away (its signals were disposed).
pub async fn wait_for_playlist(url: &str, countdown: RwSignal<Option<u32>>) -> Option<String> {
    loop {
        if let Ok(body) = fetch_playlist(url).await {
            return countdown.try_set(None).is_none().then_some(body);
        }
        for left in (1..=RETRY_SECONDS).rev() {
            if countdown.try_set(Some(left)).is_some() {
                return None;
            }
            sleep_ms(1000).await;
        }
    }
}
