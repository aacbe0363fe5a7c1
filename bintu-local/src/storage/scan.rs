//! What is in the media directory, file by file, and what each file is (the contract's
//! layout read backwards, `contract::media::parse`), and which usage figure each part
//! counts in.

use std::path::Path;
use std::time::SystemTime;

pub use contract::media::parse::{classify, Part};

/// Which usage figure a part counts in.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Category {
    Recordings,
    Replay,
    Thumbnails,
    Other,
}

/// The usage figure `part` counts in.
pub fn category(part: &Part) -> Category {
    match part {
        Part::Recording { .. } => Category::Recordings,
        Part::Replay { .. } | Part::CurrentPlaylist => Category::Replay,
        Part::Timeline { .. } | Part::RollingPicture => Category::Thumbnails,
        Part::Other => Category::Other,
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
