//! The overview's Live Processing section (dashboard-ui.md §1.4.2, §1.4.5): "Edit Options"
//! (disabled with the reason for read-only roles, "Upgrade needed" without the package), the
//! pending-changes banner, per-stream tabs and the details table.

use leptos::prelude::*;

use super::edit_modal::EditModal;
use super::upgrade::UpgradeNeeded;
use crate::components::processing_table::ProcessingTable;
use crate::components::stream_tabs::{member_tab_names, StreamTabs};
use crate::domain::stream::Stream;
use crate::session::use_organisation;

#[component]
pub fn LiveProcessing(stream: Signal<Stream>, on_saved: Callback<Stream>) -> impl IntoView {
    let org = use_organisation();
    let org_now = move || org.get().and_then(|r| r.ok());
    let enabled = move || org_now().is_none_or(|o| o.features.processing.enabled);
    let can_edit = move || org_now().is_some_and(|o| o.can_edit());
    let reason = move || {
        org_now().filter(|o| !o.can_edit()).map(|o| {
            format!(
                "Your role ({}) cannot change processing settings",
                o.role.unwrap_or_default()
            )
        })
    };
    let tab = RwSignal::new(0usize);
    let names = member_tab_names(stream);
    let shown = move || {
        stream.with(|s| {
            s.members()
                .get(tab.get())
                .map(|m| (m.display_name(), m.name().to_string()))
                .unwrap_or_default()
        })
    };
    let open = RwSignal::new(false);
    view! {
        <section class="section live-processing" aria-labelledby="lp-title">
            <div class="section__head">
                <h2 id="lp-title">"Live Processing"</h2>
                <Show when=enabled>
                    <button type="button" class="btn btn--primary" id="edit-options"
                        disabled=move || !can_edit() title=reason aria-describedby="edit-reason"
                        on:click=move |_| open.set(true)>"✎ Edit Options"</button>
                    <span id="edit-reason" class="muted">{move || reason().unwrap_or_default()}</span>
                </Show>
            </div>
            <p class="section__desc">"Overview of enabled processing features and their respective settings, designed to enhance playback and content management."</p>
            <Show when=enabled fallback=|| view! { <UpgradeNeeded feature="Live Processing"/> }>
                <Show when=move || stream.with(|s| s.has_pending_processing())>
                    <div class="banner banner--info" role="status" data-testid="pending-banner">
                        "Settings changed: the changes apply when the stream is re-ingested (stop and restart the ingest)."
                    </div>
                </Show>
                <Show when=move || names.with(|n| n.len() > 1)>
                    <StreamTabs names active=tab id_prefix="lp" label="Streams of the group"/>
                </Show>
                <div class="card" role="tabpanel">
                    <h3>"Live Processing Details"</h3>
                    <p class="muted">{move || { let (d, n) = shown(); format!("Showing {d} stream with name {n}.") }}</p>
                    <Show when=move || stream.with(|s| s.members().get(tab.get()).is_some_and(|m| m.processing.is_empty()))>
                        <div class="empty-processing" data-testid="no-processing">
                            <p><strong>"Live Processing Disabled"</strong></p>
                            <p>"No live process is active on this stream yet. Recording and replay must be set before going live, or content is missed."</p>
                            <button type="button" class="btn btn--ghost" disabled=move || !can_edit() title=reason
                                on:click=move |_| open.set(true)>"Enable processing"</button>
                        </div>
                    </Show>
                    <ProcessingTable stream member=tab/>
                </div>
            </Show>
            <Show when=move || open.get()>
                <EditModal stream initial_tab=tab.get_untracked() on_close=Callback::new(move |_| open.set(false))
                    on_saved=Callback::new(move |s| { open.set(false); on_saved.run(s); })/>
            </Show>
        </section>
    }
}
