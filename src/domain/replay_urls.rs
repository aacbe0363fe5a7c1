//! Replay URLs as the official library builds them (dashboard-ui.md §3.2–§3.3): the bucket,
//! current and session playlists (with `-abr`), share and embed URLs, the `<iframe>` snippet,
//! the ffmpeg command line, and `getSessionFromFilename`. Pure functions: an impossible
//! interval gives `None` where the library returns `""` or throws.

use contract::{media, pages};

use super::jsnum::{parse_float, parse_int10, to_fixed3, to_js_string, truthy};
use super::share;
use super::urls::encode_component;

pub const OFFICIAL_BUCKET: &str = "https://bintu-vod.nanocosmos.de/vod/replay";
pub const OFFICIAL_API_HOST: &str = "bintu.nanocosmos.de";
pub const OFFICIAL_PAGE_ROOT: &str = "https://replay.nanocosmos.de";

/// Where media lives and where links point (the library's `CONFIG`).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ReplayConfig {
    /// No trailing slash.
    pub bucket: String,
    /// Origin the share and embed links open on, no trailing slash.
    pub page_root: String,
    /// The replayer's path, with its leading `/` (the contract's replay pages).
    pub page_path: String,
}

impl ReplayConfig {
    /// Links on our own replayer at `origin`, media from `bucket`.
    pub fn ours(bucket: &str, origin: &str) -> Self {
        ReplayConfig {
            bucket: bucket.trim_end_matches('/').into(),
            page_root: origin.trim_end_matches('/').into(),
            page_path: pages::path(pages::REPLAY_PLAYER),
        }
    }

    /// The same clip on the official replayer path (for links that must open there).
    pub fn with_official_path(&self) -> Self {
        ReplayConfig {
            page_path: pages::path(pages::LIVE_REPLAYER),
            ..self.clone()
        }
    }
}

/// The bucket for the signed-in API base: the official VOD bucket for the real Bintu API,
/// `<base>/vod/replay` for another API (bintu-local), the console's origin when signed out.
pub fn bucket_for(api_base: Option<&str>, origin: &str) -> String {
    match api_base.map(|b| b.trim_end_matches('/')) {
        Some(b)
            if b.split("://")
                .nth(1)
                .is_some_and(|h| h == OFFICIAL_API_HOST) =>
        {
            OFFICIAL_BUCKET.into()
        }
        Some(b) if !b.is_empty() => media::replay_bucket(b),
        _ => media::replay_bucket(origin),
    }
}

/// `getResolvedHlsUrl(session)`: `<bucket>/<name>[-abr][-<session>].m3u8`.
pub fn playlist_url(bucket: &str, stream_name: &str, session: Option<i64>) -> String {
    format!("{bucket}/{}", media::playlist_file(stream_name, session))
}

/// `<bucket>/<name>-abr[-<session>].m3u8`, probed by `findBestHlsUrl`.
pub fn abr_playlist_url(bucket: &str, stream_name: &str, session: Option<i64>) -> String {
    playlist_url(bucket, &media::abr_name(stream_name), session)
}

/// `<root>/<path>?share=<code>`; `None` where `getShareUrl` gives `""`.
pub fn share_url(
    cfg: &ReplayConfig,
    name: &str,
    cue_in: f64,
    cue_out: f64,
    session: Option<i64>,
) -> Option<String> {
    let page = format!("{}{}", cfg.page_root, cfg.page_path);
    share_link(&page, name, cue_in, cue_out, session)
}

/// `<page>?share=<code>`: our replay page's link and the official replayer's are built alike;
/// `None` for an invalid interval.
pub fn share_link(
    page: &str,
    name: &str,
    cue_in: f64,
    cue_out: f64,
    session: Option<i64>,
) -> Option<String> {
    let code = share::encode(name, cue_in, cue_out, session)?;
    // The code is [A-Za-z0-9]; encoding keeps it as is and protects a `+` or `/` (§3.7 item 18).
    Some(format!("{page}?share={}", encode_component(&code)))
}

