//! The signed-in shell: guard (no credential → sign-in, keeping the page), top bar with the
//! organisation and sign-out, navigation (as data), and the routed page.

use leptos::prelude::*;
use leptos_router::components::{Outlet, A};
use leptos_router::hooks::{use_location, use_navigate};
use leptos_router::NavigateOptions;

use crate::domain::paths;
use crate::session::{use_session, OrgResource};

/// Navigation entries: (label, href, exact). Data, so adding a page is one line. "Streams"
/// matches exactly so that it is not also highlighted on /stream/create.
pub fn nav() -> [(&'static str, String, bool); 4] {
    [
        ("Streams", paths::stream_list(), true),
        ("Live wall", paths::live_wall(), false),
        ("Create stream", paths::stream_create(), false),
        ("Organisation", paths::organisation(), false),
    ]
}

/// Layout of every signed-in page.
#[component]
pub fn AppShell() -> impl IntoView {
    let session = use_session();
    let location = use_location();
    let navigate = use_navigate();
    // Guard: whenever the credential goes away (sign-out, or a 401 anywhere), go to sign-in
    // and remember where the user was.
    Effect::new(move |_| {
        if !session.is_signed_in() {
            let here = paths::with_search(
                &location.pathname.get_untracked(),
                &location.search.get_untracked(),
            );
            let target = paths::signin(Some(&here));
            navigate(
                &target,
                NavigateOptions {
                    replace: true,
                    ..Default::default()
                },
            );
        }
    });
    view! {
        <Show when=move || session.is_signed_in() fallback=|| ()>
            <SignedIn/>
        </Show>
    }
}

#[component]
fn SignedIn() -> impl IntoView {
    let session = use_session();
    let api = session.api();
    let org: OrgResource = LocalResource::new(move || {
        let api = api.clone();
        async move {
            match api {
                Some(api) => api.get_organisation().await,
                None => Err(crate::api::ApiError::Network("signed out".into())),
            }
        }
    });
    provide_context(org);
    let org_label = move || {
        org.get()
            .and_then(|r| r.ok())
            .map(|o| o.label())
            .unwrap_or_default()
    };
    view! {
        <div class="shell">
            <a class="skip-link" href="#main">"Skip to content"</a>
            <header class="topbar">
                <span class="topbar__brand">"nanoStream Live Processing"</span>
                <span class="topbar__org" data-testid="org-name">{org_label}</span>
                <button type="button" class="btn btn--ghost" on:click=move |_| session.sign_out()>
                    "Sign out"
                </button>
            </header>
            <nav class="sidebar" aria-label="Main">
                <ul>
                    {nav()
                        .into_iter()
                        .map(|(label, href, exact)| view! { <li><A href=href exact=exact>{label}</A></li> })
                        .collect_view()}
                </ul>
            </nav>
            <main id="main" class="page" tabindex="-1">
                <Outlet/>
            </main>
        </div>
    }
}
