//! Crash-safe recordings, against the release binary over real sockets: three streams
//! publish with rec + replay. The third's recording ffmpeg alone is killed with SIGKILL while
//! bintu-local runs on (its session ends); then bintu-local is killed with SIGKILL mid-publish,
//! and for the second stream its ffmpeg too (as a power loss or an OOM kill would). After a
//! restart on the same data directory all three sessions' recordings are listed under their
//! session and play to within a few seconds of the kill, their replay playlists are closed,
//! and the usage `GET /organisation` reports is the bytes of the media on disk.

mod common;
mod media_support;
mod release_support;
mod streams_support;

use std::io::{BufRead, BufReader};
use std::path::Path;
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

use media_support::{decodes, duration, ffprobe};
use release_support::{free_port, release_bin};
use serde_json::{json, Value};

/// The release binary on `dir`: process, HTTP base, RTMP base, demo API key.
fn start(dir: &Path) -> (Child, String, String, String) {
    let (port, rtmp) = (free_port(), free_port());
    let mut child = Command::new(release_bin())
        .arg("--data-dir")
        .arg(dir)
        .args(["serve", "--port", &port.to_string()])
        .args(["--rtmp-port", &rtmp.to_string()])
        .stdout(Stdio::piped())
        .stderr(Stdio::null())
        .spawn()
        .unwrap();
    let mut lines = BufReader::new(child.stdout.take().unwrap()).lines();
    let key = lines
        .by_ref()
        .find_map(|l| Some(l.ok()?.split("Demo API key: ").nth(1)?.trim().to_string()))
        .expect("server printed its demo key");
    std::thread::spawn(move || lines.for_each(drop));
    let base = format!("http://127.0.0.1:{port}");
    (child, base, format!("rtmp://127.0.0.1:{rtmp}/live"), key)
}

async fn call(key: &str, req: reqwest::RequestBuilder) -> Value {
    let res = req.header("X-BINTU-APIKEY", key).send().await.unwrap();
    assert_eq!(res.status(), 200);
    res.json().await.unwrap()
}

/// Pids of the ffmpeg children of `parent` whose command line mentions `needle`.
fn children(parent: u32, needle: &str) -> Vec<u32> {
    let mut out = Vec::new();
    for e in std::fs::read_dir("/proc").unwrap().flatten() {
        let Ok(pid) = e.file_name().to_string_lossy().parse::<u32>() else {
            continue;
        };
        let stat = std::fs::read_to_string(format!("/proc/{pid}/stat")).unwrap_or_default();
        let ppid = stat
            .rsplit_once(") ")
            .and_then(|(_, rest)| rest.split(' ').nth(1)?.parse::<u32>().ok());
        let cmd = std::fs::read(format!("/proc/{pid}/cmdline")).unwrap_or_default();
        let cmd = String::from_utf8_lossy(&cmd).replace('\0', " ");
        if ppid == Some(parent) && cmd.starts_with("ffmpeg") && cmd.contains(needle) {
            out.push(pid);
        }
    }
    out
}

