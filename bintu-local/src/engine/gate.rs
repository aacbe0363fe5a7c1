//! Which video packets a passthrough's picture pipeline has to decode. Thumbnails need one
//! picture per interval and motion clips only the `duration` seconds before each tick, yet a
//! decoder fed the whole stream decodes every frame (the baseline `ffmpeg -i … -f null -`
//! does exactly that). The gate holds the packets since the last keyframe and passes a group
//! of pictures (from its keyframe, so it decodes) only when a frame in it is needed, plus a
//! few frames after, so a decoder with reorder delay still outputs the needed one promptly.
//! Every frame still decodes at most once, in the member's one picture pipeline; frames no
//! process uses are never decoded. Timestamps pass unchanged, so ffmpeg's `t` stays stream
//! time and the filters' tick arithmetic holds across the gaps.

/// Frames passed after the last needed one (covers B-frame reorder delay).
pub const TAIL: u32 = 5;
/// A group of pictures larger than this is dropped until the next keyframe (memory bound).
const MAX_HELD_BYTES: usize = 32 * 1024 * 1024;

/// One member's schedule and the packets held back since the last keyframe.
#[derive(Debug)]
pub struct Gate {
    thumbs_ms: Option<u64>,
    /// Clip (interval, duration) in ms.
    clip_ms: Option<(u64, u64)>,
    origin: Option<u32>,
    next_thumb: u64,
    held: Vec<(u32, Vec<u8>)>,
    held_bytes: usize,
    tail: u32,
    /// No keyframe since the start or since an overflow: nothing decodable to pass.
    broken: bool,
}

impl Gate {
    pub fn new(thumbs: Option<u32>, clip: Option<(u32, u32)>) -> Self {
        Gate {
            thumbs_ms: thumbs.map(|s| u64::from(s.max(1)) * 1000),
            clip_ms: clip.map(|(i, d)| (u64::from(i.max(1)) * 1000, u64::from(d) * 1000)),
            origin: None,
            next_thumb: 0,
            held: Vec::new(),
            held_bytes: 0,
            tail: 0,
            broken: true,
        }
    }

    /// Whether the frame at `rel` ms of stream time is used by a process.
    fn need(&mut self, rel: u64) -> bool {
        let mut need = false;
        if let Some(i) = self.thumbs_ms {
            if rel >= self.next_thumb {
                self.next_thumb = (rel / i + 1) * i;
                need = true;
            }
        }
        if let Some((i, d)) = self.clip_ms {
            need |= d >= i || rel % i >= i - d;
        }
        need
    }

    /// Takes one FLV video tag body at `ts` ms; returns the tags to pass on now, in order.
    pub fn video(&mut self, ts: u32, body: &[u8]) -> Vec<(u32, Vec<u8>)> {
        let Some(kind) = Kind::of(body) else {
            return Vec::new();
        };
        if kind == Kind::Config {
            return vec![(ts, body.to_vec())];
        }
        if kind == Kind::Key {
            self.held.clear();
            self.held_bytes = 0;
            self.broken = false;
        } else if self.broken {
            return Vec::new();
        }
        let origin = *self.origin.get_or_insert(ts);
        let needed = self.need(u64::from(ts.wrapping_sub(origin)));
        if needed {
            self.tail = TAIL;
        } else if self.tail > 0 {
            self.tail -= 1;
        } else {
            self.held_bytes += body.len();
            if self.held_bytes > MAX_HELD_BYTES {
                self.held.clear();
                self.held_bytes = 0;
                self.broken = true;
            } else {
                self.held.push((ts, body.to_vec()));
            }
            return Vec::new();
        }
        let mut out = std::mem::take(&mut self.held);
        self.held_bytes = 0;
        out.push((ts, body.to_vec()));
        out
    }

    /// Whether the next frame would pass too (a burst is going on): the caller flushes its
    /// buffered writes when a burst ends, so the decoder is not left waiting for the next one.
    pub fn passing(&self) -> bool {
        self.tail > 0
    }
}

#[derive(Clone, Copy, Debug, PartialEq)]
enum Kind {
    /// Decoder configuration (AVC/HEVC sequence header): always passed.
    Config,
    Key,
    Inter,
}

impl Kind {
    /// Legacy FLV (codec id in the low nibble, AVC packet type in byte 1) and Enhanced RTMP
    /// (bit 7 set, packet type in the low nibble). Command frames and empty bodies: `None`.
    fn of(body: &[u8]) -> Option<Kind> {
        let first = *body.first()?;
        let (frame, config) = if first & 0x80 != 0 {
            ((first >> 4) & 0x07, first & 0x0f == 0)
        } else {
            (
                first >> 4,
                matches!(first & 0x0f, 7 | 12) && body.get(1) == Some(&0),
            )
        };
        match (config, frame) {
            (true, _) => Some(Kind::Config),
            (false, 1) => Some(Kind::Key),
            (false, 2 | 3) => Some(Kind::Inter),
            _ => None,
        }
    }
}

#[cfg(test)]
mod tests;
