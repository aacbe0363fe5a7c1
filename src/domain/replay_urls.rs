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
    let code = share::encode(name, cue_in, cue_out, session)?;
    // The code is [A-Za-z0-9]; encoding keeps it as is and protects a `+` or `/` (§3.7 item 18).
    Some(format!(
        "{}{}?share={}",
        cfg.page_root,
        cfg.page_path,
        encode_component(&code)
    ))
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
    let part = match x.strip_suffix(".m3u8") {
        Some(_) => x
            .split(".m3u8")
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
mod tests {
    use super::*;

    const B: &str = OFFICIAL_BUCKET;

    fn cfg() -> ReplayConfig {
        ReplayConfig::ours(B, "https://replay.nanocosmos.de/").with_official_path()
    }

    #[test]
    fn buckets_follow_the_api_base() {
        assert_eq!(
            bucket_for(Some("https://bintu.nanocosmos.de"), "http://o"),
            B
        );
        assert_eq!(
            bucket_for(Some("http://127.0.0.1:9/"), "http://o"),
            "http://127.0.0.1:9/vod/replay"
        );
        assert_eq!(bucket_for(None, "http://o/"), "http://o/vod/replay");
    }

    #[test]
    fn playlists_put_abr_before_the_session() {
        assert_eq!(playlist_url(B, "ab-cd", None), format!("{B}/ab-cd.m3u8"));
        assert_eq!(
            playlist_url(B, "ab-cd", Some(17)),
            format!("{B}/ab-cd-17.m3u8")
        );
        assert_eq!(
            playlist_url(B, "ab-cd-abr", Some(17)),
            format!("{B}/ab-cd-abr-17.m3u8")
        );
        assert_eq!(
            abr_playlist_url(B, "ab-cd", None),
            format!("{B}/ab-cd-abr.m3u8")
        );
    }

    #[test]
    fn share_embed_and_ffmpeg_match_the_spec_examples() {
        let s = Some(1712345678901);
        assert_eq!(
            share_url(&cfg(), "abcde-fghij", 10.0, 60.0, s).unwrap(),
            "https://replay.nanocosmos.de/live-replay/replayer?share=YWJjZGUtZmdoaWp8MTB8NjB8MTcxMjM0NTY3ODkwMQ"
        );
        assert_eq!(
            embed_url(&cfg(), "abcde-fghij", 10.0, 60.0, s).unwrap(),
            "https://replay.nanocosmos.de/live-replay/replayer?streamname=abcde-fghij&from=2024-04-05T19:34:48.901Z&to=2024-04-05T19:35:38.901Z&session=1712345678901"
        );
        assert_eq!(
            ffmpeg_command(B, "abcde-fghij", 10.0, 60.0, s).unwrap(),
            "ffmpeg -ss 10.000 -to 60.000 -i https://bintu-vod.nanocosmos.de/vod/replay/abcde-fghij-1712345678901.m3u8 -c copy -y shared.mp4"
        );
        assert_eq!(
            ffmpeg_command_named(B, "ab-cd-abr", 1.5, 9.25, Some(3)).unwrap(),
            format!("ffmpeg -ss 1.500 -to 9.250 -i '{B}/ab-cd-abr-3.m3u8' -c copy -y 'ab-cd-abr-1s-10s.mp4'")
        );
    }

    #[test]
    fn impossible_intervals_give_nothing_instead_of_throwing() {
        assert_eq!(embed_url(&cfg(), "a-b", 5.0, f64::NAN, Some(1)), None);
        assert_eq!(embed_url(&cfg(), "a-b", 0.0, 0.0, Some(1)), None);
        assert_eq!(embed_url(&cfg(), "a-b", 1.0, 9.0, None), None);
        assert_eq!(embed_url(&cfg(), "a-b", 1.0, 1e13, Some(1)), None);
        assert_eq!(ffmpeg_command(B, "a-b", 9.0, 1.0, None), None);
        assert_eq!(share_url(&cfg(), "a-b", -1.0, 1.0, None), None);
        // Fractional milliseconds are truncated, like TimeClip.
        let e = embed_url(&cfg(), "a-b", 0.0019, 1.0, Some(1000)).unwrap();
        assert!(e.contains("from=1970-01-01T00:00:01.001Z"), "{e}");
    }

    #[test]
    fn iframe_escapes_the_url() {
        assert_eq!(
            iframe_snippet("h?a=1&b=\"2\""),
            "<iframe src=\"h?a=1&amp;b=&quot;2&quot;\" width=\"640\" height=\"360\" allow=\"autoplay; fullscreen\" allowfullscreen style=\"border:0\"></iframe>"
        );
    }

    #[test]
    fn sessions_from_numbers_and_file_names() {
        assert_eq!(session_from_filename("1712345678901"), Some(1712345678901));
        assert_eq!(
            session_from_filename("ab-cd-1712345678901.m3u8"),
            Some(1712345678901)
        );
        // The official quirk: index 2 of an ABR file name is "abr".
        assert_eq!(session_from_filename("ab-cd-abr-17.m3u8"), None);
        assert_eq!(session_from_filename("0"), None);
        assert_eq!(session_from_filename("undefined"), None);
        assert_eq!(
            js_iso(-62198755200000.0).as_deref(),
            Some("-000001-01-01T00:00:00.000Z")
        );
        assert_eq!(
            js_iso(253402300800000.0).as_deref(),
            Some("+010000-01-01T00:00:00.000Z")
        );
    }
}
