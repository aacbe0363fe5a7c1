//! Keeps the clip page's view of the session playlist fresh (segment boundaries, ended or
//! not) and loads the session's thumbnails when the stream has them.

use std::time::Duration;

use leptos::prelude::*;

use super::common::fetch_playlist;
use crate::api::media::fetch_text;
use crate::domain::playlist::{parse, Playlist};
use crate::domain::replay_thumbs::{parse_thumbs, thumbs_index_url, Thumb};

/// Milliseconds between playlist refreshes while the session is live.
const REFRESH_MS: u64 = 4000;

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

/// The session playlist behind `url`, fetched again every few seconds until it has ended
/// (or the page goes away); `None` until the first answer. A failed poll keeps the last one.
pub fn watch_playlist(url: String) -> Signal<Option<Playlist>> {
    let version = RwSignal::new(0u32);
    let polled = LocalResource::new(move || {
        version.track();
        let url = url.clone();
        async move { media_playlist(&url).await }
    });
    let last = RwSignal::new(None::<Playlist>);
    Effect::new(move |_| {
        if let Some(Some(p)) = polled.get() {
            last.set(Some(p));
        }
    });
    if let Ok(handle) = set_interval_with_handle(
        move || {
            if !last.with_untracked(|p| p.as_ref().is_some_and(|p| p.ended)) {
                version.update(|v| *v += 1);
            }
        },
        Duration::from_millis(REFRESH_MS),
    ) {
        on_cleanup(move || handle.clear());
    }
    last.into()
}

/// Thumbnails of the session; empty when the stream has none (no error shown).
pub fn load_thumbs(bucket: &str, name: &str, session: Option<i64>) -> Signal<Vec<Thumb>> {
    let url = session.map(|s| thumbs_index_url(bucket, name, s));
    let index = LocalResource::new(move || {
        let url = url.clone();
        async move {
            let url = url?;
            let body = fetch_text(&url).await.ok()?;
            Some(parse_thumbs(&url, &body))
        }
    });
    Signal::derive(move || index.get().flatten().unwrap_or_default())
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
