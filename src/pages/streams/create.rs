//! `/stream/create`: Tag(s), up to three transcoding profiles, the Live Processing editor
//! with its summary, and "Create new Stream" (dashboard-ui.md §1.2). A failed create keeps
//! everything as typed and shows the API's message; success goes to `/stream/new/:id`.

use leptos::prelude::*;
use leptos_router::hooks::use_navigate;

use super::upgrade::UpgradeNeeded;
use crate::components::feedback::ErrorBanner;
use crate::components::processing_editor::ProcessingEditor;
use crate::components::tag_input::TagInput;
use crate::domain::new_stream;
use crate::domain::new_stream::NewStream;
use crate::domain::paths;
use crate::domain::processing_form::MemberDraft;
use crate::domain::storage_estimate::create_media;
use crate::domain::stream::member_label;
use crate::domain::transcoding::TranscodingProfile;
use crate::domain::transcoding::{
    active_slots, bitrate_errors, default_slots, fallback_profiles, profile_label, slot_available,
    toggle_slot, Slot,
};
use crate::session::{use_api, use_organisation};

#[component]
pub fn CreateStreamPage() -> impl IntoView {
    let api = use_api();
    let org = use_organisation();
    let navigate = use_navigate();
    let org_now = move || org.get().and_then(|r| r.ok()).unwrap_or_default();
    let loaded = move || org.get().is_some();

    let api_t = api.clone();
    let known = LocalResource::new(move || {
        let api = api_t.clone();
        async move { api.list_tags().await.unwrap_or_default() }
    });
    let api_p = api.clone();
    let profiles = LocalResource::new(move || {
        let api = api_p.clone();
        async move {
            match api.transcoding_profiles().await {
                Ok(p) if !p.is_empty() => p,
                _ => fallback_profiles(),
            }
        }
    });
    let profiles_now = Signal::derive(move || profiles.get().unwrap_or_else(fallback_profiles));

    let tags = RwSignal::new(Vec::<String>::new());
    let slots = RwSignal::new(default_slots());
    let drafts = RwSignal::new(vec![MemberDraft::default(); 4]);
    let active = RwSignal::new(0usize);
    // Unknown is not off: offered unless the organisation says the package is off.
    let transcoding_on = move || org_now().transcoding_offered();
    let processing_on = move || org_now().processing_offered();
    let members = Memo::new(move |_| {
        if transcoding_on() {
            1 + slots.with(|s| active_slots(s).len())
        } else {
            1
        }
    });
    // The tabs follow the checkboxes.
    Effect::new(move |_| {
        if active.get_untracked() >= members.get() {
            active.set(0);
        }
    });
    let names = Signal::derive(move || {
        (0..members.get() as u32)
            .map(member_label)
            .collect::<Vec<_>>()
    });
    let media = Signal::derive(move || {
        slots.with(|s| profiles_now.with(|p| create_media(s, p, transcoding_on())))
    });
    // `drafts` keeps all three transcode tabs, so a tab's settings survive switching its
    // profile off and on; only the first `members` are shown, validated and sent.
    let editor_drafts = drafts;
    let create = Action::new_local(move |body: &NewStream| {
        let api = api.clone();
        let body = body.clone();
        async move { api.create_stream(&body).await }
    });
    Effect::new(move |_| {
        if let Some(Ok(s)) = create.value().get() {
            navigate(&paths::stream_new(&s.id), Default::default());
        }
    });
    let slot_errors =
        Signal::derive(move || slots.with(|s| bitrate_errors(s, &profiles_now.get())));
    let valid = move || {
        editor_drafts.with(|d| d.iter().take(members.get()).all(MemberDraft::is_valid))
            && slot_errors.with(|e| e.iter().all(Option::is_none))
    };
    let can_edit = move || org_now().can_edit();
    let disabled = move || !loaded() || !valid() || create.pending().get() || !can_edit();
    let on_submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        if disabled() {
            return;
        }
        create.dispatch(new_stream::build(
            &org_now(),
            tags.get_untracked(),
            &slots.get_untracked(),
            &editor_drafts.get_untracked(),
        ));
    };
    view! {
        <h1>"Create new nanoStream"</h1>
        <Show when=move || loaded() && !can_edit()>
            <p class="banner banner--info">{move || format!("Your role ({}) cannot create streams.", org_now().role.unwrap_or_default())}</p>
        </Show>
        <form class="create-stream" on:submit=on_submit novalidate>
            <section class="section">
                <h2>"Tag(s)"</h2>
                <p class="section__desc">"Add tag(s) that you can use to identify your stream more easily in the future."</p>
                <TagInput tags known=Signal::derive(move || known.get().unwrap_or_default())/>
            </section>
            <section class="section">
                <h2>"Transcoding Profile(s)"</h2>
                <p class="section__desc">"Add transcoding profiles to enable Adaptive Bitrate (ABR) for your stream."</p>
                {move || if transcoding_on() || !loaded() {
                    view! { <ProfileSlots slots profiles=profiles_now errors=slot_errors/> }.into_any()
                } else {
                    view! { <UpgradeNeeded feature="Transcoding"/> }.into_any()
                }}
            </section>
            <section class="section">
                <h2>"Live Processing"</h2>
                <p class="section__desc">"Add automated stream processing features for enhanced playback and content management."</p>
                {move || if processing_on() || !loaded() {
                    view! {
                        <ProcessingEditor drafts=editor_drafts names active summary=true id_prefix="create" media/>
                        <div class="banner banner--info">
                            <p><em>"*Additional charges may apply based on actual usage and package limits."</em></p>
                            <p><em>"*Secure access control is not available for these features."</em></p>
                        </div>
                    }.into_any()
                } else {
                    view! { <UpgradeNeeded feature="Live Processing"/> }.into_any()
                }}
            </section>
            {move || create.value().get().and_then(|r| r.err()).map(|e| view! { <ErrorBanner error=e/> })}
            <button type="submit" class="btn btn--primary" disabled=disabled aria-busy=move || create.pending().get().to_string()>
                {move || if create.pending().get() { "Creating…" } else { "Create new Stream" }}
            </button>
        </form>
    }
}

