//! Rules of the replay pages that do not touch the browser: which clip a replayer URL asks
//! for (`?share=` or `?streamname=&session=&from=&to=`, dashboard-ui.md §3.6), the hls.js
//! configuration (real v1 retry policies, not the demo's dead keys), clamping the playhead
//! to the clip, quality labels and the "from live" read-out.

use serde_json::{json, Value};

use super::cue_time::format_duration;
use super::replay_urls::session_from_filename;
use super::share;
use super::time::parse_iso;
use super::urls::decode_component;

/// What the replayer plays.
#[derive(Clone, Debug, PartialEq)]
pub struct ReplayTarget {
    pub stream_name: String,
    /// `None`: the latest session, found through the current playlist.
    pub session: Option<i64>,
    pub cue_in: f64,
    /// `f64::INFINITY`: to the end of the session.
    pub cue_out: f64,
    /// Share mode pins the session playlist; query mode may use `-abr`/latest.
    pub from_share: bool,
}

/// Resolves the replayer's query (raw, still percent-encoded values) into a target, or the
/// reason the link is invalid. `session` for `from`/`to` must be known to place wall-clock
/// times, so they are kept as epoch ms in `pending_from_to` when the session is still unknown.
pub fn resolve(
    share_raw: Option<&str>,
    streamname: Option<&str>,
    session: Option<&str>,
) -> Result<ReplayTarget, String> {
    if let Some(raw) = share_raw.filter(|s| !s.is_empty()) {
        let code = decode_component(raw).ok_or("the share code is not valid URL text")?;
        let c = share::decode(&code).map_err(|e| e.to_string())?;
        let session = c
            .session
            .ok_or("this clip was shared without its session, so it cannot be found")?;
        if !(c.cue_in.is_finite() && c.cue_out.is_finite() && c.cue_in >= 0.0) {
            return Err("the clip times are out of range".into());
        }
        return Ok(ReplayTarget {
            stream_name: c.stream_name,
            session: Some(session),
            cue_in: c.cue_in,
            cue_out: c.cue_out,
            from_share: true,
        });
    }
    let name = streamname
        .and_then(decode_component)
        .filter(|n| !n.trim().is_empty())
        .ok_or("This link is missing its clip information.")?;
    if name.chars().count() > share::MAX_NAME_CHARS {
        return Err("the stream name is too long".into());
    }
    let session = session
        .and_then(decode_component)
        .and_then(|s| session_from_filename(&s));
    Ok(ReplayTarget {
        stream_name: name,
        session,
        cue_in: 0.0,
        cue_out: f64::INFINITY,
        from_share: false,
    })
}

/// Applies `from`/`to` (ISO) once the session is known: `(Date(x) − session)/1000`, with
/// the official bounds `cueIn = max(0, cueIn||0)`, `cueOut = max(cueIn+1, cueOut||∞)`.
pub fn apply_from_to(t: &mut ReplayTarget, session: i64, from: Option<&str>, to: Option<&str>) {
    let rel = |v: Option<&str>| {
        v.and_then(decode_component)
            .and_then(|s| parse_iso(&s))
            .map(|ms| (ms - session) as f64 / 1000.0)
    };
    t.cue_in = rel(from).filter(|c| *c > 0.0).unwrap_or(0.0);
    t.cue_out = rel(to).unwrap_or(f64::INFINITY).max(t.cue_in + 1.0);
}

/// The raw (still percent-encoded) value of `key` in a `?a=b&c=d` query. Share codes must
/// not go through form decoding, which would turn `+` into a space (§3.7 item 18).
pub fn query_param<'a>(search: &'a str, key: &str) -> Option<&'a str> {
    search
        .trim_start_matches('?')
        .split('&')
        .find_map(|kv| match kv.split_once('=') {
            Some((k, v)) if k == key => Some(v),
            None if kv == key => Some(""),
            _ => None,
        })
}

