//! The keyframe rule on playlists as real encoders and segmenters produce them.

use super::*;
use crate::domain::playlist::parse;

/// An ffmpeg `hls` muxer event playlist (bintu-local's shape), segment durations as given.
fn ffmpeg_playlist(durations: &[f64], ended: bool) -> String {
    let target = durations.iter().cloned().fold(0.0, f64::max).ceil();
    let mut s = format!(
        "#EXTM3U\n#EXT-X-VERSION:3\n#EXT-X-TARGETDURATION:{target}\n#EXT-X-MEDIA-SEQUENCE:0\n#EXT-X-PLAYLIST-TYPE:EVENT\n"
    );
    for (i, d) in durations.iter().enumerate() {
        s.push_str(&format!(
            "#EXTINF:{d:.6},\nab-cd-1764660000000-{i:05}-{}.ts\n",
            1_764_660_000 + 2 * i
        ));
    }
    if ended {
        s.push_str("#EXT-X-ENDLIST\n");
    }
    s
}

fn est(durations: &[f64], ended: bool) -> KeyframeEstimate {
    estimate(&parse(&ffmpeg_playlist(durations, ended))).expect("enough segments")
}

fn all_on(thumbs: u32, motion: u32) -> Vec<Process> {
    vec![
        Process::Thumbs { interval: thumbs },
        Process::Motionclip {
            interval: motion,
            duration: 5,
        },
        Process::Replay { duration: None },
    ]
}

#[test]
fn ffmpeg_at_two_seconds_is_regular_and_draws_no_warning() {
    // `-g 50` at 25 fps, cut by `hls_time 2`; the publish stopped 0.72 s into the last one.
    let e = est(&[2.0, 2.0, 2.0, 2.002, 1.998, 2.0, 0.72], true);
    assert_eq!(
        e.samples, 6,
        "the ended playlist's last segment is left out"
    );
    assert!(e.regular());
    assert_eq!(e.label(), "Keyframe every 2.0 s");
    assert_eq!(warnings(&e, &all_on(10, 10)), vec![]);
}

#[test]
fn obs_auto_keyframes_every_250_frames_warn_for_clips_only() {
    // OBS "Keyframe Interval 0 (auto)" lets x264 key every 250 frames: 8.33 s at 30 fps.
    let e = est(&[8.333333; 5], false);
    assert_eq!(e.samples, 5, "a live playlist's segments are all complete");
    assert_eq!(e.label(), "Keyframe every 8.3 s");
    let w = warnings(&e, &all_on(30, 30));
    assert_eq!(w, vec![Warning::ClipPrecision { longest: 8.333333 }]);
    assert!(w[0].text().contains("up to 8.3 s before the chosen point"));
    assert!(FIX.contains("OBS, Settings → Output → Keyframe Interval"));
}

#[test]
fn a_gap_longer_than_the_picture_intervals_warns_for_each() {
    // 12 s GOP (OBS at 12) against a 10 s thumbnail and motion-clip interval.
    let e = est(&[12.0, 12.0, 12.0], false);
    let w = warnings(&e, &all_on(10, 10));
    assert_eq!(w.len(), 3);
    assert_eq!(
        w[1],
        Warning::SlowerThan {
            what: "thumbnail",
            interval: 10,
            longest: 12.0
        }
    );
    assert_eq!(
        w[1].text(),
        "Keyframes up to 12.0 s apart, longer than the thumbnail interval (10 s): thumbnails will come late."
    );
    assert!(matches!(
        w[2],
        Warning::SlowerThan {
            what: "motion clip",
            ..
        }
    ));
    // A longer thumbnail interval is fine; without Replay there is no clip warning.
    let only_thumbs = [Process::Thumbs { interval: 30 }];
    assert_eq!(warnings(&e, &only_thumbs), vec![]);
}

#[test]
fn irregular_encoders_are_judged_by_their_longest_gap() {
    // Scene-cut keyframes between long GOPs: the median is short, one gap is not.
    let e = est(&[2.1, 8.333, 3.4, 2.0, 2.05, 5.2, 2.0], false);
    assert!(!e.regular());
    assert_eq!(e.typical, 2.1);
    assert_eq!(e.label(), "Keyframes every 2.0–8.3 s (irregular)");
    assert_eq!(
        warnings(&e, &all_on(30, 30)),
        vec![Warning::ClipPrecision { longest: 8.333 }]
    );
}

#[test]
fn frame_jitter_at_the_limit_is_not_a_warning() {
    // 29.97 fps with `-g 60`: 2.002 s segments, one a frame long.
    let e = est(&[2.002, 2.035, 2.002, 2.002], false);
    assert!(e.regular());
    assert_eq!(warnings(&e, &all_on(10, 10)), vec![]);
    let e = est(&[2.2, 2.2, 2.2], false);
    assert_eq!(warnings(&e, &all_on(10, 10)).len(), 1);
}

