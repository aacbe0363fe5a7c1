//! `/stream/:id`: the Stream Overview (dashboard-ui.md §1.4). Owns the stream resource and
//! its polling: every 5 s (so previews, new sessions and the end of pending settings show
//! without a reload), paused while the tab is hidden; previews refresh with a new token.
//! A poll that brings a session newer than the page opened with says "New session available".

use std::time::Duration;

use leptos::prelude::*;
use leptos_router::hooks::use_params_map;

use super::encoder::EncoderAdvice;
use super::header::{Header, Ingest};
use super::live_processing::LiveProcessing;
use crate::api::media::fetch_text;
use crate::api::ApiError;
use crate::browser::{now_ms, page_hidden, prefers_reduced_motion};
use crate::components::feedback::{ErrorBanner, Loading};
use crate::components::preview::Preview;
use crate::components::stream_tabs::{member_tab_names, StreamTabs};
use crate::domain::media_sessions;
use crate::domain::overview_link::{is_new_session, newest_session};
use crate::domain::paths;
use crate::domain::process::ProcessKind;
use crate::domain::session_tracks::no_video_note;
use crate::domain::stream::{Asset, Stream};
use crate::domain::table_rules::{captured_label, member_assets};
use crate::domain::time::{format_dashboard_utc, parse_iso};
use crate::domain::urls::cache_busted;
use crate::session::use_api;

/// Seconds between polls of the stream (state, sessions, pending settings, previews).
const POLL_SECONDS: u32 = 5;

/// Recordings and replay sessions fetched per member.
const ASSET_LIMIT: u32 = 100;

