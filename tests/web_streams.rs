//! Component tests of the stream form in headless Chromium: option cards and their
//! validation messages, the summary, sync across profiles, and tags. The Live Processing
//! table is in `web_processing_table.rs`.
#![cfg(target_arch = "wasm32")]

mod web_support;

use leptos::prelude::*;
use nano_console::components::option_cards::OptionCards;
use nano_console::components::process_summary::ProcessSummary;
use nano_console::components::processing_editor::ProcessingEditor;
use nano_console::components::tag_input::TagInput;
use nano_console::domain::process::{Process, ProcessKind};
use nano_console::domain::processing_form::MemberDraft;
use wasm_bindgen_test::*;
use web_support::*;

wasm_bindgen_test_configure!(run_in_browser);

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
