//! Component tests in headless Chromium (`cargo test --target wasm32-unknown-unknown`).
//! Each test mounts one component into a fresh element, drives it like a user and asserts
//! on specific nodes.
#![cfg(target_arch = "wasm32")]

mod web_support;

use leptos::prelude::*;
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
