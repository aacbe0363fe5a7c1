//! Component tests of a stream's Live Processing table in headless Chromium: its display
//! rules (⊗, ENTIRE STREAM, link counts), the expanded rows' recordings and replay links,
//! the thumbnail preview, and the stream list's rows and paging links.
#![cfg(target_arch = "wasm32")]

mod web_support;

use leptos::prelude::*;
use nano_console::components::processing_table::ProcessingTable;
use nano_console::domain::stream::Stream;
use wasm_bindgen_test::*;
use web_support::*;

wasm_bindgen_test_configure!(run_in_browser);

fn group_stream() -> Stream {
    serde_json::from_value(serde_json::json!({
        "id":"g1","state":"ended",
        "playout":{
          "h5live":[
            {"id":"g1","index":0,"streamname":"aa-bb","processing":[
              {"id":"thumbs","interval":10},{"id":"rec","duration":null},{"id":"replay","duration":null}]},
            {"id":"t1","index":1,"streamname":"aa-bb-1","processing":[
              {"id":"motionclip","interval":10,"duration":5}]}],
          "thumbnails":[{"url":"http://h/vod/thumbnails/aa-bb.jpg","type":"image","index":0}],
          "web":[{"url":"http://h/vod/aa-bb-1000.mp4","type":"vod","index":0,"session":1000,"size":2048}],
          "replay":[{"url":"demo","type":"playout"},
            {"url":"http://h/vod/replay/aa-bb.m3u8","type":"hls","index":0,"latest":true},
            {"url":"http://h/vod/replay/aa-bb-1000.m3u8","type":"hls","index":0,"session":1000},
            {"url":"http://h/vod/replay/aa-bb-abr-1000.m3u8","type":"hls","index":0,"session":1000,"abr":true}]}
    }))
    .unwrap()
}

#[wasm_bindgen_test]
async fn table_shows_the_v4_cells_and_link_counts() {
    let member = RwSignal::new(0usize);
    let fx = Fixture::mount(move || {
        view! { <ProcessingTable stream=Signal::derive(group_stream) member/> }
    });
    settle().await;
    let row = |k: &str| {
        (
            fx.text(&format!("tbody[data-kind={k}] .cell-active")),
            fx.text(&format!("tbody[data-kind={k}] .cell-interval")),
            fx.text(&format!("tbody[data-kind={k}] .cell-duration")),
            fx.text(&format!("tbody[data-kind={k}] .cell-links")),
        )
    };
    assert_eq!(
        row("thumbs"),
        ("✓".into(), "10".into(), "⊗".into(), "1".into())
    );
    assert_eq!(
        row("motionclip"),
        ("⊗".into(), "—".into(), "—".into(), "0".into())
    );
    assert_eq!(
        row("rec"),
        ("✓".into(), "⊗".into(), "ENTIRE STREAM".into(), "1".into())
    );
    assert_eq!(
        row("replay"),
        ("✓".into(), "⊗".into(), "ENTIRE STREAM".into(), "3".into())
    );
    assert!(fx
        .find("tbody[data-kind=motionclip] .row-toggle")
        .has_attribute("disabled"));
    member.set(1);
    settle().await;
    assert_eq!(
        row("motionclip"),
        ("✓".into(), "10".into(), "5".into(), "0".into())
    );
}

