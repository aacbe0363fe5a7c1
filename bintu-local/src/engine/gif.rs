//! Motion clips without a second decode of the stream: the pipeline writes small frames
//! (`GIF_WIDTH` px wide, `GIF_FPS` fps, numbered JPEGs) into a rolling buffer, and every
//! `interval` seconds of stream time a short ffmpeg turns the last `duration` seconds of
//! them into a palette-optimised GIF, written to a temp file and renamed over
//! `thumbnails/<name>.gif`. Decoding a few dozen 320 px JPEGs is far cheaper than decoding
//! the source again.

use std::path::{Path, PathBuf};
use std::process::Stdio;
use std::time::Duration;

use tokio::process::Command;
use tokio::sync::watch;

use super::args::GIF_FPS;
use super::atomic;

fn frame(dir: &Path, n: u64) -> PathBuf {
    dir.join(format!("{n:08}.jpg"))
}

/// Watches `frames` and writes `target` every `interval` s from the last `duration` s, until
/// `stop`; a session shorter than one interval still gets one clip at its end.
pub async fn run(
    frames: PathBuf,
    target: PathBuf,
    interval: u32,
    duration: u32,
    mut stop: watch::Receiver<bool>,
) {
    let fps = u64::from(GIF_FPS);
    let per_tick = u64::from(interval) * fps;
    let keep = u64::from(duration) * fps;
    let (mut next, mut oldest, mut tick, mut made) = (0u64, 0u64, 1u64, false);
    loop {
        let stopping = *stop.borrow();
        while tokio::fs::try_exists(frame(&frames, next))
            .await
            .unwrap_or(false)
        {
            next += 1;
        }
        let due = next >= tick * per_tick;
        if due || (stopping && !made && next >= 2) {
            let start = next.saturating_sub(keep);
            match make(&frames, start, next - start, &target).await {
                Ok(()) => made = true,
                Err(e) => {
                    tracing::error!(file = %target.display(), error = %e, "motion clip failed")
                }
            }
            tick = next / per_tick + 1;
            while oldest < start {
                let _ = tokio::fs::remove_file(frame(&frames, oldest)).await;
                oldest += 1;
            }
        }
        if stopping {
            return;
        }
        tokio::select! {
            _ = tokio::time::sleep(Duration::from_millis(200)) => {}
            _ = stop.changed() => {}
        }
    }
}

/// One GIF from `count` frames starting at `start`: palettegen + paletteuse in one graph.
async fn make(frames: &Path, start: u64, count: u64, target: &Path) -> anyhow::Result<()> {
    let tmp = atomic::temp_of(target);
    let out = Command::new("ffmpeg")
        .args(["-hide_banner", "-nostdin", "-loglevel", "error", "-y"])
        .args(["-framerate", &GIF_FPS.to_string()])
        .args(["-start_number", &start.to_string()])
        .arg("-i")
        .arg(frames.join("%08d.jpg"))
        .args(["-frames:v", &count.to_string()])
        .args([
            "-filter_complex",
            "split[a][b];[a]palettegen=max_colors=128:stats_mode=diff[p];\
             [b][p]paletteuse=dither=bayer:bayer_scale=3:diff_mode=rectangle",
        ])
        .args(["-loop", "0", "-f", "gif"])
        .arg(&tmp)
        .stdin(Stdio::null())
        .stdout(Stdio::null())
        .stderr(Stdio::piped())
        .kill_on_drop(true)
        .output()
        .await?;
    anyhow::ensure!(
        out.status.success(),
        "ffmpeg {}: {}",
        out.status,
        String::from_utf8_lossy(&out.stderr).trim()
    );
    tokio::fs::rename(&tmp, target).await?;
    Ok(())
}
