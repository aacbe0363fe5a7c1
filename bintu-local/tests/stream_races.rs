//! State changes racing over real HTTP against the release binary: DELETE sent at the same
//! moment as a lock, an unlock, a tag or a processing edit, 200 times each on fresh groups. Whatever order the server runs them in, a
//! deleted stream stays deleted (every member row), is not found afterwards and is not
//! listed; the racing request answers either as if it came first (200) or after (404).

mod release_support;

use release_support::Srv;
use reqwest::Method;
use serde_json::{json, Value};

const TRIALS: usize = 200;

/// The racing request against group `id`.
#[derive(Clone, Copy, Debug)]
enum Rival {
    Lock,
    Unlock,
    Tag,
    Processing,
}

impl Rival {
    fn request(self, id: &str) -> (Method, String, Option<Value>) {
        match self {
            Rival::Lock => (Method::PUT, format!("/stream/{id}/lock"), None),
            Rival::Unlock => (Method::PUT, format!("/stream/{id}/unlock"), None),
            Rival::Tag => (
                Method::PUT,
                format!("/stream/{id}/tag"),
                Some(json!({"tags": ["raced"]})),
            ),
            Rival::Processing => (
                Method::PUT,
                format!("/stream/{id}/processing"),
                Some(json!({"processing": [{"id": "thumbs", "interval": 10}]})),
            ),
        }
    }
}

/// Sends `method path` with the demo key and an optional JSON body.
async fn send(
    s: &Srv,
    http: &reqwest::Client,
    method: Method,
    path: &str,
    body: Option<Value>,
) -> reqwest::Response {
    let mut req = http
        .request(method, s.url(path))
        .header("X-BINTU-APIKEY", &s.key);
    if let Some(b) = body {
        req = req.json(&b);
    }
    req.send().await.unwrap()
}

/// The state of every member row of `group`, read from the server's database file.
fn member_states(s: &Srv, group: &str) -> Vec<String> {
    let db = s.db();
    let conn = db.read();
    let mut stmt = conn
        .prepare("SELECT state FROM streams WHERE group_id = ?1")
        .unwrap();
    let rows = stmt.query_map([group], |r| r.get(0)).unwrap();
    rows.collect::<rusqlite::Result<_>>().unwrap()
}

/// Runs the races; returns how many groups did not stay deleted.
async fn race(rival: Rival) -> usize {
    let s = Srv::start(&[]);
    let k = reqwest::Client::new();
    let body = json!({"transcodes":[{"profile":"vtrans2-640x360x400x25","tags":[]}]});
    let (mut resurrected, mut rival_first) = (0, 0);
    for _ in 0..TRIALS {
        let id = s.create(&body).await["id"].as_str().unwrap().to_string();
        if matches!(rival, Rival::Unlock) {
            let lock = send(&s, &k, Method::PUT, &format!("/stream/{id}/lock"), None).await;
            assert_eq!(lock.status(), 200, "lock before the unlock race");
        }
        let (m, path, b) = rival.request(&id);
        let del_path = format!("/stream/{id}");
        let del = send(&s, &k, Method::DELETE, &del_path, None);
        let other = send(&s, &k, m, &path, b);
        let (del, other) = tokio::join!(del, other);
        assert_eq!(del.status(), 200, "{rival:?}: DELETE");
        let status = other.status().as_u16();
        assert!(status == 200 || status == 404, "{rival:?}: {status}");
        rival_first += usize::from(status == 200);
        let states = member_states(&s, &id);
        let after = send(&s, &k, Method::GET, &format!("/stream/{id}"), None).await;
        if states.iter().any(|st| st != "deleted") || after.status() != 404 {
            resurrected += 1;
        }
    }
    let list: Value = send(&s, &k, Method::GET, "/stream?quantity=250", None)
        .await
        .json()
        .await
        .unwrap();
    resurrected = resurrected.max(list.as_array().map_or(0, Vec::len));
    eprintln!(
        "{rival:?}: {TRIALS} races, rival answered 200 in {rival_first}, {resurrected} came back"
    );
    resurrected
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn delete_racing_lock_stays_deleted() {
    assert_eq!(race(Rival::Lock).await, 0);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn delete_racing_unlock_stays_deleted() {
    assert_eq!(race(Rival::Unlock).await, 0);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn delete_racing_tag_and_processing_edits_stays_deleted() {
    assert_eq!(race(Rival::Tag).await, 0);
    assert_eq!(race(Rival::Processing).await, 0);
}
