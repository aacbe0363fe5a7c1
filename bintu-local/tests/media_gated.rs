//! A single stream whose pictures are its only decoding work: they get their own pipeline,
//! fed only the groups of pictures the thumbnails and motion clips use (`engine::gate`).
//! Real ffmpeg over real RTMP: every tick still gets its thumbnail, the clip has its full
//! duration, and the copies (MP4, HLS) are whole.

mod common;
mod media_support;
mod streams_support;

use bintu_local::publish;
use common::Server;
use media_support::*;
use serde_json::{json, Value};

const SECONDS: u32 = 22;

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn gated_pictures_keep_every_tick_and_the_full_clip() {
    let s = Server::start().await;
    let processing = json!([{"id":"thumbs","interval":10},
        {"id":"motionclip","interval":10,"duration":3},
        {"id":"rec","duration":null},{"id":"replay","duration":null}]);
    let v = group(&s, &[], processing).await;
    let id = v["id"].as_str().unwrap().to_string();
    let name = name_of(&v, 0);

    let src = source(&s, &name, Some(SECONDS));
    let publisher = tokio::spawn(async move { publish::run(&src).await });
    wait_state(&s, &id, "live", 30).await;
    until(10, "two pipelines", || ffmpeg_children(&name).len() == 2).await;
    publisher.await.unwrap().expect("publish runs to the end");
    wait_state(&s, &id, "ended", 60).await;
    assert!(ffmpeg_children(&name).is_empty(), "both pipelines ended");
    let session = latest_session(&s);

    let jpg = ffprobe(&media(&s, &format!("thumbnails/{name}.jpg")), false);
    assert_eq!(jpg["streams"][0]["width"].as_i64(), Some(640));
    // One thumbnail per 10 s tick of the 22 s session (0, 10, 20).
    let dir = media(&s, &format!("replay/thumbs/{name}-{session}"));
    let index: Value =
        serde_json::from_slice(&std::fs::read(dir.join("index.json")).unwrap()).unwrap();
    let ticks: Vec<i64> = index
        .as_array()
        .unwrap()
        .iter()
        .map(|e| e["t"].as_i64().unwrap())
        .collect();
    assert!(ticks.len() >= 3, "{index}");
    assert!(ticks.windows(2).all(|w| w[1] - w[0] == 10), "{index}");

    let (frames, secs) = gif_frames_and_duration(&s, &name);
    assert!(frames >= 25, "gif frames {frames}");
    assert!((secs - 3.0).abs() <= 0.1 + 1e-9, "gif {secs}");

    let mp4 = media(&s, &format!("{name}-{session}.mp4"));
    let d = duration(&ffprobe(&mp4, false));
    assert!((d - f64::from(SECONDS)).abs() <= 2.0, "mp4 duration {d}");
    assert!(decodes(&mp4));
    let playlist =
        std::fs::read_to_string(media(&s, &format!("replay/{name}-{session}.m3u8"))).unwrap();
    assert!(
        playlist.trim_end().ends_with("#EXT-X-ENDLIST"),
        "{playlist}"
    );
}