#[component]
pub fn StreamOverviewPage() -> impl IntoView {
    let api = use_api();
    let params = use_params_map();
    let id = Memo::new(move |_| params.with(|p| p.get("id").unwrap_or_default()));
    let version = RwSignal::new(0u32);
    // Replay sessions found in the media, kept while the stream is not live (they cannot
    // change then), so polls of an ended stream do not re-read its playlists.
    let found = StoredValue::new(None::<(String, String, Vec<Asset>)>);
    let resource = LocalResource::new(move || {
        let api = api.clone();
        let id = id.get();
        version.track();
        async move {
            let mut s = api.get_stream(&id, Some(ASSET_LIMIT)).await?;
            // `try_`: the page may be gone by the time the answer arrives (the user went
            // back); reading a disposed StoredValue would panic and kill the app.
            let cached = found
                .try_with_value(|f| {
                    f.as_ref()
                        .filter(|(i, state, _)| *i == s.id && *state == s.state && !s.is_live())
                        .map(|(_, _, a)| a.clone())
                })
                .flatten();
            let assets = match cached {
                Some(a) => a,
                None => {
                    let a = sessions_in_media(&s, api.base_url()).await;
                    let _ = found.try_set_value(Some((s.id.clone(), s.state.clone(), a.clone())));
                    a
                }
            };
            media_sessions::merge(&mut s, assets);
            Ok::<_, ApiError>(s)
        }
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
            if !page_hidden() && ticks.get_value().is_multiple_of(POLL_SECONDS) {
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
    // Mount the overview once per stream: a poll updates it in place, so focus, the selected
    // tab and expanded rows survive.
    let loaded = Memo::new(move |_| current.with(|c| c.as_ref().map(|s| s.id.clone())));
    view! {
        {move || error.get().map(|e| view! { <ErrorBanner error=e/> })}
        {move || match loaded.get() {
            None => (error.get().is_none()).then(|| view! { <Loading what="stream"/> }).into_any(),
            Some(_) => view! { <Overview current token now refresh/> }.into_any(),
        }}
    }
}

/// The replay sessions the media shows when the API lists none (`domain::media_sessions`).
async fn sessions_in_media(s: &Stream, api_base: &str) -> Vec<Asset> {
    let bucket = media_sessions::replay_bucket(s, api_base);
    let mut out = Vec::new();
    for p in media_sessions::probes(s, &bucket) {
        if let Ok(body) = fetch_text(&cache_busted(&p.url, now_ms())).await {
            out.extend(media_sessions::found(&p, &body, &bucket));
        }
    }
    out
}

#[component]
fn Overview(
    current: RwSignal<Option<Stream>>,
    token: RwSignal<i64>,
    now: RwSignal<i64>,
    refresh: Callback<()>,
) -> impl IntoView {
    let stream = Signal::derive(move || current.get().unwrap_or_default());
    let names = member_tab_names(stream);
    let tab = RwSignal::new(0usize);
    // The shown member's latest asset of a kind: its URL and capture time (`createdAt`).
    let latest = move |kind| {
        stream.with(|s| {
            let members = s.members();
            let m = members.get(tab.get())?;
            member_assets(s, m, kind)
                .first()
                .map(|a| (a.url.clone(), a.created_at.as_deref().and_then(parse_iso)))
        })
    };
    let asset_url = move |kind| Signal::derive(move || latest(kind).map(|(u, _)| u));
    let captured_of = move |kind| {
        Signal::derive(move || {
            let at = latest(kind).and_then(|(_, t)| t).unwrap_or(token.get());
            captured_label(at, now.get())
        })
    };
    let hint = Signal::derive(move || {
        stream.with(|s| {
            if s.is_live() {
                "Waiting for the first capture of this session".to_string()
            } else {
                "Assets appear after the stream goes live".to_string()
            }
        })
    });
    let no_video = Signal::derive(move || {
        stream.with(|s| {
            let members = s.members();
            no_video_note(s, members.get(tab.get())?)
        })
    });
    let on_saved = Callback::new(move |s: Stream| current.set(Some(s)));
    let reduced_motion = prefers_reduced_motion();
    view! {
        <Header stream on_changed=on_saved on_refetch=refresh/>
        <NewSession stream/>
        <Ingest stream/>
        <section class="section" aria-labelledby="previews-title">
            <h2 id="previews-title">"Previews"</h2>
            <Show when=move || names.with(|n| n.len() > 1)>
                <StreamTabs names active=tab id_prefix="preview" label="Stream of the previews"/>
            </Show>
            <div class="previews">
                <Preview title="Thumbnail" url=asset_url(ProcessKind::Thumbs) token captured=captured_of(ProcessKind::Thumbs) on_refresh=refresh empty_hint=hint no_video/>
                <Preview title="Motion Clip" url=asset_url(ProcessKind::Motionclip) token captured=captured_of(ProcessKind::Motionclip) on_refresh=refresh empty_hint=hint
                    no_video still=Signal::derive(move || reduced_motion)/>
            </div>
        </section>
        <EncoderAdvice stream now/>
        <LiveProcessing stream on_saved/>
    }
}

/// "New session available" once a poll brings a session newer than any the page opened with
/// (dashboard-ui.md §4), with a link to clip it; dismissable. The status region is always in
/// the page so that screen readers announce what appears in it.
#[component]
fn NewSession(stream: Signal<Stream>) -> impl IntoView {
    let at_open = stream.with_untracked(newest_session);
    let newest = Memo::new(move |_| stream.with(newest_session));
    let dismissed = RwSignal::new(None::<i64>);
    let fresh = move || {
        newest
            .get()
            .filter(|ms| is_new_session(at_open, Some(*ms)) && dismissed.get() != Some(*ms))
    };
    let name = move || stream.with(|s| s.members().first().map(|m| m.name().to_string()));
    view! {
        <div role="status" class="new-session">
            {move || fresh().map(|ms| view! {
                <div class="banner banner--info" data-testid="new-session">
                    <strong>"New session available"</strong>
                    {format!(": started {}. ", format_dashboard_utc(ms))}
                    {name().map(|n| view! { <a href=paths::replay_clip(&n, Some(ms))>"Clip & Share it"</a> })}
                    " "
                    <button type="button" class="btn btn--ghost btn--small" on:click=move |_| dismissed.set(Some(ms))>"Dismiss"</button>
                </div>
            })}
        </div>
    }
}
