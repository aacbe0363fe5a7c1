//! The media layout and replay naming rules (CONTRACT.md "Media layout"): where bintu-local
//! writes each file, under which URL it serves it, and how the console and the official
//! replay library name playlists. Paths are relative to the media directory, which the
//! server exposes read-only under [`VOD`].

/// URL path under which the media directory is served.
pub const VOD: &str = "/vod";
/// The replay playlists' and segments' directory (the replay "bucket" is `<origin>/vod/replay`).
pub const REPLAY_DIR: &str = "replay";
/// The rolling thumbnail's and motion clip's directory.
pub const THUMBNAILS_DIR: &str = "thumbnails";
/// The suffix of a group's virtual ABR name, whose playlists are multivariant.
pub const ABR_SUFFIX: &str = "-abr";
/// The tag in `<name>.m3u8` that names the current session's playlist.
pub const NANO_PLAYLIST_TAG: &str = "#EXT-X-NANO-PLAYLIST";

/// `thumbnails/<name>.jpg`, overwritten in place every interval.
pub fn thumbnail(name: &str) -> String {
    format!("{THUMBNAILS_DIR}/{name}.jpg")
}

/// `thumbnails/<name>.gif`, overwritten in place every interval.
pub fn motionclip(name: &str) -> String {
    format!("{THUMBNAILS_DIR}/{name}.gif")
}

/// `<name>-<session>.mp4`, one recording per session (session = epoch ms).
pub fn recording(name: &str, session_ms: i64) -> String {
    format!("{name}-{session_ms}.mp4")
}

/// `<name>.mp4`: the docs' recording URL (bintu-api.md §3.5), the stream's latest recording
/// (bintu-local's media handler resolves it to that session's file).
pub fn latest_recording(name: &str) -> String {
    format!("{name}.mp4")
}

/// Whether a stream name is a group's virtual ABR name (`<name>-abr`).
pub fn is_abr(name: &str) -> bool {
    name.ends_with(ABR_SUFFIX)
}

/// The stream name without a trailing `-abr`.
pub fn base_name(name: &str) -> &str {
    name.strip_suffix(ABR_SUFFIX).unwrap_or(name)
}

/// The virtual ABR name of a group whose passthrough is `name` (`-abr` is not doubled).
pub fn abr_name(name: &str) -> String {
    format!("{}{ABR_SUFFIX}", base_name(name))
}

/// A replay playlist's file name: `<name>.m3u8` (the current session, carrying
/// [`NANO_PLAYLIST_TAG`]) or `<name>-<session>.m3u8`; `name` may be an ABR name.
pub fn playlist_file(name: &str, session_ms: Option<i64>) -> String {
    match session_ms {
        Some(s) => format!("{name}-{s}.m3u8"),
        None => format!("{name}.m3u8"),
    }
}

/// `replay/<playlist_file>`.
pub fn replay_playlist(name: &str, session_ms: Option<i64>) -> String {
    format!("{REPLAY_DIR}/{}", playlist_file(name, session_ms))
}

/// The line that makes `<name>.m3u8` point at its session's playlist.
pub fn nano_playlist_line(session_file: &str) -> String {
    format!("{NANO_PLAYLIST_TAG}:{session_file}")
}

/// ffmpeg's segment pattern for a session: `replay/<name>-<session>-<index>-<unixSeconds>.ts`
/// (`%%05d` is the segment index and `%s` the wall clock, in ffmpeg's strftime mode).
pub fn segment_pattern(name: &str, session_ms: i64) -> String {
    format!("{REPLAY_DIR}/{name}-{session_ms}-%%05d-%s.ts")
}

/// A session's timeline thumbnails relative to the replay bucket: `thumbs/<name>-<session>`
/// (`name` without `-abr`: the pictures are the passthrough's), listed in [`TIMELINE_INDEX`].
pub fn timeline_in_bucket(name: &str, session_ms: i64) -> String {
    format!("thumbs/{}-{session_ms}", base_name(name))
}

/// The same directory relative to the media directory: `replay/thumbs/<name>-<session>`.
pub fn timeline_dir(name: &str, session_ms: i64) -> String {
    format!("{REPLAY_DIR}/{}", timeline_in_bucket(name, session_ms))
}

/// The timeline's index, `[{"t":seconds,"file":"<seconds>.jpg"}]`.
pub const TIMELINE_INDEX: &str = "index.json";

/// Public URL of a media path: `<base>/vod/<path>`.
pub fn url(public_base: &str, path: &str) -> String {
    format!("{public_base}{VOD}/{path}")
}

/// The replay bucket (where the playlists are) of a media origin: `<base>/vod/replay`.
pub fn replay_bucket(public_base: &str) -> String {
    url(public_base.trim_end_matches('/'), REPLAY_DIR)
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
        assert_eq!(replay_playlist("ab-cd", None), "replay/ab-cd.m3u8");
        assert_eq!(replay_playlist("ab-cd", Some(17)), "replay/ab-cd-17.m3u8");
        assert_eq!(
            replay_playlist(&abr_name("ab-cd"), None),
            "replay/ab-cd-abr.m3u8"
        );
        assert_eq!(playlist_file("ab-cd-abr", Some(17)), "ab-cd-abr-17.m3u8");
        assert_eq!(segment_pattern("n", 5), "replay/n-5-%%05d-%s.ts");
        assert_eq!(timeline_dir("ab-cd-abr", 17), "replay/thumbs/ab-cd-17");
        assert_eq!(timeline_in_bucket("ab-cd", 17), "thumbs/ab-cd-17");
        assert_eq!(url("http://h:1", "x.mp4"), "http://h:1/vod/x.mp4");
        assert_eq!(replay_bucket("http://h:1/"), "http://h:1/vod/replay");
        assert_eq!(
            nano_playlist_line("n-17.m3u8"),
            "#EXT-X-NANO-PLAYLIST:n-17.m3u8"
        );
    }

    #[test]
    fn abr_names() {
        assert!(is_abr("a-b-abr") && !is_abr("a-b"));
        assert_eq!(base_name("a-b-abr"), "a-b");
        assert_eq!(base_name("a-b"), "a-b");
        assert_eq!(abr_name("a-b"), "a-b-abr");
        assert_eq!(abr_name("a-b-abr"), "a-b-abr");
    }
}
