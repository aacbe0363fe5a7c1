//! The Live Processing editor shared by the create page and the Edit modal: stream tabs, the
//! four cards of the selected member, "Sync settings across profiles" with an announcement,
//! "differs" markers, advice, optionally the "Enabled Live Processes" summary, and the storage
//! estimate (in the summary when there is one, under the cards otherwise).

use leptos::prelude::*;

use super::option_cards::OptionCards;
use super::process_summary::ProcessSummary;
use super::storage_estimate::StorageEstimate;
use super::stream_tabs::StreamTabs;
use crate::domain::processing_form::MemberDraft;
use crate::domain::processing_sync::{differs, group_warnings, sync_from};
use crate::domain::storage_estimate::MemberMedia;

#[component]
pub fn ProcessingEditor(
    drafts: RwSignal<Vec<MemberDraft>>,
    /// Member names, same order as `drafts`.
    #[prop(into)]
    names: Signal<Vec<String>>,
    active: RwSignal<usize>,
    /// Show the summary box beside the cards (create page).
    #[prop(optional)]
    summary: bool,
    #[prop(into)] id_prefix: String,
    /// What each member sends: shows the storage estimate when given.
    #[prop(optional, into)]
    media: Option<Signal<Vec<MemberMedia>>>,
) -> impl IntoView {
    let toast = RwSignal::new(String::new());
    let marked = Signal::derive(move || {
        let a = active.get();
        let n = names.with(Vec::len);
        drafts.with(|d| {
            let cur = d.get(a).cloned().unwrap_or_default();
            d.iter()
                .take(n)
                .map(|m| differs(m, &cur))
                .collect::<Vec<bool>>()
        })
    });
    let name =
        Signal::derive(move || names.with(|n| n.get(active.get()).cloned().unwrap_or_default()));
    let on_sync = move |_| {
        let a = active.get_untracked();
        let mut changed = 0;
        let n = names.with_untracked(Vec::len);
        // Only the members shown: the create page keeps drafts of switched-off profiles.
        drafts.update(|d| {
            let n = n.min(d.len());
            changed = sync_from(&mut d[..n], a);
        });
        let n = names.with_untracked(Vec::len).saturating_sub(1);
        toast.set(format!(
            "Applied {} settings to {n} profiles ({changed} changed)",
            name.get_untracked()
        ));
    };
    let advice = move || {
        drafts.with(|d| {
            let mut w = d
                .get(active.get())
                .map(|m| m.warnings())
                .unwrap_or_default();
            w.extend(group_warnings(&d[..names.with(Vec::len).min(d.len())]));
            w
        })
    };
    let many = move || names.with(|n| n.len() > 1);
    view! {
        <div class="processing-editor" class:processing-editor--summary=summary>
            <div class="processing-editor__main">
                <Show when=many>
                    <div class="processing-editor__tabs">
                        <StreamTabs names active marked id_prefix=id_prefix.clone() label="Streams of the group"/>
                        <button type="button" class="btn btn--ghost btn--small sync-button" on:click=on_sync>
                            "Sync settings across profiles"
                        </button>
                    </div>
                </Show>
                <p class="toast" role="status" aria-live="polite">{move || toast.get()}</p>
                <div class="card" role=move || if many() { "tabpanel" } else { "group" }
                    aria-label=move || format!("Live Processing for: {}", name.get())>
                    <h3 class="card__title">{move || format!("Live Processing for: {}", name.get())}</h3>
                    <p class="card__sub">{move || format!("Configure live processing setting for {}.", name.get())}</p>
                    <OptionCards drafts member=active name/>
                    <ul class="advice">
                        {move || advice().into_iter().map(|w| view! { <li>{w}</li> }).collect_view()}
                    </ul>
                </div>
                {media.filter(|_| !summary).map(|media| view! { <StorageEstimate drafts names media/> })}
            </div>
            {summary.then(|| view! { <ProcessSummary drafts names media/> })}
        </div>
    }
}
