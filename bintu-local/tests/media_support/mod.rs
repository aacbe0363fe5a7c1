//! Helpers for the media tests: real ffmpeg publishers over real RTMP, ffprobe in JSON,
//! polling the stream state, and finding this process's ffmpeg children.
#![allow(dead_code)]

use std::path::PathBuf;
use std::process::Stdio;
use std::time::{Duration, Instant};

use bintu_local::publish::{self, TestSource};
use reqwest::Method;
use serde_json::{json, Value};

use crate::common::Server;
use crate::streams_support::{create, get, key, ok};

pub const ALL: &str = r#"[{"id":"thumbs","interval":10},
    {"id":"motionclip","interval":10,"duration":3},
    {"id":"rec","duration":null},{"id":"replay","duration":null}]"#;

pub fn all() -> Value {
    serde_json::from_str(ALL).unwrap()
}

/// Creates a group (passthrough + `transcodes`) with `processing` on every member.
pub async fn group(s: &Server, transcodes: &[&str], processing: Value) -> Value {
    let t: Vec<Value> = transcodes
        .iter()
        .map(|p| json!({"profile": p, "tags": []}))
        .collect();
    let p: Vec<Value> = (0..=transcodes.len()).map(|_| processing.clone()).collect();
    create(s, json!({"transcodes": t, "processing": p})).await
}

pub fn name_of(v: &Value, i: usize) -> String {
    v["playout"]["h5live"][i]["streamname"]
        .as_str()
        .or_else(|| {
            v["ingest"]["rtmp"]["streamname"]
                .as_str()
                .filter(|_| i == 0)
        })
        .unwrap()
        .to_string()
}

pub fn source(s: &Server, name: &str, seconds: Option<u32>) -> TestSource {
    TestSource {
        url: format!("rtmp://{}/live", s.running.rtmp_addr),
        name: name.to_string(),
        seconds,
        width: 640,
        height: 360,
        fps: 25,
    }
}

/// A publisher ffmpeg this test can kill at will (no `-t`).
pub fn spawn_publisher(s: &Server, name: &str) -> tokio::process::Child {
    let src = TestSource {
        width: 320,
        height: 180,
        ..source(s, name, None)
    };
    tokio::process::Command::new("ffmpeg")
        .args(publish::ffmpeg_args(&src, false))
        .stdin(Stdio::null())
        .stderr(Stdio::null())
        .kill_on_drop(true)
        .spawn()
        .unwrap()
}

/// Polls until `cond` holds (at most `secs`), panicking with `what` otherwise.
pub async fn until<F: FnMut() -> bool>(secs: u64, what: &str, mut cond: F) {
    let end = Instant::now() + Duration::from_secs(secs);
    while !cond() {
        assert!(Instant::now() < end, "timed out waiting for {what}");
        tokio::time::sleep(Duration::from_millis(200)).await;
    }
}

pub fn state_in_db(s: &Server, id: &str) -> String {
    s.running
        .state
        .db
        .lock()
        .query_row("SELECT state FROM streams WHERE id = ?1", [id], |r| {
            r.get(0)
        })
        .unwrap()
}

pub async fn wait_state(s: &Server, id: &str, state: &str, secs: u64) {
    until(secs, &format!("state {state}"), || {
        state_in_db(s, id) == state
    })
    .await;
    assert_eq!(get(s, id).await["state"], state);
}

/// The motion clip of `name`: (frame count, duration in seconds), read by ffprobe.
pub fn gif_frames_and_duration(s: &Server, name: &str) -> (u32, f64) {
    let gif = ffprobe(&media(s, &format!("thumbnails/{name}.gif")), true);
    let frames = gif["streams"][0]["nb_read_frames"]
        .as_str()
        .unwrap()
        .parse()
        .unwrap();
    (frames, duration(&gif))
}

/// The newest session (epoch ms) of any stream of this server.
pub fn latest_session(s: &Server) -> i64 {
    s.running
        .state
        .db
        .lock()
        .query_row("SELECT MAX(session_ms) FROM sessions", [], |r| r.get(0))
        .unwrap()
}

pub fn media(s: &Server, rel: &str) -> PathBuf {
    s.running.state.config.media_dir().join(rel)
}

/// `ffprobe -show_format -show_streams` (and `-count_frames` when asked) as JSON.
pub fn ffprobe(path: &std::path::Path, count_frames: bool) -> Value {
    let mut cmd = std::process::Command::new("ffprobe");
    cmd.args([
        "-v",
        "error",
        "-of",
        "json",
        "-show_format",
        "-show_streams",
    ]);
    if count_frames {
        cmd.arg("-count_frames");
    }
    let out = cmd.arg(path).output().unwrap();
    assert!(
        out.status.success(),
        "ffprobe {}: {}",
        path.display(),
        String::from_utf8_lossy(&out.stderr)
    );
    serde_json::from_slice(&out.stdout).unwrap()
}

pub fn duration(probe: &Value) -> f64 {
    probe["format"]["duration"]
        .as_str()
        .unwrap()
        .parse()
        .unwrap()
}

/// Decodes a whole file; true when ffmpeg reports no error.
pub fn decodes(path: &std::path::Path) -> bool {
    std::process::Command::new("ffmpeg")
        .args(["-v", "error", "-xerror", "-i"])
        .arg(path)
        .args(["-f", "null", "-"])
        .status()
        .unwrap()
        .success()
}

/// Pids of this process's ffmpeg children whose command line mentions `needle`.
pub fn ffmpeg_children(needle: &str) -> Vec<u32> {
    let me = std::process::id();
    let mut out = Vec::new();
    for entry in std::fs::read_dir("/proc").unwrap().flatten() {
        let Ok(pid) = entry.file_name().to_string_lossy().parse::<u32>() else {
            continue;
        };
        let stat = std::fs::read_to_string(format!("/proc/{pid}/stat")).unwrap_or_default();
        let ppid = stat
            .rsplit_once(") ")
            .and_then(|(_, rest)| rest.split(' ').nth(1))
            .and_then(|p| p.parse::<u32>().ok());
        let cmd = std::fs::read(format!("/proc/{pid}/cmdline")).unwrap_or_default();
        let cmd = String::from_utf8_lossy(&cmd).replace('\0', " ");
        if ppid == Some(me)
            && cmd.starts_with("ffmpeg")
            && cmd.contains(needle)
            && cmd.contains("pipe:0")
        {
            out.push(pid);
        }
    }
    out
}

pub async fn put(s: &Server, path: &str, body: Option<Value>) -> Value {
    ok(s, &key(s), Method::PUT, path, body).await
}
