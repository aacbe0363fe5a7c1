//! "Enabled Live Processes": one box per group member listing its switched-on processes as
//! chips, each with a ⊗ button that switches that process off (dashboard-ui.md §1.2.3), and
//! with `media` the storage estimate of those settings under them.

use leptos::prelude::*;

use super::storage_estimate::StorageEstimate;
use crate::domain::process::KindText;
use crate::domain::processing_form::MemberDraft;
use crate::domain::storage_estimate::MemberMedia;

#[component]
pub fn ProcessSummary(
    drafts: RwSignal<Vec<MemberDraft>>,
    /// Member names, same order as `drafts`.
    #[prop(into)]
    names: Signal<Vec<String>>,
    /// What each member sends: shows the storage estimate when given.
    #[prop(default = None)]
    media: Option<Signal<Vec<MemberMedia>>>,
) -> impl IntoView {
    let members = move || {
        let names = names.get();
        drafts.with(|d| {
            // Only the members named: the create page keeps drafts of switched-off profiles.
            d.iter()
                .zip(names)
                .enumerate()
                .map(|(i, (m, name))| (i, name, m.enabled_kinds()))
                .collect::<Vec<_>>()
        })
    };
    view! {
        <aside class="process-summary" aria-labelledby="process-summary-title">
            <h3 id="process-summary-title">"Enabled Live Processes"</h3>
            {move || members().into_iter().map(|(i, name, kinds)| {
                let empty = kinds.is_empty();
                view! {
                    <div class="process-summary__member" data-member=i>
                        <h4>{name.clone()}</h4>
                        {empty.then(|| view! { <p class="process-summary__none">"No processes"</p> })}
                        <ul class="process-summary__chips">
                            {kinds.into_iter().map(|k| {
                                let aria = format!("Remove {} from {name}", k.label());
                                view! {
                                    <li class="chip chip--info">
                                        {format!("✓ {}", k.label())}
                                        <button type="button" class="chip__remove" aria-label=aria
                                            on:click=move |_| drafts.update(|d| {
                                                if let Some(m) = d.get_mut(i) { m.card_mut(k).enabled = false; }
                                            })>"⊗"</button>
                                    </li>
                                }
                            }).collect_view()}
                        </ul>
                    </div>
                }
            }).collect_view()}
            {media.map(|media| view! { <StorageEstimate drafts names media/> })}
        </aside>
    }
}
