//! Asset lists of the stream object: only files that exist, per member, newest first,
//! limited by `asset_limit`. Sessions and recordings are written as the engine writes them.

mod common;
mod streams_support;

use common::Server;
use contract::media as paths;
use reqwest::Method;
use serde_json::{json, Value};
use streams_support::{create, get, id_of, key, ok};

fn touch(s: &Server, rel: &str) {
    let p = s.running.state.config.media_dir().join(rel);
    std::fs::create_dir_all(p.parent().unwrap()).unwrap();
    std::fs::write(p, b"x").unwrap();
}

fn add_session(s: &Server, stream_id: &str, session_ms: i64, processing: &str, rec: Option<&str>) {
    let conn = s.running.state.db.lock();
    conn.execute(
        "INSERT INTO sessions (stream_id, session_ms, processing, started_at) VALUES (?1, ?2, ?3, 'start')",
        rusqlite::params![stream_id, session_ms, processing],
    )
    .unwrap();
    if let Some(file) = rec {
        conn.execute(
            "INSERT INTO recordings (stream_id, session_ms, file, size, created_at) VALUES (?1, ?2, ?3, 1234, 'done')",
            rusqlite::params![stream_id, session_ms, file],
        )
        .unwrap();
    }
}

fn urls(v: &Value, kind: &str) -> Vec<String> {
    v["playout"][kind]
        .as_array()
        .unwrap()
        .iter()
        .map(|a| a["url"].as_str().unwrap().to_string())
        .collect()
}

#[tokio::test]
async fn assets_appear_when_their_files_exist() {
    let s = Server::start().await;
    let all = json!([{"id":"thumbs"},{"id":"motionclip"},{"id":"rec"},{"id":"replay"}]);
    let v = create(
        &s,
        json!({"transcodes":[{"profile":"vtrans2-852x480x800x25","tags":[]}],
               "processing":[all, [{"id":"replay"}]]}),
    )
    .await;
    let id = id_of(&v);
    let (pt, tc) = (&v["playout"]["h5live"][0], &v["playout"]["h5live"][1]);
    let (pt_id, pt_name) = (
        pt["id"].as_str().unwrap(),
        pt["streamname"].as_str().unwrap(),
    );
    let (tc_id, tc_name) = (
        tc["id"].as_str().unwrap(),
        tc["streamname"].as_str().unwrap(),
    );
    // Demo-page replay entries exist from the start; no file-backed asset does.
    let fresh = get(&s, &id).await;
    assert!(urls(&fresh, "thumbnails").is_empty() && urls(&fresh, "motionclip").is_empty());
    assert_eq!(fresh["playout"]["web"].as_array().unwrap().len(), 1);
    assert_eq!(fresh["playout"]["replay"].as_array().unwrap().len(), 2);
    assert!(fresh["playout"]["replay"][0]["url"]
        .as_str()
        .unwrap()
        .ends_with(&format!("/replay/clip?streamname={pt_name}")));

    let base = s.running.base_url();
    let replay_on = r#"[{"id":"replay","duration":null}]"#;
    for session in [1000, 2000, 3000] {
        let rec = paths::recording(pt_name, session);
        touch(&s, &rec);
        add_session(&s, pt_id, session, replay_on, Some(&rec));
        add_session(&s, tc_id, session, replay_on, None);
        touch(&s, &paths::replay_playlist(pt_name, Some(session)));
        touch(
            &s,
            &paths::replay_playlist(&paths::abr_name(pt_name), Some(session)),
        );
    }
    touch(&s, &paths::replay_playlist(tc_name, Some(3000)));
    add_session(&s, pt_id, 4000, "[]", None);
    touch(&s, &paths::thumbnail(pt_name));
    touch(&s, &paths::motionclip(pt_name));
    touch(&s, &paths::thumbnail(tc_name)); // transcode has no thumbs process: not listed
    touch(&s, &paths::replay_playlist(pt_name, None));
    touch(&s, &paths::replay_playlist(&paths::abr_name(pt_name), None));

    let v = get(&s, &id).await;
    assert_eq!(
        urls(&v, "thumbnails"),
        vec![format!("{base}/vod/thumbnails/{pt_name}.jpg")]
    );
    assert_eq!(v["playout"]["thumbnails"][0]["type"], "image");
    assert_eq!(
        urls(&v, "motionclip"),
        vec![format!("{base}/vod/thumbnails/{pt_name}.gif")]
    );
    assert_eq!(v["playout"]["motionclip"][0]["type"], "gif");
    let web = v["playout"]["web"].as_array().unwrap();
    assert_eq!(web.len(), 4);
    assert_eq!(web[1]["url"], format!("{base}/vod/{pt_name}-3000.mp4"));
    assert_eq!(
        (
            web[1]["type"].clone(),
            web[1]["session"].clone(),
            web[1]["size"].clone()
        ),
        (json!("vod"), json!(3000), json!(1234))
    );
    assert_eq!(web[3]["session"], 1000, "newest first");
    let replay = v["playout"]["replay"].as_array().unwrap();
    let hls: Vec<&Value> = replay.iter().filter(|r| r["type"] == "hls").collect();
    let latest: Vec<&&Value> = hls.iter().filter(|r| r["latest"] == true).collect();
    assert_eq!(latest.len(), 2, "single and ABR latest playlists");
    let sessions: Vec<(Value, Value, bool)> = hls
        .iter()
        .filter(|r| r["session"].is_number())
        .map(|r| (r["index"].clone(), r["session"].clone(), r["abr"] == true))
        .collect();
    assert_eq!(
        sessions,
        vec![
            (json!(0), json!(3000), false),
            (json!(0), json!(2000), false),
            (json!(0), json!(1000), false),
            (json!(0), json!(3000), true),
            (json!(0), json!(2000), true),
            (json!(0), json!(1000), true),
            (json!(1), json!(3000), false),
        ]
    );
    // asset_limit bounds recordings and replay sessions per member.
    let v = ok(
        &s,
        &key(&s),
        Method::GET,
        &format!("/stream/{id}?asset_limit=1"),
        None,
    )
    .await;
    let web = v["playout"]["web"].as_array().unwrap();
    assert_eq!((web.len(), web[1]["session"].clone()), (2, json!(3000)));
    let replay = v["playout"]["replay"].as_array().unwrap();
    let counted = |index: u64, abr: bool| {
        replay
            .iter()
            .filter(|r| {
                r["session"].is_number() && r["index"] == index && (r["abr"] == true) == abr
            })
            .count()
    };
    assert_eq!(
        (counted(0, false), counted(0, true), counted(1, false)),
        (1, 0, 1),
        "{replay:?}"
    );
}
