//! Playlists the engine writes next to ffmpeg's session playlists: the current
//! `<name>.m3u8` (a copy of the session playlist carrying `#EXT-X-NANO-PLAYLIST`, which the
//! official replay library reads to find the session) and the `-abr` multivariant playlists.

use std::path::PathBuf;
use std::time::Duration;

use contract::media::nano_playlist_line;
use tokio::sync::watch;

use super::atomic;

/// The session playlist with `#EXT-X-NANO-PLAYLIST:<file>` after `#EXTM3U`.
pub fn with_nano_tag(session_playlist: &str, session_file: &str) -> String {
    let body = session_playlist
        .strip_prefix("#EXTM3U")
        .unwrap_or(session_playlist)
        .trim_start_matches(['\r', '\n']);
    format!("#EXTM3U\n{}\n{body}", nano_playlist_line(session_file))
}

/// One variant of a multivariant playlist.
pub struct Variant {
    pub uri: String,
    /// bit/s including audio.
    pub bandwidth: i64,
    pub width: i64,
    pub height: i64,
}

/// A multivariant playlist over `variants`, highest first; `nano` names the session file.
pub fn multivariant(variants: &[Variant], nano: Option<&str>) -> String {
    let mut out = String::from("#EXTM3U\n#EXT-X-VERSION:3\n");
    if let Some(file) = nano {
        out.push_str(&format!("{}\n", nano_playlist_line(file)));
    }
    for v in variants {
        // The passthrough's resolution is not known ahead of the publish: no RESOLUTION then.
        let res = if v.width > 0 && v.height > 0 {
            format!(",RESOLUTION={}x{}", v.width, v.height)
        } else {
            String::new()
        };
        out.push_str(&format!(
            "#EXT-X-STREAM-INF:BANDWIDTH={}{res}\n{}\n",
            v.bandwidth, v.uri
        ));
    }
    out
}

/// Mirrors `session` into `current` (with the NANO tag) whenever ffmpeg rewrites it, until
/// `stop` turns true; then mirrors once more so the final `#EXT-X-ENDLIST` is carried over.
pub async fn mirror(
    session: PathBuf,
    current: PathBuf,
    session_file: String,
    mut stop: watch::Receiver<bool>,
) {
    let mut last = String::new();
    let mut seen = None;
    loop {
        let stopping = *stop.borrow();
        // A stat on the worker (microseconds, no blocking-pool hop) tells whether ffmpeg
        // rewrote the playlist since the last look; only then is it read (issue 13: the
        // read every 250 ms was a measurable part of a copy-only stream's CPU).
        let now = stamp(&session);
        let fresh = now.is_some() && (now != seen || stopping);
        seen = now;
        let text = match fresh {
            true => tokio::fs::read_to_string(&session).await.ok(),
            false => None,
        };
        if let Some(text) = text.filter(|t| *t != last) {
            let out = with_nano_tag(&text, &session_file);
            if let Err(e) = atomic::write(&current, out.as_bytes()).await {
                tracing::error!(file = %current.display(), error = %e, "cannot write playlist");
            }
            last = text;
        }
        if stopping {
            return;
        }
        tokio::select! {
            _ = tokio::time::sleep(Duration::from_millis(250)) => {}
            _ = stop.changed() => {}
        }
    }
}

/// What changes whenever ffmpeg rewrites a file (it writes a temp file and renames it, so
/// the inode changes even when the size and the coarse mtime do not).
fn stamp(path: &std::path::Path) -> Option<(u64, u64, std::time::SystemTime)> {
    use std::os::unix::fs::MetadataExt;
    let m = std::fs::metadata(path).ok()?;
    Some((m.ino(), m.len(), m.modified().ok()?))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn nano_tag_follows_the_header_and_keeps_the_playlist() {
        let p = "#EXTM3U\n#EXT-X-VERSION:3\n#EXTINF:2.0,\na-1.ts\n#EXT-X-ENDLIST\n";
        let out = with_nano_tag(p, "n-17.m3u8");
        assert!(out.starts_with("#EXTM3U\n#EXT-X-NANO-PLAYLIST:n-17.m3u8\n#EXT-X-VERSION:3\n"));
        assert!(out.ends_with("#EXT-X-ENDLIST\n"));
    }

    #[test]
    fn multivariant_lists_each_variant() {
        let v = [Variant {
            uri: "t-1.m3u8".into(),
            bandwidth: 528_000,
            width: 640,
            height: 360,
        }];
        let m = multivariant(&v, Some("p-abr-1.m3u8"));
        assert!(m.contains("#EXT-X-STREAM-INF:BANDWIDTH=528000,RESOLUTION=640x360\nt-1.m3u8\n"));
        assert!(m.contains("#EXT-X-NANO-PLAYLIST:p-abr-1.m3u8"));
    }
}
