//! Thumbnails along a session's timeline, for the replay clip page: each new
//! `thumbnails/<name>.jpg` of the session is copied to
//! `replay/thumbs/<name>-<session>/<secondsFromSessionStart>.jpg` and listed in that
//! directory's `index.json` as `[{"t":seconds,"file":"<seconds>.jpg"}]` (written atomically).

use std::path::PathBuf;
use std::time::{Duration, SystemTime, UNIX_EPOCH};

use serde_json::{json, Value};
use tokio::sync::watch;

use super::atomic;

/// Seconds from the session start of a thumbnail written at `at_ms`, snapped to the
/// thumbnail interval (the pipeline writes one per interval of stream time).
pub fn seconds(session_ms: i64, at_ms: i64, interval: u32) -> i64 {
    let step = i64::from(interval.max(1)) * 1000;
    ((at_ms - session_ms).max(0) + step / 2) / step * i64::from(interval.max(1))
}

fn ms(t: SystemTime) -> i64 {
    t.duration_since(UNIX_EPOCH)
        .map_or(0, |d| d.as_millis() as i64)
}

/// Follows `thumb` until `stop`, keeping every new picture in `out`.
pub async fn run(
    thumb: PathBuf,
    out: PathBuf,
    session_ms: i64,
    interval: u32,
    mut stop: watch::Receiver<bool>,
) {
    let mut last: Option<SystemTime> = None;
    let mut index: Vec<Value> = Vec::new();
    loop {
        let stopping = *stop.borrow();
        let modified = tokio::fs::metadata(&thumb)
            .await
            .and_then(|m| m.modified())
            .ok();
        // A picture older than the session is the previous session's.
        if let Some(m) = modified.filter(|m| Some(*m) != last && ms(*m) >= session_ms) {
            last = Some(m);
            let t = seconds(session_ms, ms(m), interval);
            let file = contract::media::timeline_picture(t);
            if index.iter().all(|e| e["t"] != t) {
                if let Err(e) = keep(&thumb, &out, &file, &mut index, t).await {
                    tracing::error!(dir = %out.display(), error = %e, "timeline thumbnail not kept");
                }
            }
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

async fn keep(
    thumb: &PathBuf,
    out: &PathBuf,
    file: &str,
    index: &mut Vec<Value>,
    t: i64,
) -> std::io::Result<()> {
    tokio::fs::create_dir_all(out).await?;
    let bytes = tokio::fs::read(thumb).await?;
    atomic::write(&out.join(file), &bytes).await?;
    index.push(json!({"t": t, "file": file}));
    let body = serde_json::to_vec(&index).unwrap_or_default();
    atomic::write(&out.join(contract::media::TIMELINE_INDEX), &body).await
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn seconds_snap_to_the_interval() {
        assert_eq!(seconds(1_000, 1_400, 10), 0);
        assert_eq!(seconds(1_000, 11_150, 10), 10);
        assert_eq!(seconds(1_000, 30_900, 10), 30);
        assert_eq!(seconds(5_000, 1_000, 10), 0);
    }
}
