//! The ffmpeg command line of a group's pipeline. One ffmpeg per publish reads the ingest as
//! FLV on stdin and decodes the passthrough ONCE (only if some output needs pictures); from
//! that single decode a `split` feeds the passthrough's thumbnail and motion-clip frames and
//! each transcode's scaler (unless the passthrough's pictures are the group's only decoding
//! work: then they get a pipeline of their own, see `gated`). Recording and replay of the
//! passthrough are stream copies; each transcode is encoded once (libx264) and a `tee` muxer
//! writes its MP4 and HLS from that one encode (`transcode`). Pure string building, so it is
//! unit-tested without ffmpeg.

use std::path::{Path, PathBuf};

use super::processes::Processes;
use super::tracks::Tracks;
use crate::db::sessions::MemberPlan;

/// HLS segment length in seconds (the test source and transcodes key every 2 s).
pub const SEGMENT_SECONDS: u32 = 2;
/// A live recording is a fragmented MP4 (`recording::finalise` remuxes it to a `+faststart`
/// one at the end): a fragment about every second, each self-contained, so a hard kill of
/// its writer or of bintu-local loses at most the last second (issue 14).
pub const FRAG_MOVFLAGS: &str = "+frag_keyframe+empty_moov+default_base_moof";
/// Longest fragment, in microseconds.
pub const FRAG_DURATION_US: u32 = 1_000_000;
/// Motion-clip frames: width in pixels and frames per second.
pub const GIF_WIDTH: u32 = 320;
pub const GIF_FPS: u32 = 10;

/// One member's job in a session.
#[derive(Clone, Debug)]
pub struct Job {
    pub member: MemberPlan,
    pub procs: Processes,
}

/// Where a session's files go.
#[derive(Clone, Debug)]
pub struct Paths {
    /// The served media directory.
    pub media: PathBuf,
    /// This session's private work directory (unfinished MP4s, motion-clip frames).
    pub work: PathBuf,
    pub session_ms: i64,
}

impl Paths {
    pub fn in_media(&self, rel: &str) -> PathBuf {
        self.media.join(rel)
    }
    /// The fragmented MP4 being written; remuxed to `<name>-<session>.mp4` at the end.
    pub fn rec_part(&self, name: &str) -> PathBuf {
        self.work.join(contract::media::work::recording_part(name))
    }
    /// The passthrough's `+faststart` MP4 written beside it; the recording when ffmpeg ends
    /// cleanly (`recording::adopt`), so no remux process is needed.
    pub fn rec_whole(&self, name: &str) -> PathBuf {
        self.work.join(contract::media::work::recording_whole(name))
    }
    /// Directory of a member's numbered motion-clip frames.
    pub fn gif_frames(&self, name: &str) -> PathBuf {
        self.work.join(contract::media::work::gif_frames(name))
    }
    /// ffmpeg segment pattern: `<name>-<session>-<index>-<unixSeconds>.ts`.
    fn segments(&self, name: &str) -> PathBuf {
        self.media
            .join(contract::media::segment_pattern(name, self.session_ms))
    }
}

fn s(p: &Path) -> String {
    p.to_string_lossy().into_owned()
}

/// HLS muxer options as (key, value) pairs, shared by the plain and the `tee` form.
fn hls_options(paths: &Paths, name: &str, window: Option<u32>) -> Vec<(&'static str, String)> {
    let mut o = vec![
        ("hls_time", SEGMENT_SECONDS.to_string()),
        ("strftime", "1".into()),
        ("hls_segment_filename", s(&paths.segments(name))),
    ];
    match window {
        None => {
            o.push(("hls_list_size", "0".into()));
            o.push(("hls_playlist_type", "event".into()));
            o.push(("hls_flags", "temp_file+second_level_segment_index".into()));
        }
        Some(secs) => {
            o.push((
                "hls_list_size",
                secs.div_ceil(SEGMENT_SECONDS).max(1).to_string(),
            ));
            o.push((
                "hls_flags",
                "temp_file+second_level_segment_index+delete_segments".into(),
            ));
        }
    }
    o
}

/// The input options: FLV on stdin, decoded (if at all) by one thread.
fn input_args() -> Vec<String> {
    [
        "-hide_banner",
        "-nostats",
        "-loglevel",
        "error",
        "-y",
        // One decoder thread and unthreaded filters: frames arrive at the live rate, so
        // thread hand-offs only add CPU (see BENCHMARKS.md); the transcodes' encoders keep
        // their own threads.
        "-filter_complex_threads",
        "1",
        "-threads",
        "1",
        "-f",
        "flv",
        "-i",
        "pipe:0",
    ]
    .iter()
    .map(|x| x.to_string())
    .collect()
}

