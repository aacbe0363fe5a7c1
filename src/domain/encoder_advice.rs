//! Encoder advice from the media (issue 11, item 3): the keyframe interval the encoder really
//! sends, read from the segment durations of a replay playlist the console already fetches,
//! and the warnings it implies for the chosen settings, with the fix in words.
//!
//! Why segment durations: an HLS segmenter (ffmpeg's `hls` muxer in bintu-local, and any
//! `-c copy` segmenter) can only cut a segment on a keyframe, and cuts at the first keyframe
//! after its target length. So every boundary is a keyframe, and a segment longer than the
//! target means there was no keyframe in between. A segment is therefore an upper bound on the
//! keyframe gap inside it, and equal to the gap when the encoder's interval is at least the
//! target (2 s in bintu-local). It is also exactly the granularity of a clip cut (see
//! `playlist::copy_cut`), which is what the clip-precision warning is about.

use super::playlist::Playlist;
use super::process::{find, Process, ProcessKind};
use super::replay_urls::playlist_url;
use super::stream::Stream;
use super::table_rules::member_assets;

/// A clip cut lands on a keyframe; beyond this gap clips visibly start early.
pub const CLIP_PRECISION_SECONDS: f64 = 2.0;
/// Timestamps jitter by a frame or so (2.002 s, 2.04 s): a gap this much over a limit still
/// counts as at the limit (about 3 frames at 30 fps).
const TOLERANCE_SECONDS: f64 = 0.1;
/// Fewer measured segments than this say nothing about the encoder yet.
const MIN_SAMPLES: usize = 2;

/// The fix, in words: where the setting is in the most common encoder, and in ffmpeg.
pub const FIX: &str = "Set the keyframe interval to 2 s in your encoder: in OBS, Settings → \
Output → Keyframe Interval = 2; with ffmpeg, -g set to twice the frame rate.";

/// What the segment durations say about the encoder's keyframes.
#[derive(Clone, Debug, PartialEq)]
pub struct KeyframeEstimate {
    /// The median segment duration: the usual keyframe spacing.
    pub typical: f64,
    pub shortest: f64,
    /// The longest gap without a keyframe (the worst case for a cut).
    pub longest: f64,
    /// How many segments were measured.
    pub samples: usize,
}

impl KeyframeEstimate {
    /// Whether the encoder keys at a steady interval (all segments within 10 % or 0.1 s).
    pub fn regular(&self) -> bool {
        self.longest - self.shortest <= TOLERANCE_SECONDS.max(self.typical * 0.1)
    }

    /// "Keyframe every 8.3 s", or "Keyframes every 2.0–8.3 s (irregular)".
    pub fn label(&self) -> String {
        if self.regular() {
            format!("Keyframe every {:.1} s", self.typical)
        } else {
            format!(
                "Keyframes every {:.1}–{:.1} s (irregular)",
                self.shortest, self.longest
            )
        }
    }
}

/// Estimates the keyframe interval from a media playlist's segments. The last segment of an
/// ended playlist is left out (the publish stopped it, not a keyframe), as are zero-length
/// ones (unreadable EXTINF). `None` until at least two segments are measured.
pub fn estimate(p: &Playlist) -> Option<KeyframeEstimate> {
    let n = p.segments.len();
    let take = if p.ended { n.saturating_sub(1) } else { n };
    let mut d: Vec<f64> = p.segments[..take]
        .iter()
        .map(|s| s.duration)
        .filter(|d| *d > 0.0)
        .collect();
    if d.len() < MIN_SAMPLES {
        return None;
    }
    d.sort_by(f64::total_cmp);
    let mid = d.len() / 2;
    let typical = if d.len().is_multiple_of(2) {
        (d[mid - 1] + d[mid]) / 2.0
    } else {
        d[mid]
    };
    Some(KeyframeEstimate {
        typical,
        shortest: d[0],
        longest: d[d.len() - 1],
        samples: d.len(),
    })
}

/// One finding, in words.
#[derive(Clone, Debug, PartialEq)]
pub enum Warning {
    /// Clip cuts can be this far off.
    ClipPrecision { longest: f64 },
    /// Keyframes further apart than a picture process's interval (thumbnail or motion clip):
    /// its pictures come late or repeat.
    SlowerThan {
        what: &'static str,
        interval: u32,
        longest: f64,
    },
}

impl Warning {
    pub fn text(&self) -> String {
        match self {
            Warning::ClipPrecision { longest } => format!(
                "Keyframes up to {longest:.1} s apart: clips are cut on keyframes, so a clip \
                 can start up to {longest:.1} s before the chosen point (2 s or less keeps \
                 clips precise)."
            ),
            Warning::SlowerThan {
                what,
                interval,
                longest,
            } => format!(
                "Keyframes up to {longest:.1} s apart, longer than the {what} interval \
                 ({interval} s): {what}s will come late."
            ),
        }
    }
}

/// The warnings for a member's processing list: clip precision when it has Replay (the only
/// way to clip), and each picture process whose interval is shorter than the longest gap.
pub fn warnings(e: &KeyframeEstimate, processing: &[Process]) -> Vec<Warning> {
    let over = |limit: f64| e.longest > limit + TOLERANCE_SECONDS;
    let mut w = Vec::new();
    if find(processing, ProcessKind::Replay).is_some() && over(CLIP_PRECISION_SECONDS) {
        w.push(Warning::ClipPrecision { longest: e.longest });
    }
    for (kind, what) in [
        (ProcessKind::Thumbs, "thumbnail"),
        (ProcessKind::Motionclip, "motion clip"),
    ] {
        if let Some(interval) = find(processing, kind).and_then(Process::interval) {
            if over(f64::from(interval)) {
                w.push(Warning::SlowerThan {
                    what,
                    interval,
                    longest: e.longest,
                });
            }
        }
    }
    w
}

/// The playlist to measure: the passthrough's (it carries the encoder's own keyframes; the
/// transcodes are keyed by the server), its newest single-stream session, else its current
/// playlist from the asset list, else (documented shape: no playlist assets) the current
/// playlist in `bucket` where the replay library finds it. `None` without Replay.
pub fn playlist_source(stream: &Stream, bucket: &str) -> Option<String> {
    let members = stream.members();
    let m = members.first()?;
    let assets = member_assets(stream, m, ProcessKind::Replay);
    let single = assets.iter().filter(|a| !a.abr && !a.url.is_empty());
    let newest = single
        .clone()
        .filter(|a| !a.latest)
        .max_by_key(|a| a.session);
    if let Some(a) = newest.or_else(|| single.clone().find(|a| a.latest)) {
        // A session known to carry no video has no keyframes to measure (audio segments
        // would read as "Keyframe every 2.0 s"); unknown tracks are measured as before.
        let no_video = a.tracks.as_ref().and_then(|t| t.video) == Some(false);
        return (!no_video).then(|| a.url.clone());
    }
    let replay_on = find(&m.processing, ProcessKind::Replay).is_some();
    (replay_on && !m.name().is_empty()).then(|| playlist_url(bucket, m.name(), None))
}

/// A playlist reference (`#EXT-X-NANO-PLAYLIST`'s file name) resolved against the URL of the
/// playlist that named it.
pub fn resolve(base_url: &str, reference: &str) -> String {
    if reference.contains("://") {
        return reference.to_string();
    }
    let dir = base_url.split(['?', '#']).next().unwrap_or(base_url);
    match dir.rfind('/') {
        Some(i) => format!("{}{reference}", &dir[..=i]),
        None => reference.to_string(),
    }
}

#[cfg(test)]
mod tests;
