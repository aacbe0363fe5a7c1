//! 404 page for unknown routes.

use leptos::prelude::*;
use leptos_router::components::A;

use crate::domain::paths;

/// Shown for any route the console does not have.
#[component]
pub fn NotFoundPage() -> impl IntoView {
    view! {
        <main class="page page--narrow" id="main">
            <h1>"Page not found"</h1>
            <p>"There is no page at this address."</p>
            <p><A href=paths::stream_list()>"Go to your streams"</A></p>
        </main>
    }
}
