//! What is in the media directory, file by file, and what each file is: the layout of
//! CONTRACT.md ("Media layout") read backwards. Stream names are `<orgHash>-<suffix>`, both
//! alphanumeric, so the first two `-`-separated parts of a file name are its stream.

use std::path::Path;
use std::time::SystemTime;

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

/// Which usage figure a part counts in.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Category {
    Recordings,
    Replay,
    Thumbnails,
    Other,
}

impl Part {
    pub fn session(&self) -> Option<i64> {
        match self {
            Part::Recording { session } | Part::Replay { session } | Part::Timeline { session } => {
                Some(*session)
            }
            _ => None,
        }
    }

    pub fn category(&self) -> Category {
        match self {
            Part::Recording { .. } => Category::Recordings,
            Part::Replay { .. } | Part::CurrentPlaylist => Category::Replay,
            Part::Timeline { .. } | Part::RollingPicture => Category::Thumbnails,
            Part::Other => Category::Other,
        }
    }
}

/// One file: its path relative to the media directory, size, stream and part.
#[derive(Clone, Debug, PartialEq)]
pub struct MediaFile {
    pub rel: String,
    pub bytes: u64,
    pub modified: SystemTime,
    pub name: String,
    pub part: Part,
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
    if let ["replay", "thumbs", dir, _] = segs.as_slice() {
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
        ([], "mp4", [_]) => session.map(|session| Part::Recording { session }),
        (["replay"], "m3u8", [] | ["abr"]) => Some(Part::CurrentPlaylist),
        (["replay"], "m3u8", [s] | ["abr", s]) => {
            s.parse().ok().map(|session| Part::Replay { session })
        }
        (["replay"], "ts", [_, ..]) => session.map(|session| Part::Replay { session }),
        (["thumbnails"], "jpg" | "gif", []) => Some(Part::RollingPicture),
        _ => None,
    };
    Some((name, part.unwrap_or(Part::Other)))
}

/// Every classified file under `media` (the media root, `replay/`, `replay/thumbs/*/` and
/// `thumbnails/`); unreadable entries are skipped.
pub fn scan(media: &Path) -> Vec<MediaFile> {
    let mut out = Vec::new();
    walk(media, "", 0, &mut out);
    out
}

fn walk(dir: &Path, prefix: &str, depth: usize, out: &mut Vec<MediaFile>) {
    let Ok(entries) = std::fs::read_dir(dir) else {
        return;
    };
    for e in entries.flatten() {
        let Ok(meta) = e.metadata() else { continue };
        let file_name = e.file_name().to_string_lossy().to_string();
        let rel = format!("{prefix}{file_name}");
        if meta.is_dir() {
            if depth < 3 {
                walk(&e.path(), &format!("{rel}/"), depth + 1, out);
            }
        } else if let Some((name, part)) = classify(&rel) {
            out.push(MediaFile {
                rel,
                bytes: meta.len(),
                modified: meta.modified().unwrap_or(SystemTime::UNIX_EPOCH),
                name,
                part,
            });
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_contract_layout_reads_back() {
        let n = "ab12C-xY9z0".to_string();
        let cases = [
            ("ab12C-xY9z0-17.mp4", Part::Recording { session: 17 }),
            ("replay/ab12C-xY9z0-17.m3u8", Part::Replay { session: 17 }),
            (
                "replay/ab12C-xY9z0-abr-17.m3u8",
                Part::Replay { session: 17 },
            ),
            (
                "replay/ab12C-xY9z0-17-00003-1700000000.ts",
                Part::Replay { session: 17 },
            ),
            ("replay/ab12C-xY9z0.m3u8", Part::CurrentPlaylist),
            ("replay/ab12C-xY9z0-abr.m3u8", Part::CurrentPlaylist),
            (
                "replay/thumbs/ab12C-xY9z0-17/40.jpg",
                Part::Timeline { session: 17 },
            ),
            (
                "replay/thumbs/ab12C-xY9z0-17/index.json",
                Part::Timeline { session: 17 },
            ),
            ("thumbnails/ab12C-xY9z0.jpg", Part::RollingPicture),
            ("thumbnails/ab12C-xY9z0.gif", Part::RollingPicture),
            ("replay/ab12C-xY9z0-x.m3u8", Part::Other),
        ];
        for (rel, part) in cases {
            assert_eq!(classify(rel), Some((n.clone(), part)), "{rel}");
        }
        assert_eq!(classify("thumbnails/.ab12C-xY9z0.jpg.tmp"), None);
        assert_eq!(classify("README.txt"), None);
        assert_eq!(classify("replay/thumbs/x/1.jpg"), None);
    }
}