/// Where a seek to `t` lands inside the clip.
pub fn clamp(t: f64, cue_in: f64, cue_out: f64) -> f64 {
    if t.is_nan() {
        return cue_in;
    }
    t.max(cue_in).min(cue_out)
}

/// hls.js v1 options. `start` is the start position (`None`: hls.js default, the live edge
/// for a live playlist); `clip_len` bounds the forward buffer like the official replayer.
pub fn hls_config(start: Option<f64>, clip_len: Option<f64>) -> Value {
    let policy = |retries: u32, first_byte_ms: u32| {
        json!({"default": {
            "maxTimeToFirstByteMs": first_byte_ms, "maxLoadTimeMs": 20000,
            "timeoutRetry": {"maxNumRetry": retries, "retryDelayMs": 0, "maxRetryDelayMs": 0},
            "errorRetry": {"maxNumRetry": retries, "retryDelayMs": 1000, "maxRetryDelayMs": 8000}
        }})
    };
    let buffer = clip_len.map_or(600.0, |l| (l.round() + 30.0).min(300.0));
    let mut cfg = json!({
        "enableWorker": true, "maxBufferLength": buffer, "maxMaxBufferLength": 1200,
        "maxBufferSize": 0, "maxBufferHole": 1, "startFragPrefetch": true, "startLevel": -1,
        // A missing playlist is retried by the page with a visible countdown instead.
        "manifestLoadPolicy": policy(1, 8000),
        "playlistLoadPolicy": policy(3, 8000),
        "fragLoadPolicy": policy(5, 10000),
    });
    if let Some(s) = start {
        cfg["startPosition"] = json!(s);
    }
    cfg
}

/// `720p`, or the bitrate when the level has no height (never "undefinedp", §3.7 item 15).
pub fn level_label(height: Option<u32>, bitrate: Option<u64>) -> String {
    match (height, bitrate) {
        (Some(h), _) if h > 0 => format!("{h}p"),
        (_, Some(b)) if b > 0 => format!("{} kbps", b / 1000),
        _ => "Unknown".into(),
    }
}

/// The "from live" read-out: `m:ss from Live`, or "Edge of Buffer" at the live edge, or
/// "Session ended" for a finished session (the demo's read-out is meaningless there).
pub fn from_live(live_sync: Option<f64>, position: f64, ended: bool) -> String {
    if ended {
        return "Session ended".into();
    }
    match live_sync {
        Some(l) if l - position >= 1.0 => format!("{} from Live", format_duration(l - position)),
        _ => "Edge of Buffer".into(),
    }
}

