//! Faults with real ffmpeg over real RTMP: refused publishes (unknown, transcode, second
//! publisher, locked, deleted), API stop, a vanishing publisher, a dying pipeline (its
//! recording still plays), shutdown while live, and an unwritable media directory.

mod common;
mod media_support;
mod streams_support;

use std::time::Duration;

use bintu_local::publish;
use common::Server;
use media_support::*;
use reqwest::Method;
use serde_json::json;
use streams_support::{get, key, send};

fn rec_replay() -> serde_json::Value {
    json!([{"id":"rec","duration":null},{"id":"replay","duration":null},
           {"id":"thumbs","interval":10}])
}

/// Waits until the session playlist of `name` lists at least `n` segments.
async fn segments(s: &Server, name: &str, n: usize) {
    let dir = media(s, "replay");
    until(60, "replay segments", || {
        std::fs::read_dir(&dir)
            .map(|d| {
                d.flatten()
                    .filter(|e| {
                        let f = e.file_name().to_string_lossy().into_owned();
                        f.starts_with(name) && f.ends_with(".ts")
                    })
                    .count()
                    >= n
            })
            .unwrap_or(false)
    })
    .await;
}

async fn exits(child: &mut tokio::process::Child) {
    tokio::time::timeout(Duration::from_secs(30), child.wait())
        .await
        .expect("publisher disconnected")
        .unwrap();
}

