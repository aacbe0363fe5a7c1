//! Atomic replacement of served files: write a sibling temp file, then rename over the
//! target, so a reader of `/vod` never sees half a file.

use std::path::{Path, PathBuf};

/// The temp sibling used for `path` (`<file>.tmp` in the same directory, same filesystem).
pub fn temp_of(path: &Path) -> PathBuf {
    let mut s = path.as_os_str().to_owned();
    s.push(".tmp");
    PathBuf::from(s)
}

/// Writes `bytes` to `path` atomically.
pub async fn write(path: &Path, bytes: &[u8]) -> std::io::Result<()> {
    let tmp = temp_of(path);
    tokio::fs::write(&tmp, bytes).await?;
    tokio::fs::rename(&tmp, path).await
}

#[cfg(test)]
mod tests {
    use super::*;

    #[tokio::test]
    async fn replaces_content_and_leaves_no_temp() {
        let dir = tempfile::tempdir().unwrap();
        let p = dir.path().join("a.m3u8");
        write(&p, b"one").await.unwrap();
        write(&p, b"two").await.unwrap();
        assert_eq!(std::fs::read(&p).unwrap(), b"two");
        assert!(!temp_of(&p).exists());
    }
}
