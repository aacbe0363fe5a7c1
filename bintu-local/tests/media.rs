//! End to end with real ffmpeg over real RTMP: a group (passthrough + one transcode) with all
//! four processes is published for 30 s; every output is checked with ffprobe/ffmpeg, the
//! stream object lists them, and an edit made while live shapes the second session.

mod common;
mod media_support;
mod streams_support;

use bintu_local::publish;
use common::Server;
use media_support::*;
use serde_json::{json, Value};
use streams_support::get;

const TRANSCODE: &str = "vtrans2-426x240x200x15";
const SECONDS: f64 = 30.0;

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_thirty_second_publish_produces_every_output_and_edits_apply_next_session() {
    let s = Server::start().await;
    let v = group(&s, &[TRANSCODE], all()).await;
    let id = v["id"].as_str().unwrap().to_string();
    let t_id = v["playout"]["h5live"][1]["id"]
        .as_str()
        .unwrap()
        .to_string();
    let (pass, trans) = (name_of(&v, 0), name_of(&v, 1));
    assert_eq!(
        v["ingest"]["rtmp"]["url"],
        format!("rtmp://{}/live", s.running.rtmp_addr)
    );

    let src = source(&s, &pass, Some(SECONDS as u32));
    let publisher = tokio::spawn(async move { publish::run(&src).await });
    wait_state(&s, &id, "live", 30).await;
    // An edit while live is pending: it must not change this session, only the next.
    let edited = json!([{"id":"thumbs","interval":20},{"id":"rec","duration":null}]);
    let out = put(
        &s,
        &format!("/stream/{t_id}/processing"),
        Some(json!({"processing": edited})),
    )
    .await;
    assert_eq!(out["playout"]["h5live"][1]["processing_pending"], edited);
    publisher.await.unwrap().expect("publish runs to the end");
    wait_state(&s, &id, "ended", 60).await;

    let session = latest_session(&s);
    for (name, (w, h)) in [(&pass, (640, 360)), (&trans, (426, 240))] {
        let jpg = ffprobe(&media(&s, &format!("thumbnails/{name}.jpg")), false);
        assert_eq!(jpg["streams"][0]["codec_name"], "mjpeg");
        assert_eq!(
            (
                jpg["streams"][0]["width"].as_i64(),
                jpg["streams"][0]["height"].as_i64()
            ),
            (Some(w), Some(h))
        );

        let (frames, secs) = gif_frames_and_duration(&s, name);
        assert!(frames > 1, "gif frames {frames}");
        assert!((secs - 3.0).abs() <= 0.1 + 1e-9, "gif duration {secs}");

        let mp4 = media(&s, &format!("{name}-{session}.mp4"));
        let probe = ffprobe(&mp4, false);
        assert!(
            (duration(&probe) - SECONDS).abs() <= 2.0,
            "mp4 duration {}",
            duration(&probe)
        );
        assert_eq!(probe["streams"][0]["width"].as_i64(), Some(w));
        assert!(decodes(&mp4), "{} decodes", mp4.display());

        check_replay(&s, name, session);
        check_timeline(&s, name, session, w);
    }
    let abr =
        std::fs::read_to_string(media(&s, &format!("replay/{pass}-abr-{session}.m3u8"))).unwrap();
    assert!(
        abr.contains(&format!("{pass}-{session}.m3u8"))
            && abr.contains(&format!("{trans}-{session}.m3u8"))
    );
    assert!(abr.contains("RESOLUTION=426x240"), "{abr}");

    let stream = get(&s, &id).await;
    let playout = &stream["playout"];
    assert_eq!(count(&playout["thumbnails"], "image"), 2, "{playout}");
    assert_eq!(count(&playout["motionclip"], "gif"), 2);
    let recordings: Vec<&Value> = playout["web"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|w| w.get("session").is_some())
        .collect();
    assert_eq!(
        recordings.len(),
        2,
        "one recording per member: {}",
        playout["web"]
    );
    for r in &recordings {
        assert_eq!(r["session"], session);
        assert!(r["size"].as_i64().unwrap() > 10_000);
    }
    let replays = playout["replay"].as_array().unwrap();
    let sessions = replays
        .iter()
        .filter(|r| r["session"] == session && r.get("abr").is_none())
        .count();
    assert_eq!(sessions, 2, "{}", playout["replay"]);
    assert_eq!(
        replays.iter().filter(|r| r["abr"] == true).count(),
        2,
        "abr latest + session"
    );

    // Second publish: the pending edit is applied and becomes the transcode's processing.
    let src = source(&s, &pass, Some(6));
    publish::run(&src).await.expect("second publish");
    wait_state(&s, &id, "ended", 60).await;
    let (second, applied): (i64, String) = s
        .running
        .state
        .db
        .lock()
        .query_row(
            "SELECT session_ms, processing FROM sessions WHERE stream_id = ?1
             ORDER BY session_ms DESC LIMIT 1",
            [&t_id],
            |r| Ok((r.get(0)?, r.get(1)?)),
        )
        .unwrap();
    assert!(second > session);
    assert_eq!(serde_json::from_str::<Value>(&applied).unwrap(), edited);
    let after = get(&s, &id).await;
    assert_eq!(after["playout"]["h5live"][1]["processing"], edited);
    assert!(after["playout"]["h5live"][1]
        .get("processing_pending")
        .is_none_or(Value::is_null));
    assert!(
        !media(&s, &format!("replay/{trans}-{second}.m3u8")).exists(),
        "replay was removed by the edit"
    );
    assert!(media(&s, &format!("{trans}-{second}.mp4")).exists());
}

