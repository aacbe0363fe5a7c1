//! The documented shapes (`serve --api-shape documented|documented-org`) over real HTTP: each
//! field the public docs show is present, each field this project invented is absent. The
//! docs' keys are read from their JSON examples (tests/fixtures/docs), so a key is allowed
//! only when a docs example carries it.

mod common;
mod streams_support;

use std::collections::BTreeSet;

use bintu_local::api::shape::ApiShape;
use common::{expect_error, Server};
use contract::media as paths;
use reqwest::Method;
use serde_json::{json, Value};
use streams_support::{create, get, id_of, key, ok, send, set_state};

async fn server(shape: ApiShape) -> Server {
    Server::start_with(|c| c.api_shape = shape).await
}

fn keys(v: &Value) -> BTreeSet<String> {
    v.as_object().unwrap().keys().cloned().collect()
}

/// The keys named in `list`, separated by spaces.
fn words(list: &str) -> BTreeSet<String> {
    list.split_whitespace().map(str::to_string).collect()
}

/// Every key the docs' examples show on entries of `playout.<array>` (of `kind` if given).
fn docs_keys(array: &str, kind: Option<&str>) -> BTreeSet<String> {
    let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/../tests/fixtures/docs/");
    let mut out = BTreeSet::new();
    for f in [
        "stream_live_processing.json",
        "stream_assets_table.json",
        "stream_assembled.json",
    ] {
        let v: Value =
            serde_json::from_str(&std::fs::read_to_string(format!("{dir}{f}")).unwrap()).unwrap();
        for e in v["playout"][array].as_array().into_iter().flatten() {
            if kind.is_none_or(|k| e["type"] == k) {
                out.extend(keys(e));
            }
        }
    }
    out
}

/// Writes `rel` under the media directory with `bytes`.
fn write_media(s: &Server, rel: &str, bytes: &[u8]) {
    let p = s.running.state.config.media_dir().join(rel);
    std::fs::create_dir_all(p.parent().unwrap()).unwrap();
    std::fs::write(p, bytes).unwrap();
}

/// A session of `stream_id` with replay on, and its recording (as the engine records them).
fn add_session(s: &Server, stream_id: &str, name: &str, session_ms: i64) {
    let rec = paths::recording(name, session_ms);
    write_media(s, &rec, format!("mp4 of {session_ms}").as_bytes());
    write_media(
        s,
        &paths::replay_playlist(name, Some(session_ms)),
        b"#EXTM3U",
    );
    let conn = s.running.state.db.lock();
    conn.execute(
        "INSERT INTO sessions (stream_id, session_ms, processing, started_at)
         VALUES (?1, ?2, '[{\"id\":\"replay\",\"duration\":null}]', 'start')",
        rusqlite::params![stream_id, session_ms],
    )
    .unwrap();
    conn.execute(
        "INSERT INTO recordings (stream_id, session_ms, file, size, created_at)
         VALUES (?1, ?2, ?3, 1234, '2026-12-02T08:00:00.000Z')",
        rusqlite::params![stream_id, session_ms, rec],
    )
    .unwrap();
}

