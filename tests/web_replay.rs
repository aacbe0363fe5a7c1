//! Replay components in headless Chromium: the share panel, the timeline slider, and the
//! replayer's answer to invalid or incomplete links (never a blank page).
#![cfg(target_arch = "wasm32")]

mod web_support;

use leptos::prelude::*;
use leptos_router::components::{Route, Router, Routes};
use leptos_router::path;
use nano_console::components::share_panel::{SharePanel, ShareStrings};
use nano_console::components::timeline::Timeline;
use nano_console::domain::clip::ClipRange;
use nano_console::pages::replay::cues::{CueControls, CueCtx};
use nano_console::pages::replay::player::ReplayerPage;
use wasm_bindgen::JsCast;
use wasm_bindgen_test::*;
use web_support::*;

wasm_bindgen_test_configure!(run_in_browser);

#[wasm_bindgen_test]
async fn share_panel_shows_placeholders_then_links_with_copy_buttons() {
    let strings = RwSignal::new(ShareStrings::default());
    let reason = RwSignal::new(None::<String>);
    let fx = Fixture::mount(move || {
        view! { <SharePanel strings=strings.into() disabled_reason=reason/> }
    });
    tick().await;
    assert_eq!(
        fx.text(".share-box--share .share-box__placeholder"),
        "Share URL (will be displayed here)"
    );
    assert!(!fx.exists(".share-box--share button"));
    strings.set(ShareStrings {
        share: Some("http://h/replay/player?share=abc".into()),
        ffmpeg: Some("ffmpeg -ss 1.000".into()),
        ..ShareStrings::default()
    });
    tick().await;
    assert_eq!(
        fx.attr(".share-box--share a", "href").as_deref(),
        Some("http://h/replay/player?share=abc")
    );
    assert_eq!(
        fx.attr(".share-box--share button", "aria-label").as_deref(),
        Some("Copy share URL")
    );
    assert_eq!(fx.text(".share-box--ffmpeg code"), "ffmpeg -ss 1.000");
    assert!(fx.exists(".share-box--embed .share-box__placeholder"));
    reason.set(Some("No session".into()));
    tick().await;
    assert_eq!(fx.text(".share-panel__disabled"), "No session");
    assert!(!fx.exists(".share-box--share a"));
}

#[wasm_bindgen_test]
async fn timeline_is_a_slider_that_seeks_by_keyboard_and_draws_the_ranges() {
    let seeks = RwSignal::new(Vec::<f64>::new());
    let fx = Fixture::mount(move || {
        view! {
            <Timeline
                label="Session timeline"
                window=Signal::derive(|| (0.0, 100.0))
                position=Signal::derive(|| 40.0)
                value_text=Signal::derive(|| "0:40 into the session".to_string())
                boundaries=Signal::derive(|| vec![0.0, 4.0, 8.0, 12.0])
                clip=Signal::derive(|| Some((10.0, 20.0)))
                cut=Signal::derive(|| Some((8.0, 20.0)))
                on_seek=Callback::new(move |t| seeks.update(|v| v.push(t)))
            />
        }
    });
    tick().await;
    assert_eq!(
        fx.attr("[role=slider]", "aria-valuetext").as_deref(),
        Some("0:40 into the session")
    );
    assert_eq!(
        fx.attr("[role=slider]", "aria-valuenow").as_deref(),
        Some("40")
    );
    // Boundaries strictly inside the window: 4, 8, 12.
    assert_eq!(fx.all(".timeline__boundary").len(), 3);
    assert_eq!(
        fx.attr(".timeline__clip", "style").as_deref(),
        Some("left:10.000%;width:10.000%")
    );
    assert_eq!(
        fx.attr(".timeline__cut", "style").as_deref(),
        Some("left:8.000%;width:12.000%")
    );
    for key in ["ArrowRight", "PageDown", "End"] {
        let init = web_sys::KeyboardEventInit::new();
        init.set_key(key);
        init.set_bubbles(true);
        let ev =
            web_sys::KeyboardEvent::new_with_keyboard_event_init_dict("keydown", &init).unwrap();
        fx.find("[role=slider]").dispatch_event(&ev).unwrap();
    }
    assert_eq!(seeks.get_untracked(), vec![41.0, 30.0, 100.0]);
}

fn mount_replayer_at(url: &str) -> Fixture {
    window()
        .history()
        .unwrap()
        .push_state_with_url(&wasm_bindgen::JsValue::NULL, "", Some(url))
        .unwrap();
    Fixture::mount(|| {
        view! {
            <Router>
                <Routes fallback=|| "no route">
                    <Route path=path!("/replay/player") view=ReplayerPage/>
                </Routes>
            </Router>
        }
    })
}