/// A sentence for a fatal player error (hls.js `type`/`details`), never a blank page.
pub fn explain_fatal(kind: &str, details: &str, url: Option<&str>) -> String {
    let at = url.map(|u| format!(" ({u})")).unwrap_or_default();
    match (kind, details) {
        (_, "manifestLoadError" | "manifestLoadTimeOut" | "manifestParsingError") => {
            format!("Replay not available for this session{at}.")
        }
        (_, "fragLoadError" | "fragLoadTimeOut") => {
            format!("A part of the video could not be loaded{at}. Seek to try again.")
        }
        ("mediaError", _) => {
            "The video could not be decoded, even after a recovery attempt.".into()
        }
        ("networkError", _) => format!("The video could not be loaded: {details}{at}."),
        _ => format!("Playback stopped: {details}."),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn share_links_resolve_and_bad_ones_say_why() {
        let t = resolve(
            Some("YWJjZGUtZmdoaWp8MTB8NjB8MTcxMjM0NTY3ODkwMQ"),
            None,
            None,
        )
        .unwrap();
        assert_eq!(
            (t.cue_in, t.cue_out, t.session),
            (10.0, 60.0, Some(1712345678901))
        );
        assert!(t.from_share);
        let e = resolve(Some("YWJjZGUtZmdoaWp8MTB8NjB8MTcxMjM0NTY3OD%"), None, None).unwrap_err();
        assert_eq!(e, "the share code is not valid URL text");
        let e = resolve(Some("Y"), Some("a-b"), None).unwrap_err();
        assert!(e.contains("base64"), "{e}");
        // "a-b|1|9|" has no session.
        assert!(resolve(Some("YS1ifDF8OXw"), None, None)
            .unwrap_err()
            .contains("session"));
        assert_eq!(
            resolve(None, None, None).unwrap_err(),
            "This link is missing its clip information."
        );
    }

    #[test]
    fn query_mode_reads_session_and_from_to() {
        let mut t = resolve(None, Some("ab-cd-abr"), Some("ab-cd-1000.m3u8")).unwrap();
        assert_eq!(
            (t.stream_name.as_str(), t.session),
            ("ab-cd-abr", Some(1000))
        );
        apply_from_to(
            &mut t,
            1000,
            Some("1970-01-01T00:00:11.000Z"),
            Some("1970-01-01T00:00:31.500Z"),
        );
        assert_eq!((t.cue_in, t.cue_out), (10.0, 30.5));
        apply_from_to(&mut t, 1000, Some("bad"), None);
        assert_eq!((t.cue_in, t.cue_out), (0.0, f64::INFINITY));
        apply_from_to(
            &mut t,
            1000,
            Some("1970-01-01T00:00:11.000Z"),
            Some("1970-01-01T00:00:01.000Z"),
        );
        assert_eq!((t.cue_in, t.cue_out), (10.0, 11.0));
    }

    #[test]
    fn config_uses_real_v1_policies() {
        let c = hls_config(Some(12.5), Some(20.0));
        assert_eq!(c["startPosition"], 12.5);
        assert_eq!(c["maxBufferLength"], 50.0);
        assert_eq!(
            c["fragLoadPolicy"]["default"]["errorRetry"]["maxNumRetry"],
            5
        );
        assert!(c.get("maxRetry").is_none());
        assert!(hls_config(None, None).get("startPosition").is_none());
    }

    #[test]
    fn fatal_errors_read_as_sentences() {
        assert_eq!(
            explain_fatal("networkError", "manifestLoadError", Some("http://h/x.m3u8")),
            "Replay not available for this session (http://h/x.m3u8)."
        );
        assert!(explain_fatal("networkError", "fragLoadError", None).contains("Seek to try again"));
        assert!(explain_fatal("mediaError", "bufferStalledError", None).contains("recovery"));
    }

    #[test]
    fn raw_query_values_keep_plus() {
        let q = "?share=ab+c%2B&streamname=x&flag";
        assert_eq!(query_param(q, "share"), Some("ab+c%2B"));
        assert_eq!(query_param(q, "streamname"), Some("x"));
        assert_eq!(query_param(q, "flag"), Some(""));
        assert_eq!(query_param(q, "session"), None);
    }

    #[test]
    fn labels_and_read_outs() {
        assert_eq!(level_label(Some(720), Some(1)), "720p");
        assert_eq!(level_label(None, Some(800_000)), "800 kbps");
        assert_eq!(level_label(Some(0), None), "Unknown");
        assert_eq!(from_live(Some(100.0), 25.0, false), "1:15 from Live");
        assert_eq!(from_live(Some(100.0), 99.5, false), "Edge of Buffer");
        assert_eq!(from_live(None, 5.0, true), "Session ended");
        assert_eq!(clamp(f64::NAN, 2.0, 9.0), 2.0);
        assert_eq!(clamp(12.0, 2.0, 9.0), 9.0);
    }

    // proptest needs OS randomness: host only.
    #[cfg(not(target_arch = "wasm32"))]
    mod props {
        use super::*;
        use proptest::prelude::*;

        proptest! {
            #[test]
            fn resolve_never_panics(a in proptest::option::of("\\PC{0,200}"),
                                    b in proptest::option::of("\\PC{0,200}"),
                                    c in proptest::option::of("\\PC{0,30}")) {
                let _ = resolve(a.as_deref(), b.as_deref(), c.as_deref());
            }
        }
    }
}
