//! Durability: clients create stream groups and edit their processing (all members in one
//! request) in a loop while the real binary is killed with SIGKILL at a random moment. After
//! a restart on the same data directory every create answered 200 is there with all its
//! members, every edit answered 200 is kept and no edit is half applied, no group is
//! partial, and SQLite's integrity check passes.

use std::io::{BufRead, BufReader};
use std::net::TcpListener;
use std::path::Path;
use std::process::{Child, Command, Stdio};
use std::sync::{Arc, Mutex};
use std::time::Duration;

use rand::Rng;
use serde_json::{json, Value};

const MEMBERS: usize = 3;

fn free_port() -> u16 {
    TcpListener::bind("127.0.0.1:0")
        .unwrap()
        .local_addr()
        .unwrap()
        .port()
}

/// Starts the server on `dir`; returns the process, its base URL and the demo API key.
fn start(dir: &Path) -> (Child, String, String) {
    let port = free_port();
    let mut child = Command::new(env!("CARGO_BIN_EXE_bintu-local"))
        .arg("--data-dir")
        .arg(dir)
        .args([
            "serve",
            "--port",
            &port.to_string(),
            "--rtmp-port",
            &free_port().to_string(),
        ])
        .stdout(Stdio::piped())
        .stderr(Stdio::null())
        .spawn()
        .unwrap();
    let mut lines = BufReader::new(child.stdout.take().unwrap()).lines();
    let mut key = None;
    for line in lines.by_ref() {
        if let Some(k) = line.unwrap().split("Demo API key: ").nth(1) {
            key = Some(k.trim().to_string());
            break;
        }
    }
    // Keep reading: a closed pipe would make the server's next print fail.
    std::thread::spawn(move || lines.for_each(drop));
    let key = key.expect("server printed its demo key");
    (child, format!("http://127.0.0.1:{port}"), key)
}

/// For every create answered 200: stream id, member ids, and the thumbs interval of the
/// last processing edit (nested form, all members at once) answered 200.
type Acked = Arc<Mutex<Vec<(String, Vec<Value>, Option<i64>)>>>;

async fn create_loop(http: reqwest::Client, base: String, key: String, acked: Acked) {
    let body = json!({
        "tags": ["crash"],
        "transcodes": [{"profile":"vtrans2-852x480x800x25","tags":[]},
                       {"profile":"vtrans2-640x360x400x25","tags":[]}],
        "processing": [[{"id":"thumbs","interval":30}], [], [{"id":"rec","duration":null}]],
    });
    loop {
        let res = http
            .post(format!("{base}/stream"))
            .header("X-BINTU-APIKEY", &key)
            .json(&body)
            .send()
            .await;
        let Ok(res) = res else { return };
        if res.status() != 200 {
            return;
        }
        let Ok(v) = res.json::<Value>().await else {
            return;
        };
        let members: Vec<Value> = v["playout"]["h5live"]
            .as_array()
            .unwrap()
            .iter()
            .map(|m| m["id"].clone())
            .collect();
        let id = v["id"].as_str().unwrap().to_string();
        let slot = {
            let mut acked = acked.lock().unwrap();
            acked.push((id.clone(), members, None));
            acked.len() - 1
        };
        for interval in [100, 200] {
            let one = json!([{"id":"thumbs","interval":interval}]);
            let res = http
                .put(format!("{base}/stream/{id}/processing"))
                .header("X-BINTU-APIKEY", &key)
                .json(&json!({"processing": [one, one, one]}))
                .send()
                .await;
            match res {
                Ok(r) if r.status() == 200 => acked.lock().unwrap()[slot].2 = Some(interval),
                _ => return,
            }
        }
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn acknowledged_writes_survive_sigkill() {
    let dir = tempfile::tempdir().unwrap();
    let acked: Acked = Arc::default();
    for round in 0..3 {
        let (mut child, base, key) = start(dir.path());
        // A fresh client per server: a port may be reused, and a pooled connection to the
        // killed process would fail the first request.
        let http = reqwest::Client::new();
        let clients: Vec<_> = (0..4)
            .map(|_| {
                tokio::spawn(create_loop(
                    http.clone(),
                    base.clone(),
                    key.clone(),
                    acked.clone(),
                ))
            })
            .collect();
        // Kill at a random moment after this round's first acknowledged create, so even a
        // slow machine kills a server that is busy writing.
        let before = acked.lock().unwrap().len();
        for _ in 0..1000 {
            if acked.lock().unwrap().len() > before {
                break;
            }
            tokio::time::sleep(Duration::from_millis(10)).await;
        }
        let wait = rand::rng().random_range(0..400);
        tokio::time::sleep(Duration::from_millis(wait)).await;
        child.kill().unwrap(); // SIGKILL
        child.wait().unwrap();
        for c in clients {
            c.await.unwrap();
        }
        assert!(
            acked.lock().unwrap().len() > before,
            "round {round}: some creates were acknowledged"
        );
    }
    let (mut child, base, key) = start(dir.path());
    let http = reqwest::Client::new();
    let acked = acked.lock().unwrap().clone();
    for (id, members, edit) in &acked {
        let res = http
            .get(format!("{base}/stream/{id}"))
            .header("X-BINTU-APIKEY", &key)
            .send()
            .await
            .unwrap();
        assert_eq!(res.status(), 200, "acknowledged stream {id} is there");
        let v: Value = res.json().await.unwrap();
        let got: Vec<Value> = v["playout"]["h5live"]
            .as_array()
            .unwrap()
            .iter()
            .map(|m| m["id"].clone())
            .collect();
        assert_eq!(&got, members, "{id} has all its members");
        // An edit is all or nothing across members, and an acknowledged one is kept.
        let lists: Vec<Value> = (0..MEMBERS)
            .map(|i| v["playout"]["h5live"][i]["processing"].clone())
            .collect();
        let original = vec![
            json!([{"id":"thumbs","interval":30}]),
            json!([]),
            json!([{"id":"rec","duration":null}]),
        ];
        if lists != original {
            let interval = lists[0][0]["interval"].as_i64().unwrap_or(0);
            let edited = json!([{"id":"thumbs","interval":interval}]);
            assert!(lists.iter().all(|l| *l == edited), "{id}: {lists:?}");
            assert!(
                interval >= edit.unwrap_or(0),
                "{id}: acknowledged edit kept"
            );
        } else {
            assert_eq!(*edit, None, "{id}: acknowledged edit lost");
        }
    }
    child.kill().unwrap();
    child.wait().unwrap();
    let conn = rusqlite::Connection::open(dir.path().join("bintu.sqlite3")).unwrap();
    let check: String = conn
        .query_row("PRAGMA integrity_check", [], |r| r.get(0))
        .unwrap();
    assert_eq!(check, "ok");
    let partial: i64 = conn
        .query_row(
            "SELECT COUNT(*) FROM (SELECT group_id FROM streams GROUP BY group_id HAVING COUNT(*) != ?1)",
            [MEMBERS as i64],
            |r| r.get(0),
        )
        .unwrap();
    assert_eq!(
        partial, 0,
        "no group is stored with some of its members missing"
    );
}
