//! `POST /stream`, `GET /stream/{id}`, `/group`, the profiles and the player's view over real
//! HTTP against a real SQLite file. Listing and tags are in `stream_list.rs`.

mod common;
mod streams_support;

use common::{expect_error, Server};
use reqwest::Method;
use serde_json::{json, Value};
use streams_support::{create, get, id_of, key, ok};

#[tokio::test]
async fn empty_body_creates_a_single_stream_with_the_documented_shape() {
    let s = Server::start().await;
    let res = s
        .http
        .post(s.url("/stream"))
        .header("X-BINTU-APIKEY", &s.demo.apikey)
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), 200);
    let v: Value = res.json().await.unwrap();
    let id = id_of(&v);
    assert!(uuid::Uuid::parse_str(&id).is_ok(), "{id}");
    assert_eq!(v["streamgroup"], id.as_str());
    assert_eq!(v["state"], "created");
    assert_eq!(v["type"], "low-latency");
    assert_eq!(v["transcoding"], false);
    let name = v["ingest"]["rtmp"]["streamname"].as_str().unwrap();
    assert!(name.starts_with(&format!("{}-", s.demo.hash)), "{name}");
    assert_eq!(v["ingest"]["rtmp"]["url"], &*s.running.state.rtmp_base);
    let h5 = &v["playout"]["h5live"];
    assert_eq!(h5.as_array().unwrap().len(), 1);
    assert_eq!(h5[0]["streamname"], name);
    assert_eq!(h5[0]["label"], "Passthrough");
    assert_eq!(h5[0]["processing"], json!([]));
    assert!(h5[0].get("processing_pending").is_none());
    for k in ["thumbnails", "motionclip", "replay"] {
        assert_eq!(v["playout"][k], json!([]), "{k}");
    }
    assert_eq!(v["playout"]["web"][0]["type"], "live");
    assert_eq!(get(&s, &id).await, v, "GET returns what create returned");
}

#[tokio::test]
async fn a_group_has_one_member_per_transcode_with_its_processing() {
    let s = Server::start().await;
    let v = create(
        &s,
        json!({"tags":["foo","bar"],
               "transcodes":[{"profile":"vtrans2-852x480x800x25","tags":["1. Transcode"]},
                             {"profile":"vtrans2-640x360x400x25","tags":[]}],
               "processing":[[{"id":"thumbs","interval":45},{"id":"rec","duration":null}],
                             [{"id":"replay","duration":30}]]}),
    )
    .await;
    assert_eq!(v["transcoding"], true);
    assert_eq!(v["tags"], json!(["foo", "bar"]));
    let h5 = v["playout"]["h5live"].as_array().unwrap().clone();
    assert_eq!(h5.len(), 3);
    assert_eq!(
        h5[1]["info"],
        json!({"width":852,"height":480,"bitrate":800,"fps":25})
    );
    assert_eq!(h5[2]["label"], "2. Transcode");
    assert_eq!(h5[0]["processing"][0], json!({"id":"thumbs","interval":45}));
    assert_eq!(h5[1]["processing"], json!([{"id":"replay","duration":30}]));
    assert_eq!(h5[2]["processing"], json!([]));
    assert_eq!(v["playout"]["rtmp"].as_array().unwrap().len(), 3);
    // A member id describes that member at the top level and still lists the whole group.
    let member = get(&s, h5[1]["id"].as_str().unwrap()).await;
    assert_eq!(member["streamgroup"], v["id"]);
    assert_eq!(member["tags"], json!(["1. Transcode"]));
    assert_eq!(member["ingest"]["rtmp"]["streamname"], h5[1]["streamname"]);
    assert_eq!(member["playout"]["h5live"].as_array().unwrap().len(), 3);
    let names: std::collections::HashSet<_> = h5.iter().map(|m| m["streamname"].clone()).collect();
    assert_eq!(names.len(), 3, "names are unique per member");
    let g = ok(
        &s,
        &key(&s),
        Method::GET,
        &format!("/stream/{}/group", id_of(&v)),
        None,
    )
    .await;
    assert_eq!(g["id"], v["id"]);
    assert_eq!(g["state"], "created");
    assert_eq!(g["playout"]["h5live"].as_array().unwrap().len(), 3);
    assert_eq!(g["playout"]["hls"].as_array().unwrap().len(), 3);
}

#[tokio::test]
async fn profiles_list_the_documented_ids() {
    let s = Server::start().await;
    let v = ok(&s, &key(&s), Method::GET, "/transcoding/profiles", None).await;
    let ids: Vec<&str> = v
        .as_array()
        .unwrap()
        .iter()
        .map(|p| p["id"].as_str().unwrap())
        .collect();
    for id in [
        "vtrans2-852x480x800x25",
        "vtrans2-640x360x400x25",
        "vtrans2-426x240x200x15",
    ] {
        assert!(ids.contains(&id), "{id}");
    }
    assert_eq!(v[0]["width"], 1280);
}

#[tokio::test]
async fn player_view_without_credentials_hides_tags_and_processing() {
    let s = Server::start().await;
    let v = create(
        &s,
        json!({"tags":["private"],"processing":[[{"id":"thumbs","interval":30}]]}),
    )
    .await;
    let res = s
        .http
        .get(s.url(&format!("/stream/{}", id_of(&v))))
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), 200);
    let p: Value = res.json().await.unwrap();
    assert_eq!(p["id"], v["id"]);
    assert!(p.get("tags").is_none());
    assert!(p["playout"]["h5live"][0].get("processing").is_none());
    assert!(!p.to_string().contains("private"));
    let res = s
        .http
        .get(s.url(&format!("/stream/{}", id_of(&v))))
        .header("X-BINTU-APIKEY", "bad-key-123")
        .send()
        .await
        .unwrap();
    expect_error(res, 401, 4001).await;
}

#[tokio::test]
async fn unknown_or_deleted_streams_and_wrong_methods_get_bintu_errors() {
    let s = Server::start().await;
    let res = s
        .get("/stream/00000000-0000-0000-0000-000000000000")
        .send()
        .await
        .unwrap();
    let body = expect_error(res, 404, 3001).await;
    assert_eq!(
        body["error"]["userinfo"]["stream_id"],
        "00000000-0000-0000-0000-000000000000"
    );
    let id = id_of(&create(&s, json!({})).await);
    ok(&s, &key(&s), Method::DELETE, &format!("/stream/{id}"), None).await;
    expect_error(
        s.get(&format!("/stream/{id}")).send().await.unwrap(),
        404,
        3001,
    )
    .await;
    let res = s
        .http
        .patch(s.url("/stream"))
        .header("X-BINTU-APIKEY", &s.demo.apikey)
        .send()
        .await
        .unwrap();
    expect_error(res, 405, 1007).await;
    let res = s
        .http
        .post(s.url(&format!("/stream/{id}/lock")))
        .send()
        .await
        .unwrap();
    expect_error(res, 405, 1007).await;
    let res = s.get("/stream/x?asset_limit=1001").send().await.unwrap();
    expect_error(res, 400, 1005).await;
}
