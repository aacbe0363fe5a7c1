//! The ffmpeg command line of a group's pipeline. One ffmpeg per publish reads the ingest as
//! FLV on stdin and decodes the passthrough ONCE (only if some output needs pictures); from
//! that single decode a `split` feeds the passthrough's thumbnail and motion-clip frames and
//! each transcode's scaler. Recording and replay of the passthrough are stream copies; each
//! transcode is encoded once (libx264) and a `tee` muxer writes its MP4 and HLS from that one
//! encode. Pure string building, so it is unit-tested without ffmpeg.

use std::path::{Path, PathBuf};

use super::processes::Processes;
use crate::db::sessions::MemberPlan;

/// HLS segment length in seconds (the test source and transcodes key every 2 s).
pub const SEGMENT_SECONDS: u32 = 2;
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
    /// The MP4 being written; moved to `<name>-<session>.mp4` once finalised.
    pub fn rec_part(&self, name: &str) -> PathBuf {
        self.work.join(format!("{name}.mp4"))
    }
    /// Directory of a member's numbered motion-clip frames.
    pub fn gif_frames(&self, name: &str) -> PathBuf {
        self.work.join(format!("{name}-frames"))
    }
    /// ffmpeg segment pattern: `<name>-<session>-<index>-<unixSeconds>.ts`.
    fn segments(&self, name: &str) -> PathBuf {
        self.media
            .join(format!("replay/{name}-{}-%%05d-%s.ts", self.session_ms))
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

/// The full argument list (without the program name).
pub fn group_args(jobs: &[Job], paths: &Paths) -> Vec<String> {
    let mut a: Vec<String> = [
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
    .collect();
    let mut graph: Vec<String> = Vec::new();
    let mut taps: Vec<String> = Vec::new();
    let mut outputs: Vec<Vec<String>> = Vec::new();
    for (k, job) in jobs.iter().enumerate() {
        let m = &job.member;
        let passthrough = k == 0;
        let encode = !passthrough && job.procs.needs_stream();
        let mut uses: Vec<String> = Vec::new();
        if let Some(interval) = job.procs.thumbs {
            graph.push(format!(
                "[th{k}in]select='isnan(prev_selected_t)+gte(t-prev_selected_t,{interval})'[th{k}]"
            ));
            uses.push(format!("th{k}in"));
            outputs.push(picture_out(
                &format!("th{k}"),
                &["-update", "1", "-q:v", "3"],
                &s(&paths.in_media(&crate::media_paths::thumbnail(&m.name))),
            ));
        }
        if let Some((interval, duration)) = job.procs.motionclip {
            graph.push(format!(
                "[gf{k}in]fps={GIF_FPS}{},scale={GIF_WIDTH}:-2[gf{k}]",
                gif_window(interval, duration)
            ));
            uses.push(format!("gf{k}in"));
            let pattern = paths.gif_frames(&m.name).join("%08d.jpg");
            outputs.push(picture_out(
                &format!("gf{k}"),
                &["-frame_pts", "1", "-q:v", "5"],
                &s(&pattern),
            ));
        }
        if encode {
            uses.push(format!("enc{k}"));
            outputs.push(transcode_out(k, job, paths));
        }
        if passthrough {
            if let Some(limit) = job.procs.rec {
                let mut o = copy_maps();
                if let Some(secs) = limit {
                    o.extend(["-t".into(), secs.to_string()]);
                }
                o.extend(["-movflags", "+faststart", "-f", "mp4"].map(String::from));
                o.push(s(&paths.rec_part(&m.name)));
                outputs.push(o);
            }
            if let Some(window) = job.procs.replay {
                let mut o = copy_maps();
                o.extend(["-f".into(), "hls".into()]);
                for (key, v) in hls_options(paths, &m.name, window) {
                    o.extend([format!("-{key}"), v]);
                }
                o.push(s(&paths.in_media(&crate::media_paths::replay_session(
                    &m.name,
                    paths.session_ms,
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
    a.extend(outputs.into_iter().flatten());
    a
}

/// When clips are shorter than their interval, only the frames of the `duration` seconds
/// before each tick are scaled and kept (after `fps`, which only drops frames): scaling and
/// encoding frames no clip uses would be wasted CPU. Frame files are named by their pts in
/// 1/`GIF_FPS` s (`-frame_pts`), so `gif::run` knows which window each frame belongs to.
fn gif_window(interval: u32, duration: u32) -> String {
    if duration >= interval {
        return String::new();
    }
    format!(
        ",select='gte(mod(t\\,{interval})\\,{})'",
        interval - duration
    )
}

fn copy_maps() -> Vec<String> {
    ["-map", "0:v", "-map", "0:a?", "-c", "copy"]
        .map(String::from)
        .to_vec()
}

/// A JPEG output of a filter label; frames are written as they come (no CFR duplication)
/// and each file appears atomically (image2 `atomic_writing`).
fn picture_out(label: &str, extra: &[&str], target: &str) -> Vec<String> {
    let mut o: Vec<String> = vec!["-map".into(), format!("[{label}]")];
    o.extend(
        [
            "-fps_mode",
            "passthrough",
            "-f",
            "image2",
            "-atomic_writing",
            "1",
        ]
        .map(String::from),
    );
    o.extend(extra.iter().map(|x| x.to_string()));
    o.push(target.to_string());
    o
}

/// One libx264 encode of a transcode, muxed by `tee` into its MP4 and HLS.
fn transcode_out(k: usize, job: &Job, paths: &Paths) -> Vec<String> {
    let m = &job.member;
    let fps = m.fps.max(1);
    let kbps = m.bitrate.max(1);
    let mut o: Vec<String> = vec![
        "-map".into(),
        format!("[enc{k}]"),
        "-map".into(),
        "0:a?".into(),
    ];
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
    o.extend(["-c:a", "copy", "-flags", "+global_header", "-f", "tee"].map(String::from));
    let mut slaves = Vec::new();
    if job.procs.rec.is_some() {
        slaves.push(format!(
            "[f=mp4:movflags=+faststart:onfail=ignore]{}",
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
            s(&paths.in_media(&crate::media_paths::replay_session(
                &m.name,
                paths.session_ms
            )))
        ));
    }
    o.push(slaves.join("|"));
    o
}

#[cfg(test)]
mod tests;
