//! Storage estimate (issue 11, item 4): what one hour of streaming produces with the chosen
//! Live Processing settings, per group member and in total, as the create page's summary and
//! the Edit modal show it ("≈ 1.3 GB per hour, 360 thumbnails, 120 motion clips").
//!
//! Recording and replay are stream copies (passthrough) or the transcode's own encode, so
//! they are the member's bitrate × the time they keep, times the container's overhead.
//! Thumbnails and motion clips are counts per hour × a size per picture measured on
//! bintu-local (see the constants). All sizes use the dashboard's 1024-based units.

use super::process::Process;
use super::stream::Stream;
use super::transcoding::TranscodingProfile;
use super::transcoding::{active_slots, Slot};

/// Seconds in the hour the estimate is for.
const HOUR: u32 = 3600;

/// The passthrough's bitrate is the encoder's, unknown before it publishes: assume what
/// `bintu-local publish` sends (and OBS's default video bitrate), video kbit/s.
pub const ASSUMED_INGEST_KBPS: u32 = 2500;
/// Audio rides along every member as a copy of the ingest's AAC: `bintu-local publish` sends
/// 128 kbit/s.
pub const AUDIO_KBPS: u32 = 128;

// Measured on bintu-local (2026-12-02, `scripts/bench/storage.sh`, part of `make bench`): one
// `bintu-local publish` (testsrc2 with clock, 1280x720, 25 fps, 2500 kbit/s video + 128 kbit/s
// AAC) for 60 s with thumbs 10 s, motion clip 10 s / 5 s, rec and replay on; the sizes of the
// files it wrote. A moving test picture: real cameras give other JPEG and GIF sizes.
/// Replay (MPEG-TS segments): 20,500,084 bytes for 60.00 s at 2628 kbit/s nominal.
pub const TS_OVERHEAD: f64 = 1.040;
/// Recording (MP4): 19,851,571 bytes for the same 60 s.
pub const MP4_OVERHEAD: f64 = 1.007;
/// One thumbnail JPEG at 1280x720: 71,923 bytes.
pub const THUMBNAIL_BYTES_720P: u64 = 71_923;
/// Motion clip GIF (320 px wide, 10 fps): 508,037 bytes for 5 s.
pub const MOTIONCLIP_BYTES_PER_SECOND: u64 = 101_607;

/// One member's hour.
#[derive(Clone, Copy, Debug, Default, PartialEq)]
pub struct HourEstimate {
    pub bytes: u64,
    pub thumbnails: u32,
    pub motion_clips: u32,
    /// The bytes rest on `ASSUMED_INGEST_KBPS` (the passthrough before it has published).
    pub assumed_bitrate: bool,
}

impl HourEstimate {
    /// "≈ 1.3 GB per hour, 360 thumbnails, 120 motion clips"; "Nothing stored" when off.
    pub fn text(&self) -> String {
        let mut parts = Vec::new();
        if self.bytes > 0 {
            parts.push(format!("≈ {} per hour", format_bytes(self.bytes)));
        }
        if self.thumbnails > 0 {
            parts.push(format!("{} thumbnails", self.thumbnails));
        }
        if self.motion_clips > 0 {
            parts.push(format!("{} motion clips", self.motion_clips));
        }
        if parts.is_empty() {
            "Nothing stored".into()
        } else {
            parts.join(", ")
        }
    }

    fn add(self, o: HourEstimate) -> HourEstimate {
        HourEstimate {
            bytes: self.bytes + o.bytes,
            thumbnails: self.thumbnails + o.thumbnails,
            motion_clips: self.motion_clips + o.motion_clips,
            assumed_bitrate: self.assumed_bitrate || o.assumed_bitrate,
        }
    }
}

/// What a member sends: video kbit/s (`None` = unknown, the passthrough before its first
/// publish) and picture size (`None` = unknown: the 720p figure is used).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct MemberMedia {
    pub video_kbps: Option<u32>,
    pub size: Option<(u32, u32)>,
}

/// What the create page's members send: the passthrough unknown, then each switched-on
/// profile slot's bitrate and size (unknown when its profile is not in `profiles`).
pub fn create_media(
    slots: &[Slot],
    profiles: &[TranscodingProfile],
    transcoding: bool,
) -> Vec<MemberMedia> {
    let mut v = vec![MemberMedia::default()];
    if transcoding {
        v.extend(active_slots(slots).into_iter().map(|s| {
            profiles
                .iter()
                .find(|p| p.id == s.profile_id)
                .map_or(MemberMedia::default(), |p| MemberMedia {
                    video_kbps: Some(p.bitrate),
                    size: Some((p.width, p.height)),
                })
        }));
    }
    v
}

