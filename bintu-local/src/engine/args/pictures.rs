//! A member's picture outputs: the thumbnail JPEG and the motion-clip frames, as filter
//! chains off one decode. Used inside the group pipeline (after its `split`) and, for a
//! passthrough whose pictures are the only decoding work, as a pipeline of its own that
//! `gate::Gate` feeds only the groups of pictures the chains use.

use super::{input_args, s, Job, Paths, GIF_FPS, GIF_WIDTH};

/// Adds member `k`'s picture chains to `graph` and their outputs to `outputs`; returns the
/// input labels the chains read (for the caller's `split`).
pub(super) fn chains(
    k: usize,
    job: &Job,
    paths: &Paths,
    graph: &mut Vec<String>,
    outputs: &mut Vec<Vec<String>>,
) -> Vec<String> {
    let name = &job.member.name;
    let mut uses = Vec::new();
    if let Some(interval) = job.procs.thumbs {
        // The first frame of each interval (not "interval after the previous pick"), so the
        // picks stay on the ticks, with or without gaps in the input.
        graph.push(format!(
            "[th{k}in]select='isnan(prev_selected_t)+gte(floor(t/{interval})-floor(prev_selected_t/{interval})\\,1)'[th{k}]"
        ));
        uses.push(format!("th{k}in"));
        outputs.push(picture_out(
            &format!("th{k}"),
            &["-update", "1", "-q:v", "3"],
            &s(&paths.in_media(&contract::media::thumbnail(name))),
        ));
    }
    if let Some((interval, duration)) = job.procs.motionclip {
        graph.push(format!(
            "[gf{k}in]fps={GIF_FPS}{},scale={GIF_WIDTH}:-2[gf{k}]",
            gif_window(interval, duration)
        ));
        uses.push(format!("gf{k}in"));
        let pattern = paths
            .gif_frames(name)
            .join(contract::media::work::gif_frame_pattern());
        outputs.push(picture_out(
            &format!("gf{k}"),
            &["-frame_pts", "1", "-q:v", "5"],
            &s(&pattern),
        ));
    }
    uses
}

/// The gated picture pipeline of the passthrough: video only, its chains after one split.
pub fn gated_args(job: &Job, paths: &Paths) -> Vec<String> {
    let (mut graph, mut outputs) = (Vec::new(), Vec::new());
    let uses = chains(0, job, paths, &mut graph, &mut outputs);
    graph.insert(
        0,
        format!(
            "[0:v]split={}{}",
            uses.len(),
            uses.iter().map(|u| format!("[{u}]")).collect::<String>()
        ),
    );
    // No stream probing: it waits for more frames (or seconds of stream time) than a gated
    // input delivers, which held the first pictures back by one or two ticks; the decoder
    // configuration arrives first, in the sequence header, so nothing needs guessing.
    let mut a: Vec<String> = ["-probesize", "32", "-analyzeduration", "0"]
        .map(String::from)
        .to_vec();
    a.extend(input_args());
    a.extend(["-filter_complex".into(), graph.join(";")]);
    a.extend(outputs.into_iter().flatten());
    a
}

/// When clips are shorter than their interval, only the frames of the `duration` seconds
/// before each tick are scaled and kept: scaling and encoding frames no clip uses would be
/// wasted CPU (`fps` before it only drops frames, or repeats one over a gap of the gated
/// input; `select` drops those repeats). Frame files are named by their pts in 1/`GIF_FPS`
/// s (`-frame_pts`), so `gif::run` knows which window each frame belongs to.
fn gif_window(interval: u32, duration: u32) -> String {
    if duration >= interval {
        return String::new();
    }
    format!(
        ",select='gte(mod(t\\,{interval})\\,{})'",
        interval - duration
    )
}

/// A JPEG output of a filter label; frames are written as they come (no CFR duplication)
/// and each file appears atomically (image2 `atomic_writing`). One encoder thread: the
/// MJPEG encoder's frame threads hold each picture back until the next ones arrive, which
/// for one thumbnail per interval meant one interval late.
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
            "-threads",
            "1",
        ]
        .map(String::from),
    );
    o.extend(extra.iter().map(|x| x.to_string()));
    o.push(target.to_string());
    o
}
