//! The JSON examples of the public docs (tests/fixtures/docs, see its README) read as the
//! console's types, their assets land under the right member, and a `null` in any field of
//! a documented stream still reads.
#![cfg(not(target_arch = "wasm32"))]

use nano_console::api::ApiError;
use nano_console::domain::answers::stream_list;
use nano_console::domain::new_stream::NewStream;
use nano_console::domain::organisation::{read_organisation, Organisation};
use nano_console::domain::process::{Process, ProcessKind};
use nano_console::domain::stream::Stream;
use nano_console::domain::table_rules::{member_assets, recording_rows};
use serde_json::Value;

macro_rules! fixture {
    ($name:literal) => {
        include_str!(concat!(
            env!("CARGO_MANIFEST_DIR"),
            "/tests/fixtures/docs/",
            $name
        ))
    };
}

fn stream(body: &str) -> Stream {
    serde_json::from_str(body).expect("a documented stream reads")
}

#[test]
fn the_assembled_stream_reads_with_its_member_and_processing() {
    let s = stream(fixture!("stream_assembled.json"));
    assert_eq!(s.state, "created");
    assert_eq!(s.tags, ["foo", "bar"]);
    let m = s.members();
    assert_eq!(m.len(), 1);
    assert_eq!(m[0].name(), "XsTvy-JgqqV");
    assert_eq!(m[0].processing, vec![Process::Thumbs { interval: 30 }]);
}

#[test]
fn the_docs_stream_puts_the_passthrough_recording_under_the_passthrough() {
    let s = stream(fixture!("stream_live_processing.json"));
    let m = s.members();
    assert_eq!(m.len(), 2);
    assert_eq!(
        [m[0].display_name(), m[1].display_name()],
        ["Passthrough".to_string(), "1. Transcode".to_string()],
        "members without index take their position"
    );
    assert_eq!(m[0].name(), "YOUR_STREAM_NAME", "named by its replay entry");
    let rec = recording_rows(&s, m[0]);
    assert_eq!(
        rec.len(),
        1,
        "the recording has index 1 but the passthrough's streamId"
    );
    assert_eq!(
        rec[0].session, "11/04/2025 05:10 pm (UTC)",
        "date from createdAt"
    );
    assert!(recording_rows(&s, m[1]).is_empty());
}

#[test]
fn the_asset_table_example_matches_every_asset_by_stream_id() {
    let s = stream(fixture!("stream_assets_table.json"));
    let m = s.members();
    let count = |i: usize, k| member_assets(&s, m[i], k).len();
    assert_eq!(count(0, ProcessKind::Thumbs), 1);
    assert_eq!(count(1, ProcessKind::Thumbs), 1);
    assert_eq!(count(0, ProcessKind::Motionclip), 1);
    assert_eq!(count(1, ProcessKind::Motionclip), 0);
    assert_eq!(count(0, ProcessKind::Rec), 1);
    assert_eq!(count(1, ProcessKind::Rec), 0);
    assert_eq!(
        member_assets(&s, m[1], ProcessKind::Thumbs)[0].url,
        "https://bintu-vod.nanocosmos.de:443/vod/thumbnails/XsTvy-Trans1.jpg"
    );
}

#[test]
fn create_bodies_read_as_the_create_request() {
    for body in [
        fixture!("create_tags.json"),
        fixture!("create_transcodes.json"),
        fixture!("create_processing.json"),
    ] {
        let b: NewStream = serde_json::from_str(body).unwrap();
        // What the console would send for it serialises back to the same JSON.
        let again: Value = serde_json::to_value(&b).unwrap();
        assert_eq!(
            again,
            serde_json::from_str::<Value>(body).unwrap(),
            "{body}"
        );
    }
}

