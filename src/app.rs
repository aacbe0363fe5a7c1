//! The provider stack and the two routers (their tables are `crate::routes`). The console (`App`, bin `nano-console`,
//! `index.html`) and the public replay pages (`ReplayApp`, bin `nano-replay`,
//! `replay.html`) are separate wasm builds, so a share-link viewer does not download the
//! console and the console does not carry the replay player. A link from one to the other
//! is a full page load: each router's fallback hands such a path to the browser.

use leptos::children::ToChildren;
use leptos::prelude::*;
use leptos_router::components::{RouteChildren, Router, Routes, RoutesProps};
use leptos_router::hooks::use_location;
use leptos_router::MatchNestedRoutes;

use crate::domain::paths::{is_replay_page, with_search};
use crate::pages::not_found::NotFoundPage;
use crate::routes;
use crate::session::provide_session;

/// The console.
#[component]
pub fn App() -> impl IntoView {
    routed(routes::console, true)
}

/// The public replay pages: their own light layout, no sign-in needed (share links).
#[component]
pub fn ReplayApp() -> impl IntoView {
    routed(routes::replay, false)
}

/// A router over `table`; paths it does not have go to `OtherApp` (`other_is_replay`: the
/// other build is the replay pages). The table is data (`crate::routes`), so its test
/// matches links against it.
fn routed<R>(table: fn() -> R, other_is_replay: bool) -> impl IntoView
where
    R: MatchNestedRoutes + Clone + Send + 'static,
{
    provide_session();
    view! {
        <Router>
            {Routes(
                RoutesProps::builder()
                    .fallback(move || view! { <OtherApp replay=other_is_replay/> })
                    .children(RouteChildren::to_children(table))
                    .build(),
            )}
        </Router>
    }
}

/// A route this build does not have. If it belongs to the other build (`replay`: the other
/// one is the replay pages) and the page was not loaded at this very address, the browser
/// loads it; otherwise (or if the server sent this build for it anyway) it is not found,
/// which also rules out a reload loop.
#[component]
fn OtherApp(replay: bool) -> impl IntoView {
    // The router's location, not the window's: on an in-app navigation the address bar may
    // not have moved yet when the fallback renders.
    let location = use_location();
    let path = location.pathname.get_untracked();
    let search = location.search.get_untracked();
    let href = with_search(&path, &search);
    // Unknown start (the app mounted without an entry point, as in tests): stay.
    let loaded_here = initial_href().is_none_or(|start| start == href);
    if is_replay_page(&path) == replay && !loaded_here {
        let _ = window().location().replace(&href);
        return view! { <main class="page" id="main" aria-busy="true"></main> }.into_any();
    }
    view! { <NotFoundPage/> }.into_any()
}

thread_local! {
    /// The path and query the document was loaded with, recorded when the app starts.
    static INITIAL: std::cell::RefCell<Option<String>> = const { std::cell::RefCell::new(None) };
}

fn initial_href() -> Option<String> {
    INITIAL.with(|i| i.borrow().clone())
}

fn current_href() -> String {
    let l = window().location();
    format!(
        "{}{}",
        l.pathname().unwrap_or_default(),
        l.search().unwrap_or_default()
    )
}

/// Records the address the document was loaded with (see `OtherApp`); called by both entry
/// points before mounting.
pub fn remember_initial_location() {
    let href = current_href();
    INITIAL.with(|i| *i.borrow_mut() = Some(href));
}
