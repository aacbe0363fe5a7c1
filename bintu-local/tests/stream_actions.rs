//! Processing edits (immediate and pending while live), lock, unlock, stop and delete.

mod common;
mod streams_support;

use common::{expect_error, Server};
use reqwest::Method;
use serde_json::json;
use streams_support::{create, get, id_of, key, ok, send, set_state};

const GROUP: &str = r#"{"transcodes":[{"profile":"vtrans2-852x480x800x25","tags":[]}],
                        "processing":[[{"id":"thumbs","interval":30}]]}"#;

fn group_body() -> serde_json::Value {
    serde_json::from_str(GROUP).unwrap()
}

#[tokio::test]
async fn processing_edit_applies_at_once_when_not_live() {
    let s = Server::start().await;
    let v = create(&s, group_body()).await;
    let member = v["playout"]["h5live"][1]["id"]
        .as_str()
        .unwrap()
        .to_string();
    let path = format!("/stream/{member}/processing");
    let body = json!({"processing":[{"id":"motionclip","interval":20,"duration":3}]});
    let out = ok(&s, &key(&s), Method::PUT, &path, Some(body)).await;
    assert_eq!(out["id"], member.as_str());
    let h5 = &out["playout"]["h5live"];
    assert_eq!(
        h5[1]["processing"],
        json!([{"id":"motionclip","interval":20,"duration":3}])
    );
    assert_eq!(
        h5[0]["processing"],
        json!([{"id":"thumbs","interval":30}]),
        "others untouched"
    );
    assert!(h5[1].get("processing_pending").is_none());
    // The nested form on the group id replaces every member's list in one go.
    let nested = json!({"processing":[[],[{"id":"rec","duration":null}]]});
    let out = ok(
        &s,
        &key(&s),
        Method::PUT,
        &format!("/stream/{}/processing", id_of(&v)),
        Some(nested.clone()),
    )
    .await;
    assert_eq!(out["playout"]["h5live"][0]["processing"], json!([]));
    assert_eq!(
        out["playout"]["h5live"][1]["processing"],
        json!([{"id":"rec","duration":null}])
    );
    // …but not on a transcode's id.
    let res = send(&s, &key(&s), Method::PUT, &path, Some(nested)).await;
    expect_error(res, 400, 1004).await;
}

#[tokio::test]
async fn processing_edit_while_live_waits_for_the_next_publish() {
    let s = Server::start().await;
    let v = create(&s, group_body()).await;
    let id = id_of(&v);
    set_state(&s, &id, "live");
    let body = json!({"processing":[{"id":"replay","duration":null}]});
    let out = ok(
        &s,
        &key(&s),
        Method::PUT,
        &format!("/stream/{id}/processing"),
        Some(body),
    )
    .await;
    let m = &out["playout"]["h5live"][0];
    assert_eq!(
        m["processing"],
        json!([{"id":"thumbs","interval":30}]),
        "current list kept"
    );
    assert_eq!(
        m["processing_pending"],
        json!([{"id":"replay","duration":null}])
    );
    // Once not live, an edit applies directly and clears the pending list.
    set_state(&s, &id, "ended");
    let body = json!({"processing":[]});
    let out = ok(
        &s,
        &key(&s),
        Method::PUT,
        &format!("/stream/{id}/processing"),
        Some(body),
    )
    .await;
    let m = &out["playout"]["h5live"][0];
    assert_eq!(m["processing"], json!([]));
    assert!(m.get("processing_pending").is_none());
}

#[tokio::test]
async fn lock_unlock_and_delete_act_on_the_whole_group() {
    let s = Server::start().await;
    let v = create(&s, group_body()).await;
    let id = id_of(&v);
    let member = v["playout"]["h5live"][1]["id"]
        .as_str()
        .unwrap()
        .to_string();
    let out = ok(
        &s,
        &key(&s),
        Method::PUT,
        &format!("/stream/{member}/lock"),
        None,
    )
    .await;
    assert_eq!(out["state"], "locked");
    assert_eq!(
        get(&s, &id).await["state"],
        "locked",
        "the passthrough is locked too"
    );
    let out = ok(
        &s,
        &key(&s),
        Method::PUT,
        &format!("/stream/{id}/unlock"),
        None,
    )
    .await;
    assert_eq!(out["state"], "created", "never published: back to created");
    // A stream that was published unlocks to `ended`.
    s.running
        .state
        .db
        .lock()
        .execute(
            "INSERT INTO sessions (stream_id, session_ms, processing, started_at) VALUES (?1, 1, '[]', 'x')",
            [&member],
        )
        .unwrap();
    ok(
        &s,
        &key(&s),
        Method::PUT,
        &format!("/stream/{id}/lock"),
        None,
    )
    .await;
    let out = ok(
        &s,
        &key(&s),
        Method::PUT,
        &format!("/stream/{id}/unlock"),
        None,
    )
    .await;
    assert_eq!(out["state"], "ended");
    let out = ok(
        &s,
        &key(&s),
        Method::DELETE,
        &format!("/stream/{member}"),
        None,
    )
    .await;
    assert_eq!(out["state"], "deleted");
    for gone in [&id, &member] {
        expect_error(
            s.get(&format!("/stream/{gone}")).send().await.unwrap(),
            404,
            3001,
        )
        .await;
    }
}

#[tokio::test]
async fn stop_ends_a_live_ingest_and_refuses_when_not_live() {
    let s = Server::start().await;
    let id = id_of(&create(&s, json!({})).await);
    let res = send(
        &s,
        &key(&s),
        Method::PUT,
        &format!("/stream/{id}/stop"),
        None,
    )
    .await;
    expect_error(res, 400, 3003).await;
    let stop = s.running.state.live.register(&id).unwrap();
    set_state(&s, &id, "live");
    ok(
        &s,
        &key(&s),
        Method::PUT,
        &format!("/stream/{id}/stop"),
        None,
    )
    .await;
    assert!(*stop.borrow(), "the ingest was asked to stop");
    // `live` left over without a publisher (a crash mid-publish) is repaired to `ended`.
    s.running.state.live.unregister(&id);
    let out = ok(
        &s,
        &key(&s),
        Method::PUT,
        &format!("/stream/{id}/stop"),
        None,
    )
    .await;
    assert_eq!(out["state"], "ended");
}

#[tokio::test]
async fn lock_and_delete_stop_a_live_ingest() {
    let s = Server::start().await;
    for action in ["lock", "delete"] {
        let id = id_of(&create(&s, json!({})).await);
        let stop = s.running.state.live.register(&id).unwrap();
        set_state(&s, &id, "live");
        let (method, path) = if action == "lock" {
            (Method::PUT, format!("/stream/{id}/lock"))
        } else {
            (Method::DELETE, format!("/stream/{id}"))
        };
        ok(&s, &key(&s), method, &path, None).await;
        assert!(*stop.borrow(), "{action} stops the ingest");
    }
}