#[test]
fn request_bodies_are_json_objects_of_the_documented_keys() {
    let keys = [
        (fixture!("request_tag.json"), "tags"),
        (fixture!("request_push_url.json"), "url"),
        (fixture!("request_webhook.json"), "webhook"),
        (fixture!("request_processing_proposal.json"), "processing"),
    ];
    for (body, key) in keys {
        let v: Value = serde_json::from_str(body).unwrap();
        assert!(v.get(key).is_some(), "{body}");
    }
    let p: Value = serde_json::from_str(fixture!("request_processing_proposal.json")).unwrap();
    let list: Vec<Process> = serde_json::from_value(p["processing"].clone()).unwrap();
    assert_eq!(list[0].kind(), ProcessKind::Thumbs);
}

#[test]
fn organisation_bodies_read_and_the_minimal_one_reports_no_packages() {
    let full: Organisation = serde_json::from_str(fixture!("organisation_proposal.json")).unwrap();
    assert_eq!(full.features.processing.enabled, Some(true));
    assert_eq!(full.features.vod, Some(false));
    let min = read_organisation(fixture!("organisation_name_hash.json"));
    assert_eq!(min.label(), "Your Organisation Name (XsTvy)");
    assert!(min.packages().iter().all(|(_, f)| f.is_none()));
    assert!(min.processing_offered() && min.transcoding_offered());
}

#[test]
fn error_bodies_give_the_api_message() {
    let e = ApiError::from_response(400, fixture!("error_parameter_required.json"));
    assert_eq!(
        (e.code(), e.user_message().as_str()),
        (Some(1002), "Parameter required")
    );
    let e = ApiError::from_response(404, fixture!("error_stream_not_found_proposal.json"));
    assert_eq!(e.code(), Some(3001));
}

/// Every path into the value (object keys and array positions), depth first.
fn paths(v: &Value, at: Vec<Value>, out: &mut Vec<Vec<Value>>) {
    let children: Vec<(Value, &Value)> = match v {
        Value::Object(o) => o
            .iter()
            .map(|(k, c)| (Value::from(k.as_str()), c))
            .collect(),
        Value::Array(a) => a
            .iter()
            .enumerate()
            .map(|(i, c)| (Value::from(i), c))
            .collect(),
        _ => return,
    };
    for (k, c) in children {
        let mut p = at.clone();
        p.push(k);
        out.push(p.clone());
        paths(c, p, out);
    }
}

fn set_null(v: &mut Value, path: &[Value]) {
    let mut cur = v;
    for k in path {
        cur = match k {
            Value::String(s) => cur.get_mut(s.as_str()).unwrap(),
            _ => cur.get_mut(k.as_u64().unwrap() as usize).unwrap(),
        };
    }
    *cur = Value::Null;
}

#[test]
fn a_null_in_any_field_of_a_documented_stream_still_reads() {
    for body in [
        fixture!("stream_assembled.json"),
        fixture!("stream_live_processing.json"),
        fixture!("stream_assets_table.json"),
    ] {
        let doc: Value = serde_json::from_str(body).unwrap();
        let mut all = Vec::new();
        paths(&doc, Vec::new(), &mut all);
        assert!(all.len() > 30);
        for p in all {
            let mut v = doc.clone();
            set_null(&mut v, &p);
            let s: Result<Stream, _> = serde_json::from_value(v.clone());
            assert!(s.is_ok(), "null at {p:?}: {:?}", s.err());
            // And inside a list, the stream is kept, not counted as unreadable.
            let l = stream_list(&Value::Array(vec![v]).to_string()).unwrap();
            assert_eq!((l.streams.len(), l.unreadable), (1, 0), "null at {p:?}");
        }
    }
}

#[test]
fn fractional_fps_and_bitrate_read() {
    let s = stream(
        r#"{"id":"a","playout":{"h5live":[{"id":"a","info":{"width":1280,"height":720,"bitrate":2500.5,"fps":29.97}}]}}"#,
    );
    assert_eq!(s.members()[0].info.fps, 29.97);
}