fn count(list: &Value, kind: &str) -> usize {
    list.as_array()
        .unwrap()
        .iter()
        .filter(|a| a["type"] == kind)
        .count()
}

/// The current playlist names the session, both end with ENDLIST, every segment decodes and
/// ffmpeg can cut 5..15 s out of the session with stream copy.
fn check_replay(s: &Server, name: &str, session: i64) {
    let current = std::fs::read_to_string(media(s, &format!("replay/{name}.m3u8"))).unwrap();
    assert!(current.starts_with("#EXTM3U\n"));
    assert!(
        current.contains(&format!("#EXT-X-NANO-PLAYLIST:{name}-{session}.m3u8")),
        "{current}"
    );
    let session_path = media(s, &format!("replay/{name}-{session}.m3u8"));
    let playlist = std::fs::read_to_string(&session_path).unwrap();
    assert!(
        playlist.trim_end().ends_with("#EXT-X-ENDLIST")
            && current.trim_end().ends_with("#EXT-X-ENDLIST")
    );
    let segments: Vec<&str> = playlist.lines().filter(|l| l.ends_with(".ts")).collect();
    assert!(segments.len() >= 14, "{playlist}");
    for seg in &segments {
        let unix = seg.trim_end_matches(".ts").rsplit('-').next().unwrap();
        let unix: i64 = unix.parse().unwrap();
        assert!((unix - session / 1000).abs() < 120, "segment time {seg}");
        assert!(decodes(&media(s, &format!("replay/{seg}"))), "{seg}");
    }
    let cut = s.dir.path().join(format!("{name}-cut.mp4"));
    let status = std::process::Command::new("ffmpeg")
        .args(["-v", "error", "-y", "-ss", "5", "-to", "15", "-i"])
        .arg(&session_path)
        .args(["-c", "copy"])
        .arg(&cut)
        .status()
        .unwrap();
    assert!(status.success());
    let d = duration(&ffprobe(&cut, false));
    assert!((d - 10.0).abs() <= 2.1, "cut duration {d}");
}

/// The session's thumbnails along the timeline: `index.json` lists pictures at multiples of
/// the 10 s interval, each one a JPEG of the member's width.
fn check_timeline(s: &Server, name: &str, session: i64, width: i64) {
    let dir = media(s, &format!("replay/thumbs/{name}-{session}"));
    let index: Value =
        serde_json::from_slice(&std::fs::read(dir.join("index.json")).unwrap()).unwrap();
    let entries = index.as_array().unwrap();
    assert!(entries.len() >= 3, "{index}");
    for e in entries {
        let t = e["t"].as_i64().unwrap();
        assert_eq!(t % 10, 0, "{index}");
        assert_eq!(e["file"], format!("{t}.jpg"));
        let probe = ffprobe(&dir.join(format!("{t}.jpg")), false);
        assert_eq!(probe["streams"][0]["width"].as_i64(), Some(width));
    }
}
