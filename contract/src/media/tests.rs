//! The layout as CONTRACT.md writes it, forwards and backwards, and the work files' names.

use super::parse::{self, classify, Part};
use super::work;
use super::*;

#[test]
fn layout_matches_the_contract() {
    assert_eq!(thumbnail("ab-cd"), "thumbnails/ab-cd.jpg");
    assert_eq!(motionclip("ab-cd"), "thumbnails/ab-cd.gif");
    assert_eq!(recording("ab-cd", 17), "ab-cd-17.mp4");
    assert_eq!(latest_recording("ab-cd"), "ab-cd.mp4");
    assert_eq!(replay_playlist("ab-cd", None), "replay/ab-cd.m3u8");
    assert_eq!(replay_playlist("ab-cd", Some(17)), "replay/ab-cd-17.m3u8");
    assert_eq!(
        replay_playlist(&abr_name("ab-cd"), None),
        "replay/ab-cd-abr.m3u8"
    );
    assert_eq!(playlist_file("ab-cd-abr", Some(17)), "ab-cd-abr-17.m3u8");
    assert_eq!(segment_pattern("n", 5), "replay/n-5-%%05d-%s.ts");
    assert_eq!(timeline_dir("ab-cd-abr", 17), "replay/thumbs/ab-cd-17");
    assert_eq!(timeline_in_bucket("ab-cd", 17), "thumbs/ab-cd-17");
    assert_eq!(timeline_picture(40), "40.jpg");
    assert_eq!(url("http://h:1", "x.mp4"), "http://h:1/vod/x.mp4");
    assert_eq!(replay_bucket("http://h:1/"), "http://h:1/vod/replay");
    assert_eq!(
        nano_playlist_line("n-17.m3u8"),
        "#EXT-X-NANO-PLAYLIST:n-17.m3u8"
    );
}

#[test]
fn abr_names() {
    assert!(is_abr("a-b-abr") && !is_abr("a-b"));
    assert_eq!(base_name("a-b-abr"), "a-b");
    assert_eq!(base_name("a-b"), "a-b");
    assert_eq!(abr_name("a-b"), "a-b-abr");
    assert_eq!(abr_name("a-b-abr"), "a-b-abr");
    assert_eq!(format!("-{}", parse::ABR_PART), ABR_SUFFIX);
}

#[test]
fn the_layout_reads_back() {
    let n = "ab12C-xY9z0";
    let cases = [
        (recording(n, 17), Part::Recording { session: 17 }),
        (replay_playlist(n, Some(17)), Part::Replay { session: 17 }),
        (
            replay_playlist(&abr_name(n), Some(17)),
            Part::Replay { session: 17 },
        ),
        (
            "replay/ab12C-xY9z0-17-00003-1700000000.ts".into(),
            Part::Replay { session: 17 },
        ),
        (replay_playlist(n, None), Part::CurrentPlaylist),
        (replay_playlist(&abr_name(n), None), Part::CurrentPlaylist),
        (
            format!("{}/{}", timeline_dir(n, 17), timeline_picture(40)),
            Part::Timeline { session: 17 },
        ),
        (
            format!("{}/{TIMELINE_INDEX}", timeline_dir(n, 17)),
            Part::Timeline { session: 17 },
        ),
        (thumbnail(n), Part::RollingPicture),
        (motionclip(n), Part::RollingPicture),
        ("replay/ab12C-xY9z0-x.m3u8".into(), Part::Other),
    ];
    for (rel, part) in cases {
        assert_eq!(classify(&rel), Some((n.to_string(), part)), "{rel}");
    }
    assert_eq!(classify("thumbnails/.ab12C-xY9z0.jpg.tmp"), None);
    assert_eq!(classify("README.txt"), None);
    assert_eq!(classify("replay/thumbs/x/1.jpg"), None);
    assert_eq!(Part::Timeline { session: 3 }.session(), Some(3));
    assert_eq!(Part::CurrentPlaylist.session(), None);
}

#[test]
fn served_files_are_recognised_by_their_layout() {
    assert_eq!(parse::latest_recording_name("ab-cd.mp4"), Some("ab-cd"));
    assert_eq!(parse::latest_recording_name("replay/ab-cd.mp4"), None);
    assert_eq!(parse::latest_recording_name("ab-cd.m3u8"), None);
    assert!(parse::is_playlist("replay/ab-cd-17.m3u8"));
    assert!(!parse::is_playlist("replay/ab-cd-17-00001-2.ts"));
    assert!(parse::in_timeline("replay/thumbs/ab-cd-17"));
    assert!(!parse::in_timeline("replay/ab-cd.m3u8"));
    for rel in [
        thumbnail("a-b"),
        motionclip("a-b"),
        replay_playlist("a-b", None),
    ] {
        assert!(parse::rewritten_in_place(&rel), "{rel}");
    }
    assert!(!parse::rewritten_in_place(&recording("a-b", 1)));
    assert!(!parse::rewritten_in_place("/a.m3u8/"));
    assert_eq!(parse::extension("/x/a-b.gif"), Some("gif"));
}

#[test]
fn work_files_are_named_as_ffmpeg_writes_them() {
    assert_eq!(work::recording_part("ab-cd"), "ab-cd.mp4");
    assert_eq!(work::recording_whole("ab-cd"), "ab-cd.whole.mp4");
    assert_eq!(work::gif_frames("ab-cd"), "ab-cd-frames");
    assert_eq!(work::gif_frame_pattern(), "%08d.jpg");
    assert_eq!(work::gif_frame(42), "00000042.jpg");
    assert_eq!(work::gif_frame_number(&work::gif_frame(42)), Some(42));
    assert_eq!(work::gif_frame_number("00000042.jpg.tmp"), None);
}
