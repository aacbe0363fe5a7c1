//! Keeps the clip page's view of the session playlist fresh (segment boundaries, ended or
//! not) and loads the session's thumbnails when the stream has them.

use leptos::prelude::*;
use leptos::task::spawn_local;

use super::common::{fetch_playlist, sleep_ms};
use crate::api::media::fetch_text;
use crate::domain::playlist::{parse, Playlist};
use crate::domain::replay_thumbs::{parse_thumbs, thumbs_index_url, Thumb};

/// Seconds between playlist refreshes while the session is live.
const REFRESH_MS: i32 = 4000;

/// A level (or segment) URI relative to its playlist's folder.
pub(super) fn resolve(base: &str, uri: &str) -> String {
    if uri.contains("://") {
        return uri.to_string();
    }
    let dir = base.split('?').next().unwrap_or(base);
    let dir = dir.rsplit_once('/').map_or("", |(d, _)| d);
    format!("{dir}/{uri}")
}

/// The media playlist behind `url` (the first level of a multivariant playlist).
async fn media_playlist(url: &str) -> Option<Playlist> {
    let p = parse(&fetch_playlist(url).await.ok()?);
    match p.levels.first() {
        Some(level) => Some(parse(
            &fetch_playlist(&resolve(url, &level.uri)).await.ok()?,
        )),
        None => Some(p),
    }
}

/// Polls `url` until the session ends (or the page goes away).
pub fn watch_playlist(url: String) -> RwSignal<Option<Playlist>> {
    let sig = RwSignal::new(None::<Playlist>);
    spawn_local(async move {
        loop {
            if let Some(p) = media_playlist(&url).await {
                let ended = p.ended;
                if sig.try_set(Some(p)).is_some() || ended {
                    return;
                }
            }
            sleep_ms(REFRESH_MS).await;
            if sig.try_get_untracked().is_none() {
                return;
            }
        }
    });
    sig
}

/// Thumbnails of the session; empty when the stream has none (no error shown).
pub fn load_thumbs(bucket: &str, name: &str, session: Option<i64>) -> RwSignal<Vec<Thumb>> {
    let sig = RwSignal::new(vec![]);
    if let Some(s) = session {
        let url = thumbs_index_url(bucket, name, s);
        spawn_local(async move {
            if let Ok(body) = fetch_text(&url).await {
                sig.try_set(parse_thumbs(&url, &body));
            }
        });
    }
    sig
}

#[cfg(test)]
mod tests {
    use super::resolve;

    #[test]
    fn level_uris_resolve_next_to_the_playlist() {
        assert_eq!(
            resolve("http://h/vod/replay/a-abr-1.m3u8?_=5", "a-1.m3u8"),
            "http://h/vod/replay/a-1.m3u8"
        );
        assert_eq!(
            resolve("http://h/x.m3u8", "https://o/y.m3u8"),
            "https://o/y.m3u8"
        );
    }
}
