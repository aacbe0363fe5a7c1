//! Storage over real HTTP: `GET /organisation` reports the bytes of each organisation's
//! media as they are on disk, and the server's own retention pass (started by `serve`)
//! removes the oldest ended session's replay first, never the live one, and recordings it
//! removes stop being listed.

mod common;

use std::path::Path;
use std::time::Duration;

use bintu_local::db::sessions;
use bintu_local::storage::plan::Policy;
use common::Server;
use serde_json::{json, Value};

fn write(media: &Path, rel: &str, bytes: usize) {
    let p = media.join(rel);
    std::fs::create_dir_all(p.parent().unwrap()).unwrap();
    std::fs::write(p, vec![1u8; bytes]).unwrap();
}

fn du(dir: &Path) -> u64 {
    std::fs::read_dir(dir).map_or(0, |rd| {
        rd.flatten()
            .map(|e| match e.metadata() {
                Ok(m) if m.is_dir() => du(&e.path()),
                Ok(m) => m.len(),
                Err(_) => 0,
            })
            .sum()
    })
}

async fn create(s: &Server) -> (String, String) {
    let v = s
        .create(&json!({"processing": [[{"id": "replay"}, {"id": "rec"}]]}))
        .await;
    let id = v["id"].as_str().unwrap().to_string();
    let name = v["ingest"]["rtmp"]["streamname"]
        .as_str()
        .or(v["playout"]["h5live"][0]["streamname"].as_str())
        .unwrap()
        .to_string();
    (id, name)
}

/// Publishes `name` as session `s` in the database and writes its media: replay playlist
/// and segment (500 bytes), a timeline picture (100) and a recording (2000).
fn session(srv: &Server, name: &str, s: i64, end: bool) {
    let media = srv.running.state.config.media_dir();
    let db = &srv.running.state.db;
    let plan = sessions::begin_publish(&mut db.lock(), name, s).unwrap();
    write(&media, &format!("replay/{name}-{s}.m3u8"), 10);
    write(&media, &format!("replay/{name}-{s}-00000-1.ts"), 490);
    write(&media, &format!("replay/thumbs/{name}-{s}/0.jpg"), 100);
    write(&media, &format!("{name}-{s}.mp4"), 2000);
    let conn = db.lock();
    let file = format!("{name}-{s}.mp4");
    sessions::add_recording(&conn, &plan.members[0].stream_id, s, &file, 2000).unwrap();
    if end {
        sessions::end_publish(&conn, &plan.group_id, s).unwrap();
    }
}

async fn organisation(s: &Server) -> Value {
    s.get("/organisation")
        .send()
        .await
        .unwrap()
        .json()
        .await
        .unwrap()
}

#[tokio::test]
async fn organisation_usage_matches_the_bytes_on_disk() {
    let s = Server::start().await;
    let before = organisation(&s).await;
    assert_eq!(before["usage"]["total"], 0, "{before}");
    let (_, name) = create(&s).await;
    session(&s, &name, 1_000, true);
    write(
        &s.running.state.config.media_dir(),
        &format!("thumbnails/{name}.jpg"),
        77,
    );
    let v = organisation(&s).await;
    let u = &v["usage"];
    assert_eq!(
        (u["recordings"].as_u64(), u["replay"].as_u64()),
        (Some(2000), Some(500))
    );
    assert_eq!(u["thumbnails"], 177);
    assert_eq!(
        u["total"].as_u64(),
        Some(du(&s.running.state.config.media_dir()))
    );
    assert_eq!(v["retention"]["days"], Value::Null);
    assert_eq!(v["retention"]["deletedPurgeHours"], 168);
}

#[tokio::test]
async fn the_servers_retention_pass_removes_the_oldest_and_never_the_live_session() {
    // Room for everything but one replay session (500 + 100 bytes).
    let limit = 3 * 2600 - 600;
    let s = Server::start_with(|c| {
        c.retention = Policy {
            retain_bytes: Some(limit),
            ..Policy::default()
        };
        c.retention_every = Duration::from_millis(100);
    })
    .await;
    let (id, name) = create(&s).await;
    let media = s.running.state.config.media_dir();
    // Written while the pass is running: the live session first, so the pass never sees
    // the group without it; sessions 1000 and 2000 ended, 3000 live.
    session(&s, &name, 1_000, true);
    session(&s, &name, 2_000, true);
    session(&s, &name, 3_000, false);
    let gone = media.join(format!("replay/{name}-1000.m3u8"));
    for _ in 0..100 {
        if !gone.exists() {
            break;
        }
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
    assert!(!gone.exists(), "the oldest replay session was removed");
    assert!(!media.join(format!("replay/thumbs/{name}-1000")).exists());
    for kept in [
        format!("replay/{name}-2000.m3u8"),
        format!("replay/{name}-3000.m3u8"),
        format!("{name}-1000.mp4"),
        format!("{name}-3000.mp4"),
    ] {
        assert!(media.join(&kept).exists(), "{kept}");
    }
    assert!(du(&media) <= limit);
    let v: Value = s
        .get(&format!("/stream/{id}"))
        .send()
        .await
        .unwrap()
        .json()
        .await
        .unwrap();
    let text = v.to_string();
    assert!(!text.contains(&format!("{name}-1000.m3u8")), "{text}");
    assert!(text.contains(&format!("{name}-2000.m3u8")), "{text}");
}

#[tokio::test]
async fn a_deleted_streams_media_is_purged_after_the_grace_period_only() {
    let s = Server::start().await;
    let (id, name) = create(&s).await;
    let (_, other) = create(&s).await;
    session(&s, &name, 1_000, true);
    session(&s, &other, 2_000, true);
    let media = s.running.state.config.media_dir();
    write(&media, &format!("thumbnails/{name}.jpg"), 10);
    let res = s
        .http
        .delete(s.url(&format!("/stream/{id}")))
        .header("X-BINTU-APIKEY", &s.demo.apikey)
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), 200);
    let db = &s.running.state.db;
    let policy = Policy {
        purge_deleted_after: Duration::from_secs(3600),
        ..Policy::default()
    };
    let now = bintu_local::storage::now_ms();
    let mine = |name: &str| {
        bintu_local::storage::scan::scan(&media)
            .into_iter()
            .filter(|f| f.name == name)
            .count()
    };
    let before = mine(&name);
    let stats = bintu_local::storage::run_pass(db, &media, &policy, now + 1_000).unwrap();
    assert_eq!(
        (stats.removals, mine(&name)),
        (0, before),
        "within the grace period"
    );
    let stats = bintu_local::storage::run_pass(db, &media, &policy, now + 3_700_000).unwrap();
    assert!(stats.removals > 0);
    assert_eq!(mine(&name), 0, "every file of the deleted stream is gone");
    assert_eq!(mine(&other), 4, "the other stream keeps its media");
}