#[test]
fn too_little_media_says_nothing() {
    assert_eq!(estimate(&parse(&ffmpeg_playlist(&[8.3], false))), None);
    // Ended after one full segment: the last (partial) one does not count.
    assert_eq!(estimate(&parse(&ffmpeg_playlist(&[8.3, 3.0], true))), None);
    // Unreadable EXTINFs parse as zero and are skipped.
    let bad = "#EXTM3U\n#EXTINF:x,\na.ts\n#EXTINF:,\nb.ts\n#EXTINF:4,\nc.ts\n";
    assert_eq!(estimate(&parse(bad)), None);
    // A multivariant playlist has no segments.
    let mv = "#EXTM3U\n#EXT-X-STREAM-INF:BANDWIDTH=800000\na-1.m3u8\n";
    assert_eq!(estimate(&parse(mv)), None);
}

#[test]
fn a_sliding_window_playlist_is_measured_like_any_other() {
    // Replay duration 60: ffmpeg deletes old segments, the media sequence moves on.
    let body = "#EXTM3U\n#EXT-X-VERSION:3\n#EXT-X-TARGETDURATION:4\n#EXT-X-MEDIA-SEQUENCE:41\n\
#EXTINF:4.000000,\nx-00041-1.ts\n#EXTINF:4.000000,\nx-00042-1.ts\n#EXTINF:4.000000,\nx-00043-1.ts\n";
    let e = estimate(&parse(body)).unwrap();
    assert_eq!((e.samples, e.label()), (3, "Keyframe every 4.0 s".into()));
}

fn stream_with(replay: serde_json::Value, processing: serde_json::Value) -> Stream {
    serde_json::from_value(serde_json::json!({
        "id": "g", "state": "live",
        "playout": {
            "h5live": [
                {"id": "g", "index": 0, "streamname": "aa-bb", "processing": processing},
                {"id": "t", "index": 1, "streamname": "aa-bb-1", "processing": processing}],
            "replay": replay
        }
    }))
    .unwrap()
}

#[test]
fn measures_the_passthroughs_newest_session() {
    let replay = serde_json::json!([
        {"url": "demo", "type": "playout"},
        {"url": "l.m3u8", "type": "hls", "index": 0, "streamname": "aa-bb", "latest": true},
        {"url": "s1.m3u8", "type": "hls", "index": 0, "streamname": "aa-bb", "session": 1},
        {"url": "s2.m3u8", "type": "hls", "index": 0, "streamname": "aa-bb", "session": 2},
        {"url": "a2.m3u8", "type": "hls", "index": 0, "streamname": "aa-bb", "session": 3, "abr": true},
        {"url": "t3.m3u8", "type": "hls", "index": 1, "streamname": "aa-bb-1", "session": 3}]);
    let on = serde_json::json!([{"id": "replay", "duration": null}]);
    let s = stream_with(replay, on.clone());
    assert_eq!(playlist_source(&s, "B").as_deref(), Some("s2.m3u8"));
    let latest_only = serde_json::json!([
        {"url": "l.m3u8", "type": "hls", "index": 0, "streamname": "aa-bb", "latest": true}]);
    let s = stream_with(latest_only, on.clone());
    assert_eq!(playlist_source(&s, "B").as_deref(), Some("l.m3u8"));
}

#[test]
fn a_session_without_video_is_not_measured_and_unknown_tracks_are() {
    let on = serde_json::json!([{"id": "replay", "duration": null}]);
    let audio_only = serde_json::json!([{"url": "s.m3u8", "type": "hls", "index": 0,
        "streamname": "aa-bb", "session": 2, "tracks": {"video": false, "audio": true}}]);
    assert_eq!(
        playlist_source(&stream_with(audio_only, on.clone()), "B"),
        None
    );
    let unknown = serde_json::json!([{"url": "s.m3u8", "type": "hls", "index": 0,
        "streamname": "aa-bb", "session": 2, "tracks": {"audio": true}}]);
    assert_eq!(
        playlist_source(&stream_with(unknown, on), "B").as_deref(),
        Some("s.m3u8")
    );
}

#[test]
fn documented_shape_falls_back_to_the_bucket_and_replay_off_measures_nothing() {
    let demo_only = serde_json::json!([{"url": "demo", "type": "playout"}]);
    let on = serde_json::json!([{"id": "replay", "duration": null}]);
    let s = stream_with(demo_only.clone(), on);
    assert_eq!(
        playlist_source(&s, "https://h/vod/replay").as_deref(),
        Some("https://h/vod/replay/aa-bb.m3u8")
    );
    let off = serde_json::json!([{"id": "thumbs", "interval": 30}]);
    assert_eq!(playlist_source(&stream_with(demo_only, off), "B"), None);
}

#[test]
fn pointers_resolve_next_to_the_playlist_that_names_them() {
    assert_eq!(
        resolve("https://h/vod/replay/aa.m3u8?x=1", "aa-17.m3u8"),
        "https://h/vod/replay/aa-17.m3u8"
    );
    assert_eq!(
        resolve("https://h/a.m3u8", "https://o/b.m3u8"),
        "https://o/b.m3u8"
    );
}
