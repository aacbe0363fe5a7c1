//! The "Upgrade needed" block shown instead of controls for a package the organisation has
//! not enabled (dashboard-ui.md §1.1).

use leptos::prelude::*;

#[component]
pub fn UpgradeNeeded(#[prop(into)] feature: String) -> impl IntoView {
    view! {
        <div class="upgrade" data-testid="upgrade-needed">
            <span class="chip chip--muted">"⬆ Upgrade needed"</span>
            <p>{format!("{feature} is not enabled for your organisation. Contact sales to enable it.")}</p>
        </div>
    }
}
