//! The role matrix of bintu-api.md §2.3 and organisation isolation: another organisation's
//! stream is "not found" for every call, and stays unchanged.

mod common;
mod streams_support;

use bintu_local::db::orgs::Role;
use common::{expect_error, Server};
use reqwest::Method;
use serde_json::{json, Value};
use streams_support::{create, get, id_of, send, set_state, Cred};

/// Every stream call: method, path (with `{id}`), body, minimum role.
fn calls() -> Vec<(Method, &'static str, Option<Value>, Role)> {
    vec![
        (Method::GET, "/stream", None, Role::ReadOnly),
        (Method::GET, "/stream/{id}", None, Role::ReadOnly),
        (Method::GET, "/stream/{id}/group", None, Role::ReadOnly),
        (Method::GET, "/tag", None, Role::ReadOnly),
        (Method::POST, "/stream", Some(json!({})), Role::User),
        (
            Method::PUT,
            "/stream/{id}/tag",
            Some(json!({"tags":["t"]})),
            Role::User,
        ),
        (
            Method::PUT,
            "/stream/{id}/processing",
            Some(json!({"processing":[]})),
            Role::User,
        ),
        (Method::PUT, "/stream/{id}/stop", None, Role::Admin),
        (Method::PUT, "/stream/{id}/lock", None, Role::Admin),
        (Method::PUT, "/stream/{id}/unlock", None, Role::Admin),
        (Method::DELETE, "/stream/{id}", None, Role::Admin),
    ]
}

#[tokio::test]
async fn role_matrix() {
    let s = Server::start().await;
    for role in [Role::ReadOnly, Role::User, Role::Admin] {
        let cred: Cred = ("X-BINTU-TOKEN", s.token(role));
        for (method, path, body, min) in calls() {
            let id = id_of(&create(&s, json!({})).await);
            // Stop needs a live stream to succeed.
            let _rx = s.running.state.live.register(&id);
            set_state(&s, &id, "live");
            let res = send(&s, &cred, method.clone(), &path.replace("{id}", &id), body).await;
            if role >= min {
                assert_eq!(res.status(), 200, "{role:?} {method} {path}");
            } else {
                expect_error(res, 403, 2001).await;
            }
            s.running.state.live.unregister(&id);
        }
    }
}

#[tokio::test]
async fn another_organisations_stream_is_not_found_for_every_call() {
    let s = Server::start().await;
    let theirs = create(&s, json!({"tags":["secret-tag"]})).await;
    let id = id_of(&theirs);
    let other = s.other_org("Intruder", true);
    let cred: Cred = ("X-BINTU-APIKEY", other.apikey.clone());
    for (method, path, body, _) in calls() {
        let res = send(&s, &cred, method.clone(), &path.replace("{id}", &id), body).await;
        if path.contains("{id}") {
            let e = expect_error(res, 404, 3001).await;
            assert_eq!(e["error"]["userinfo"]["stream_id"], id.as_str());
        } else {
            assert_eq!(res.status(), 200, "{method} {path}");
            let text = res.text().await.unwrap();
            assert!(
                !text.contains(&id) && !text.contains("secret-tag"),
                "{path}: {text}"
            );
        }
    }
    let after = get(&s, &id).await;
    assert_eq!(after["state"], "created");
    assert_eq!(after["tags"], json!(["secret-tag"]));
    assert_eq!(after["playout"], theirs["playout"]);
}

#[tokio::test]
async fn features_an_organisation_lacks_are_refused() {
    let s = Server::start().await;
    let org = s.other_org("No processing", false);
    let cred: Cred = ("X-BINTU-APIKEY", org.apikey.clone());
    let body = json!({"processing":[[{"id":"thumbs","interval":30}]]});
    let res = send(&s, &cred, Method::POST, "/stream", Some(body)).await;
    let e = expect_error(res, 403, 2002).await;
    assert_eq!(e["error"]["userinfo"]["feature"], "processing");
    // Without processing the same organisation may still create and clear lists.
    let res = send(
        &s,
        &cred,
        Method::POST,
        "/stream",
        Some(json!({"processing":[[]]})),
    )
    .await;
    let v: Value = res.json().await.unwrap();
    let path = format!("/stream/{}/processing", id_of(&v));
    let res = send(
        &s,
        &cred,
        Method::PUT,
        &path,
        Some(json!({"processing":[{"id":"rec"}]})),
    )
    .await;
    expect_error(res, 403, 2002).await;
    s.running
        .state
        .db
        .lock()
        .execute(
            "UPDATE organisations SET feat_transcoding = 0 WHERE id = ?1",
            [&org.id],
        )
        .unwrap();
    let s2 = &s;
    let body = json!({"transcodes":[{"profile":"vtrans2-640x360x400x25","tags":[]}]});
    let res = send(s2, &cred, Method::POST, "/stream", Some(body)).await;
    let e = expect_error(res, 403, 2002).await;
    assert_eq!(e["error"]["userinfo"]["feature"], "transcoding");
}
