//! Loading and error states shared by every page.

use leptos::prelude::*;

use crate::api::ApiError;

/// A polite loading line for screen readers and eyes.
#[component]
pub fn Loading(
    /// What is loading, e.g. "stream".
    #[prop(into, default = "page".into())]
    what: String,
) -> impl IntoView {
    view! { <p class="loading" role="status" aria-live="polite">{format!("Loading {what}…")}</p> }
}

/// An API error as an alert, with the API's message.
#[component]
pub fn ErrorBanner(error: ApiError) -> impl IntoView {
    view! {
        <div class="banner banner--error" role="alert">
            {error.user_message()}
        </div>
    }
}

/// Sets the document title while the calling page is mounted, restoring the previous one
/// when it unmounts (the replay pages use the official demo's titles).
pub fn use_document_title(title: &str) {
    let previous = document().title();
    document().set_title(title);
    on_cleanup(move || document().set_title(&previous));
}
