//! The media layout of CONTRACT.md ("Media layout"), in one place for the engine that writes
//! files and the API that lists them. Paths are relative to the media directory, which the
//! server exposes read-only under `/vod`.

/// `thumbnails/<name>.jpg`, overwritten in place every interval.
pub fn thumbnail(name: &str) -> String {
    format!("thumbnails/{name}.jpg")
}

/// `thumbnails/<name>.gif`, overwritten in place every interval.
pub fn motionclip(name: &str) -> String {
    format!("thumbnails/{name}.gif")
}

/// `<name>-<session>.mp4`, one recording per session.
pub fn recording(name: &str, session_ms: i64) -> String {
    format!("{name}-{session_ms}.mp4")
}

/// `<name>.mp4`: the docs' recording URL (bintu-api.md §3.5), the member's latest
/// recording; the media handler resolves it to that session's file.
pub fn latest_recording(name: &str) -> String {
    format!("{name}.mp4")
}

/// `replay/<name>.m3u8`: the latest session, carrying `#EXT-X-NANO-PLAYLIST`.
pub fn replay_current(name: &str) -> String {
    format!("replay/{name}.m3u8")
}

/// `replay/<name>-<session>.m3u8`.
pub fn replay_session(name: &str, session_ms: i64) -> String {
    format!("replay/{name}-{session_ms}.m3u8")
}

/// `replay/<name>-abr.m3u8` (groups whose members have replay).
pub fn replay_abr_current(name: &str) -> String {
    format!("replay/{name}-abr.m3u8")
}

/// `replay/<name>-abr-<session>.m3u8`.
pub fn replay_abr_session(name: &str, session_ms: i64) -> String {
    format!("replay/{name}-abr-{session_ms}.m3u8")
}

/// Public URL of a media path on this server: `<base>/vod/<path>`.
pub fn url(public_base: &str, path: &str) -> String {
    format!("{public_base}/vod/{path}")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn layout_matches_the_contract() {
        assert_eq!(thumbnail("ab-cd"), "thumbnails/ab-cd.jpg");
        assert_eq!(motionclip("ab-cd"), "thumbnails/ab-cd.gif");
        assert_eq!(recording("ab-cd", 17), "ab-cd-17.mp4");
        assert_eq!(latest_recording("ab-cd"), "ab-cd.mp4");
        assert_eq!(replay_current("ab-cd"), "replay/ab-cd.m3u8");
        assert_eq!(replay_session("ab-cd", 17), "replay/ab-cd-17.m3u8");
        assert_eq!(replay_abr_current("ab-cd"), "replay/ab-cd-abr.m3u8");
        assert_eq!(replay_abr_session("ab-cd", 17), "replay/ab-cd-abr-17.m3u8");
        assert_eq!(url("http://h:1", "x.mp4"), "http://h:1/vod/x.mp4");
    }
}
