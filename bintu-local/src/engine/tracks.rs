//! Which tracks a publish carries, found before any ffmpeg starts: a pipeline built for video
//! and audio fails on an audio-only publish ("could not find codec parameters"), so the
//! session buffers the first FLV tags until it knows, from the tags and the publisher's
//! `onMetaData`, and then builds the pipeline for what is there (issue 14).

use std::time::{Duration, Instant};

use crate::ingest::flv;

/// What the publish carries, as the pipeline needs it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Tracks {
    pub video: bool,
    pub audio: bool,
    /// The audio can be stream-copied into MP4 and MPEG-TS (AAC, MP3); other FLV audio
    /// (PCM, G.711, Nellymoser, Speex) is converted to AAC.
    pub audio_copy: bool,
}

impl Tracks {
    /// Both tracks, copyable: what the engine assumed before it looked.
    pub const AV: Tracks = Tracks {
        video: true,
        audio: true,
        audio_copy: true,
    };

    /// Why some outputs of this session are missing or differ, for the session row and the
    /// console; `None` when nothing is.
    pub fn note(&self) -> Option<String> {
        match (self.video, self.audio) {
            (false, _) => Some(
                "No video in this session: recording and replay are audio-only; thumbnails, \
                 motion clips and transcodes were skipped"
                    .into(),
            ),
            (true, true) if !self.audio_copy => {
                Some("The audio codec is not AAC or MP3: converted to AAC".into())
            }
            _ => None,
        }
    }
}

/// Decide after this much media (stream time) when a track announced or not has not come.
const SPAN_MS: u32 = 2_000;
/// Or after this long on the wall clock or this much buffered, whichever comes first.
const WAIT: Duration = Duration::from_secs(4);
const MAX_BYTES: usize = 8 * 1024 * 1024;

/// What the probe found.
#[derive(Debug, PartialEq)]
pub enum Found {
    Waiting,
    Tracks(Tracks),
    /// A video codec the engine cannot demux or decode: the publish is refused.
    Unsupported(String),
}

/// The first tags of a publish, held until the tracks are known.
pub struct Probe {
    tags: Vec<(u8, u32, Vec<u8>)>,
    bytes: usize,
    first_ts: Option<u32>,
    video: Option<u8>,
    audio: Option<u8>,
    /// (video, audio) as `onMetaData` announced them.
    announced: Option<(bool, bool)>,
    since: Instant,
}

impl Default for Probe {
    fn default() -> Self {
        Probe {
            tags: Vec::new(),
            bytes: 0,
            first_ts: None,
            video: None,
            audio: None,
            announced: None,
            since: Instant::now(),
        }
    }
}

impl Probe {
    /// The publisher's `onMetaData` named these codecs (a missing one: no such track).
    pub fn announce(&mut self, video: bool, audio: bool) {
        if video || audio {
            self.announced = Some((video, audio));
        }
    }

    /// Buffers one tag and says whether the tracks are known now.
    pub fn push(&mut self, kind: u8, ts: u32, body: &[u8]) -> Found {
        let Some(&first) = body.first() else {
            return Found::Waiting;
        };
        match kind {
            flv::VIDEO => {
                self.video.get_or_insert(first);
            }
            flv::AUDIO => {
                self.audio.get_or_insert(first);
            }
            _ => return Found::Waiting,
        }
        self.bytes += body.len();
        self.tags.push((kind, ts, body.to_vec()));
        let first_ts = *self.first_ts.get_or_insert(ts);
        if let Some(why) = self.video.and_then(unsupported_video) {
            return Found::Unsupported(why);
        }
        let seen = (self.video.is_some(), self.audio.is_some());
        let all_announced = self
            .announced
            .is_some_and(|(v, a)| (!v || seen.0) && (!a || seen.1));
        let waited = ts.saturating_sub(first_ts) >= SPAN_MS
            || self.since.elapsed() >= WAIT
            || self.bytes >= MAX_BYTES;
        if (seen.0 && seen.1) || all_announced || waited {
            return Found::Tracks(self.found());
        }
        Found::Waiting
    }

