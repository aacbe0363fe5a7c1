//! Component tests of the stream screens in headless Chromium: option cards, the summary,
//! validation messages, sync across profiles, tags, and the Live Processing table's display
//! rules (⊗, ENTIRE STREAM, link counts, replay links).
#![cfg(target_arch = "wasm32")]

mod web_support;

use leptos::prelude::*;
use nano_console::components::option_cards::OptionCards;
use nano_console::components::process_summary::ProcessSummary;
use nano_console::components::processing_editor::ProcessingEditor;
use nano_console::components::processing_table::ProcessingTable;
use nano_console::components::tag_input::TagInput;
use nano_console::domain::process::{Process, ProcessKind};
use nano_console::domain::processing_form::MemberDraft;
use nano_console::domain::stream::Stream;
use wasm_bindgen_test::*;
use web_support::*;

wasm_bindgen_test_configure!(run_in_browser);

fn names(n: usize) -> Signal<Vec<String>> {
    let v: Vec<String> = ["Passthrough", "1. Transcode", "2. Transcode"][..n]
        .iter()
        .map(|s| s.to_string())
        .collect();
    Signal::derive(move || v.clone())
}

/// Lets reactive effects and the views they create run (two scheduler turns: a `Show`
/// mounts its children in one and their property effects apply in the next).
async fn settle() {
    tick().await;
    tick().await;
}

/// Presses a key on an element the way a keyboard would (bubbling `keydown`).
fn press(fx: &Fixture, sel: &str, key: &str) {
    let f = js_sys::Function::new_with_args(
        "el,key",
        "el.dispatchEvent(new KeyboardEvent('keydown',{key,bubbles:true,cancelable:true}))",
    );
    f.call2(&wasm_bindgen::JsValue::NULL, &fx.find(sel), &key.into())
        .unwrap();
}

#[wasm_bindgen_test]
async fn option_card_reveals_prefilled_fields_and_explains_the_range() {
    let drafts = RwSignal::new(vec![MemberDraft::default()]);
    let fx = Fixture::mount(move || {
        view! { <OptionCards drafts member=Signal::derive(|| 0) name=Signal::derive(|| "Passthrough".to_string())/> }
    });
    assert!(
        !fx.exists("#pc-0-thumbs-interval"),
        "an off card has no fields"
    );
    fx.click("#pc-0-thumbs");
    settle().await;
    assert_eq!(fx.value("#pc-0-thumbs-interval"), "30");
    assert_eq!(fx.text("#pc-0-thumbs-interval-help"), "Min: 10 | Max: 3600");
    fx.type_into("#pc-0-thumbs-interval", "5");
    settle().await;
    assert_eq!(
        fx.text("#pc-0-thumbs-interval-error"),
        "Enter a whole number between 10 and 3600 seconds"
    );
    assert_eq!(
        fx.attr("#pc-0-thumbs-interval", "aria-invalid").as_deref(),
        Some("true")
    );
    assert_eq!(
        fx.value("#pc-0-thumbs-interval"),
        "5",
        "the typed value is kept"
    );
    fx.type_into("#pc-0-thumbs-interval", "45");
    fx.click("#pc-0-rec");
    settle().await;
    assert_eq!(fx.text("#pc-0-thumbs-interval-error"), "");
    assert_eq!(
        fx.attr("#pc-0-rec-duration", "placeholder").as_deref(),
        Some("Entire stream")
    );
    assert_eq!(
        drafts.get_untracked()[0].to_processes().unwrap(),
        vec![
            Process::Thumbs { interval: 45 },
            Process::Rec { duration: None }
        ]
    );
    fx.type_into("#pc-0-rec-duration", "0");
    settle().await;
    assert!(fx
        .text("#pc-0-rec-duration-error")
        .contains("Leave empty for the entire stream"));
}

#[wasm_bindgen_test]
async fn motion_clip_validates_both_fields() {
    let drafts = RwSignal::new(vec![MemberDraft::default()]);
    let fx = Fixture::mount(move || {
        view! { <OptionCards drafts member=Signal::derive(|| 0) name=Signal::derive(|| "Passthrough".to_string())/> }
    });
    fx.click("#pc-0-motionclip");
    settle().await;
    assert_eq!(fx.value("#pc-0-motionclip-duration"), "5");
    fx.type_into("#pc-0-motionclip-duration", "61");
    fx.type_into("#pc-0-motionclip-interval", "3601");
    settle().await;
    assert_eq!(
        fx.text("#pc-0-motionclip-duration-error"),
        "Enter a whole number between 1 and 60 seconds"
    );
    assert_eq!(
        fx.text("#pc-0-motionclip-interval-error"),
        "Enter a whole number between 10 and 3600 seconds"
    );
    assert!(!drafts.get_untracked()[0].is_valid());
}