#[component]
fn ProfileSlots(
    slots: RwSignal<Vec<Slot>>,
    profiles: Signal<Vec<TranscodingProfile>>,
    errors: Signal<Vec<Option<String>>>,
) -> impl IntoView {
    view! {
        <div class="profile-slots">
            {(0..3usize).map(|i| {
                let on = move || slots.with(|s| s[i].on);
                let available = move || slots.with(|s| slot_available(s, i));
                let err = move || errors.with(|e| e.get(i).cloned().flatten());
                let cb_id = format!("profile-{i}-on");
                let sel_id = format!("profile-{i}");
                view! {
                    <div class="profile-slot field">
                        <label class="checkbox">
                            <input type="checkbox" id=cb_id prop:checked=on disabled=move || !available()
                                on:change=move |ev| { let v = event_target_checked(&ev); slots.update(|s| toggle_slot(s, i, v)); }/>
                            {format!("Add {}. Transcoding Profile", i + 1)}
                        </label>
                        <label class="visually-hidden" for=sel_id.clone()>{format!("{}. Transcoding Profile", i + 1)}</label>
                        <select id=sel_id disabled=move || !on()
                            aria-invalid=move || err().is_some().to_string()
                            aria-describedby=format!("profile-{i}-error")
                            on:change=move |ev| { let v = event_target_value(&ev); slots.update(|s| s[i].profile_id = v); }>
                            {move || profiles.get().into_iter().map(|p| {
                                let selected = slots.with_untracked(|s| s[i].profile_id == p.id);
                                view! { <option value=p.id.clone() selected=selected>{profile_label(&p)}</option> }
                            }).collect_view()}
                        </select>
                        <span class="field__error" id=format!("profile-{i}-error") aria-live="polite">{move || err().unwrap_or_default()}</span>
                    </div>
                }
            }).collect_view()}
        </div>
    }
}
