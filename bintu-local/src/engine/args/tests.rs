//! The command line decodes once and uses stream copy where it can.

use super::*;
use serde_json::json;

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
    let a = group_args(&[job(0, "p", all()), job(1, "t", all())], &paths());
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
        joined.contains("-c copy -movflags +faststart -f mp4 /w/p.mp4"),
        "{joined}"
    );
    assert!(joined.contains("/m/replay/p-17-%%05d-%s.ts"));
    assert!(joined.contains("[f=mp4:movflags=+faststart:onfail=ignore]/w/t.mp4|[f=hls:"));
    assert!(joined.contains("/m/thumbnails/t.jpg"));
}

#[test]
fn copy_only_members_are_not_decoded_and_windows_and_limits_apply() {
    let p = json!([{"id":"rec","duration":20},{"id":"replay","duration":9}]);
    let a = group_args(&[job(0, "p", p)], &paths());
    assert!(!a.contains(&"-filter_complex".to_string()));
    let joined = a.join(" ");
    assert!(joined.contains("-t 20"));
    assert!(joined.contains("-hls_list_size 5"));
    assert!(joined.contains("delete_segments"));
    assert!(!joined.contains("hls_playlist_type"));
}