async fn refused(s: &Server, name: &str, why: &str) {
    let err = publish::run(&source(s, name, Some(3)))
        .await
        .expect_err("publish refused");
    let msg = err.to_string();
    assert!(msg.contains("refused") && msg.contains(why), "{msg}");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn refusals_and_api_stop() {
    let s = Server::start().await;
    let v = group(&s, &["vtrans2-426x240x200x15"], json!([])).await;
    let id = v["id"].as_str().unwrap().to_string();
    let pass = name_of(&v, 0);
    refused(&s, "nobody-here", "unknown stream name").await;
    refused(&s, &name_of(&v, 1), "passthrough").await;

    let mut first = spawn_publisher(&s, &pass);
    wait_state(&s, &id, "live", 30).await;
    refused(&s, &pass, "already live").await;
    assert_eq!(
        state_in_db(&s, &id),
        "live",
        "the first publish is untouched"
    );
    put(&s, &format!("/stream/{id}/stop"), None).await;
    exits(&mut first).await;
    wait_state(&s, &id, "ended", 30).await;

    let mut again = spawn_publisher(&s, &pass);
    wait_state(&s, &id, "live", 30).await;
    put(&s, &format!("/stream/{id}/lock"), None).await;
    exits(&mut again).await;
    until(30, "publish closed", || !s.running.state.live.is_live(&id)).await;
    assert_eq!(
        state_in_db(&s, &id),
        "locked",
        "a lock survives the end of the publish"
    );
    refused(&s, &pass, "locked").await;
    let res = send(&s, &key(&s), Method::DELETE, &format!("/stream/{id}"), None).await;
    assert_eq!(res.status(), 200);
    refused(&s, &pass, "deleted").await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_vanishing_publisher_ends_the_session_cleanly() {
    let s = Server::start().await;
    let v = group(&s, &[], rec_replay()).await;
    let id = v["id"].as_str().unwrap().to_string();
    let pass = name_of(&v, 0);
    let mut publisher = spawn_publisher(&s, &pass);
    wait_state(&s, &id, "live", 30).await;
    segments(&s, &pass, 3).await;
    publisher.kill().await.unwrap();
    wait_state(&s, &id, "ended", 60).await;

    let stream = get(&s, &id).await;
    let rec = stream["playout"]["web"]
        .as_array()
        .unwrap()
        .iter()
        .find(|w| w.get("session").is_some())
        .cloned()
        .expect("recording listed");
    let session = rec["session"].as_i64().unwrap();
    let mp4 = media(&s, &format!("{pass}-{session}.mp4"));
    assert!(duration(&ffprobe(&mp4, false)) >= 4.0);
    assert!(decodes(&mp4));
    let playlist =
        std::fs::read_to_string(media(&s, &format!("replay/{pass}-{session}.m3u8"))).unwrap();
    assert!(
        playlist.trim_end().ends_with("#EXT-X-ENDLIST"),
        "{playlist}"
    );
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_dying_pipeline_ends_the_publish_and_the_state_stays_truthful() {
    let s = Server::start().await;
    let v = group(&s, &[], rec_replay()).await;
    let id = v["id"].as_str().unwrap().to_string();
    let pass = name_of(&v, 0);
    let mut publisher = spawn_publisher(&s, &pass);
    wait_state(&s, &id, "live", 30).await;
    segments(&s, &pass, 1).await;
    // Thumbnails alone are decoded in a gated pipeline beside the copying one; kill the latter.
    assert_eq!(ffmpeg_children(&pass).len(), 2, "copy + picture pipeline");
    let pids = ffmpeg_children(&format!("replay/{pass}-"));
    assert_eq!(pids.len(), 1, "one copying pipeline per publish");
    let killed = std::process::Command::new("kill")
        .args(["-9", &pids[0].to_string()])
        .status()
        .unwrap();
    assert!(killed.success());
    wait_state(&s, &id, "ended", 30).await;
    exits(&mut publisher).await;
    assert!(!s.running.state.live.is_live(&id));
    // The recording's writer was killed: what it wrote up to its last fragment is kept.
    let session = latest_session(&s);
    let stream = get(&s, &id).await;
    let listed = stream["playout"]["web"]
        .as_array()
        .unwrap()
        .iter()
        .any(|w| w["session"] == session);
    assert!(
        listed,
        "the recording of the killed pipeline is listed: {stream}"
    );
    let mp4 = media(&s, &format!("{pass}-{session}.mp4"));
    assert!(duration(&ffprobe(&mp4, false)) >= 1.0);
    assert!(decodes(&mp4), "the recording of the killed pipeline plays");
    // The stream can be published again after the failure.
    publish::run(&source(&s, &pass, Some(3))).await.unwrap();
    wait_state(&s, &id, "ended", 30).await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn shutdown_while_live_finalises_files_and_leaves_no_ffmpeg() {
    let s = Server::start().await;
    let v = group(&s, &[], rec_replay()).await;
    let (id, pass) = (v["id"].as_str().unwrap().to_string(), name_of(&v, 0));
    let Server { running, dir, .. } = s;
    let db = running.state.db.clone();
    let media_dir = running.state.config.media_dir();
    let src = bintu_local::publish::TestSource {
        url: format!("rtmp://{}/live", running.rtmp_addr),
        name: pass.clone(),
        seconds: None,
        width: 320,
        height: 180,
        fps: 25,
    };
    let mut publisher = tokio::process::Command::new("ffmpeg")
        .args(publish::ffmpeg_args(&src, false))
        .stdin(std::process::Stdio::null())
        .stderr(std::process::Stdio::null())
        .kill_on_drop(true)
        .spawn()
        .unwrap();
    let state = |db: &bintu_local::db::Db| -> String {
        db.lock()
            .query_row("SELECT state FROM streams WHERE id = ?1", [&id], |r| {
                r.get(0)
            })
            .unwrap()
    };
    until(30, "live", || state(&db) == "live").await;
    let thumb = media_dir.join(format!("thumbnails/{pass}.jpg"));
    until(60, "first thumbnail", || thumb.exists()).await;
    assert_eq!(ffmpeg_children(&pass).len(), 2, "copy + picture pipeline");
    running.shutdown().await;
    assert!(
        ffmpeg_children(&pass).is_empty(),
        "no ffmpeg outlives the server"
    );
    assert_eq!(state(&db), "ended");
    let session: i64 = db
        .lock()
        .query_row("SELECT session_ms FROM recordings", [], |r| r.get(0))
        .unwrap();
    let mp4 = media_dir.join(format!("{pass}-{session}.mp4"));
    assert!(decodes(&mp4), "MP4 finalised at shutdown");
    exits(&mut publisher).await;
    drop(dir);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn an_unwritable_media_dir_refuses_the_publish_without_crashing() {
    let s = Server::start_with(|c| {
        // A file where the thumbnails directory must be: nothing can be written there.
        std::fs::create_dir_all(c.media_dir()).unwrap();
        std::fs::write(c.media_dir().join("thumbnails"), b"not a directory").unwrap();
    })
    .await;
    let v = group(&s, &[], rec_replay()).await;
    let id = v["id"].as_str().unwrap().to_string();
    refused(&s, &name_of(&v, 0), "cannot start processing").await;
    assert_ne!(get(&s, &id).await["state"], "live");
    assert!(!s.running.state.live.is_live(&id));
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_publish_command_exits_non_zero_with_a_clear_message_when_refused() {
    let s = Server::start().await;
    let out = tokio::process::Command::new(env!("CARGO_BIN_EXE_bintu-local"))
        .args([
            "publish",
            "no-such-stream",
            "--seconds",
            "3",
            "--size",
            "320x180",
        ])
        .arg("--url")
        .arg(format!("rtmp://{}/live", s.running.rtmp_addr))
        .output()
        .await
        .unwrap();
    assert!(!out.status.success());
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(
        err.contains("the server refused the publish of no-such-stream")
            && err.contains("unknown stream name"),
        "{err}"
    );
}