#[tokio::test]
async fn documented_stream_object_holds_only_the_docs_fields() {
    let s = server(ApiShape::Documented).await;
    let all = json!([{"id":"thumbs","interval":30},{"id":"motionclip","interval":30,"duration":5},
                     {"id":"rec","duration":null},{"id":"replay","duration":null}]);
    let v = create(
        &s,
        json!({"transcodes":[{"profile":"vtrans2-852x480x800x25","tags":[]}],
               "processing":[all, [{"id":"thumbs","interval":30}]]}),
    )
    .await;
    let id = id_of(&v);
    let name = v["ingest"]["rtmp"]["streamname"]
        .as_str()
        .unwrap()
        .to_string();
    for session in [1000, 2000] {
        add_session(&s, &id, &name, session);
    }
    write_media(&s, &paths::thumbnail(&name), b"jpg");
    write_media(&s, &paths::motionclip(&name), b"gif");
    write_media(&s, &paths::replay_playlist(&name, None), b"#EXTM3U");
    // An edit while live: the full shape would show `processing_pending`.
    set_state(&s, &id, "live");
    let edit = json!({"processing":[{"id":"thumbs","interval":60}]});
    ok(
        &s,
        &key(&s),
        Method::PUT,
        &format!("/stream/{id}/processing"),
        Some(edit),
    )
    .await;

    let v = get(&s, &id).await;
    let top = words("id streamgroup state type created_at webrtc transcoding tags ingest playout");
    assert_eq!(keys(&v), top);
    let p = &v["playout"];
    let arrays = "h5live rtmp hls web thumbnails motionclip replay";
    assert_eq!(keys(p), words(arrays));
    // h5live: the docs' member entry (S1, S2, S16: `label`), no name, profile or pending list.
    let h5live = words("id index type tags processing label rtmp info");
    for m in p["h5live"].as_array().unwrap() {
        assert_eq!(keys(m), h5live, "{m}");
    }
    assert_eq!(p["h5live"].as_array().unwrap().len(), 2);
    assert_eq!(
        p["h5live"][0]["processing"][0]["interval"], 30,
        "the applied list"
    );
    for (array, kind) in [
        ("rtmp", None),
        ("hls", None),
        ("thumbnails", None),
        ("motionclip", None),
        ("replay", None),
        ("web", Some("live")),
        ("web", Some("vod")),
    ] {
        let docs = docs_keys(array, kind);
        let entries: Vec<&Value> = p[array]
            .as_array()
            .unwrap()
            .iter()
            .filter(|e| kind.is_none_or(|k| e["type"] == k))
            .collect();
        assert!(!entries.is_empty(), "{array} {kind:?} listed");
        for e in entries {
            assert_eq!(keys(e), docs, "{array} {kind:?}: {e}");
        }
    }
    // web: the live entry first with the docs' nulls, recordings numbered by position.
    let web = p["web"].as_array().unwrap();
    assert_eq!(
        (
            web[0]["type"].clone(),
            web[0]["pushUrl"].clone(),
            web[0]["opcode"].clone()
        ),
        (json!("live"), Value::Null, Value::Null)
    );
    assert_eq!(web.len(), 3);
    let base = s.running.base_url();
    assert_eq!(
        web[1]["url"],
        format!("{base}/vod/{name}.mp4"),
        "latest at the docs' URL"
    );
    assert_eq!(web[2]["url"], format!("{base}/vod/{name}-1000.mp4"));
    assert_eq!(
        (web[1]["index"].clone(), web[2]["index"].clone()),
        (json!(1), json!(2))
    );
    assert_eq!(web[1]["streamId"], id.as_str());
    assert_eq!(web[1]["createdAt"], "2026-12-02T08:00:00.000Z");
    // replay: only the demo-page entry of the member with replay.
    let replay = p["replay"].as_array().unwrap();
    assert_eq!(replay.len(), 1);
    assert_eq!(
        (replay[0]["type"].clone(), replay[0]["index"].clone()),
        (json!("playout"), json!(0))
    );
    // The docs' recording URL serves the latest session's file; older files stay as they are.
    let body = s
        .http
        .get(format!("{base}/vod/{name}.mp4"))
        .send()
        .await
        .unwrap();
    assert_eq!(body.status(), 200);
    assert_eq!(body.text().await.unwrap(), "mp4 of 2000");
    let missing = s
        .http
        .get(format!("{base}/vod/{name}x.mp4"))
        .send()
        .await
        .unwrap();
    assert_eq!(missing.status(), 404);
}

#[tokio::test]
async fn documented_actions_answer_an_empty_200_and_still_act() {
    let s = server(ApiShape::Documented).await;
    let id = id_of(&create(&s, json!({})).await);
    let k = key(&s);
    set_state(&s, &id, "live");
    for (method, action, state) in [
        (Method::PUT, "stop", "ended"),
        (Method::PUT, "lock", "locked"),
        (Method::PUT, "unlock", "created"),
        (Method::DELETE, "", "deleted"),
    ] {
        let path = format!("/stream/{id}/{action}");
        let res = send(&s, &k, method, path.trim_end_matches('/'), None).await;
        assert_eq!(res.status(), 200, "{action}");
        assert_eq!(res.text().await.unwrap(), "", "{action}: empty body");
        let now: String = s
            .running
            .state
            .db
            .lock()
            .query_row("SELECT state FROM streams WHERE id = ?1", [&id], |r| {
                r.get(0)
            })
            .unwrap();
        // Unlock after stop: a stream without recorded sessions goes back to created.
        assert_eq!(now, state, "{action}");
    }
    // Tag still answers with the stream, as documented.
    let other = id_of(&create(&s, json!({})).await);
    let tagged = ok(
        &s,
        &k,
        Method::PUT,
        &format!("/stream/{other}/tag"),
        Some(json!({"tags":["a"]})),
    )
    .await;
    assert_eq!(tagged["tags"], json!(["a"]));
}

#[tokio::test]
async fn documented_list_ignores_page() {
    let s = server(ApiShape::Documented).await;
    for _ in 0..3 {
        create(&s, json!({})).await;
    }
    let list = |q: &'static str| {
        let s = &s;
        async move {
            let v = ok(s, &key(s), Method::GET, &format!("/stream{q}"), None).await;
            v.as_array().unwrap().iter().map(id_of).collect::<Vec<_>>()
        }
    };
    let first = list("?quantity=2").await;
    assert_eq!(first.len(), 2, "quantity is documented and honoured");
    assert_eq!(list("?quantity=2&page=2").await, first);
}

#[tokio::test]
async fn organisation_is_404_or_name_and_hash_only() {
    let s = server(ApiShape::Documented).await;
    expect_error(s.get("/organisation").send().await.unwrap(), 404, 1006).await;
    // Credentials are still checked first.
    let res = s.http.get(s.url("/organisation")).send().await.unwrap();
    expect_error(res, 401, 1002).await;

    let s = server(ApiShape::DocumentedOrg).await;
    let res = s.get("/organisation").send().await.unwrap();
    assert_eq!(res.status(), 200);
    let body: Value = res.json().await.unwrap();
    assert_eq!(
        body,
        json!({"name": "Demo Organisation", "hash": s.demo.hash})
    );
    // The documented-org shape renders streams as documented too.
    let v = create(&s, json!({"processing":[[{"id":"thumbs","interval":30}]]})).await;
    assert!(v["playout"]["h5live"][0].get("streamname").is_none());
}