fn segments(media: &Path, name: &str) -> usize {
    std::fs::read_dir(media.join("replay"))
        .map(|d| {
            d.flatten()
                .filter(|e| {
                    let f = e.file_name().to_string_lossy().into_owned();
                    f.starts_with(name) && f.ends_with(".ts")
                })
                .count()
        })
        .unwrap_or(0)
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn sigkill_mid_publish_keeps_the_recording_listed_and_playable() {
    let dir = tempfile::tempdir().unwrap();
    let media = dir.path().join("media");
    let (mut server, base, rtmp, key) = start(dir.path());
    let http = reqwest::Client::new();
    let body =
        json!({"processing": [[{"id":"rec","duration":null},{"id":"replay","duration":null}]]});
    let mut streams = Vec::new();
    for _ in 0..3 {
        let v = call(&key, http.post(format!("{base}/stream")).json(&body)).await;
        let id = v["id"].as_str().unwrap().to_string();
        let name = v["ingest"]["rtmp"]["streamname"]
            .as_str()
            .unwrap()
            .to_string();
        streams.push((id, name));
    }
    let mut publishers: Vec<_> = streams
        .iter()
        .map(|(_, name)| {
            let src = bintu_local::publish::TestSource {
                url: rtmp.clone(),
                name: name.clone(),
                seconds: None,
                width: 320,
                height: 180,
                fps: 25,
            };
            tokio::process::Command::new("ffmpeg")
                .args(bintu_local::publish::ffmpeg_args(&src, false))
                .stdin(Stdio::null())
                .stderr(Stdio::null())
                .kill_on_drop(true)
                .spawn()
                .unwrap()
        })
        .collect();
    let started = Instant::now();
    let deadline = started + Duration::from_secs(90);
    // Several segments each, so the sessions are well under way when the crash comes.
    while streams.iter().any(|(_, n)| segments(&media, n) < 4) {
        assert!(Instant::now() < deadline, "replay segments appear");
        tokio::time::sleep(Duration::from_millis(200)).await;
    }
    let pid = server.id();
    // The third stream's recording (one copying pipeline writes recording and replay) dies
    // alone; bintu-local ends that session and keeps what the pipeline wrote.
    let (id3, name3) = &streams[2];
    let copier = children(pid, &format!("replay/{name3}-"));
    assert_eq!(copier.len(), 1, "one copying pipeline for {name3}");
    let _ = Command::new("kill")
        .args(["-9", &copier[0].to_string()])
        .status();
    while call(&key, http.get(format!("{base}/stream/{id3}"))).await["state"] != "ended" {
        assert!(
            Instant::now() < deadline,
            "the session of the killed pipeline ends"
        );
        tokio::time::sleep(Duration::from_millis(200)).await;
    }
    let victim = children(pid, &streams[1].1);
    assert!(!victim.is_empty(), "the second stream has its ffmpeg");
    server.kill().unwrap(); // SIGKILL
    for p in victim {
        let _ = Command::new("kill").args(["-9", &p.to_string()]).status();
    }
    let live_for = started.elapsed().as_secs_f64();
    server.wait().unwrap();
    for p in publishers.iter_mut() {
        let _ = p.kill().await;
    }

    let (mut server, base, _, key) = start(dir.path());
    for (id, name) in &streams {
        let v = call(&key, http.get(format!("{base}/stream/{id}"))).await;
        let rec = v["playout"]["web"]
            .as_array()
            .unwrap()
            .iter()
            .find(|w| w["type"] == "vod")
            .unwrap_or_else(|| panic!("{name}: recording listed after the restart: {v}"))
            .clone();
        let session = rec["session"].as_i64().expect("listed under its session");
        let mp4 = media.join(format!("{name}-{session}.mp4"));
        assert_eq!(rec["size"], std::fs::metadata(&mp4).unwrap().len());
        let secs = duration(&ffprobe(&mp4, false));
        assert!(decodes(&mp4), "{name}: the recording decodes without error");
        let playlist =
            std::fs::read_to_string(media.join(format!("replay/{name}-{session}.m3u8"))).unwrap();
        // The replay saw the same input up to the kill, in whole segments: the recording,
        // cut to its last ~1 s fragment, holds at least that much (less a segment's slack).
        // Media time rather than wall time, so a loaded machine's slow publisher is no fault.
        let replayed: f64 = playlist
            .lines()
            .filter_map(|l| {
                l.strip_prefix("#EXTINF:")?
                    .split(',')
                    .next()?
                    .parse::<f64>()
                    .ok()
            })
            .sum();
        assert!(replayed >= 6.0, "{name}: {playlist}");
        assert!(
            secs >= replayed - 2.5 && secs <= live_for + 1.0,
            "{name}: {secs} s recorded, {replayed} s replayed, {live_for} s live"
        );
        assert!(
            playlist.trim_end().ends_with("#EXT-X-ENDLIST"),
            "{name}: {playlist}"
        );
        let work = dir.path().join("work");
        let left: Vec<_> = std::fs::read_dir(&work).unwrap().flatten().collect();
        assert!(left.is_empty(), "recovery left {left:?}");
    }
    // What the organisation is told it uses is what the real files take on disk.
    let org = call(&key, http.get(format!("{base}/organisation"))).await;
    assert_eq!(org["usage"]["total"].as_u64(), Some(du(&media)), "{org}");
    server.kill().unwrap();
    server.wait().unwrap();
}

/// Bytes of the files under `dir`, recursively.
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
