//! Retention on the release binary with real publishes: `--retain-bytes 1` (keep nothing that
//! may go) and a pass every second. The ended session's replay and recording are removed; a
//! live session is never touched: its playlist and every segment it lists stay while it runs.

mod release_support;

use std::path::Path;
use std::time::{Duration, Instant};

use bintu_local::publish::{self, TestSource};
use release_support::Srv;
use serde_json::json;

fn source(s: &Srv, name: &str, seconds: Option<u32>) -> TestSource {
    TestSource {
        url: format!("rtmp://{}/live", s.rtmp),
        name: name.to_string(),
        seconds,
        width: 320,
        height: 180,
        fps: 25,
    }
}

fn latest_session(s: &Srv) -> i64 {
    let db = s.db();
    let conn = db.read();
    conn.query_row("SELECT MAX(session_ms) FROM sessions", [], |r| r.get(0))
        .unwrap()
}

async fn until(secs: u64, what: &str, mut cond: impl AsyncFnMut() -> bool) {
    let end = Instant::now() + Duration::from_secs(secs);
    while !cond().await {
        assert!(Instant::now() < end, "timed out waiting for {what}");
        tokio::time::sleep(Duration::from_millis(200)).await;
    }
}

/// The segment files a playlist lists, each checked to exist; their count.
fn listed_segments_present(media: &Path, playlist: &str) -> usize {
    let text = std::fs::read_to_string(media.join("replay").join(playlist)).unwrap();
    let segs: Vec<&str> = text.lines().filter(|l| l.ends_with(".ts")).collect();
    for seg in &segs {
        assert!(
            media.join("replay").join(seg).exists(),
            "{seg} of {playlist}"
        );
    }
    segs.len()
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn retention_removes_the_ended_session_and_never_the_live_one() {
    let s = Srv::start(&["--retain-bytes", "1", "--retention-every-secs", "1"]);
    let (id, name) = s
        .stream(json!([{"id": "rec", "duration": null}, {"id": "replay", "duration": null}]))
        .await;
    let media = s.media();
    publish::run(&source(&s, &name, Some(4))).await.unwrap();
    until(30, "the first session ends", async || {
        s.state(&id).await == "ended"
    })
    .await;
    let first = latest_session(&s);
    let first_playlist = media.join(format!("replay/{name}-{first}.m3u8"));
    let first_rec = media.join(format!("{name}-{first}.mp4"));
    until(30, "the ended session's media is removed", async || {
        !first_playlist.exists() && !first_rec.exists()
    })
    .await;

    let mut publisher = tokio::process::Command::new("ffmpeg")
        .args(publish::ffmpeg_args(&source(&s, &name, None), false))
        .stdin(std::process::Stdio::null())
        .stderr(std::process::Stdio::null())
        .kill_on_drop(true)
        .spawn()
        .unwrap();
    until(30, "live", async || s.state(&id).await == "live").await;
    let live = latest_session(&s);
    assert!(live > first);
    let playlist = format!("{name}-{live}.m3u8");
    until(60, "three live segments", async || {
        media.join("replay").join(&playlist).exists()
            && listed_segments_present(&media, &playlist) >= 3
    })
    .await;
    // Several passes over a media directory far above the limit: the live session stays whole
    // and keeps growing.
    let before = listed_segments_present(&media, &playlist);
    tokio::time::sleep(Duration::from_secs(5)).await;
    let after = listed_segments_present(&media, &playlist);
    assert!(after > before, "{before} then {after} segments");
    assert_eq!(s.state(&id).await, "live");
    let log = s.log_text();
    assert!(!log.contains("ERROR"), "{}", release_support::tail(&log));
    publisher.kill().await.unwrap();
}
