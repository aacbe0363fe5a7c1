//! The media layout and replay naming rules (CONTRACT.md "Media layout"): where bintu-local
//! writes each file, under which URL it serves it, and how the console and the official
//! replay library name playlists. Paths are relative to the media directory, which the
//! server exposes read-only under [`VOD`]. The layout read backwards is [`parse`];
//! bintu-local's unserved work files of a session are [`work`].

pub mod parse;
pub mod work;

/// URL path under which the media directory is served.
pub const VOD: &str = "/vod";
/// The replay playlists' and segments' directory (the replay "bucket" is `<origin>/vod/replay`).
pub const REPLAY_DIR: &str = "replay";
/// The rolling thumbnail's and motion clip's directory.
pub const THUMBNAILS_DIR: &str = "thumbnails";
/// The sessions' timeline pictures' directory, inside the replay bucket.
pub const TIMELINE_DIR: &str = "thumbs";
/// The suffix of a group's virtual ABR name, whose playlists are multivariant.
pub const ABR_SUFFIX: &str = "-abr";
/// The tag in `<name>.m3u8` that names the current session's playlist.
pub const NANO_PLAYLIST_TAG: &str = "#EXT-X-NANO-PLAYLIST";
/// The timeline's index, `[{"t":seconds,"file":"<seconds>.jpg"}]`.
pub const TIMELINE_INDEX: &str = "index.json";

/// File extensions (without the dot): pictures, motion clips, recordings, HLS playlists and
/// segments.
pub const PICTURE_EXT: &str = "jpg";
pub const MOTION_EXT: &str = "gif";
pub const RECORDING_EXT: &str = "mp4";
pub const PLAYLIST_EXT: &str = "m3u8";
pub const SEGMENT_EXT: &str = "ts";

/// `thumbnails/<name>.jpg`, overwritten in place every interval.
pub fn thumbnail(name: &str) -> String {
    format!("{THUMBNAILS_DIR}/{name}.{PICTURE_EXT}")
}

/// `thumbnails/<name>.gif`, overwritten in place every interval.
pub fn motionclip(name: &str) -> String {
    format!("{THUMBNAILS_DIR}/{name}.{MOTION_EXT}")
}

/// `<name>-<session>.mp4`, one recording per session (session = epoch ms).
pub fn recording(name: &str, session_ms: i64) -> String {
    format!("{name}-{session_ms}.{RECORDING_EXT}")
}

/// `<name>.mp4`: the docs' recording URL (bintu-api.md §3.5), the stream's latest recording
/// (bintu-local's media handler resolves it to that session's file, see
/// [`parse::latest_recording_name`]).
pub fn latest_recording(name: &str) -> String {
    format!("{name}.{RECORDING_EXT}")
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
        Some(s) => format!("{name}-{s}.{PLAYLIST_EXT}"),
        None => format!("{name}.{PLAYLIST_EXT}"),
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
    format!("{REPLAY_DIR}/{name}-{session_ms}-%%05d-%s.{SEGMENT_EXT}")
}

/// A session's timeline thumbnails relative to the replay bucket: `thumbs/<name>-<session>`
/// (`name` without `-abr`: the pictures are the passthrough's), listed in [`TIMELINE_INDEX`].
pub fn timeline_in_bucket(name: &str, session_ms: i64) -> String {
    format!("{TIMELINE_DIR}/{}-{session_ms}", base_name(name))
}

/// The same directory relative to the media directory: `replay/thumbs/<name>-<session>`.
pub fn timeline_dir(name: &str, session_ms: i64) -> String {
    format!("{REPLAY_DIR}/{}", timeline_in_bucket(name, session_ms))
}

/// A timeline picture's file name in its directory: `<seconds into the session>.jpg`.
pub fn timeline_picture(seconds: i64) -> String {
    format!("{seconds}.{PICTURE_EXT}")
}

/// Public URL of a media path: `<base>/vod/<path>`.
pub fn url(public_base: &str, path: &str) -> String {
    format!("{public_base}{VOD}/{path}")
}

/// The replay bucket (where the playlists are) of a media origin: `<base>/vod/replay`.
pub fn replay_bucket(public_base: &str) -> String {
    url(public_base.trim_end_matches('/'), REPLAY_DIR)
}

#[cfg(test)]
mod tests;
