//! A transcode's output: one libx264 encode at the member's size, rate and bitrate (a key
//! frame every 2 s, so HLS segments cut cleanly), muxed by `tee` into its fragmented MP4 and
//! its HLS playlist from that one encode.

use super::{audio_codec, hls_options, s, Job, Paths, FRAG_DURATION_US, FRAG_MOVFLAGS};
use crate::engine::tracks::Tracks;

/// One libx264 encode of a transcode, muxed by `tee` into its MP4 and HLS.
pub(super) fn output(k: usize, job: &Job, paths: &Paths, tracks: Tracks) -> Vec<String> {
    let m = &job.member;
    let fps = m.fps.max(1);
    let kbps = m.bitrate.max(1);
    let mut o: Vec<String> = vec!["-map".into(), format!("[enc{k}]")];
    if tracks.audio {
        o.extend(["-map".into(), "0:a".into()]);
        o.extend(audio_codec(tracks));
    }
    o.extend(
        [
            "-c:v",
            "libx264",
            "-preset",
            "veryfast",
            "-pix_fmt",
            "yuv420p",
            "-sc_threshold",
            "0",
        ]
        .map(String::from),
    );
    o.extend([
        "-b:v".into(),
        format!("{kbps}k"),
        "-maxrate".into(),
        format!("{kbps}k"),
        "-bufsize".into(),
        format!("{}k", kbps * 2),
        "-g".into(),
        (fps * 2).to_string(),
        "-keyint_min".into(),
        (fps * 2).to_string(),
    ]);
    o.extend(["-flags", "+global_header", "-f", "tee"].map(String::from));
    let mut slaves = Vec::new();
    if job.procs.rec.is_some() {
        slaves.push(format!(
            "[f=mp4:movflags={FRAG_MOVFLAGS}:frag_duration={FRAG_DURATION_US}:onfail=ignore]{}",
            s(&paths.rec_part(&m.name))
        ));
    }
    if let Some(window) = job.procs.replay {
        let opts: Vec<String> = hls_options(paths, &m.name, window)
            .into_iter()
            .map(|(key, v)| format!("{key}={v}"))
            .collect();
        slaves.push(format!(
            "[f=hls:onfail=ignore:{}]{}",
            opts.join(":"),
            s(&paths.in_media(&contract::media::replay_playlist(
                &m.name,
                Some(paths.session_ms)
            )))
        ));
    }
    o.push(slaves.join("|"));
    o
}
