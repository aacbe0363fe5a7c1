//! Every validation error of `POST /stream` and `PUT /stream/{id}/processing` answers with
//! the contract's status, code and userinfo, and nothing is stored.

mod common;
mod streams_support;

use common::{expect_error, Server};
use reqwest::Method;
use serde_json::{json, Value};
use streams_support::{create, id_of, key, ok, send};

async fn post_raw(s: &Server, body: &str) -> reqwest::Response {
    s.http
        .post(s.url("/stream"))
        .header("X-BINTU-APIKEY", &s.demo.apikey)
        .header("Content-Type", "application/json")
        .body(body.to_string())
        .send()
        .await
        .unwrap()
}

async fn stream_count(s: &Server) -> usize {
    let v = ok(s, &key(s), Method::GET, "/stream", None).await;
    v.as_array().unwrap().len()
}

#[tokio::test]
async fn create_rejections_carry_code_and_parameter() {
    let s = Server::start().await;
    let p = |list: Value| json!({ "processing": [list] });
    let tc = |profiles: &[&str]| json!({"transcodes": profiles.iter().map(|p| json!({"profile": p, "tags": []})).collect::<Vec<_>>()});
    let cases: Vec<(Value, u64, Value)> = vec![
        (
            p(json!([{"id":"thumbs","interval":9}])),
            1005,
            json!({"parameter":"processing[0][0].interval","min":10,"max":3600}),
        ),
        (
            p(json!([{"id":"thumbs","interval":3601}])),
            1005,
            json!({"parameter":"processing[0][0].interval","min":10,"max":3600}),
        ),
        (
            p(json!([{"id":"rec"},{"id":"motionclip","interval":30,"duration":61}])),
            1005,
            json!({"parameter":"processing[0][1].duration","min":1,"max":60}),
        ),
        (
            p(json!([{"id":"replay","duration":0}])),
            1005,
            json!({"parameter":"processing[0][0].duration","min":1,"max":null}),
        ),
        (
            p(json!([{"id":"thumbs","interval":"30"}])),
            1004,
            json!({"parameter":"processing[0][0].interval","type":"integer"}),
        ),
        (
            p(json!([{"id":"thumbs","interval":30.5}])),
            1004,
            json!({"parameter":"processing[0][0].interval","type":"integer"}),
        ),
        (
            p(json!([{"id":"captions"}])),
            1004,
            json!({"parameter":"processing[0][0].id","type":"one of thumbs, motionclip, rec, replay"}),
        ),
        (
            p(json!([{"id":"rec"},{"id":"rec"}])),
            1003,
            json!({"duplicated_parameter":"processing[0][1].id"}),
        ),
        (
            json!({"processing":[[],[]]}),
            1005,
            json!({"parameter":"processing","min":0,"max":1}),
        ),
        (
            json!({"processing":{"id":"rec"}}),
            1004,
            json!({"parameter":"processing","type":"array of process lists"}),
        ),
        (
            json!({"tags":"foo"}),
            1004,
            json!({"parameter":"tags","type":"array of strings"}),
        ),
        (
            json!([1, 2]),
            1004,
            json!({"parameter":"body","type":"object"}),
        ),
        (
            tc(&[
                "vtrans2-852x480x800x25",
                "vtrans2-640x360x400x25",
                "vtrans2-426x240x200x15",
                "vtrans2-320x240x200x15",
            ]),
            1005,
            json!({"parameter":"transcodes","min":0,"max":3}),
        ),
        (
            tc(&["vtrans2-640x360x400x25", "vtrans2-852x480x800x25"]),
            1005,
            json!({"parameter":"transcodes[1].profile","min":null,"max":399}),
        ),
        (
            tc(&["vtrans2-426x240x200x15", "vtrans2-320x240x200x15"]),
            1005,
            json!({"parameter":"transcodes[1].profile","min":null,"max":199}),
        ),
        (
            json!({"transcodes":[{"tags":[]}]}),
            1002,
            json!({"required_parameter":"transcodes[0].profile"}),
        ),
    ];
    for (body, code, userinfo) in cases {
        let res = send(&s, &key(&s), Method::POST, "/stream", Some(body.clone())).await;
        let e = expect_error(res, 400, code).await;
        assert_eq!(e["error"]["userinfo"], userinfo, "{body}");
    }
    let res = send(
        &s,
        &key(&s),
        Method::POST,
        "/stream",
        Some(tc(&["vtrans2-1x1x1x1"])),
    )
    .await;
    let e = expect_error(res, 400, 1004).await;
    assert_eq!(e["error"]["message"], "Unknown transcoding profile");
    assert_eq!(stream_count(&s).await, 0, "nothing was stored");
}

#[tokio::test]
async fn malformed_oversized_and_unauthenticated_bodies() {
    let s = Server::start().await;
    for bad in ["{", "{\"tags\":[}", "nul", "\u{0}", &"[".repeat(10_000)] {
        let e = expect_error(post_raw(&s, bad).await, 400, 1004).await;
        assert_eq!(e["error"]["userinfo"]["parameter"], "body");
    }
    let huge = format!("{{\"tags\":[\"{}\"]}}", "a".repeat(100 * 1024));
    expect_error(post_raw(&s, &huge).await, 413, 1004).await;
    let res = s
        .http
        .post(s.url("/stream"))
        .json(&json!({}))
        .send()
        .await
        .unwrap();
    expect_error(res, 401, 1002).await;
    let res = s
        .http
        .post(s.url("/stream"))
        .header("X-BINTU-APIKEY", "not-a-key")
        .json(&json!({}))
        .send()
        .await
        .unwrap();
    let e = expect_error(res, 401, 4001).await;
    assert_eq!(e["error"]["userinfo"]["apikey"], "not-****");
    assert_eq!(stream_count(&s).await, 0);
}

#[tokio::test]
async fn processing_edit_rejections_leave_the_stream_unchanged() {
    let s = Server::start().await;
    let v = create(&s, json!({"processing":[[{"id":"thumbs","interval":30}]]})).await;
    let path = format!("/stream/{}/processing", id_of(&v));
    let cases: Vec<(Value, u64, &str)> = vec![
        (
            json!({"processing":[{"id":"thumbs","interval":5}]}),
            1005,
            "processing[0].interval",
        ),
        (
            json!({"processing":[{"id":"gif"}]}),
            1004,
            "processing[0].id",
        ),
        (json!({"processing":"thumbs"}), 1004, "processing"),
        (
            json!({"processing":[[{"id":"rec","duration":-1}]]}),
            1005,
            "processing[0][0].duration",
        ),
    ];
    for (body, code, parameter) in cases {
        let res = send(&s, &key(&s), Method::PUT, &path, Some(body.clone())).await;
        let e = expect_error(res, 400, code).await;
        assert_eq!(e["error"]["userinfo"]["parameter"], parameter, "{body}");
    }
    let res = send(&s, &key(&s), Method::PUT, &path, Some(json!({}))).await;
    expect_error(res, 400, 1002).await;
    let after = streams_support::get(&s, &id_of(&v)).await;
    assert_eq!(
        after["playout"]["h5live"][0]["processing"],
        json!([{"id":"thumbs","interval":30}])
    );
}