#[wasm_bindgen_test]
async fn truncated_share_code_says_the_link_is_invalid_and_why() {
    let fx = mount_replayer_at("/replay/player?share=Y");
    tick().await;
    assert_eq!(fx.text(".replayer__overlay h1"), "This link is invalid");
    assert!(
        fx.text(".replayer__reason").contains("base64"),
        "{}",
        fx.text(".replayer__reason")
    );
    assert_eq!(document().title(), "nanoStream - Live Replay");
    let role = fx.find(".replayer__overlay").get_attribute("role");
    assert_eq!(role.as_deref(), Some("alert"));
}

#[wasm_bindgen_test]
async fn share_code_without_a_session_and_missing_parameters_are_explained() {
    // "a-b|1|9|": no session.
    let fx = mount_replayer_at("/replay/player?share=YS1ifDF8OXw");
    tick().await;
    assert!(fx.text(".replayer__reason").contains("without its session"));
    drop(fx);
    let fx = mount_replayer_at("/replay/player");
    tick().await;
    assert_eq!(
        fx.text(".replayer__reason"),
        "This link is missing its clip information."
    );
    let el: web_sys::HtmlElement = fx.find(".replayer").unchecked_into();
    assert_eq!(el.get_attribute("data-state").as_deref(), Some("invalid"));
}

fn mount_cues(
    session: Option<i64>,
) -> (
    Fixture,
    RwSignal<ClipRange>,
    RwSignal<Option<String>>,
    RwSignal<u32>,
) {
    let range = RwSignal::new(ClipRange::default());
    let message = RwSignal::new(None::<String>);
    let shared = RwSignal::new(0u32);
    let fx = Fixture::mount(move || {
        let set_in = Callback::new(move |t: f64| {
            let mut r = range.get_untracked();
            match r.set_in(t) {
                Ok(()) => range.set(r),
                Err(e) => message.set(Some(e)),
            }
        });
        let set_out = Callback::new(move |t: f64| {
            let mut r = range.get_untracked();
            match r.set_out(t) {
                Ok(()) => range.set(r),
                Err(e) => message.set(Some(e)),
            }
        });
        let ctx = CueCtx {
            range,
            playhead: Callback::new(|_: ()| 20.0),
            session,
            offset: Signal::derive(|| 0),
            message,
            set_in,
            set_out,
            share: Callback::new(move |_| shared.update(|n| *n += 1)),
        };
        view! { <CueControls ctx=ctx/> }
    });
    (fx, range, message, shared)
}

#[wasm_bindgen_test]
async fn cue_fields_accept_relative_and_wall_clock_times_and_explain_bad_input() {
    // 2024-04-05T23:59:30Z: a session that crosses midnight.
    let (fx, range, message, _) = mount_cues(Some(1_712_361_570_000));
    fx.type_into("#cue-in", "+5");
    tick().await;
    assert_eq!(range.get_untracked().cue_in, Some(5.0));
    assert_eq!(fx.value("#cue-in"), "23:59:35");
    // A wall-clock time after midnight resolves to the next day of the session.
    fx.type_into("#cue-out", "00:00:10");
    tick().await;
    assert_eq!(range.get_untracked().cue_out, Some(40.0));
    assert_eq!(fx.text("#clip-total"), "Total 0:35");
    fx.type_into("#cue-out", "not a time");
    tick().await;
    assert!(message.get_untracked().unwrap().contains("is not a time"));
    assert_eq!(fx.value("#cue-out"), "00:00:10", "the field reverts");
    assert!(fx.text(".clip-box__message").contains("is not a time"));
}

#[wasm_bindgen_test]
async fn set_points_validate_and_one_click_ranges_fill_the_fields() {
    let (fx, range, message, shared) = mount_cues(None);
    fx.click("#set-in"); // playhead 20 s
    tick().await;
    fx.type_into("#cue-out", "0:21");
    tick().await;
    assert!(message
        .get_untracked()
        .unwrap()
        .contains("Minimum length is 2 seconds"));
    assert_eq!(range.get_untracked().cue_out, None);
    fx.click_nth(".clip-box--oneclick button", 3); // Last 30s before the playhead
    tick().await;
    assert_eq!(range.get_untracked().range(), Some((0.0, 20.0)));
    assert_eq!(
        (fx.value("#cue-in"), fx.value("#cue-out")),
        ("0:00".into(), "0:20".into())
    );
    assert_eq!(shared.get_untracked(), 1);
    fx.click_nth(".clip-box--oneclick button", 0); // First 10s
    tick().await;
    assert_eq!(range.get_untracked().range(), Some((0.0, 10.0)));
    // 10 s is above the replayer's 5 s minimum: no stretch note.
    assert!(!fx.exists(".clip-box__note"));
}