#[wasm_bindgen_test]
async fn summary_lists_processes_per_stream_and_chips_remove_them() {
    let mut a = MemberDraft::default();
    a.card_mut(ProcessKind::Thumbs).enabled = true;
    a.card_mut(ProcessKind::Replay).enabled = true;
    let drafts = RwSignal::new(vec![a, MemberDraft::default()]);
    let fx = Fixture::mount(move || view! { <ProcessSummary drafts names=names(2)/> });
    settle().await;
    assert_eq!(
        fx.texts(".process-summary__member h4"),
        vec!["Passthrough", "1. Transcode"]
    );
    let chips = fx.texts("[data-member='0'] .chip");
    assert_eq!(chips.len(), 2);
    assert!(chips[0].starts_with("✓ Thumbnail"));
    assert_eq!(
        fx.text("[data-member='1'] .process-summary__none"),
        "No processes"
    );
    fx.click("button[aria-label='Remove Thumbnail from Passthrough']");
    settle().await;
    assert_eq!(fx.all("[data-member='0'] .chip").len(), 1);
    assert!(!drafts.get_untracked()[0].card(ProcessKind::Thumbs).enabled);
}

#[wasm_bindgen_test]
async fn sync_copies_the_active_tab_and_clears_the_differs_markers() {
    let drafts = RwSignal::new(vec![MemberDraft::default(); 3]);
    let active = RwSignal::new(0usize);
    let fx = Fixture::mount(move || {
        view! { <ProcessingEditor drafts names=names(3) active id_prefix="t"/> }
    });
    settle().await;
    assert_eq!(fx.texts("[role=tab]").len(), 3);
    assert!(fx.texts("[role=tab]")[1].starts_with("1. TRANSCODE"));
    assert!(!fx.exists(".stream-tabs__marker"));
    fx.click("#pc-0-replay");
    settle().await;
    assert_eq!(
        fx.all(".stream-tabs__marker").len(),
        2,
        "both other tabs now differ"
    );
    press(&fx, "#t-tab-0", "ArrowRight");
    settle().await;
    assert_eq!(active.get_untracked(), 1);
    assert_eq!(
        fx.attr("#t-tab-1", "aria-selected").as_deref(),
        Some("true")
    );
    active.set(0);
    settle().await;
    fx.click(".sync-button");
    settle().await;
    assert!(fx
        .text("[role=status].toast")
        .starts_with("Applied Passthrough settings to 2 profiles"));
    assert!(!fx.exists(".stream-tabs__marker"));
    assert!(drafts
        .get_untracked()
        .iter()
        .all(|d| d.card(ProcessKind::Replay).enabled));
}

#[wasm_bindgen_test]
async fn tags_are_added_with_enter_suggested_after_three_characters_and_not_duplicated() {
    let tags = RwSignal::new(Vec::<String>::new());
    let known = Signal::derive(|| {
        vec![
            "football".to_string(),
            "food".to_string(),
            "news".to_string(),
        ]
    });
    let fx = Fixture::mount(move || view! { <TagInput tags known/> });
    fx.type_into("#tag-input", "fo");
    settle().await;
    assert!(fx.all(".tag-input__suggestions button").is_empty());
    fx.type_into("#tag-input", "foo");
    settle().await;
    assert_eq!(
        fx.texts(".tag-input__suggestions button"),
        vec!["football", "food"]
    );
    fx.click(".tag-input__suggestions button");
    settle().await;
    assert_eq!(tags.get_untracked(), vec!["football".to_string()]);
    fx.type_into("#tag-input", "  key: value ");
    press(&fx, "#tag-input", "Enter");
    settle().await;
    assert_eq!(tags.get_untracked()[1], "key: value");
    fx.type_into("#tag-input", "football");
    press(&fx, "#tag-input", "Enter");
    settle().await;
    assert_eq!(fx.text("#tag-input-error"), "Tag already added");
    assert_eq!(tags.get_untracked().len(), 2);
    fx.click(".tag-input button[aria-expanded]");
    settle().await;
    assert_eq!(fx.all(".tag-input__all button").len(), 3);
}

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
