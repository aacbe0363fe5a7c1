//! Motion clips without a second decode of the stream: the pipeline writes small frames
//! (`GIF_WIDTH` px wide, `GIF_FPS` fps, JPEGs named by pts) into a rolling buffer, and every
//! `interval` seconds of stream time a short ffmpeg turns the last `duration` seconds of
//! them into a palette-optimised GIF, written to a temp file and renamed over
//! `thumbnails/<name>.gif`. Decoding a few dozen 320 px JPEGs is far cheaper than decoding
//! the source again.

use std::collections::BTreeSet;
use std::ops::Range;
use std::path::{Path, PathBuf};
use std::process::Stdio;
use std::time::Duration;

use contract::media::work;
use tokio::sync::watch;

use super::args::GIF_FPS;
use super::atomic;

fn frame(dir: &Path, n: u64) -> PathBuf {
    dir.join(work::gif_frame(n))
}

/// The finished frames in `dir`, by pts (in 1/`GIF_FPS` s); temp files are skipped.
async fn frames_in(dir: &Path) -> BTreeSet<u64> {
    let mut out = BTreeSet::new();
    if let Ok(mut rd) = tokio::fs::read_dir(dir).await {
        while let Ok(Some(e)) = rd.next_entry().await {
            let name = e.file_name();
            let name = name.to_string_lossy();
            if let Some(n) = work::gif_frame_number(&name) {
                out.insert(n);
            }
        }
    }
    out
}

/// The frame range (pts) of the clip due at tick `k` (1-based): the `duration` seconds
/// before `k * interval`.
pub fn window(k: u64, interval: u32, duration: u32) -> Range<u64> {
    let fps = u64::from(GIF_FPS);
    let end = k * u64::from(interval) * fps;
    end.saturating_sub(u64::from(duration) * fps)..end
}

/// Watches `frames` and writes `target` at every tick from the last `duration` s, until
/// `stop`; a session shorter than one interval still gets one clip at its end.
pub async fn run(
    frames: PathBuf,
    target: PathBuf,
    interval: u32,
    duration: u32,
    mut stop: watch::Receiver<bool>,
) {
    let (mut k, mut made) = (1u64, false);
    loop {
        let stopping = *stop.borrow();
        let have = frames_in(&frames).await;
        let newest = have.last().copied();
        // A window is complete once its last frame (or any later one) exists.
        while newest.is_some_and(|n| n + 1 >= window(k, interval, duration).end) {
            let w = window(k, interval, duration);
            made |= clip(&frames, &have, w, &target).await;
            let keep_from = window(k + 1, interval, duration).start;
            for n in have.range(..keep_from) {
                let _ = tokio::fs::remove_file(frame(&frames, *n)).await;
            }
            k += 1;
        }
        if stopping {
            if !made {
                let w = window(k, interval, duration);
                clip(&frames, &have, w.start..u64::MAX, &target).await;
            }
            return;
        }
        tokio::select! {
            _ = tokio::time::sleep(Duration::from_millis(200)) => {}
            _ = stop.changed() => {}
        }
    }
}

/// Makes a clip of the frames of `have` in `range`; false when there are too few or it failed.
async fn clip(frames: &Path, have: &BTreeSet<u64>, range: Range<u64>, target: &Path) -> bool {
    let mut it = have.range(range);
    let Some(&first) = it.next() else {
        return false;
    };
    let count = 1 + it.count() as u64;
    if count < 2 {
        return false;
    }
    match make(frames, first, count, target).await {
        Ok(()) => true,
        Err(e) => {
            tracing::error!(file = %target.display(), error = %e, "motion clip failed");
            false
        }
    }
}

/// One GIF from `count` frames starting at `start`: palettegen + paletteuse in one graph.
/// The palette is computed from every 5th frame at half size (a fifth of a tenth of the
/// pixels; the GIF looks the same) because full palettegen was most of the clip's CPU.
async fn make(frames: &Path, start: u64, count: u64, target: &Path) -> anyhow::Result<()> {
    let tmp = atomic::temp_of(target);
    let out = super::pipe::nice_ffmpeg()
        .args([
            "-hide_banner",
            "-nostdin",
            "-loglevel",
            "error",
            "-y",
            "-threads",
            "1",
        ])
        .args(["-filter_threads", "1"])
        .args(["-framerate", &GIF_FPS.to_string()])
        .args(["-start_number", &start.to_string()])
        .arg("-i")
        .arg(frames.join(work::gif_frame_pattern()))
        .args(["-frames:v", &count.to_string()])
        .args([
            "-filter_complex",
            "split[a][b];[a]select='not(mod(n,5))',scale=iw/2:-2,palettegen=max_colors=128[p];\
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn windows_end_at_each_tick_and_clamp_at_the_start() {
        assert_eq!(window(1, 30, 5), 250..300);
        assert_eq!(window(2, 30, 5), 550..600);
        assert_eq!(window(1, 10, 60), 0..100);
    }
}
