//! The "Edit Live Processing" modal (dashboard-ui.md §1.5): a native `<dialog>` opened with
//! `showModal()` (focus trap, Esc), tabs per member with the same cards, Sync across profiles,
//! the re-ingest note, Confirm/Cancel, and "Discard changes?" when leaving with edits.
//! A group is saved in one atomic `PUT /stream/{group}/processing` with one list per member.

use leptos::html::Dialog;
use leptos::prelude::*;

use crate::components::stream_tabs::member_tab_names;

use crate::components::feedback::ErrorBanner;
use crate::components::processing_editor::ProcessingEditor;
use crate::domain::process::Process;
use crate::domain::processing_form::MemberDraft;
use crate::domain::processing_sync::{differs, next_session_drafts};
use crate::domain::storage_estimate::stream_media;
use crate::domain::stream::Stream;
use crate::session::use_api;

#[component]
pub fn EditModal(
    stream: Signal<Stream>,
    initial_tab: usize,
    on_close: Callback<()>,
    on_saved: Callback<Stream>,
) -> impl IntoView {
    let api = use_api();
    let start = stream.with_untracked(next_session_drafts);
    let original = StoredValue::new(start.clone());
    let drafts = RwSignal::new(start);
    let active = RwSignal::new(initial_tab);
    let names = member_tab_names(stream);
    let dialog = NodeRef::<Dialog>::new();
    Effect::new(move |_| {
        if let Some(d) = dialog.get() {
            if !d.open() {
                let _ = d.show_modal();
            }
        }
    });
    let edited = move || {
        drafts.with(|d| {
            original
                .with_value(|o| d.len() != o.len() || d.iter().zip(o).any(|(a, b)| differs(a, b)))
        })
    };
    let valid = move || drafts.with(|d| d.iter().all(MemberDraft::is_valid));
    let save = Action::new_local(move |lists: &Vec<Vec<Process>>| {
        let api = api.clone();
        let lists = lists.clone();
        let s = stream.get_untracked();
        async move {
            if s.is_group() {
                api.set_group_processing(&s.id, &lists).await
            } else {
                let id = s
                    .members()
                    .first()
                    .map(|m| m.id.clone())
                    .unwrap_or(s.id.clone());
                api.set_processing(&id, lists.first().map(Vec::as_slice).unwrap_or(&[]))
                    .await
            }
        }
    });
    Effect::new(move |_| {
        if let Some(Ok(s)) = save.value().get() {
            // Closing the native dialog first returns focus to "Edit Options".
            if let Some(d) = dialog.get_untracked() {
                d.close();
            }
            on_saved.run(s);
        }
    });
    let close = move || {
        if !edited()
            || web_sys::window()
                .and_then(|w| w.confirm_with_message("Discard changes?").ok())
                .unwrap_or(false)
        {
            if let Some(d) = dialog.get_untracked() {
                d.close();
            }
            on_close.run(());
        }
    };
    let on_key = move |ev: leptos::ev::KeyboardEvent| {
        // Esc would close the dialog at once; ask first when there are edits.
        if ev.key() == "Escape" {
            ev.prevent_default();
            close();
        }
    };
    let on_confirm = move |_| {
        let lists: Result<Vec<_>, _> =
            drafts.with_untracked(|d| d.iter().map(MemberDraft::to_processes).collect());
        if let Ok(l) = lists {
            save.dispatch(l);
        }
    };
    let live = move || stream.with(Stream::is_live);
    view! {
        <dialog node_ref=dialog class="modal" aria-labelledby="edit-title" on:keydown=on_key>
            <h2 id="edit-title" class="modal__title">"Edit Live Processing"</h2>
            <p class="muted">"Update the enabled processing features and their respective settings."</p>
            <ProcessingEditor drafts names active id_prefix="edit"
                media=Signal::derive(move || stream.with(stream_media))/>
            <div class="modal__note">
                <p><em><strong>"Important Note"</strong>": To apply any changes, you must (re-)ingest your stream. If your stream is live, the modifications will only take effect once you stop and restart it."</em></p>
                <p><em>"* Secure access control is not available for these features."</em></p>
                <Show when=live>
                    <p class="banner banner--info" role="note">"This stream is live: changes apply when the stream is re-ingested."</p>
                </Show>
            </div>
            {move || save.value().get().and_then(|r| r.err()).map(|e| view! { <ErrorBanner error=e/> })}
            <div class="modal__buttons">
                <button type="button" class="btn btn--primary" id="confirm-changes"
                    disabled=move || !valid() || !edited() || save.pending().get()
                    aria-busy=move || save.pending().get().to_string()
                    on:click=on_confirm>
                    {move || if save.pending().get() { "Saving…" } else { "Confirm Changes" }}
                </button>
                <button type="button" class="btn btn--ghost" on:click=move |_| close()>"Cancel"</button>
            </div>
        </dialog>
    }
}
