//! Helpers for the stream tests: requests with a chosen credential and JSON in and out.
#![allow(dead_code)]

use reqwest::Method;
use serde_json::Value;

use crate::common::Server;

/// A credential header: `("X-BINTU-APIKEY", key)` or `("X-BINTU-TOKEN", token)`.
pub type Cred = (&'static str, String);

pub fn key(s: &Server) -> Cred {
    ("X-BINTU-APIKEY", s.demo.apikey.clone())
}

/// Sends `method path` with `cred` and an optional JSON body.
pub async fn send(
    s: &Server,
    cred: &Cred,
    method: Method,
    path: &str,
    body: Option<Value>,
) -> reqwest::Response {
    let mut req = s.http.request(method, s.url(path)).header(cred.0, &cred.1);
    if let Some(b) = body {
        req = req.json(&b);
    }
    req.send().await.unwrap()
}

/// Sends and expects 200 with a JSON body.
pub async fn ok(s: &Server, cred: &Cred, method: Method, path: &str, body: Option<Value>) -> Value {
    let res = send(s, cred, method.clone(), path, body).await;
    let status = res.status();
    let text = res.text().await.unwrap();
    assert_eq!(status, 200, "{method} {path}: {text}");
    serde_json::from_str(&text).unwrap()
}

/// Creates a stream with the demo key and returns the stream object.
pub async fn create(s: &Server, body: Value) -> Value {
    ok(s, &key(s), Method::POST, "/stream", Some(body)).await
}

pub async fn get(s: &Server, id: &str) -> Value {
    ok(s, &key(s), Method::GET, &format!("/stream/{id}"), None).await
}

/// Sets the group's state directly, as the ingest does at publish start and end.
pub fn set_state(s: &Server, group_id: &str, state: &str) {
    s.running
        .state
        .db
        .lock()
        .execute(
            "UPDATE streams SET state = ?2 WHERE group_id = ?1",
            [group_id, state],
        )
        .unwrap();
}

pub fn id_of(v: &Value) -> String {
    v["id"].as_str().unwrap().to_string()
}

/// `GET /stream{query}` with the demo key: the listed ids in order.
pub async fn list_ids(s: &Server, query: String) -> Vec<String> {
    let v = ok(s, &key(s), Method::GET, &format!("/stream{query}"), None).await;
    v.as_array().unwrap().iter().map(id_of).collect()
}
