//! The overview header (state, created date in UTC, group chip, id) with its actions (Get
//! Instructions, lock/unlock, stop, delete, each confirmed and allowed by role), and the
//! ingest details.

use contract::state::StreamState;
use leptos::prelude::*;
use leptos_router::hooks::use_navigate;

use crate::api::StreamAction;
use crate::components::copy::CopyField;
use crate::components::feedback::ErrorBanner;
use crate::components::state_badge::StateBadge;
use crate::domain::paths;
use crate::domain::stream::Stream;
use crate::domain::time::{format_dashboard_utc, parse_iso};
use crate::session::{use_api, use_organisation};

fn confirm(question: &str) -> bool {
    web_sys::window()
        .and_then(|w| w.confirm_with_message(question).ok())
        .unwrap_or(false)
}

/// What a successful action leaves: the stream when the answer held one, or gone.
#[derive(Clone)]
enum Done {
    Changed(Option<Box<Stream>>),
    Deleted,
}

#[derive(Clone)]
enum Act {
    State(StreamAction),
    Delete,
}

#[component]
pub fn Header(
    stream: Signal<Stream>,
    on_changed: Callback<Stream>,
    /// After an action whose 2xx answer held no stream (the docs show no body).
    on_refetch: Callback<()>,
) -> impl IntoView {
    let api = use_api();
    let org = use_organisation();
    let navigate = use_navigate();
    // Only a role the API reported disables the actions: an organisation call that failed
    // (or an API without one) leaves the decision to the API's answer to the action.
    let admin = move || match org.get() {
        Some(Ok(o)) => o.can_administer(),
        Some(Err(_)) => true,
        None => false,
    };
    let role = move || {
        org.get()
            .and_then(|r| r.ok())
            .and_then(|o| o.role)
            .unwrap_or_default()
    };
    let reason =
        move || (!admin()).then(|| format!("Your role ({}) cannot change this stream", role()));
    let act = Action::new_local(move |a: &Act| {
        let api = api.clone();
        let a = a.clone();
        let id = stream.get_untracked().id;
        async move {
            match a {
                Act::State(s) => api
                    .stream_action(&id, s)
                    .await
                    .map(|s| Done::Changed(s.map(Box::new))),
                Act::Delete => api.delete_stream(&id).await.map(|_| Done::Deleted),
            }
        }
    });
    Effect::new(move |_| match act.value().get() {
        Some(Ok(Done::Changed(Some(s)))) => on_changed.run(*s),
        Some(Ok(Done::Changed(None))) => on_refetch.run(()),
        Some(Ok(Done::Deleted)) => navigate(&paths::stream_list(), Default::default()),
        _ => {}
    });
    let run = move |a: Act, question: &'static str| {
        if confirm(question) {
            act.dispatch(a);
        }
    };
    let created = move || {
        stream.with(|s| {
            parse_iso(&s.created_at)
                .map(format_dashboard_utc)
                .unwrap_or_default()
        })
    };
    let group = move || {
        let n = stream.with(|s| s.playout.h5live.len());
        if n > 1 {
            format!("✓ Streamgroup ({n} Playouts)")
        } else {
            "No streamgroup".into()
        }
    };
    let state = Signal::derive(move || stream.with(|s| s.state.clone()));
    let known = Memo::new(move |_| stream.with(Stream::known_state));
    let busy = move || act.pending().get();
    view! {
        <header class="overview-head">
            <div class="overview-head__meta">
                <StateBadge state/>
                <span>{move || format!("Created {}", created())}</span>
                <span class="chip">{group}</span>
            </div>
            <h1 class="overview-head__id">{move || stream.with(|s| s.id.clone())}</h1>
            <div class="overview-head__actions">
                <a class="btn btn--ghost" href=move || paths::stream_new(&stream.with(|s| s.id.clone()))>"Get Instructions"</a>
                {move || if known.get() == Some(StreamState::Locked) {
                    view! { <button type="button" class="btn btn--ghost" disabled=move || !admin() || busy() title=reason
                        on:click=move |_| run(Act::State(StreamAction::Unlock), "Unlock this stream so it can be ingested again?")>"Unlock Stream"</button> }.into_any()
                } else {
                    view! { <button type="button" class="btn btn--ghost" disabled=move || !admin() || busy() title=reason
                        on:click=move |_| run(Act::State(StreamAction::Lock), "Lock this stream? Ingest will be refused until it is unlocked.")>"Lock Stream"</button> }.into_any()
                }}
                <Show when=move || known.get() == Some(StreamState::Live)>
                    <button type="button" class="btn btn--danger" disabled=move || !admin() || busy() title=reason
                        on:click=move |_| run(Act::State(StreamAction::Stop), "Stop the live ingest now?")>"Stop Stream"</button>
                </Show>
                <button type="button" class="btn btn--danger" disabled=move || !admin() || busy() title=reason
                    on:click=move |_| run(Act::Delete, "Delete this stream? It disappears from the list.")>"Delete Stream"</button>
                <span class="visually-hidden" aria-live="polite">{move || reason().unwrap_or_default()}</span>
            </div>
            {move || act.value().get().and_then(|r| r.err()).map(|e| view! { <ErrorBanner error=e/> })}
        </header>
    }
}

#[component]
pub fn Ingest(stream: Signal<Stream>) -> impl IntoView {
    let url = Signal::derive(move || stream.with(|s| s.ingest.rtmp.url.clone()));
    let name = Signal::derive(move || stream.with(|s| s.ingest.rtmp.streamname.clone()));
    view! {
        <section class="section card" aria-labelledby="ingest-title">
            <h2 id="ingest-title">"Ingest"</h2>
            <dl class="facts">
                <dt>"RTMP INGEST URL"</dt><dd><CopyField label="RTMP ingest URL" value=url/></dd>
                <dt>"RTMP INGEST STREAMNAME"</dt><dd><CopyField label="RTMP ingest stream name" value=name/></dd>
            </dl>
        </section>
    }
}
