//! The overview's Live Processing section (dashboard-ui.md §1.4.2, §1.4.5): "Edit Options"
//! (disabled with the reason for read-only roles, "Upgrade needed" without the package), the
//! pending-changes banner, per-stream tabs and the details table. The selected tab and the
//! expanded row live in the address (`?tab=live-processing&profile=N&process=…`, see
//! `domain::overview_link`), so a link can open them and a reload keeps them.

use leptos::prelude::*;
use leptos_router::hooks::{use_location, use_navigate, use_query_map};
use leptos_router::NavigateOptions;

use super::edit_modal::EditModal;
use super::upgrade::UpgradeNeeded;
use crate::components::processing_table::ProcessingTable;
use crate::components::stream_tabs::{member_tab_names, StreamTabs};
use crate::domain::overview_link::OverviewFocus;
use crate::domain::paths::with_search;
use crate::domain::process::ProcessKind;
use crate::domain::stream::Stream;
use crate::session::use_organisation;

#[component]
pub fn LiveProcessing(stream: Signal<Stream>, on_saved: Callback<Stream>) -> impl IntoView {
    let org = use_organisation();
    let org_now = move || org.get().and_then(|r| r.ok());
    let enabled = move || org_now().is_none_or(|o| o.processing_offered());
    // A failed organisation call does not block editing: the API's answer decides.
    let can_edit = move || match org.get() {
        Some(Ok(o)) => o.can_edit(),
        Some(Err(_)) => true,
        None => false,
    };
    let reason = move || {
        org_now().filter(|o| !o.can_edit()).map(|o| {
            format!(
                "Your role ({}) cannot change processing settings",
                o.role.unwrap_or_default()
            )
        })
    };
    let focus = link_focus(stream);
    let tab = RwSignal::new(focus.member);
    let expanded = RwSignal::new(focus.process.into_iter().collect::<Vec<_>>());
    follow_in_address(stream, tab, expanded, focus.live_processing);
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
                    <ProcessingTable stream member=tab open=expanded/>
                </div>
            </Show>
            <Show when=move || open.get()>
                <EditModal stream initial_tab=tab.get_untracked() on_close=Callback::new(move |_| open.set(false))
                    on_saved=Callback::new(move |s| { open.set(false); on_saved.run(s); })/>
            </Show>
        </section>
    }
}

/// Where the page's address points inside this section, read once when it opens.
fn link_focus(stream: Signal<Stream>) -> OverviewFocus {
    let query = use_query_map();
    let members = stream.with_untracked(|s| s.members().len());
    query.with_untracked(|q| {
        OverviewFocus::parse(
            q.get_str("tab"),
            q.get_str("profile"),
            q.get_str("process"),
            members,
        )
    })
}

/// Scrolls to the section when the link asked for it, then keeps the address in step with
/// the selected tab and the last expanded row (replacing the history entry: no back-button
/// trail of tab clicks).
fn follow_in_address(
    stream: Signal<Stream>,
    tab: RwSignal<usize>,
    expanded: RwSignal<Vec<ProcessKind>>,
    scroll: bool,
) {
    let navigate = use_navigate();
    let location = use_location();
    Effect::new(move |first: Option<()>| {
        if first.is_none() && scroll {
            if let Some(el) = document().get_element_by_id("lp-title") {
                el.scroll_into_view();
            }
        }
        let focus = OverviewFocus {
            member: tab.get(),
            process: expanded.with(|e| e.last().copied()),
            live_processing: true,
        };
        let href = focus.href(&stream.with_untracked(|s| s.id.clone()));
        let here = with_search(
            &location.pathname.get_untracked(),
            &location.search.get_untracked(),
        );
        // The plain overview address stays plain until the user picks something.
        let untouched = focus.member == 0 && focus.process.is_none() && !here.contains('?');
        if href != here && !untouched {
            let opts = NavigateOptions {
                replace: true,
                scroll: false,
                ..Default::default()
            };
            navigate(&href, opts);
        }
    });
}
