//! Tests of finding replay sessions in the media.

use super::*;
use crate::domain::table_rules::replay_rows;

fn documented_group() -> Stream {
    serde_json::from_value(serde_json::json!({
        "id": "g", "state": "live",
        "playout": {
            "h5live": [
                {"id": "g", "rtmp": {"streamname": "ab-cd"}, "processing": [{"id": "replay", "duration": null}]},
                {"id": "t1", "rtmp": {"streamname": "ab-cd-1"}, "processing": [{"id": "replay", "duration": null}]}],
            "thumbnails": [{"url": "https://vod.example:443/vod/thumbnails/ab-cd.jpg?x=1", "type": "image", "streamId": "g"}],
            "replay": [{"url": "https://replay.example/live-replay/demo/?streamname=ab-cd", "type": "playout", "index": 0, "streamId": "g"}]
        }
    }))
    .unwrap()
}

#[test]
fn the_vod_base_comes_from_the_asset_urls_else_the_api() {
    let s = documented_group();
    assert_eq!(vod_base(&s).as_deref(), Some("https://vod.example:443/vod"));
    assert_eq!(
        replay_bucket(&s, "http://api"),
        "https://vod.example:443/vod/replay"
    );
    let rec: Stream = serde_json::from_value(serde_json::json!({"playout": {"web": [
        {"url": "https://bintu.nanocosmos.de:443/playout/x", "type": "live"},
        {"url": "https://bintu-vod.nanocosmos.de:443/vod/XsTvy-JgqqV.mp4", "type": "vod"}]}}))
    .unwrap();
    assert_eq!(
        vod_base(&rec).as_deref(),
        Some("https://bintu-vod.nanocosmos.de:443/vod")
    );
    let bare = Stream::default();
    assert_eq!(
        replay_bucket(&bare, "http://127.0.0.1:8090"),
        "http://127.0.0.1:8090/vod/replay"
    );
    assert_eq!(
        replay_bucket(&bare, "https://bintu.nanocosmos.de"),
        "https://bintu-vod.nanocosmos.de/vod/replay"
    );
}

#[test]
fn each_member_with_replay_is_probed_and_the_group_also_by_its_abr_playlist() {
    let s = documented_group();
    let b = replay_bucket(&s, "");
    let p = probes(&s, &b);
    let urls: Vec<_> = p.iter().map(|p| p.url.as_str()).collect();
    assert_eq!(
        urls,
        [
            "https://vod.example:443/vod/replay/ab-cd.m3u8",
            "https://vod.example:443/vod/replay/ab-cd-1.m3u8",
            "https://vod.example:443/vod/replay/ab-cd-abr.m3u8"
        ]
    );
    assert!(p[2].abr && p[2].member_id == "g");
}

#[test]
fn an_api_that_lists_sessions_is_not_probed() {
    let mut s = documented_group();
    s.playout.replay.push(Asset {
        kind: "hls".into(),
        ..Default::default()
    });
    assert!(probes(&s, "b").is_empty());
}

#[test]
fn the_latest_session_comes_from_the_nano_playlist_tag() {
    let mut s = documented_group();
    let b = replay_bucket(&s, "");
    let p = probes(&s, &b);
    let body = "#EXTM3U\n#EXT-X-NANO-PLAYLIST:ab-cd-1712345678901.m3u8\n#EXTINF:2,\nx.ts\n";
    let abr_body = "#EXTM3U\n#EXT-X-NANO-PLAYLIST:ab-cd-abr-1712345678901.m3u8\n";
    let mut all = found(&p[0], body, &b);
    all.extend(found(&p[2], abr_body, &b));
    assert!(found(&p[1], "<html>404</html>", &b).is_empty());
    merge(&mut s, all);
    let rows = replay_rows(&s, s.members()[0]);
    let got: Vec<_> = rows
        .iter()
        .map(|r| (r.label.as_str(), r.streamname.as_str(), r.session))
        .collect();
    assert_eq!(got[0], ("Latest", "ab-cd", None));
    assert_eq!(got[1], ("Latest (ABR)", "ab-cd-abr", None));
    assert_eq!(got[2].1, "ab-cd");
    assert_eq!(got[2].2, Some(1712345678901));
    assert_eq!(got[3], (got[3].0, "ab-cd-abr", Some(1712345678901)));
    assert_eq!(
        rows[2].url,
        "https://vod.example:443/vod/replay/ab-cd-1712345678901.m3u8"
    );
    assert_eq!(
        rows[3].url,
        "https://vod.example:443/vod/replay/ab-cd-abr-1712345678901.m3u8"
    );
    assert!(replay_rows(&s, s.members()[1]).is_empty());
}