/// `new Date(ms).toISOString()`, or `None` where it throws (beyond ±8.64e15 ms or NaN).
pub fn js_iso(ms: f64) -> Option<String> {
    if !ms.is_finite() || ms.abs() > 8.64e15 {
        return None;
    }
    let ms = ms.trunc() as i64;
    let iso = super::time::to_iso(ms);
    let (y, ..) = super::time::utc_parts(ms);
    if (0..=9999).contains(&y) {
        return Some(iso);
    }
    // Expanded years: ±YYYYYY.
    let rest = iso.split_once('-').map(|(_, r)| r).unwrap_or_default();
    let rest = if y < 0 {
        rest.split_once('-').map_or(rest, |(_, r)| r)
    } else {
        rest
    };
    Some(format!(
        "{}{:06}-{rest}",
        if y < 0 { '-' } else { '+' },
        y.abs()
    ))
}

/// `getEmbedUrl`: `<root>/<path>?streamname=<n>&from=<ISO>&to=<ISO>&session=<s>`, `None`
/// where the library returns `""`, and where it would throw (§3.7 item 3).
pub fn embed_url(
    cfg: &ReplayConfig,
    name: &str,
    cue_in: f64,
    cue_out: f64,
    session: Option<i64>,
) -> Option<String> {
    let session = session.filter(|s| *s != 0)?;
    if !(truthy(cue_in) || truthy(cue_out))
        || !(cue_in >= 0.0 && cue_out >= 0.0 && cue_out > cue_in)
    {
        return None;
    }
    let s = session as f64;
    let from = js_iso(parse_float(&to_js_string(cue_in)) * 1000.0 + s)?;
    let to = js_iso(parse_float(&to_js_string(cue_out)) * 1000.0 + s)?;
    Some(format!(
        "{}{}?streamname={name}&from={from}&to={to}&session={session}",
        cfg.page_root, cfg.page_path
    ))
}

/// An `<iframe>` snippet for an embed URL (attribute-escaped).
pub fn iframe_snippet(embed_url: &str) -> String {
    let src = embed_url.replace('&', "&amp;").replace('"', "&quot;");
    format!(
        "<iframe src=\"{src}\" width=\"640\" height=\"360\" allow=\"autoplay; fullscreen\" allowfullscreen style=\"border:0\"></iframe>"
    )
}

/// `getFFMPEGCommandLine`, byte for byte.
pub fn ffmpeg_command(
    bucket: &str,
    name: &str,
    cue_in: f64,
    cue_out: f64,
    session: Option<i64>,
) -> Option<String> {
    if !(cue_in >= 0.0 && truthy(cue_out) && cue_out > cue_in) {
        return None;
    }
    Some(format!(
        "ffmpeg -ss {} -to {} -i {} -c copy -y shared.mp4",
        to_fixed3(cue_in),
        to_fixed3(cue_out),
        playlist_url(bucket, name, session)
    ))
}

/// Our variant: quoted URL and an output named after the stream and the range.
pub fn ffmpeg_command_named(
    bucket: &str,
    name: &str,
    cue_in: f64,
    cue_out: f64,
    session: Option<i64>,
) -> Option<String> {
    ffmpeg_command(bucket, name, cue_in, cue_out, session)?;
    let out = super::clip_plan::clip_file_name(name, cue_in, cue_out);
    Some(format!(
        "ffmpeg -ss {} -to {} -i '{}' -c copy -y '{out}'",
        to_fixed3(cue_in),
        to_fixed3(cue_out),
        playlist_url(bucket, name, session)
    ))
}

/// `getSessionFromFilename(x)`: a session number or a playlist file name; 0 and NaN are none.
pub fn session_from_filename(x: &str) -> Option<i64> {
    let ext = format!(".{}", contract::media::PLAYLIST_EXT);
    let part = match x.strip_suffix(&ext) {
        Some(_) => x
            .split(&ext)
            .next()
            .unwrap_or_default()
            .split('-')
            .nth(2)
            .unwrap_or(""),
        None => x,
    };
    let v = parse_int10(part);
    (truthy(v) && v.abs() < 9.2e18).then_some(v as i64)
}

#[cfg(test)]
mod tests;
