//! Component tests in headless Chromium (`cargo test --target wasm32-unknown-unknown`).
//! Each test mounts one component into a fresh element, drives it like a user and asserts
//! on specific nodes.
#![cfg(target_arch = "wasm32")]

mod web_support;

use leptos::prelude::*;
use nano_console::components::preview::Preview;
use nano_console::components::signin_form::{SignInForm, SignInRequest};
use nano_console::domain::credentials::CredentialKind;
use wasm_bindgen_test::*;
use web_support::*;

wasm_bindgen_test_configure!(run_in_browser);

fn mount_signin(error: Option<String>) -> (Fixture, RwSignal<Vec<SignInRequest>>) {
    let submitted = RwSignal::new(Vec::<SignInRequest>::new());
    let fx = Fixture::mount(move || {
        view! {
            <SignInForm
                origin="http://127.0.0.1:8090"
                initial_base=""
                pending=Signal::derive(|| false)
                error=Signal::derive(move || error.clone())
                on_submit=Callback::new(move |r| submitted.update(|v| v.push(r)))
            />
        }
    });
    (fx, submitted)
}

#[wasm_bindgen_test]
async fn signin_requires_a_secret_and_says_so() {
    let (fx, submitted) = mount_signin(None);
    fx.click("button[type=submit]");
    tick().await;
    assert_eq!(fx.text("#secret-error"), "Enter your API key.");
    assert_eq!(fx.attr("#secret", "aria-invalid"), Some("true".into()));
    assert!(submitted.get_untracked().is_empty());
}

#[wasm_bindgen_test]
async fn signin_submits_a_normalised_url_and_the_chosen_credential_kind() {
    let (fx, submitted) = mount_signin(None);
    fx.type_into("#api-url", "bintu.nanocosmos.de/");
    fx.click_nth("input[name=kind]", 1);
    fx.type_into("#secret", "  tok-123  ");
    fx.click("input[type=checkbox]");
    tick().await;
    assert_eq!(fx.text("label[for=secret]"), "Bintu token");
    fx.click("button[type=submit]");
    tick().await;
    let got = submitted.get_untracked();
    assert_eq!(got.len(), 1);
    assert_eq!(got[0].creds.base_url, "https://bintu.nanocosmos.de");
    assert_eq!(got[0].creds.kind, CredentialKind::Token);
    assert_eq!(got[0].creds.secret, "tok-123");
    assert!(got[0].remember);
}

#[wasm_bindgen_test]
async fn signin_empty_url_means_this_origin_and_bad_urls_are_explained() {
    let (fx, submitted) = mount_signin(None);
    fx.type_into("#secret", "k");
    fx.click("button[type=submit]");
    tick().await;
    assert_eq!(
        submitted.get_untracked()[0].creds.base_url,
        "http://127.0.0.1:8090"
    );
    fx.type_into("#api-url", "ftp://x");
    fx.click("button[type=submit]");
    tick().await;
    assert!(fx.text("#api-url-error").contains("http:// or https://"));
    assert_eq!(
        submitted.get_untracked().len(),
        1,
        "an invalid URL must not be submitted"
    );
}

#[wasm_bindgen_test]
async fn signin_shows_the_api_error() {
    let (fx, _) = mount_signin(Some("API key is not valid".into()));
    tick().await;
    assert_eq!(fx.text("[role=alert]"), "API key is not valid");
    assert_eq!(fx.attr("[role=alert]", "hidden"), None);
}

/// A 1x1 GIF: small enough to inline, real enough for the browser to decode.
const GIF: &str = "data:image/gif;base64,R0lGODlhAQABAIAAAAAAAP///yH5BAEAAAAALAAAAAABAAEAAAIBRAA7";

fn mount_preview(url: Option<&'static str>, still: bool) -> Fixture {
    Fixture::mount(move || {
        view! {
            <Preview title="Motion Clip" url=Signal::derive(move || url.map(String::from))
                token=Signal::derive(|| 1) captured=Signal::derive(|| "captured 3 s ago".to_string())
                on_refresh=Callback::new(|_| ()) still=Signal::derive(move || still)/>
        }
    })
}

fn focus(fx: &Fixture, sel: &str, on: bool) {
    let el: web_sys::HtmlElement = wasm_bindgen::JsCast::unchecked_into(fx.find(sel));
    if on {
        el.focus().unwrap()
    } else {
        el.blur().unwrap()
    }
}

#[wasm_bindgen_test]
async fn reduced_motion_preview_shows_a_still_until_focused() {
    let fx = mount_preview(Some(GIF), true);
    tick().await;
    assert!(
        !fx.exists(r#"img[alt="Latest Motion Clip"]"#),
        "no animation before focus"
    );
    let label = fx.attr("canvas.preview__still", "aria-label").unwrap();
    assert!(label.contains("hover or focus to play"), "{label}");
    // The first frame is drawn at the GIF's own size (a fresh canvas is 300 wide).
    let drawn = until(|| fx.attr("canvas.preview__still", "width").as_deref() == Some("1")).await;
    assert!(drawn, "{}", fx.root().inner_html());
    assert_eq!(fx.attr(".preview__frame", "tabindex").as_deref(), Some("0"));
    focus(&fx, ".preview__frame", true);
    assert!(until(|| fx.exists(r#"img[alt="Latest Motion Clip"]"#)).await);
    assert!(!fx.exists("canvas"));
    // Focus stays on the frame while its content swaps, and leaving it brings the still back.
    assert_eq!(
        document().active_element(),
        Some(fx.find(".preview__frame"))
    );
    focus(&fx, ".preview__frame", false);
    assert!(until(|| fx.exists("canvas.preview__still")).await);
}

#[wasm_bindgen_test]
async fn preview_animates_by_default_and_replaces_a_broken_image_with_the_placeholder() {
    let fx = mount_preview(Some(GIF), false);
    tick().await;
    assert!(fx.exists(r#"img[alt="Latest Motion Clip"]"#));
    assert!(!fx.exists("canvas"));
    assert_eq!(fx.attr(".preview__frame", "tabindex"), None);
    assert_eq!(fx.text(".preview__age"), "captured 3 s ago");
    // A still whose file cannot load is the placeholder too, not a blank canvas.
    let broken = mount_preview(Some("/no-such-file.gif"), true);
    assert!(
        until(|| broken.exists(".preview__empty")).await,
        "{}",
        broken.root().inner_html()
    );
    assert_eq!(broken.text(".preview__empty"), "Motion Clip not available");
    assert!(!broken.exists("canvas"));
}