#[wasm_bindgen_test]
async fn expanded_rows_list_recordings_and_replay_sessions_with_their_links() {
    let fx = Fixture::mount(move || {
        view! { <ProcessingTable stream=Signal::derive(group_stream) member=Signal::derive(|| 0)/> }
    });
    settle().await;
    fx.click("tbody[data-kind=rec] .row-toggle");
    fx.click("tbody[data-kind=replay] .row-toggle");
    settle().await;
    assert_eq!(
        fx.attr("tbody[data-kind=rec] .row-toggle", "aria-expanded")
            .as_deref(),
        Some("true")
    );
    let rec = fx.texts(".recording-row td");
    assert_eq!(rec[1], "01/01/1970 12:00 am (UTC)");
    assert_eq!(rec[3], "2.0 KB");
    let labels: Vec<String> = fx
        .all(".replay-row")
        .iter()
        .map(|r| {
            r.query_selector("td")
                .unwrap()
                .unwrap()
                .text_content()
                .unwrap_or_default()
        })
        .collect();
    assert_eq!(labels[0], "Latest");
    assert_eq!(labels.len(), 3);
    let watch: Vec<String> = fx
        .all(".replay-row a[aria-label^='Watch Replay']")
        .iter()
        .map(|a| a.get_attribute("href").unwrap())
        .collect();
    assert_eq!(watch[0], "/replay/player?streamname=aa-bb");
    assert_eq!(watch[1], "/replay/player?streamname=aa-bb&session=1000");
    assert_eq!(watch[2], "/replay/player?streamname=aa-bb-abr&session=1000");
    let clip = fx
        .attr(".replay-row a[aria-label^='Clip & Share']", "href")
        .unwrap();
    assert_eq!(clip, "/replay/clip?streamname=aa-bb");
    assert_eq!(
        fx.attr(".latest-session a", "href").as_deref(),
        Some("/replay/clip?streamname=aa-bb")
    );
    assert!(
        fx.all(".row-details .copy-field button").len() >= 4,
        "every URL has a Copy button"
    );
}

#[wasm_bindgen_test]
async fn preview_busts_the_cache_and_shows_a_placeholder_instead_of_a_broken_image() {
    use nano_console::components::preview::Preview;
    let token = RwSignal::new(123i64);
    let refreshed = RwSignal::new(0);
    let fx = Fixture::mount(move || {
        view! {
            <Preview title="Thumbnail" url=Signal::derive(|| Some("http://h/t.jpg".to_string()))
                token captured=Signal::derive(|| "captured 3 s ago".to_string())
                on_refresh=Callback::new(move |_| refreshed.update(|n| *n += 1))/>
        }
    });
    settle().await;
    assert_eq!(
        fx.attr("img", "src").as_deref(),
        Some("http://h/t.jpg?t=123")
    );
    assert_eq!(fx.text(".preview__age"), "captured 3 s ago");
    let ev = web_sys::Event::new("error").unwrap();
    fx.find("img").dispatch_event(&ev).unwrap();
    settle().await;
    assert!(!fx.exists("img"), "no broken image");
    assert_eq!(fx.text(".preview__empty"), "Thumbnail not available");
    fx.click("button");
    token.set(456);
    settle().await;
    assert_eq!(refreshed.get_untracked(), 1);
    assert_eq!(
        fx.attr("img", "src").as_deref(),
        Some("http://h/t.jpg?t=456"),
        "a refresh tries again"
    );
}

#[wasm_bindgen_test]
async fn stream_table_links_rows_to_the_overview_and_pages_through_the_url() {
    use nano_console::domain::list_query::ListFilter;
    use nano_console::pages::streams::list::StreamTable;
    let streams: Vec<Stream> = (0..25)
        .map(|i| {
            serde_json::from_value(serde_json::json!({
                "id": format!("s{i}"), "state": if i == 0 { "live" } else { "ended" },
                "created_at": "2024-10-23T10:06:00.000Z", "tags": ["a"],
                "playout": {"h5live": [{"index": 0}, {"index": 1}]}
            }))
            .unwrap()
        })
        .collect();
    let filter = ListFilter::from_search("?state=live&page=2");
    let fx = Fixture::mount(move || view! { <StreamTable streams filter/> });
    settle().await;
    assert_eq!(fx.all(".stream-table tbody tr").len(), 25);
    assert_eq!(
        fx.attr(".stream-table tbody a", "href").as_deref(),
        Some("/stream/s0")
    );
    assert_eq!(fx.text(".state-badge"), "LIVE");
    assert!(fx.texts(".stream-table tbody td")[2].contains("10/23/2024 10:06 am (UTC)"));
    assert_eq!(
        fx.attr("a[rel=prev]", "href").as_deref(),
        Some("/stream?state=live")
    );
    assert_eq!(
        fx.attr("a[rel=next]", "href").as_deref(),
        Some("/stream?state=live&page=3")
    );
}