/// Whether the passthrough's pictures get their own gated pipeline (`pictures::gated_args`,
/// fed by `gate::Gate`): only when nothing else in the group decodes the passthrough, i.e.
/// no transcode has a process. Otherwise the full decode is needed anyway and feeds them.
/// Without video there are no pictures at all.
pub fn gated(jobs: &[Job], tracks: Tracks) -> bool {
    tracks.video
        && jobs.first().is_some_and(|j| j.procs.needs_pictures())
        && jobs[1..]
            .iter()
            .all(|j| !j.procs.needs_pictures() && !j.procs.needs_stream())
}

/// The group's main pipeline (without the program name), or `None` when it would have no
/// output (everything is in the gated picture pipeline, or no member has a process). Without
/// video only the passthrough's recording and replay are written (audio-only), and audio the
/// MP4/MPEG-TS muxers cannot take by copy is converted to AAC.
pub fn group_args(jobs: &[Job], paths: &Paths, tracks: Tracks) -> Option<Vec<String>> {
    let gated = gated(jobs, tracks);
    let mut a = input_args();
    let mut graph: Vec<String> = Vec::new();
    let mut taps: Vec<String> = Vec::new();
    let mut outputs: Vec<Vec<String>> = Vec::new();
    let mut whole_mp4 = None;
    for (k, job) in jobs.iter().enumerate() {
        let m = &job.member;
        let passthrough = k == 0;
        if !passthrough && !tracks.video {
            continue;
        }
        let encode = !passthrough && job.procs.needs_stream();
        let mut uses = if (passthrough && gated) || !tracks.video {
            Vec::new()
        } else {
            pictures::chains(k, job, paths, &mut graph, &mut outputs)
        };
        if encode {
            uses.push(format!("enc{k}"));
            outputs.push(transcode::output(k, job, paths, tracks));
        }
        if passthrough {
            if let Some(limit) = job.procs.rec {
                let mut o = copy_maps(tracks);
                if let Some(secs) = limit {
                    o.extend(["-t".into(), secs.to_string()]);
                }
                // Not when the audio is converted: that would be one more AAC encode.
                if !tracks.audio || tracks.audio_copy {
                    let mut whole = o.clone();
                    whole.extend(["-movflags", "+faststart", "-f", "mp4"].map(String::from));
                    whole.push(s(&paths.rec_whole(&m.name)));
                    // Last: its trailer moves every byte (+faststart), so the fragmented
                    // MP4 and the replay are finished before it.
                    whole_mp4 = Some(whole);
                }
                o.extend([
                    "-movflags".into(),
                    FRAG_MOVFLAGS.into(),
                    "-frag_duration".into(),
                    FRAG_DURATION_US.to_string(),
                    "-f".into(),
                    "mp4".into(),
                ]);
                o.push(s(&paths.rec_part(&m.name)));
                outputs.push(o);
            }
            if let Some(window) = job.procs.replay {
                let mut o = copy_maps(tracks);
                o.extend(["-f".into(), "hls".into()]);
                for (key, v) in hls_options(paths, &m.name, window) {
                    o.extend([format!("-{key}"), v]);
                }
                o.push(s(&paths.in_media(&contract::media::replay_playlist(
                    &m.name,
                    Some(paths.session_ms),
                ))));
                outputs.push(o);
            }
            taps.extend(uses);
        } else if !uses.is_empty() {
            // One scaler per transcode; its frames feed the encoder and the member's pictures.
            taps.push(format!("sc{k}"));
            graph.push(format!(
                "[sc{k}]scale={}:{},fps={},split={}{}",
                m.width,
                m.height,
                m.fps.max(1),
                uses.len(),
                uses.iter().map(|u| format!("[{u}]")).collect::<String>()
            ));
        }
    }
    if !taps.is_empty() {
        let split = format!(
            "[0:v]split={}{}",
            taps.len(),
            taps.iter().map(|t| format!("[{t}]")).collect::<String>()
        );
        graph.insert(0, split);
        a.push("-filter_complex".into());
        a.push(graph.join(";"));
    }
    outputs.extend(whole_mp4);
    if outputs.is_empty() {
        return None;
    }
    a.extend(outputs.into_iter().flatten());
    Some(a)
}

/// The passthrough's tracks, by copy (audio converted when it cannot be copied).
fn copy_maps(tracks: Tracks) -> Vec<String> {
    let mut o = Vec::new();
    if tracks.video {
        o.extend(["-map", "0:v", "-c:v", "copy"].map(String::from));
    }
    if tracks.audio {
        o.extend(["-map".into(), "0:a".into()]);
        o.extend(audio_codec(tracks));
    }
    o
}

/// The audio codec options: copy when the muxers take the codec, else AAC.
fn audio_codec(tracks: Tracks) -> Vec<String> {
    let codec: &[&str] = if tracks.audio_copy {
        &["-c:a", "copy"]
    } else {
        &["-c:a", "aac", "-b:a", "128k"]
    };
    codec.iter().map(|x| x.to_string()).collect()
}

mod pictures;
mod transcode;
pub use pictures::gated_args;

#[cfg(test)]
mod tests;