/// A positive, finite `info` number as a whole one (`None`: 0 or unreadable = not known).
fn whole(v: f64) -> Option<u32> {
    (v.is_finite() && v >= 1.0).then(|| v.min(f64::from(u32::MAX)).round() as u32)
}

/// What an existing stream's members send, from `info` (kbit/s; 0 = not known yet).
pub fn stream_media(stream: &Stream) -> Vec<MemberMedia> {
    stream
        .members()
        .iter()
        .map(|m| MemberMedia {
            video_kbps: whole(m.info.bitrate),
            size: whole(m.info.width).zip(whole(m.info.height)),
        })
        .collect()
}

/// Bytes of `seconds` at `kbps` with a container `overhead`.
fn stream_bytes(kbps: u32, seconds: u32, overhead: f64) -> u64 {
    (f64::from(kbps) * 1000.0 / 8.0 * f64::from(seconds) * overhead).round() as u64
}

/// Seconds of an hour a recording or replay keeps: all of it, or its duration (a recording
/// stops after it; a replay keeps a sliding window that long).
fn kept(duration: Option<u32>) -> u32 {
    duration.map_or(HOUR, |d| d.min(HOUR))
}

/// One member's hour with `processes` switched on.
pub fn member_hour(processes: &[Process], media: MemberMedia) -> HourEstimate {
    let kbps = media.video_kbps.filter(|k| *k > 0);
    let total_kbps = kbps.unwrap_or(ASSUMED_INGEST_KBPS) + AUDIO_KBPS;
    let thumb_bytes =
        media
            .size
            .filter(|(w, h)| *w > 0 && *h > 0)
            .map_or(THUMBNAIL_BYTES_720P, |(w, h)| {
                let scale = f64::from(w) * f64::from(h) / (1280.0 * 720.0);
                (THUMBNAIL_BYTES_720P as f64 * scale).round() as u64
            });
    let mut e = HourEstimate::default();
    for p in processes {
        match *p {
            Process::Rec { duration } => {
                e.bytes += stream_bytes(total_kbps, kept(duration), MP4_OVERHEAD);
                e.assumed_bitrate |= kbps.is_none();
            }
            Process::Replay { duration } => {
                e.bytes += stream_bytes(total_kbps, kept(duration), TS_OVERHEAD);
                e.assumed_bitrate |= kbps.is_none();
            }
            Process::Thumbs { interval } => {
                e.thumbnails += HOUR / interval.max(1);
                e.bytes += u64::from(HOUR / interval.max(1)) * thumb_bytes;
            }
            Process::Motionclip { interval, duration } => {
                let clips = HOUR / interval.max(1);
                e.motion_clips += clips;
                e.bytes += u64::from(clips) * u64::from(duration) * MOTIONCLIP_BYTES_PER_SECOND;
            }
        }
    }
    e
}

/// Every member's hour and the group's total. `members[i]` pairs member i's processes with
/// what it sends; a member whose settings do not parse yet is `None` and left out of the
/// total (the total then says so through `complete`).
pub fn group_hour(members: &[Option<(Vec<Process>, MemberMedia)>]) -> GroupEstimate {
    let per_member: Vec<Option<HourEstimate>> = members
        .iter()
        .map(|m| m.as_ref().map(|(p, media)| member_hour(p, *media)))
        .collect();
    let total = per_member
        .iter()
        .flatten()
        .fold(HourEstimate::default(), |a, b| a.add(*b));
    GroupEstimate {
        complete: per_member.iter().all(Option::is_some),
        per_member,
        total,
    }
}

#[derive(Clone, Debug, Default, PartialEq)]
pub struct GroupEstimate {
    pub per_member: Vec<Option<HourEstimate>>,
    pub total: HourEstimate,
    /// Every member's settings were readable.
    pub complete: bool,
}

/// 1024-based, one decimal from GB down to MB, whole KB below: "1.3 GB", "17.6 MB", "850 KB".
pub fn format_bytes(bytes: u64) -> String {
    const K: f64 = 1024.0;
    let b = bytes as f64;
    if b >= K * K * K {
        format!("{:.1} GB", b / (K * K * K))
    } else if b >= K * K {
        format!("{:.1} MB", b / (K * K))
    } else {
        format!("{} KB", (b / K).ceil() as u64)
    }
}

#[cfg(test)]
mod tests;
