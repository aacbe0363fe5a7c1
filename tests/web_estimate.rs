//! Component test of the storage estimate in headless Chromium: in the create page's summary
//! and under the Edit modal's cards, it follows the cards as they are toggled and edited.
#![cfg(target_arch = "wasm32")]

mod web_support;

use leptos::prelude::*;
use nano_console::components::processing_editor::ProcessingEditor;
use nano_console::domain::processing_form::MemberDraft;
use nano_console::domain::storage_estimate::MemberMedia;
use wasm_bindgen_test::*;
use web_support::*;

wasm_bindgen_test_configure!(run_in_browser);

#[wasm_bindgen_test]
async fn the_summary_estimate_follows_the_cards() {
    let drafts = RwSignal::new(vec![MemberDraft::default(); 2]);
    let active = RwSignal::new(0usize);
    let media = Signal::derive(|| {
        vec![
            MemberMedia::default(),
            MemberMedia {
                video_kbps: Some(800),
                size: Some((852, 480)),
            },
        ]
    });
    let fx = Fixture::mount(move || {
        view! { <ProcessingEditor drafts names=names(2) active summary=true id_prefix="t" media/> }
    });
    settle().await;
    let total = "[data-testid=storage-total]";
    assert!(
        fx.exists(".process-summary .storage-estimate"),
        "inside the summary box"
    );
    assert_eq!(fx.text(total), "Total: Nothing stored");
    fx.click("#pc-0-thumbs"); // default interval 30 s
    settle().await;
    assert!(
        fx.text(total).ends_with(", 120 thumbnails"),
        "{}",
        fx.text(total)
    );
    fx.type_into("#pc-0-thumbs-interval", "10");
    settle().await;
    assert!(
        fx.text(total).ends_with(", 360 thumbnails"),
        "{}",
        fx.text(total)
    );
    assert!(!fx.exists(".storage-estimate__note"));
    fx.click("#pc-0-replay");
    settle().await;
    assert!(fx.text(total).contains("GB per hour"), "{}", fx.text(total));
    assert!(
        fx.exists(".storage-estimate__note"),
        "the assumed ingest bitrate is said"
    );
    let rows = fx.texts(".storage-estimate__members li");
    assert_eq!(rows.len(), 2);
    assert_eq!(rows[1], "1. Transcode: Nothing stored");
    // An invalid value leaves the member out and says so; switching the card off restores it.
    fx.type_into("#pc-0-thumbs-interval", "5");
    settle().await;
    assert!(fx.text(total).contains("invalid settings left out"));
    fx.click("#pc-0-thumbs");
    settle().await;
    assert!(!fx.text(total).contains("thumbnails") && fx.text(total).contains("GB per hour"));
}

#[wasm_bindgen_test]
async fn without_a_summary_the_estimate_sits_under_the_cards() {
    let drafts = RwSignal::new(vec![MemberDraft::default()]);
    let active = RwSignal::new(0usize);
    let media = Signal::derive(|| {
        vec![MemberMedia {
            video_kbps: Some(2500),
            size: None,
        }]
    });
    let fx = Fixture::mount(move || {
        view! { <ProcessingEditor drafts names=names(1) active id_prefix="e" media/> }
    });
    settle().await;
    assert!(!fx.exists(".process-summary"));
    fx.click("#pc-0-rec");
    settle().await;
    let t = fx.text("[data-testid=storage-total]");
    assert!(
        t.starts_with("Total: ≈ 1.") && t.ends_with("GB per hour"),
        "{t}"
    );
    assert!(
        !fx.exists(".storage-estimate__note"),
        "a known bitrate is not an assumption"
    );
}
