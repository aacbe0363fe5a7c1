//! The stream state chip: CREATED, LIVE, ENDED, LOCKED, DELETED.

use leptos::prelude::*;

#[component]
pub fn StateBadge(#[prop(into)] state: Signal<String>) -> impl IntoView {
    view! {
        <span class=move || format!("state-badge state-badge--{}", state.get())>
            {move || state.get().to_uppercase()}
        </span>
    }
}
