//! The media layout read backwards: what a file of the media directory is part of, and the
//! stream name behind the docs' `<name>.mp4` URL. Stream names are `<orgHash>-<suffix>`, both
//! alphanumeric, so the first two `-`-separated parts of a file name are its stream.

use super::{
    MOTION_EXT, PICTURE_EXT, PLAYLIST_EXT, RECORDING_EXT, REPLAY_DIR, SEGMENT_EXT, THUMBNAILS_DIR,
    TIMELINE_DIR,
};

/// [`ABR_SUFFIX`](super::ABR_SUFFIX) as a `-`-separated part of a file name.
pub(crate) const ABR_PART: &str = "abr";

/// What a media file is part of.
#[derive(Clone, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Part {
    /// `<name>-<session>.mp4`.
    Recording { session: i64 },
    /// A session's replay playlist (also the `-abr` one) or segment.
    Replay { session: i64 },
    /// A file of `replay/thumbs/<name>-<session>/` (timeline pictures and their index).
    Timeline { session: i64 },
    /// `replay/<name>.m3u8` / `replay/<name>-abr.m3u8`: points at the latest session.
    CurrentPlaylist,
    /// `thumbnails/<name>.jpg` / `.gif`, overwritten in place.
    RollingPicture,
    /// Anything else named after the stream (temporary files of an atomic write).
    Other,
}

impl Part {
    /// The session the file belongs to, for the per-session parts.
    pub fn session(&self) -> Option<i64> {
        match self {
            Part::Recording { session } | Part::Replay { session } | Part::Timeline { session } => {
                Some(*session)
            }
            _ => None,
        }
    }
}

fn is_token(s: &str) -> bool {
    !s.is_empty() && s.bytes().all(|b| b.is_ascii_alphanumeric())
}

/// `(stream name, the rest after it)` of a file stem such as `ab12C-xY9z0-1700000000000`.
fn split_name(stem: &str) -> Option<(String, Vec<&str>)> {
    let parts: Vec<&str> = stem.split('-').collect();
    if parts.len() < 2 || !is_token(parts[0]) || !is_token(parts[1]) {
        return None;
    }
    Some((format!("{}-{}", parts[0], parts[1]), parts[2..].to_vec()))
}

/// The stream and part of `rel` (a path relative to the media directory), if it is one of
/// bintu-local's files.
pub fn classify(rel: &str) -> Option<(String, Part)> {
    let segs: Vec<&str> = rel.split('/').collect();
    if let [REPLAY_DIR, TIMELINE_DIR, dir, _] = segs.as_slice() {
        let (name, rest) = split_name(dir)?;
        let session = match rest.as_slice() {
            [s] => s.parse().ok()?,
            _ => return None,
        };
        return Some((name, Part::Timeline { session }));
    }
    let file = *segs.last()?;
    let (stem, ext) = file.rsplit_once('.').unwrap_or((file, ""));
    let (name, rest) = split_name(stem)?;
    let session = rest.first().and_then(|s| s.parse::<i64>().ok());
    let part = match (&segs[..segs.len() - 1], ext, rest.as_slice()) {
        ([], RECORDING_EXT, [_]) => session.map(|session| Part::Recording { session }),
        ([REPLAY_DIR], PLAYLIST_EXT, [] | [ABR_PART]) => Some(Part::CurrentPlaylist),
        ([REPLAY_DIR], PLAYLIST_EXT, [s] | [ABR_PART, s]) => {
            s.parse().ok().map(|session| Part::Replay { session })
        }
        ([REPLAY_DIR], SEGMENT_EXT, [_, ..]) => session.map(|session| Part::Replay { session }),
        ([THUMBNAILS_DIR], PICTURE_EXT | MOTION_EXT, []) => Some(Part::RollingPicture),
        _ => None,
    };
    Some((name, part.unwrap_or(Part::Other)))
}

/// The stream name of the docs' recording URL `<name>.mp4` (see
/// [`latest_recording`](super::latest_recording)): a file name at the media root.
pub fn latest_recording_name(file: &str) -> Option<&str> {
    file.strip_suffix(RECORDING_EXT)?
        .strip_suffix('.')
        .filter(|name| !name.contains('/'))
}

/// Whether `rel` is an HLS playlist.
pub fn is_playlist(rel: &str) -> bool {
    extension(rel) == Some(PLAYLIST_EXT)
}

/// Whether `rel` lies in the sessions' timeline directories (`replay/thumbs/…`).
pub fn in_timeline(rel: &str) -> bool {
    let mut segs = rel.split('/');
    segs.next() == Some(REPLAY_DIR) && segs.next() == Some(TIMELINE_DIR)
}

/// Files rewritten in place (playlists, the rolling thumbnail and motion clip), which a
/// client must revalidate on every request.
pub fn rewritten_in_place(rel: &str) -> bool {
    matches!(
        extension(rel),
        Some(PLAYLIST_EXT | PICTURE_EXT | MOTION_EXT)
    )
}

/// The extension of the last path segment, if it has one.
pub fn extension(rel: &str) -> Option<&str> {
    rel.rsplit('/').next()?.rsplit_once('.').map(|(_, ext)| ext)
}
