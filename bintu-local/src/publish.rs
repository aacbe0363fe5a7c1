//! `bintu-local publish <name>`: pushes a built-in test source over RTMP so live processing
//! can be seen without a camera. ffmpeg makes it: lavfi `testsrc2` with a running clock
//! (drawtext, when the DejaVu font is installed) and a sine tone, encoded as H.264 with a
//! keyframe every 2 s (HLS segments and clip cuts rely on it) plus AAC, sent in real time.

use std::process::Stdio;

use tokio::io::{AsyncBufReadExt, BufReader};
use tokio::process::Command;

/// The font for the clock overlay (Debian `fonts-dejavu-core`).
const FONT: &str = "/usr/share/fonts/truetype/dejavu/DejaVuSansMono.ttf";

/// What to publish and where.
#[derive(Clone, Debug)]
pub struct TestSource {
    /// `rtmp://host:port/live`.
    pub url: String,
    pub name: String,
    /// Stop after this many seconds; `None` runs until interrupted.
    pub seconds: Option<u32>,
    pub width: u32,
    pub height: u32,
    pub fps: u32,
}

/// Parses `1280x720`.
pub fn parse_size(s: &str) -> Result<(u32, u32), String> {
    let (w, h) = s
        .split_once('x')
        .ok_or_else(|| format!("size must look like 1280x720, got {s:?}"))?;
    match (w.parse::<u32>(), h.parse::<u32>()) {
        (Ok(w), Ok(h)) if (16..=7680).contains(&w) && (16..=4320).contains(&h) => {
            Ok((w & !1, h & !1))
        }
        _ => Err(format!(
            "size must be WIDTHxHEIGHT within 16..7680 x 16..4320, got {s:?}"
        )),
    }
}

/// The ffmpeg arguments for `src` (without the program name).
pub fn ffmpeg_args(src: &TestSource, with_clock: bool) -> Vec<String> {
    let mut video = format!(
        "testsrc2=size={}x{}:rate={}",
        src.width, src.height, src.fps
    );
    if with_clock {
        video.push_str(&format!(
            ",drawtext=fontfile={FONT}:text='%{{localtime\\:%T}} %{{pts\\:hms}}':\
             x=20:y=20:fontsize=h/12:fontcolor=white:box=1:boxcolor=black@0.6"
        ));
    }
    let gop = (src.fps * 2).to_string();
    let mut a: Vec<String> = vec![
        "-hide_banner".into(),
        "-nostdin".into(),
        "-loglevel".into(),
        "error".into(),
        "-re".into(),
    ];
    a.extend(["-f".into(), "lavfi".into(), "-i".into(), video]);
    a.extend(["-f", "lavfi", "-i", "sine=frequency=440:sample_rate=48000"].map(String::from));
    if let Some(secs) = src.seconds {
        a.extend(["-t".into(), secs.to_string()]);
    }
    a.extend(
        [
            "-c:v",
            "libx264",
            "-preset",
            "veryfast",
            "-tune",
            "zerolatency",
            "-pix_fmt",
            "yuv420p",
        ]
        .map(String::from),
    );
    a.extend(["-g".into(), gop.clone(), "-keyint_min".into(), gop]);
    a.extend(
        [
            "-sc_threshold",
            "0",
            "-b:v",
            "2500k",
            "-c:a",
            "aac",
            "-b:a",
            "128k",
            "-f",
            "flv",
        ]
        .map(String::from),
    );
    a.push(format!("{}/{}", src.url.trim_end_matches('/'), src.name));
    a
}

/// Runs the publisher to the end; `Err` carries a clear reason (e.g. a refused publish).
pub async fn run(src: &TestSource) -> anyhow::Result<()> {
    let with_clock = std::path::Path::new(FONT).exists();
    let mut child = Command::new("ffmpeg")
        .args(ffmpeg_args(src, with_clock))
        .stdin(Stdio::null())
        .stderr(Stdio::piped())
        .kill_on_drop(true)
        .spawn()
        .map_err(|e| anyhow::anyhow!("cannot run ffmpeg: {e}"))?;
    let mut lines = BufReader::new(child.stderr.take().expect("piped")).lines();
    let mut errors = Vec::new();
    while let Ok(Some(line)) = lines.next_line().await {
        eprintln!("ffmpeg: {line}");
        errors.push(line);
    }
    let status = child.wait().await?;
    if status.success() {
        return Ok(());
    }
    let refused = errors.iter().find(|l| l.contains("Server error"));
    match refused {
        Some(line) => anyhow::bail!("the server refused the publish of {}: {line}", src.name),
        None => anyhow::bail!(
            "publishing {} to {} failed (ffmpeg {status}){}",
            src.name,
            src.url,
            errors.last().map(|l| format!(": {l}")).unwrap_or_default()
        ),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sizes_parse_and_args_key_every_two_seconds() {
        assert_eq!(parse_size("1280x720"), Ok((1280, 720)));
        assert!(parse_size("big").is_err() && parse_size("0x0").is_err());
        let src = TestSource {
            url: "rtmp://127.0.0.1:1935/live/".into(),
            name: "n".into(),
            seconds: Some(5),
            width: 640,
            height: 360,
            fps: 25,
        };
        let a = ffmpeg_args(&src, false).join(" ");
        assert!(a.contains("-g 50 -keyint_min 50"), "{a}");
        assert!(a.contains("-t 5"));
        assert!(a.ends_with("-f flv rtmp://127.0.0.1:1935/live/n"));
    }
}
