//! `/signin`: API URL, credential kind, secret, "remember me". Checks the credential with one
//! authenticated 2xx (`GET /organisation`, or `GET /stream?quantity=1` where the API has no
//! organisation call) before keeping it, and returns to the page the user came from.

use leptos::prelude::*;
use leptos_router::hooks::{use_navigate, use_query_map};

use crate::api::ApiClient;
use crate::browser::origin;
use crate::components::signin_form::{SignInForm, SignInRequest};
use crate::domain::base_url::safe_return_path;
use crate::domain::paths;
use crate::session::use_session;
use crate::storage;

/// The sign-in page.
#[component]
pub fn SignInPage() -> impl IntoView {
    let session = use_session();
    let navigate = use_navigate();
    let query = use_query_map();
    let next = move || {
        safe_return_path(
            query
                .with_untracked(|q| q.get(paths::NEXT_PARAM))
                .as_deref(),
        )
    };

    let sign_in = Action::new_local(move |req: &SignInRequest| {
        let req = req.clone();
        async move {
            let client = ApiClient::new(req.creds.clone(), None);
            client.get_organisation().await.map(|_| req)
        }
    });
    Effect::new(move |_| {
        if let Some(Ok(req)) = sign_in.value().get() {
            session.sign_in(req.creds, req.remember);
            navigate(&next(), Default::default());
        }
    });
    let error = Signal::derive(move || match sign_in.value().get() {
        Some(Err(e)) => Some(e.user_message()),
        _ => None,
    });
    let initial_base = storage::last_base_url()
        .or_else(|| crate::config::get().api_url().map(str::to_string))
        .unwrap_or_else(origin);
    view! {
        <main class="page page--narrow signin" id="main">
            <h1>"Sign in"</h1>
            <p class="lead">
                "Sign in with your organisation's API key or a Bintu user token. "
                "The console talks to the Bintu API straight from your browser."
            </p>
            <SignInForm
                origin=origin()
                initial_base=initial_base
                remember=storage::is_remembered()
                pending=sign_in.pending()
                error=error
                on_submit=Callback::new(move |req| { sign_in.dispatch(req); })
            />
        </main>
    }
}
