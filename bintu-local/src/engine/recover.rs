//! Recovery at start: a session's work directory (`<first>-<session>/` under data/work) is
//! removed when its session ends cleanly, so one that is still there was left by a crash (of
//! bintu-local, or of the machine) or by a recording that could not be finalised. For each,
//! every member's fragmented MP4 is finalised and listed under the session it belongs to, its
//! replay playlist is closed (`#EXT-X-ENDLIST`, when its writer died too), and the
//! motion-clip frames are dropped. Nothing that cannot be accounted for (a directory of no
//! known session, a file of no member) is removed: it is named in the log instead.

use std::path::Path;
use std::time::Instant;

use super::processes::Processes;
use super::{atomic, playlists, recording};
use crate::db::sessions::{self, SessionMember};
use crate::db::Db;
use contract::media as paths;

/// What a recovery did.
#[derive(Debug, Default, PartialEq)]
pub struct Recovered {
    /// Recordings finalised and listed.
    pub recordings: usize,
    /// Work directories removed because everything in them was accounted for.
    pub cleared: usize,
}

/// Finalises everything a crash left under `work_root`; run before the ingest starts.
pub async fn run(db: &Db, media: &Path, work_root: &Path) -> Recovered {
    let mut done = Recovered::default();
    let Ok(mut dirs) = tokio::fs::read_dir(work_root).await else {
        return done;
    };
    let started = Instant::now();
    while let Ok(Some(entry)) = dirs.next_entry().await {
        let dir = entry.path();
        let name = entry.file_name().to_string_lossy().into_owned();
        let parsed = name
            .rsplit_once('-')
            .and_then(|(first, ms)| Some((first.to_string(), ms.parse::<i64>().ok()?)));
        let members = match &parsed {
            Some((first, ms)) => sessions::session_members(&db.read(), first, *ms),
            None => Ok(Vec::new()),
        };
        let members = match members {
            Ok(m) if !m.is_empty() => m,
            Ok(_) => {
                tracing::warn!(dir = %dir.display(), "work directory of no known session; left as it is");
                continue;
            }
            Err(e) => {
                tracing::error!(dir = %dir.display(), error = %e, "cannot look up the session of a work directory");
                continue;
            }
        };
        let session_ms = parsed.map(|p| p.1).unwrap_or_default();
        for m in &members {
            done.recordings += recover_member(db, media, &dir, session_ms, m).await as usize;
        }
        // Only an empty directory goes: whatever is left is named for the user.
        if tokio::fs::remove_dir(&dir).await.is_ok() {
            done.cleared += 1;
        } else {
            tracing::warn!(dir = %dir.display(), "work directory kept: it holds files recovery cannot account for");
        }
    }
    if done != Recovered::default() {
        tracing::info!(
            recordings = done.recordings,
            directories = done.cleared,
            ms = started.elapsed().as_millis() as u64,
            "recovered what a previous run left unfinished"
        );
    }
    done
}

/// One member: its recording finalised and listed (true when one was), its replay closed,
/// its clip frames dropped.
async fn recover_member(
    db: &Db,
    media: &Path,
    dir: &Path,
    session_ms: i64,
    m: &SessionMember,
) -> bool {
    let procs = Processes::parse(&m.processing);
    let _ = tokio::fs::remove_dir_all(dir.join(paths::work::gif_frames(&m.name))).await;
    if procs.replay.is_some() {
        close_playlist(media, &m.name, session_ms).await;
    }
    // The `+faststart` MP4 beside the fragmented one is unfinished after a crash (its index
    // is written at the end): the fragmented file is what is recovered.
    let _ = tokio::fs::remove_file(dir.join(paths::work::recording_whole(&m.name))).await;
    let part = dir.join(paths::work::recording_part(&m.name));
    let Some(limit) = procs.rec.filter(|_| part.exists()) else {
        return false;
    };
    let rel = paths::recording(&m.name, session_ms);
    let dest = media.join(&rel);
    if m.recorded && dest.exists() {
        // Finalised and listed before the crash; only the clean-up was missed.
        let _ = tokio::fs::remove_file(&part).await;
        return false;
    }
    let listed = async {
        recording::finalise(&part, &dest, limit).await?;
        let size = tokio::fs::metadata(&dest).await?.len() as i64;
        sessions::add_recording(&db.lock(), &m.stream_id, session_ms, &rel, size)?;
        anyhow::Ok(())
    }
    .await;
    match listed {
        Ok(()) => {
            tracing::info!(stream = %m.name, session = session_ms, "recording recovered after a crash");
            let _ = tokio::fs::remove_file(&part).await;
            true
        }
        Err(e) => {
            tracing::error!(stream = %m.name, session = session_ms, error = %e,
                file = %part.display(), "recording could not be recovered; file kept");
            false
        }
    }
}

/// Appends `#EXT-X-ENDLIST` to the session playlist when its writer died before writing it,
/// and carries that into the current playlist if it still names this session. Also used
/// when a session ends after its pipeline was killed while bintu-local ran on
/// (`session::finish`).
pub(super) async fn close_playlist(media: &Path, name: &str, session_ms: i64) {
    let path = media.join(paths::replay_playlist(name, Some(session_ms)));
    let Ok(text) = tokio::fs::read_to_string(&path).await else {
        return;
    };
    let closed = if text.contains("#EXT-X-ENDLIST") {
        text
    } else {
        let mut t = text.trim_end().to_string();
        t.push_str("\n#EXT-X-ENDLIST\n");
        if let Err(e) = atomic::write(&path, t.as_bytes()).await {
            tracing::error!(file = %path.display(), error = %e, "cannot close the replay playlist");
        }
        t
    };
    let file = paths::playlist_file(name, Some(session_ms));
    let current = media.join(paths::replay_playlist(name, None));
    let names_this = tokio::fs::read_to_string(&current)
        .await
        .is_ok_and(|c| c.contains(&format!("{}\n", paths::nano_playlist_line(&file))));
    if names_this {
        let out = playlists::with_nano_tag(&closed, &file);
        let _ = atomic::write(&current, out.as_bytes()).await;
    }
}

#[cfg(test)]
mod tests;
