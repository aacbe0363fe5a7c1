//! The replay pages in headless Chromium, with `fetch` recorded: they read the media bucket
//! of the signed-in API from the session context, in the component's scope.
#![cfg(target_arch = "wasm32")]

mod web_support;

use leptos::prelude::*;
use leptos_router::components::{Route, Router, Routes};
use leptos_router::path;
use nano_console::pages::replay::player::ReplayerPage;
use wasm_bindgen_test::*;
use web_support::*;

wasm_bindgen_test_configure!(run_in_browser);

/// Replaces `fetch` with one that records each URL and answers 404; `recorded()` reads them,
/// `restore_fetch()` puts the real one back.
fn record_fetches() {
    js_sys::Function::new_no_args(
        "window.__realFetch = window.__realFetch || window.fetch; window.__fetched = [];
         window.fetch = (r) => { window.__fetched.push(typeof r === 'string' ? r : r.url);
           return Promise.resolve(new Response('', { status: 404 })); };",
    )
    .call0(&wasm_bindgen::JsValue::NULL)
    .unwrap();
}

fn recorded() -> Vec<String> {
    let list = js_sys::Reflect::get(&window(), &"__fetched".into()).unwrap();
    js_sys::Array::from(&list)
        .iter()
        .filter_map(|v| v.as_string())
        .collect()
}

fn restore_fetch() {
    js_sys::Function::new_no_args("window.fetch = window.__realFetch;")
        .call0(&wasm_bindgen::JsValue::NULL)
        .unwrap();
}

/// Both replay pages read the media bucket of the signed-in API from the session context.
/// They once read it inside an unscoped task, where there is no context, and fell back to
/// the page's origin.
#[wasm_bindgen_test]
async fn replay_pages_load_from_the_signed_in_apis_bucket() {
    use nano_console::domain::credentials::{CredentialKind, Credentials};
    use nano_console::pages::replay::clip::ClipPage;
    let creds = Credentials {
        base_url: "http://media.example:9".into(),
        kind: CredentialKind::ApiKey,
        secret: "k".into(),
    };
    nano_console::storage::save(&creds, false);
    record_fetches();
    for (url, wanted) in [
        (
            "/replay/player?streamname=ab-cd&session=17",
            "ab-cd-17.m3u8",
        ),
        ("/replay/clip?streamname=ab-cd", "ab-cd.m3u8"),
    ] {
        window()
            .history()
            .unwrap()
            .push_state_with_url(&wasm_bindgen::JsValue::NULL, "", Some(url))
            .unwrap();
        let fx = Fixture::mount(|| {
            nano_console::session::provide_session();
            view! {
                <Router>
                    <Routes fallback=|| "no route">
                        <Route path=path!("/replay/player") view=ReplayerPage/>
                        <Route path=path!("/replay/clip") view=ClipPage/>
                    </Routes>
                </Router>
            }
        });
        let want = format!("http://media.example:9/vod/replay/{wanted}");
        let fetched = until(|| recorded().iter().any(|u| u.starts_with(&want))).await;
        assert!(fetched, "{url}: wanted {want}, fetched {:?}", recorded());
        let origin = window().location().origin().unwrap();
        assert!(
            !recorded().iter().any(|u| u.starts_with(&origin)),
            "{:?}",
            recorded()
        );
        drop(fx);
    }
    restore_fetch();
    nano_console::storage::clear();
}
