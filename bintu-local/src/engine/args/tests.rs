//! The command line decodes once and uses stream copy where it can.

use super::*;
use serde_json::json;

const AV: Tracks = Tracks::AV;

fn job(index: i64, name: &str, processing: serde_json::Value) -> Job {
    Job {
        procs: Processes::parse(&processing),
        member: MemberPlan {
            stream_id: name.into(),
            name: name.into(),
            index,
            profile: (index > 0).then(|| "vtrans2-640x360x400x25".into()),
            width: 640,
            height: 360,
            bitrate: 400,
            fps: 25,
            processing,
        },
    }
}

fn paths() -> Paths {
    Paths {
        media: "/m".into(),
        work: "/w".into(),
        session_ms: 17,
    }
}

fn all() -> serde_json::Value {
    json!([{"id":"thumbs","interval":10},{"id":"motionclip","interval":10,"duration":3},
           {"id":"rec","duration":null},{"id":"replay","duration":null}])
}

#[test]
fn one_split_of_one_decode_feeds_every_picture_and_the_transcode() {
    let jobs = [job(0, "p", all()), job(1, "t", all())];
    assert!(!gated(&jobs, AV), "the transcode decodes anyway");
    let a = group_args(&jobs, &paths(), AV).unwrap();
    let graph = &a[a.iter().position(|x| x == "-filter_complex").unwrap() + 1];
    assert_eq!(graph.matches("[0:v]").count(), 1, "{graph}");
    assert!(
        graph.starts_with("[0:v]split=3[th0in][gf0in][sc1]"),
        "{graph}"
    );
    assert!(graph.contains("[sc1]scale=640:360,fps=25,split=3[th1in][gf1in][enc1]"));
    assert_eq!(a.iter().filter(|x| *x == "libx264").count(), 1);
    let joined = a.join(" ");
    assert!(
        joined.contains("-map 0:v -c:v copy -map 0:a -c:a copy -movflags +frag_keyframe+empty_moov+default_base_moof -frag_duration 1000000 -f mp4 /w/p.mp4"),
        "{joined}"
    );
    assert!(joined.contains("/m/replay/p-17-%%05d-%s.ts"));
    assert!(joined.contains("[f=mp4:movflags=+frag_keyframe+empty_moov+default_base_moof:frag_duration=1000000:onfail=ignore]/w/t.mp4|[f=hls:"));
    assert!(joined.contains("/m/thumbnails/t.jpg"));
}

#[test]
fn copy_only_members_are_not_decoded_and_windows_and_limits_apply() {
    let p = json!([{"id":"rec","duration":20},{"id":"replay","duration":9}]);
    let a = group_args(&[job(0, "p", p)], &paths(), AV).unwrap();
    assert!(!a.contains(&"-filter_complex".to_string()));
    let joined = a.join(" ");
    assert!(joined.contains("-t 20"));
    // The users' MP4 beside the crash-safe fragmented one, with the same limit.
    assert!(joined.contains("-c:a copy -t 20 -movflags +faststart -f mp4 /w/p.whole.mp4"));
    assert_eq!(joined.matches("-t 20").count(), 2, "{joined}");
    assert!(
        joined.ends_with("/w/p.whole.mp4"),
        "its trailer last: {joined}"
    );
    assert!(joined.contains("-hls_list_size 5"));
    assert!(joined.contains("delete_segments"));
    assert!(!joined.contains("hls_playlist_type"));
}

#[test]
fn pictures_alone_get_a_gated_pipeline_and_the_group_pipeline_only_copies() {
    let idle = json!([]);
    let jobs = [job(0, "p", all()), job(1, "t", idle.clone())];
    assert!(gated(&jobs, AV));
    let main = group_args(&jobs, &paths(), AV).unwrap();
    assert!(!main.contains(&"-filter_complex".to_string()), "{main:?}");
    let main = main.join(" ");
    assert!(main.contains("-map 0:v -c:v copy -map 0:a -c:a copy -movflags +frag_keyframe+empty_moov+default_base_moof -frag_duration 1000000 -f mp4 /w/p.mp4"));
    let pics = gated_args(&jobs[0], &paths());
    let graph = &pics[pics.iter().position(|x| x == "-filter_complex").unwrap() + 1];
    assert!(graph.starts_with("[0:v]split=2[th0in][gf0in];"), "{graph}");
    // Thumbnails are picked per interval bucket, so gaps in the input keep them on the ticks.
    assert!(
        graph.contains("floor(t/10)-floor(prev_selected_t/10)"),
        "{graph}"
    );
    let joined = pics.join(" ");
    assert!(joined.contains("/m/thumbnails/p.jpg") && joined.contains("/w/p-frames/%08d.jpg"));
    assert!(!joined.contains(".mp4") && !joined.contains("hls"));
    // Nothing to do at all: no pipeline.
    let none = [job(0, "p", idle.clone()), job(1, "t", idle)];
    assert!(!gated(&none, AV) && group_args(&none, &paths(), AV).is_none());
    // Pictures only: the gated pipeline is the only one.
    let thumbs = [job(0, "p", json!([{"id":"thumbs","interval":5}]))];
    assert!(gated(&thumbs, AV) && group_args(&thumbs, &paths(), AV).is_none());
}

#[test]
fn an_audio_only_publish_gets_audio_only_recording_and_replay_and_nothing_else() {
    let audio = Tracks { video: false, ..AV };
    let jobs = [job(0, "p", all()), job(1, "t", all())];
    assert!(!gated(&jobs, audio), "no pictures without video");
    let a = group_args(&jobs, &paths(), audio).unwrap();
    let joined = a.join(" ");
    assert!(!joined.contains("0:v") && !a.contains(&"-filter_complex".to_string()));
    assert!(
        !joined.contains("libx264") && !joined.contains("/w/t.mp4"),
        "{joined}"
    );
    // Recording (+faststart and fragmented) and replay.
    assert_eq!(joined.matches("-map 0:a -c:a copy").count(), 3, "{joined}");
    assert!(joined.contains("/w/p.mp4") && joined.contains("/m/replay/p-17.m3u8"));
    // Only pictures asked for: nothing to run at all.
    let thumbs = [job(0, "p", json!([{"id":"thumbs","interval":5}]))];
    assert!(group_args(&thumbs, &paths(), audio).is_none() && !gated(&thumbs, audio));
}

#[test]
fn video_only_maps_no_audio_and_odd_audio_is_converted() {
    let video = Tracks { audio: false, ..AV };
    let jobs = [job(0, "p", all()), job(1, "t", all())];
    let joined = group_args(&jobs, &paths(), video).unwrap().join(" ");
    assert!(
        !joined.contains("0:a") && joined.contains("libx264"),
        "{joined}"
    );
    let pcm = Tracks {
        audio_copy: false,
        ..AV
    };
    let joined = group_args(&jobs, &paths(), pcm).unwrap().join(" ");
    assert_eq!(joined.matches("-c:a aac -b:a 128k").count(), 3, "{joined}");
    assert!(!joined.contains("-c:a copy"));
    // No third AAC encode for a +faststart MP4: the fragmented one is remuxed at the end.
    assert!(!joined.contains("whole.mp4"));
}
