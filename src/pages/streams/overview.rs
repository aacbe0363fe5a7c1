//! `/stream/:id`: the Stream Overview (dashboard-ui.md §1.4). Owns the stream resource and
//! its polling: every 5 s while live (every 15 s otherwise, so a new session clears the
//! pending banner), paused while the tab is hidden; previews refresh with a new token.

use std::time::Duration;

use leptos::prelude::*;
use leptos_router::hooks::use_params_map;

use super::header::{Header, Ingest};
use super::live_processing::LiveProcessing;
use crate::components::feedback::{ErrorBanner, Loading};
use crate::components::preview::Preview;
use crate::components::stream_tabs::StreamTabs;
use crate::domain::process::ProcessKind;
use crate::domain::stream::Stream;
use crate::domain::table_rules::{captured_label, member_assets};
use crate::session::use_api;

/// Recordings and replay sessions fetched per member.
const ASSET_LIMIT: u32 = 100;

fn now_ms() -> i64 {
    js_sys::Date::now() as i64
}

fn page_hidden() -> bool {
    web_sys::window()
        .and_then(|w| w.document())
        .is_some_and(|d| d.hidden())
}

#[component]
pub fn StreamOverviewPage() -> impl IntoView {
    let api = use_api();
    let params = use_params_map();
    let id = Memo::new(move |_| params.with(|p| p.get("id").unwrap_or_default()));
    let version = RwSignal::new(0u32);
    let resource = LocalResource::new(move || {
        let api = api.clone();
        let id = id.get();
        version.track();
        async move { api.get_stream(&id, Some(ASSET_LIMIT)).await }
    });
    // The last good answer, so a poll never blanks the page.
    let current = RwSignal::new(None::<Stream>);
    let error = RwSignal::new(None);
    Effect::new(move |_| match resource.get() {
        Some(Ok(s)) => {
            current.set(Some(s));
            error.set(None);
        }
        Some(Err(e)) => error.set(Some(e)),
        None => {}
    });
    let token = RwSignal::new(now_ms());
    let now = RwSignal::new(now_ms());
    let ticks = StoredValue::new(0u32);
    if let Ok(handle) = set_interval_with_handle(
        move || {
            now.set(now_ms());
            ticks.update_value(|t| *t += 1);
            let live = current.with_untracked(|c| c.as_ref().is_some_and(Stream::is_live));
            let every = if live { 5 } else { 15 };
            if !page_hidden() && ticks.get_value().is_multiple_of(every) {
                version.update(|v| *v += 1);
                if live {
                    token.set(now_ms());
                }
            }
        },
        Duration::from_secs(1),
    ) {
        on_cleanup(move || handle.clear());
    }
    let refresh = Callback::new(move |_| {
        token.set(now_ms());
        version.update(|v| *v += 1);
    });
    view! {
        {move || error.get().map(|e| view! { <ErrorBanner error=e/> })}
        {move || match current.get() {
            None => (error.get().is_none()).then(|| view! { <Loading what="stream"/> }).into_any(),
            Some(_) => view! { <Overview current token now refresh/> }.into_any(),
        }}
    }
}

#[component]
fn Overview(
    current: RwSignal<Option<Stream>>,
    token: RwSignal<i64>,
    now: RwSignal<i64>,
    refresh: Callback<()>,
) -> impl IntoView {
    let stream = Signal::derive(move || current.get().unwrap_or_default());
    let names = Signal::derive(move || {
        stream.with(|s| {
            s.members()
                .iter()
                .map(|m| m.display_name())
                .collect::<Vec<_>>()
        })
    });
    let tab = RwSignal::new(0usize);
    let asset_url = move |kind| {
        Signal::derive(move || {
            stream.with(|s| {
                let members = s.members();
                let m = members.get(tab.get())?;
                member_assets(s, m, kind).first().map(|a| a.url.clone())
            })
        })
    };
    let captured = Signal::derive(move || captured_label(token.get(), now.get()));
    let on_saved = Callback::new(move |s: Stream| current.set(Some(s)));
    view! {
        <Header stream on_changed=on_saved/>
        <Ingest stream/>
        <section class="section" aria-labelledby="previews-title">
            <h2 id="previews-title">"Previews"</h2>
            <Show when=move || names.with(|n| n.len() > 1)>
                <StreamTabs names active=tab id_prefix="preview" label="Stream of the previews"/>
            </Show>
            <div class="previews">
                <Preview title="Thumbnail" url=asset_url(ProcessKind::Thumbs) token captured on_refresh=refresh/>
                <Preview title="Motion Clip" url=asset_url(ProcessKind::Motionclip) token captured on_refresh=refresh/>
            </div>
        </section>
        <LiveProcessing stream on_saved/>
    }
}
