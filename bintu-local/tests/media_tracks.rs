//! Publishes that do not carry both tracks, with real ffmpeg over real RTMP to the release
//! binary and every process on (passthrough + one transcode): audio-only keeps an audio-only recording and replay and
//! says why there are no pictures; video-only still yields everything; a video codec the
//! engine cannot take ends the publish with the reason on the session, never silently.

mod common;
mod media_support;
mod release_support;
mod streams_support;

use std::time::{Duration, Instant};

use media_support::{all, decodes, duration, ffprobe, name_of};
use release_support::Srv;
use serde_json::{json, Value};

const TRANSCODE: &str = "vtrans2-426x240x200x15";
const SECONDS: u32 = 8;

/// Creates a group (passthrough + `transcodes`) with `processing` on every member.
async fn group(s: &Srv, transcodes: &[&str], processing: Value) -> Value {
    let t: Vec<Value> = transcodes
        .iter()
        .map(|p| json!({"profile": p, "tags": []}))
        .collect();
    let p: Vec<Value> = (0..=transcodes.len()).map(|_| processing.clone()).collect();
    s.create(&json!({"transcodes": t, "processing": p})).await
}

async fn get(s: &Srv, id: &str) -> Value {
    let res = reqwest::Client::new()
        .get(s.url(&format!("/stream/{id}")))
        .header("X-BINTU-APIKEY", &s.key)
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), 200);
    res.json().await.unwrap()
}

async fn wait_state(s: &Srv, id: &str, state: &str, secs: u64) {
    let end = Instant::now() + Duration::from_secs(secs);
    while s.state(id).await != state {
        assert!(Instant::now() < end, "timed out waiting for state {state}");
        tokio::time::sleep(Duration::from_millis(200)).await;
    }
}

/// The newest session (epoch ms) of any stream of this server.
fn latest_session(s: &Srv) -> i64 {
    let db = s.db();
    let conn = db.read();
    conn.query_row("SELECT MAX(session_ms) FROM sessions", [], |r| r.get(0))
        .unwrap()
}

fn media(s: &Srv, rel: &str) -> std::path::PathBuf {
    s.media().join(rel)
}

/// Publishes `inputs` + `codecs` to `name` in real time for `SECONDS`; true if ffmpeg exited 0.
async fn publish(s: &Srv, name: &str, inputs: &[&str], codecs: &[&str]) -> bool {
    let url = format!("rtmp://{}/live/{name}", s.rtmp);
    tokio::process::Command::new("ffmpeg")
        .args(["-hide_banner", "-nostdin", "-loglevel", "error", "-re"])
        .args(inputs)
        .args(["-t", &SECONDS.to_string()])
        .args(codecs)
        .args(["-f", "flv", &url])
        .stderr(std::process::Stdio::null())
        .kill_on_drop(true)
        .status()
        .await
        .unwrap()
        .success()
}

const SINE: [&str; 4] = ["-f", "lavfi", "-i", "sine=frequency=440:sample_rate=48000"];
const PICTURE: [&str; 4] = ["-f", "lavfi", "-i", "testsrc2=size=320x180:rate=25"];
const H264: [&str; 8] = [
    "-c:v", "libx264", "-preset", "veryfast", "-g", "50", "-pix_fmt", "yuv420p",
];

fn codec_types(probe: &Value) -> Vec<String> {
    probe["streams"]
        .as_array()
        .unwrap()
        .iter()
        .map(|s| s["codec_type"].as_str().unwrap().to_string())
        .collect()
}

