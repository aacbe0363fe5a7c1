//! bintu-local's work files of a session, in its private work directory (never served):
//! the MP4s being recorded and the motion clips' numbered frames. Written here so
//! the engine that writes them and the recovery that finds them after a crash agree.

use super::{PICTURE_EXT, RECORDING_EXT};

/// The recording being written: `<name>.mp4`, remuxed to [`recording`](super::recording)
/// when the session ends.
pub fn recording_part(name: &str) -> String {
    format!("{name}.{RECORDING_EXT}")
}

/// The passthrough's `+faststart` MP4 written beside the part: `<name>.whole.mp4`, the
/// recording after a clean end (unfinished after a crash).
pub fn recording_whole(name: &str) -> String {
    format!("{name}.whole.{RECORDING_EXT}")
}

/// The directory of a member's motion-clip frames: `<name>-frames`.
pub fn gif_frames(name: &str) -> String {
    format!("{name}-frames")
}

/// ffmpeg's name pattern of the numbered frames (the number is the frame's pts).
pub fn gif_frame_pattern() -> String {
    format!("%08d.{PICTURE_EXT}")
}

/// Frame `n`'s file name, as ffmpeg writes it with [`gif_frame_pattern`].
pub fn gif_frame(n: u64) -> String {
    format!("{n:08}.{PICTURE_EXT}")
}

/// The number of a finished frame's file name (temporary files are not frames).
pub fn gif_frame_number(file: &str) -> Option<u64> {
    file.strip_suffix(PICTURE_EXT)?
        .strip_suffix('.')?
        .parse()
        .ok()
}
