//! "Storage per hour": what one hour of streaming produces with the settings being edited,
//! per member and in total (issue 11, item 4). Shared by the create page's summary box and
//! the Edit modal; recomputed from the drafts, so it follows every toggle and keystroke.

use leptos::prelude::*;

use crate::domain::processing_form::MemberDraft;
use crate::domain::storage_estimate::{group_hour, MemberMedia, ASSUMED_INGEST_KBPS};

#[component]
pub fn StorageEstimate(
    drafts: RwSignal<Vec<MemberDraft>>,
    /// Member names, same order as `drafts`; only these members count.
    #[prop(into)]
    names: Signal<Vec<String>>,
    /// What each member sends (same order); missing entries are unknown.
    #[prop(into)]
    media: Signal<Vec<MemberMedia>>,
) -> impl IntoView {
    let estimate = Memo::new(move |_| {
        let n = names.with(Vec::len);
        let members: Vec<_> = drafts.with(|d| {
            media.with(|m| {
                d.iter()
                    .take(n)
                    .enumerate()
                    .map(|(i, draft)| {
                        let media = m.get(i).copied().unwrap_or_default();
                        draft.to_processes().ok().map(|p| (p, media))
                    })
                    .collect()
            })
        });
        group_hour(&members)
    });
    let rows = move || {
        let e = estimate.get();
        names
            .get()
            .into_iter()
            .zip(e.per_member)
            .enumerate()
            .map(|(i, (name, m))| {
                let text = m.map_or("Fix the settings above to see the estimate".into(), |m| m.text());
                view! { <li data-member=i><span class="storage-estimate__name">{name}": "</span>{text}</li> }
            })
            .collect_view()
    };
    let total = move || {
        let e = estimate.get();
        let mut s = e.total.text();
        if !e.complete {
            s.push_str(" (members with invalid settings left out)");
        }
        s
    };
    let assumed = move || estimate.with(|e| e.total.assumed_bitrate);
    view! {
        <section class="storage-estimate" aria-labelledby="storage-estimate-title">
            <h3 id="storage-estimate-title">"Storage per hour of streaming"</h3>
            <ul class="storage-estimate__members">{rows}</ul>
            <p class="storage-estimate__total" data-testid="storage-total" aria-live="polite">
                <strong>"Total: "</strong>{total}
            </p>
            <Show when=assumed>
                <p class="muted storage-estimate__note">{format!(
                    "Recording and replay of the passthrough assume {ASSUMED_INGEST_KBPS} kbit/s from your encoder; its real bitrate is known once it has published."
                )}</p>
            </Show>
        </section>
    }
}