    /// The tracks seen so far (at the end of a short publish); `None` if no media came.
    pub fn settle(&self) -> Option<Tracks> {
        (self.video.is_some() || self.audio.is_some()).then(|| self.found())
    }

    fn found(&self) -> Tracks {
        Tracks {
            video: self.video.is_some(),
            audio: self.audio.is_some(),
            // Sound format, high nibble: 2 MP3, 10 AAC, 14 MP3 8 kHz.
            audio_copy: self.audio.is_none_or(|a| matches!(a >> 4, 2 | 10 | 14)),
        }
    }

    /// The held tags, in arrival order, for the pipelines once they run.
    pub fn into_tags(self) -> Vec<(u8, u32, Vec<u8>)> {
        self.tags
    }
}

/// Why the first byte of a video tag names a codec the engine cannot take, if it does.
/// ffmpeg 5.1's FLV demuxer reads no enhanced-RTMP (fourcc) video, and MP4/MPEG-TS by copy
/// hold none of the old Flash codecs: only H.264 (codec id 7) goes through.
fn unsupported_video(first: u8) -> Option<String> {
    if first & 0x80 != 0 {
        return Some("enhanced-RTMP video (HEVC/AV1/VP9 by fourcc) is not supported".into());
    }
    let name = match first & 0x0f {
        7 => return None,
        2 => "Sorenson H.263",
        3 => "Screen Video",
        4 => "On2 VP6",
        5 => "On2 VP6 with alpha",
        6 => "Screen Video 2",
        12 => "HEVC (non-standard FLV id 12)",
        _ => "unknown",
    };
    Some(format!(
        "video codec {name} (FLV id {}) is not supported; publish H.264",
        first & 0x0f
    ))
}

#[cfg(test)]
mod tests {
    use super::*;

    const AVC_KEY: u8 = 0x17;
    const AAC: u8 = 0xAF;

    #[test]
    fn both_tracks_are_known_at_once_and_audio_alone_after_the_span() {
        let mut p = Probe::default();
        assert_eq!(p.push(flv::VIDEO, 0, &[AVC_KEY, 0]), Found::Waiting);
        assert_eq!(p.push(flv::AUDIO, 0, &[AAC, 0]), Found::Tracks(Tracks::AV));
        let mut p = Probe::default();
        assert_eq!(p.push(flv::AUDIO, 0, &[AAC, 0]), Found::Waiting);
        assert_eq!(p.push(flv::AUDIO, 1_000, &[AAC, 1]), Found::Waiting);
        let Found::Tracks(t) = p.push(flv::AUDIO, 2_000, &[AAC, 1]) else {
            panic!("decided after the span")
        };
        assert!(!t.video && t.audio && t.audio_copy);
        assert!(t.note().unwrap().starts_with("No video in this session"));
        assert_eq!(p.into_tags().len(), 3, "every tag is kept for the pipeline");
    }

    #[test]
    fn metadata_decides_early_and_odd_codecs_are_handled() {
        let mut p = Probe::default();
        p.announce(false, true);
        let Found::Tracks(t) = p.push(flv::AUDIO, 0, &[AAC, 0]) else {
            panic!("announced audio-only")
        };
        assert!(!t.video);
        let mut p = Probe::default();
        p.announce(true, false);
        let Found::Tracks(t) = p.push(flv::VIDEO, 0, &[AVC_KEY, 0]) else {
            panic!("announced video-only")
        };
        assert!(t.video && !t.audio && t.note().is_none());
        // G.711 A-law (format 7) is converted, and said so.
        let mut p = Probe::default();
        p.push(flv::VIDEO, 0, &[AVC_KEY]);
        let Found::Tracks(t) = p.push(flv::AUDIO, 0, &[0x72]) else {
            panic!()
        };
        assert!(!t.audio_copy && t.note().unwrap().contains("converted to AAC"));
        // VP6 is refused with its name.
        let mut p = Probe::default();
        let Found::Unsupported(why) = p.push(flv::VIDEO, 0, &[0x14]) else {
            panic!()
        };
        assert!(why.contains("On2 VP6"), "{why}");
        assert_eq!(Probe::default().settle(), None);
    }
}
