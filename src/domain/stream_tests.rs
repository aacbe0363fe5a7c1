//! Unit tests of the stream wire types (kept apart so `stream.rs` stays short).

use super::*;

#[test]
fn reads_the_documented_example_and_skips_unknown_processes() {
    let s: Stream = serde_json::from_str(
        r#"{"id":"8a3b","state":"created","created_at":"2025-11-04T17:09:19.899Z",
        "playout":{"h5live":[{"id":"8a3b","index":0,"type":"live","tags":["Passthrough"],
          "rtmp":{"url":"rtmp://x/play","streamname":"XsTvy-JgqqV"},
          "processing":[{"id":"thumbs","interval":30},{"id":"captions"}],
          "info":{"width":0,"height":0,"bitrate":0,"fps":0}}],
          "thumbnails":[{"url":"u","type":"image","streamId":"8a3b","streamname":"XsTvy-JgqqV"}],
          "web":[{"url":"w","type":"vod","createdAt":"c","session":1712345678901,"size":5}]},
        "unknown":true}"#,
    )
    .unwrap();
    let m = s.members();
    assert_eq!(m[0].name(), "XsTvy-JgqqV");
    assert_eq!(m[0].processing, vec![Process::Thumbs { interval: 30 }]);
    assert_eq!(m[0].display_name(), "Passthrough");
    assert_eq!(s.playout.web[0].session, Some(1712345678901));
    assert_eq!(s.playout.thumbnails[0].kind, "image");
    assert!(!s.is_group() && !s.has_pending_processing());
}

#[test]
fn null_processing_is_empty() {
    let m: Member = serde_json::from_str(r#"{"processing":null}"#).unwrap();
    assert!(m.processing.is_empty() && m.processing_pending.is_none());
    assert_eq!(member_label(2), "2. Transcode");
}
