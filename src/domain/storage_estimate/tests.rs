//! The hour estimate: bitrate × kept time for recording and replay, counts × measured sizes
//! for pictures, per member and in total.

use super::*;
use crate::domain::transcoding::{default_slots, fallback_profiles};

const RATE: MemberMedia = MemberMedia {
    video_kbps: Some(2872),
    size: Some((1280, 720)),
};

fn bytes_of(kbps: u32, seconds: u32, overhead: f64) -> u64 {
    (f64::from(kbps) * 125.0 * f64::from(seconds) * overhead).round() as u64
}

#[test]
fn recording_and_replay_are_bitrate_times_the_kept_time() {
    // 2872 + 128 kbit/s = 375,000 bytes/s; an hour of both.
    let both = [
        Process::Rec { duration: None },
        Process::Replay { duration: None },
    ];
    let e = member_hour(&both, RATE);
    let expected = bytes_of(3000, 3600, MP4_OVERHEAD) + bytes_of(3000, 3600, TS_OVERHEAD);
    assert_eq!(e.bytes, expected);
    assert!(!e.assumed_bitrate);
    assert_eq!((e.thumbnails, e.motion_clips), (0, 0));
    // A 60 s replay window keeps 60 s; a 7200 s recording limit still only fills the hour.
    let short = member_hour(&[Process::Replay { duration: Some(60) }], RATE);
    assert_eq!(short.bytes, bytes_of(3000, 60, TS_OVERHEAD));
    let long = member_hour(
        &[Process::Rec {
            duration: Some(7200),
        }],
        RATE,
    );
    assert_eq!(long.bytes, bytes_of(3000, 3600, MP4_OVERHEAD));
}

#[test]
fn pictures_count_per_interval_and_weigh_their_measured_sizes() {
    let p = [
        Process::Thumbs { interval: 10 },
        Process::Motionclip {
            interval: 30,
            duration: 5,
        },
    ];
    let e = member_hour(&p, RATE);
    assert_eq!((e.thumbnails, e.motion_clips), (360, 120));
    assert_eq!(
        e.bytes,
        360 * THUMBNAIL_BYTES_720P + 120 * 5 * MOTIONCLIP_BYTES_PER_SECOND
    );
    // A quarter of the pixels, about a quarter of the JPEG.
    let small = MemberMedia {
        size: Some((640, 360)),
        ..RATE
    };
    let q = member_hour(&[Process::Thumbs { interval: 10 }], small);
    assert_eq!(
        q.bytes,
        360 * ((THUMBNAIL_BYTES_720P as f64 / 4.0).round() as u64)
    );
}

#[test]
fn the_passthrough_before_its_first_publish_uses_the_assumed_bitrate_and_says_so() {
    let e = member_hour(&[Process::Rec { duration: None }], MemberMedia::default());
    assert!(e.assumed_bitrate);
    assert_eq!(
        e.bytes,
        bytes_of(ASSUMED_INGEST_KBPS + AUDIO_KBPS, 3600, MP4_OVERHEAD)
    );
    // Pictures alone rest on no bitrate.
    let p = member_hour(&[Process::Thumbs { interval: 30 }], MemberMedia::default());
    assert!(!p.assumed_bitrate);
}

#[test]
fn texts_read_like_the_issue_example() {
    let e = HourEstimate {
        bytes: 1_395_864_371,
        thumbnails: 360,
        motion_clips: 120,
        assumed_bitrate: false,
    };
    assert_eq!(
        e.text(),
        "≈ 1.3 GB per hour, 360 thumbnails, 120 motion clips"
    );
    assert_eq!(HourEstimate::default().text(), "Nothing stored");
    assert_eq!(format_bytes(18_454_938), "17.6 MB");
    assert_eq!(format_bytes(870_000), "850 KB");
}

#[test]
fn the_total_adds_members_and_leaves_out_unreadable_ones() {
    let a = (vec![Process::Thumbs { interval: 10 }], RATE);
    let b = (
        vec![Process::Replay { duration: None }],
        MemberMedia::default(),
    );
    let g = group_hour(&[Some(a.clone()), Some(b.clone())]);
    assert!(g.complete);
    let (ea, eb) = (member_hour(&a.0, a.1), member_hour(&b.0, b.1));
    assert_eq!(g.per_member, vec![Some(ea), Some(eb)]);
    assert_eq!(g.total.bytes, ea.bytes + eb.bytes);
    assert_eq!(g.total.thumbnails, 360);
    assert!(g.total.assumed_bitrate);
    let partial = group_hour(&[Some(a), None]);
    assert!(!partial.complete);
    assert_eq!(partial.total, ea);
}

#[test]
fn members_media_come_from_the_profiles_or_the_stream_info() {
    let slots = default_slots(); // 852x480@800 and 640x360@400 on
    let m = create_media(&slots, &fallback_profiles(), true);
    assert_eq!(m.len(), 3);
    assert_eq!(m[0], MemberMedia::default());
    assert_eq!((m[1].video_kbps, m[1].size), (Some(800), Some((852, 480))));
    assert_eq!(m[2].video_kbps, Some(400));
    assert_eq!(create_media(&slots, &fallback_profiles(), false).len(), 1);
    let s: Stream = serde_json::from_value(serde_json::json!({"playout": {"h5live": [
        {"index": 0, "info": {"bitrate": 0, "width": 0, "height": 0}},
        {"index": 1, "info": {"bitrate": 800, "width": 852, "height": 480}}]}}))
    .unwrap();
    let m = stream_media(&s);
    assert_eq!(m[0], MemberMedia::default());
    assert_eq!(m[1].video_kbps, Some(800));
}
