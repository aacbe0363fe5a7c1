//! Clip & Share (`/replay/clip?streamname=<name>[&session=<ms>]`): finds the session (the
//! `session` parameter, or the latest one through `#EXT-X-NANO-PLAYLIST`, retrying with a
//! visible countdown while there is none yet) and opens the clipping workspace on the
//! session playlist, pinned so that share offsets stay stable (dashboard-ui.md §3.5).

use leptos::prelude::*;

use leptos_router::hooks::use_location;

use crate::components::feedback::use_document_title;

use super::common::{bucket, wait_for_playlist};
use super::workspace::{ClipSource, ClipWorkspace};
use crate::domain::playlist::{nano_playlist, session_of_file};
use crate::domain::replay_player::query_param;
use crate::domain::replay_urls::{playlist_url, session_from_filename};
use crate::domain::urls::decode_component;

#[component]
pub fn ClipPage() -> impl IntoView {
    let location = use_location();
    use_document_title("nanoStream - Live Replay Demo");
    move || {
        location.search.track();
        let search = web_sys::window()
            .and_then(|w| w.location().search().ok())
            .unwrap_or_default();
        let name = query_param(&search, "streamname")
            .and_then(decode_component)
            .filter(|n| !n.trim().is_empty());
        let session = query_param(&search, "session")
            .and_then(decode_component)
            .and_then(|s| session_from_filename(&s));
        match name {
            Some(name) => view! { <ClipLoader name=name session=session/> }.into_any(),
            None => view! {
                <main class="clip-page">
                    <h1 class="clip-page__title">"Replay Stream"</h1>
                    <p role="alert">
                        "No stream name: open Clip & Share from a stream's overview, or add ?streamname=… to the address."
                    </p>
                </main>
            }
            .into_any(),
        }
    }
}

/// The session playlist to clip, found from the bucket `b`; `None` when the page went away.
async fn find_clip_source(
    b: String,
    name: String,
    session: Option<i64>,
    countdown: RwSignal<Option<u32>>,
) -> Option<ClipSource> {
    let pinned = |s: i64| ClipSource {
        url: playlist_url(&b, &name, Some(s)),
        session: Some(s),
        bucket: b.clone(),
        name: name.clone(),
    };
    if let Some(s) = session {
        return Some(pinned(s));
    }
    let current = playlist_url(&b, &name, None);
    let body = wait_for_playlist(&current, countdown).await?;
    Some(
        match nano_playlist(&body).and_then(|f| session_of_file(&f)) {
            Some(s) => pinned(s),
            // Unpinned: playable, but offsets would drift, so sharing is disabled.
            None => ClipSource {
                url: current,
                session: None,
                bucket: b.clone(),
                name: name.clone(),
            },
        },
    )
}

#[component]
fn ClipLoader(name: String, session: Option<i64>) -> impl IntoView {
    let countdown = RwSignal::new(None::<u32>);
    // Read here, in the component's scope, where the session context is (a task has none).
    let b = bucket();
    let n = name.clone();
    let source =
        LocalResource::new(move || find_clip_source(b.clone(), n.clone(), session, countdown));
    let waiting = move || {
        view! {
            <div class="clip-page__waiting" role="status" aria-live="polite">
                {move || match countdown.get() {
                    Some(n) => format!(
                        "There are no clips available for this stream yet. Trying again in {n} s…"
                    ),
                    None => "Looking for the latest session…".to_string(),
                }}
            </div>
        }
    };
    view! {
        <main class="clip-page">
            <h1 class="clip-page__title">
                "Replay Stream "
                <button type="button" class="btn btn--ghost btn--small" aria-label="Reload"
                    on:click=move |_| { let _ = window().location().reload(); }>"↺"</button>
            </h1>
            <p class="clip-page__stream">{name}</p>
            <Suspense fallback=waiting>
                {move || Suspend::new(async move {
                    source.await.map(|src| view! { <ClipWorkspace source=src/> })
                })}
            </Suspense>
        </main>
    }
}