fn session_entries(list: &Value, session: i64) -> Vec<&Value> {
    list.as_array()
        .unwrap()
        .iter()
        .filter(|e| e["session"] == session)
        .collect()
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn an_audio_only_publish_keeps_an_audio_recording_and_replay_and_says_why() {
    let s = Srv::start(&[]);
    let v = group(&s, &[TRANSCODE], all()).await;
    let id = v["id"].as_str().unwrap().to_string();
    let (pass, trans) = (name_of(&v, 0), name_of(&v, 1));
    let codecs = ["-c:a", "aac", "-b:a", "128k"];
    assert!(publish(&s, &pass, &SINE, &codecs).await, "publish accepted");
    wait_state(&s, &id, "ended", 60).await;
    let session = latest_session(&s);

    let mp4 = media(&s, &format!("{pass}-{session}.mp4"));
    let probe = ffprobe(&mp4, false);
    assert_eq!(codec_types(&probe), ["audio"], "{probe}");
    assert!((duration(&probe) - SECONDS as f64).abs() <= 2.0, "{probe}");
    assert!(decodes(&mp4));
    let playlist = media(&s, &format!("replay/{pass}-{session}.m3u8"));
    let text = std::fs::read_to_string(&playlist).unwrap();
    assert!(text.trim_end().ends_with("#EXT-X-ENDLIST"), "{text}");
    assert_eq!(codec_types(&ffprobe(&playlist, false)), ["audio"]);
    assert!(decodes(&playlist), "the replay plays");
    // No pictures and no transcode outputs: nothing to decode them from.
    for f in [
        format!("thumbnails/{pass}.jpg"),
        format!("thumbnails/{pass}.gif"),
        format!("{trans}-{session}.mp4"),
    ] {
        assert!(!media(&s, &f).exists(), "{f}");
    }

    let stream = get(&s, &id).await;
    let playout = &stream["playout"];
    let recs = session_entries(&playout["web"], session);
    assert_eq!(recs.len(), 1, "{playout}");
    let replays = session_entries(&playout["replay"], session);
    assert!(!replays.is_empty(), "{playout}");
    for e in recs.iter().chain(&replays) {
        assert_eq!(e["tracks"]["video"], false, "{e}");
        assert_eq!(e["tracks"]["audio"], true, "{e}");
        let note = e["tracks"]["note"].as_str().unwrap();
        assert!(note.starts_with("No video in this session"), "{note}");
    }
    assert_eq!(playout["thumbnails"].as_array().unwrap().len(), 0);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_video_only_publish_still_yields_everything() {
    let s = Srv::start(&[]);
    let v = group(&s, &[TRANSCODE], all()).await;
    let id = v["id"].as_str().unwrap().to_string();
    let (pass, trans) = (name_of(&v, 0), name_of(&v, 1));
    let mut codecs = H264.to_vec();
    codecs.push("-an");
    assert!(publish(&s, &pass, &PICTURE, &codecs).await);
    wait_state(&s, &id, "ended", 60).await;
    let session = latest_session(&s);
    for name in [&pass, &trans] {
        let mp4 = media(&s, &format!("{name}-{session}.mp4"));
        let probe = ffprobe(&mp4, false);
        assert_eq!(codec_types(&probe), ["video"], "{name}: {probe}");
        assert!(decodes(&mp4));
        let jpg = ffprobe(&media(&s, &format!("thumbnails/{name}.jpg")), false);
        assert_eq!(jpg["streams"][0]["codec_name"], "mjpeg");
        let gif = ffprobe(&media(&s, &format!("thumbnails/{name}.gif")), true);
        let frames: u32 = gif["streams"][0]["nb_read_frames"]
            .as_str()
            .unwrap()
            .parse()
            .unwrap();
        assert!(frames > 1, "{name}: motion clip of {frames} frames");
        let playlist = media(&s, &format!("replay/{name}-{session}.m3u8"));
        assert!(decodes(&playlist));
    }
    let stream = get(&s, &id).await;
    let recs = session_entries(&stream["playout"]["web"], session);
    assert_eq!(recs.len(), 2);
    for r in recs {
        assert_eq!(r["tracks"]["video"], true, "{r}");
        assert_eq!(r["tracks"]["audio"], false, "{r}");
        assert!(r["tracks"].get("note").is_none(), "{r}");
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_video_codec_the_engine_cannot_take_is_refused_with_its_reason() {
    let s = Srv::start(&[]);
    let v = group(&s, &[], all()).await;
    let id = v["id"].as_str().unwrap().to_string();
    let pass = name_of(&v, 0);
    // Sorenson H.263 (FLV codec id 2): neither MP4 nor MPEG-TS can take it by copy.
    let codecs = ["-c:v", "flv1", "-c:a", "aac"];
    let inputs = [&PICTURE[..], &SINE[..]].concat();
    assert!(
        !publish(&s, &pass, &inputs, &codecs).await,
        "the publish is ended"
    );
    wait_state(&s, &id, "ended", 30).await;
    let db = s.db();
    let note: Option<String> = db
        .read()
        .query_row("SELECT tracks_note FROM sessions", [], |r| r.get(0))
        .unwrap();
    let note = note.expect("the reason is on the session");
    assert!(note.contains("Sorenson H.263"), "{note}");
    assert_eq!(s.state(&id).await, "ended", "no longer live");
}
