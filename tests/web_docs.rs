//! The docs' JSON examples rendered in headless Chromium: every asset under the right member
//! (matched by `streamId`, not `index`), a `null` in any field of a stream still renders,
//! and the stream list tells about unreadable streams and an API that does not page.
#![cfg(target_arch = "wasm32")]

mod web_support;

use leptos::prelude::*;
use nano_console::components::processing_table::ProcessingTable;
use nano_console::domain::answers::{stream_list, Paging};
use nano_console::domain::list_query::ListFilter;
use nano_console::domain::stream::Stream;
use nano_console::pages::streams::list::StreamTable;
use serde_json::Value;
use wasm_bindgen_test::*;
use web_support::*;

wasm_bindgen_test_configure!(run_in_browser);

const ASSETS: &str = include_str!("fixtures/docs/stream_assets_table.json");
const LIVE_PROCESSING: &str = include_str!("fixtures/docs/stream_live_processing.json");

fn links(fx: &Fixture, kind: &str) -> String {
    fx.text(&format!("tbody[data-kind={kind}] .cell-links"))
}

#[wasm_bindgen_test]
async fn the_docs_asset_example_shows_each_asset_under_its_member() {
    let s: Stream = serde_json::from_str(ASSETS).unwrap();
    let member = RwSignal::new(0usize);
    let fx = Fixture::mount(move || {
        view! { <ProcessingTable stream=Signal::derive(move || s.clone()) member/> }
    });
    settle().await;
    let counts = |fx: &Fixture| ["thumbs", "motionclip", "rec", "replay"].map(|k| links(fx, k));
    assert_eq!(counts(&fx), ["1", "1", "1", "0"].map(String::from));
    fx.click("tbody[data-kind=rec] .row-toggle");
    fx.click("tbody[data-kind=thumbs] .row-toggle");
    settle().await;
    let rec = fx.texts(".recording-row td");
    assert_eq!(
        rec[1], "11/04/2025 05:10 pm (UTC)",
        "the date from createdAt"
    );
    let html = fx.root().inner_html();
    assert!(html.contains("https://bintu-vod.nanocosmos.de:443/vod/XsTvy-JgqqV.mp4"));
    assert!(html.contains("/vod/thumbnails/XsTvy-JgqqV.jpg"));
    assert!(!html.contains("XsTvy-Trans1.jpg"));
    member.set(1);
    settle().await;
    assert_eq!(counts(&fx), ["1", "0", "0", "0"].map(String::from));
    assert!(fx
        .root()
        .inner_html()
        .contains("/vod/thumbnails/XsTvy-Trans1.jpg"));
}

#[wasm_bindgen_test]
async fn the_passthrough_recording_with_index_1_is_listed_under_the_passthrough() {
    let s: Stream = serde_json::from_str(LIVE_PROCESSING).unwrap();
    let member = RwSignal::new(0usize);
    let fx = Fixture::mount(move || {
        view! { <ProcessingTable stream=Signal::derive(move || s.clone()) member/> }
    });
    settle().await;
    assert_eq!(links(&fx, "rec"), "1");
    member.set(1);
    settle().await;
    assert_eq!(links(&fx, "rec"), "0");
}

fn null_paths(v: &Value, at: &str, out: &mut Vec<String>) {
    let children: Vec<(String, &Value)> = match v {
        Value::Object(o) => o.iter().map(|(k, c)| (format!("{at}/{k}"), c)).collect(),
        Value::Array(a) => a
            .iter()
            .enumerate()
            .map(|(i, c)| (format!("{at}/{i}"), c))
            .collect(),
        _ => return,
    };
    for (p, c) in children {
        out.push(p.clone());
        null_paths(c, &p, out);
    }
}

#[wasm_bindgen_test]
async fn a_null_in_any_field_of_the_docs_stream_still_renders_it() {
    let doc: Value = serde_json::from_str(ASSETS).unwrap();
    let mut paths = Vec::new();
    null_paths(&doc, "", &mut paths);
    for p in paths {
        let mut v = doc.clone();
        *v.pointer_mut(&p).unwrap() = Value::Null;
        let l = stream_list(&Value::Array(vec![v]).to_string()).unwrap();
        assert_eq!(l.unreadable, 0, "null at {p}");
        let s = l.streams[0].clone();
        // Without a playout there is no member, so no rows, but still the table.
        let rows = if s.members().is_empty() { 0 } else { 4 };
        let fx = Fixture::mount(move || {
            view! { <ProcessingTable stream=Signal::derive(move || s.clone()) member=Signal::derive(|| 0)/> }
        });
        settle().await;
        assert!(fx.exists(".processing-table"), "null at {p}");
        assert_eq!(fx.all("tbody[data-kind]").len(), rows, "null at {p}");
    }
}

#[wasm_bindgen_test]
async fn a_list_with_an_unreadable_stream_shows_the_others_and_the_notice() {
    let l =
        stream_list(r#"[{"id":"a","state":"live"},{"id":["x"]},{"id":"c","tags":null}]"#).unwrap();
    let filter = ListFilter::from_search("");
    let fx = Fixture::mount(move || {
        view! { <StreamTable streams=l.streams filter unreadable=l.unreadable/> }
    });
    settle().await;
    assert_eq!(fx.all(".stream-table tbody tr").len(), 2);
    assert_eq!(
        fx.text("[data-testid=unreadable]"),
        "1 stream could not be read"
    );
}

#[wasm_bindgen_test]
async fn an_api_that_does_not_page_gets_no_next_link() {
    let streams: Vec<Stream> = (0..25)
        .map(|i| serde_json::from_value(serde_json::json!({"id": format!("s{i}")})).unwrap())
        .collect();
    let filter = ListFilter::from_search("");
    let fx = Fixture::mount(move || {
        view! { <StreamTable streams filter paging=Paging::NotPaged/> }
    });
    settle().await;
    assert!(!fx.exists("a[rel=next]"));
    assert!(fx.text("[data-testid=no-paging]").contains("does not page"));
    assert!(!fx.exists("[data-testid=unreadable]"));
}
