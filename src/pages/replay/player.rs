//! The replayer (`/replay/player`, alias `/live-replay/replayer`): plays a share link
//! (`?share=`) or an embed URL (`?streamname=&session=&from=&to=`) and only that range,
//! with keyboard-reachable controls (dashboard-ui.md §3.6, fixes from §3.7). Public: it
//! needs no sign-in.

use leptos::prelude::*;

use leptos::task::spawn_local;
use leptos_router::hooks::use_location;

use crate::components::feedback::use_document_title;

use super::common::{bucket, fetch_playlist, wait_for_playlist};
use super::controls::PlayerControls;
use super::hls::ensure_loaded;
use crate::domain::playlist::{nano_playlist, session_of_file};
use crate::domain::replay_player::{apply_from_to, query_param, resolve, ReplayTarget};
use crate::domain::replay_urls::{abr_playlist_url, playlist_url};

/// Reads the raw query (never form-decoded) and shows the replayer for it.
#[component]
pub fn ReplayerPage() -> impl IntoView {
    let location = use_location();
    use_document_title("nanoStream - Live Replay");
    move || {
        location.search.track();
        let search = web_sys::window()
            .and_then(|w| w.location().search().ok())
            .unwrap_or_default();
        let q = |k| query_param(&search, k);
        match resolve(q("share"), q("streamname"), q("session")) {
            Ok(target) => {
                let from = q("from").map(str::to_string);
                let to = q("to").map(str::to_string);
                view! { <Replayer target=target from=from to=to/> }.into_any()
            }
            Err(reason) => view! { <InvalidLink reason=reason/> }.into_any(),
        }
    }
}

#[component]
fn InvalidLink(reason: String) -> impl IntoView {
    view! {
        <main class="replayer replayer--invalid" data-state="invalid">
            <div class="replayer__overlay" role="alert">
                <h1>"This link is invalid"</h1>
                <p class="replayer__reason">{reason}</p>
            </div>
        </main>
    }
}

/// The playlist the replayer plays and the session it belongs to (§3.6 steps 4–5), from the
/// bucket `b`; `None` when the page went away while waiting.
async fn find_source(
    b: &str,
    t: &ReplayTarget,
    countdown: RwSignal<Option<u32>>,
) -> Option<(String, Option<i64>)> {
    let name = &t.stream_name;
    if let Some(s) = t.session {
        // A `-abr` name gets the session's multivariant playlist (`getResolvedHlsUrl`).
        let url = playlist_url(b, name, Some(s));
        wait_for_playlist(&url, countdown).await?;
        return Some((url, Some(s)));
    }
    // `findBestHlsUrl()`: the current ABR playlist when there is one, else the plain one.
    let plain = playlist_url(b, name, None);
    let abr = abr_playlist_url(b, name, None);
    let url = match fetch_playlist(&abr).await {
        Ok(_) => abr,
        Err(_) => plain.clone(),
    };
    let current = wait_for_playlist(
        &playlist_url(b, contract::media::base_name(name), None),
        countdown,
    )
    .await?;
    let session = nano_playlist(&current).and_then(|f| session_of_file(&f));
    // Pin the session playlist so from/to offsets stay stable while the session grows.
    let url = match session {
        Some(s) if url == plain => playlist_url(b, name, Some(s)),
        _ => url,
    };
    Some((url, session))
}

/// The playlist to play and the target with its session and range placed, or why not.
async fn load(
    b: String,
    mut t: ReplayTarget,
    from: Option<String>,
    to: Option<String>,
    countdown: RwSignal<Option<u32>>,
) -> Result<(String, ReplayTarget), String> {
    let (url, session) = find_source(&b, &t, countdown)
        .await
        .ok_or_else(|| "the page was closed".to_string())?;
    t.session = session;
    if !t.from_share {
        match session {
            Some(s) => apply_from_to(&mut t, s, from.as_deref(), to.as_deref()),
            None if from.is_some() || to.is_some() => {
                return Err(
                    "this session has no start time, so the clip range cannot be placed".into(),
                )
            }
            None => {}
        }
    }
    Ok((url, t))
}

#[component]
fn Replayer(target: ReplayTarget, from: Option<String>, to: Option<String>) -> impl IntoView {
    let countdown = RwSignal::new(None::<u32>);
    // Read here, in the component's scope, where the session context is (a task has none).
    let b = bucket();
    // Fetch hls.js while the playlist is probed (the load is shared, see hls::ensure_loaded).
    spawn_local(async {
        let _ = ensure_loaded().await;
    });
    let found = LocalResource::new(move || {
        load(
            b.clone(),
            target.clone(),
            from.clone(),
            to.clone(),
            countdown,
        )
    });
    let state = move || match found.get() {
        None => "loading",
        Some(Ok(_)) => "ready",
        Some(Err(_)) => "error",
    };
    let waiting = move || {
        view! {
            <div class="replayer__overlay" role="status" aria-live="polite">
                <p class="replayer__loading">"Loading video"</p>
                {move || countdown.get().map(|n| view! {
                    <p class="replayer__retry">{format!("Replay not available yet. Trying again in {n} s…")}</p>
                })}
            </div>
        }
    };
    view! {
        <main class="replayer" data-state=state>
            <Suspense fallback=waiting>
                {move || Suspend::new(async move {
                    match found.await {
                        Ok((url, t)) => view! { <PlayerControls url=url target=t/> }.into_any(),
                        Err(reason) => view! { <InvalidLink reason=reason/> }.into_any(),
                    }
                })}
            </Suspense>
        </main>
    }
}
