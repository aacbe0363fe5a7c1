//! The wall's URL, its one list call, and tiles whose image tokens change only with the image.

use super::*;

fn live(id: &str, thumbs_at: Option<&str>, processing: serde_json::Value) -> Stream {
    let mut thumb = serde_json::json!({"url": format!("https://m/{id}.jpg"), "type": "image",
        "streamId": id, "streamname": format!("{id}-n"), "index": 0});
    if let Some(at) = thumbs_at {
        thumb["createdAt"] = at.into();
    }
    serde_json::from_value(serde_json::json!({
        "id": id, "state": "live", "tags": ["cam"],
        "ingest": {"rtmp": {"url": "rtmp://x/live", "streamname": format!("{id}-n")}},
        "playout": {
            "h5live": [{"id": id, "index": 0, "streamname": format!("{id}-n"), "processing": processing}],
            "thumbnails": [thumb],
            "motionclip": [{"url": format!("https://m/{id}.gif"), "type": "gif", "index": 0,
                "createdAt": "2026-12-02T08:00:05.000Z"}]
        }
    }))
    .unwrap()
}

#[test]
fn one_list_call_for_live_streams_with_the_tags() {
    let q = query(&["cam".into(), "a b".into()]);
    assert_eq!(
        q.path(),
        "/stream?quantity=250&state=live&tags%5B%5D=cam&tags%5B%5D=a%20b&asset_limit=1"
    );
    assert_eq!(
        query(&[]).path(),
        "/stream?quantity=250&state=live&asset_limit=1"
    );
}

#[test]
fn the_tag_filter_lives_in_the_url() {
    let tags = vec!["key: value".to_string(), "b".into()];
    let h = href(&tags);
    assert_eq!(h, "/live?tag=key%3A%20value&tag=b");
    assert_eq!(tags_of(h.trim_start_matches("/live")), tags);
    assert_eq!(href(&[]), "/live");
    assert_eq!(tags_of(""), Vec::<String>::new());
}

#[test]
fn tiles_carry_the_passthrough_pictures_and_their_capture_time() {
    let on = serde_json::json!([{"id": "thumbs", "interval": 10},
        {"id": "motionclip", "interval": 30, "duration": 5}]);
    let t = tiles(&[live("a", Some("2026-12-02T08:00:00.000Z"), on)], 0);
    assert_eq!(t.len(), 1);
    let th = t[0].thumbnail.clone().unwrap();
    let at = parse_iso("2026-12-02T08:00:00.000Z").unwrap();
    assert_eq!(
        (th.url.as_str(), th.token, th.captured),
        ("https://m/a.jpg", at, Some(at))
    );
    assert_eq!(t[0].motion_clip.as_ref().unwrap().url, "https://m/a.gif");
    assert_eq!(
        (t[0].name.as_str(), t[0].tags.clone()),
        ("a-n", vec!["cam".to_string()])
    );
}

#[test]
fn an_image_token_changes_only_when_the_picture_does() {
    let on = serde_json::json!([{"id": "thumbs", "interval": 10}]);
    let s = [live("a", Some("2026-12-02T08:00:00.000Z"), on.clone())];
    // Polls at different times of the same capture: same token, so the same URL.
    assert_eq!(
        tiles(&s, 1_000)[0].thumbnail,
        tiles(&s, 99_000)[0].thumbnail
    );
    let newer = [live("a", Some("2026-12-02T08:00:10.000Z"), on.clone())];
    assert_ne!(tiles(&s, 0)[0].thumbnail, tiles(&newer, 0)[0].thumbnail);
    // Without createdAt (an API that omits it): once per thumbnail interval.
    let bare = [live("a", None, on)];
    let token = |now| tiles(&bare, now)[0].thumbnail.clone().unwrap().token;
    assert_eq!(token(20_000), token(29_999));
    assert_ne!(token(29_999), token(30_000));
    assert_eq!(tiles(&bare, 0)[0].thumbnail.clone().unwrap().captured, None);
}

#[test]
fn streams_without_pictures_get_empty_tiles() {
    let s: Stream =
        serde_json::from_value(serde_json::json!({"id": "z", "state": "live"})).unwrap();
    let t = tiles(&[s], 0);
    assert_eq!(
        (t[0].thumbnail.clone(), t[0].motion_clip.clone()),
        (None, None)
    );
}
