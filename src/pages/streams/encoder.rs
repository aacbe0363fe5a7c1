//! The overview's "Encoder" block (issue 11, item 3): the keyframe interval measured from the
//! passthrough's replay playlist, warnings when it makes the settings misleading, and the
//! fix. Owns the playlist fetch: once per session, and every `REFRESH_MS` while the stream is
//! live until enough segments are measured (a playlist of a long session is large).

use leptos::prelude::*;

use crate::api::media::fetch_text;
use crate::api::ApiError;
use crate::browser::origin;
use crate::domain::encoder_advice::{
    estimate, playlist_source, resolve, warnings, KeyframeEstimate, FIX,
};
use crate::domain::playlist::parse;
use crate::domain::replay_urls::bucket_for;
use crate::domain::stream::Stream;
use crate::domain::urls::cache_busted;
use crate::session::use_api;

/// Milliseconds between playlist fetches while live and not yet settled.
const REFRESH_MS: i64 = 15_000;
/// Segments after which a live session's estimate no longer changes meaningfully.
const SETTLED_SAMPLES: usize = 6;

/// Fetches and measures one playlist, following `#EXT-X-NANO-PLAYLIST` when the current
/// playlist only points at its session. `Ok(None)`: too few segments yet.
async fn measure(url: String, token: i64) -> Result<Option<KeyframeEstimate>, ApiError> {
    let mut p = parse(&fetch_text(&cache_busted(&url, token)).await?);
    if p.segments.is_empty() {
        if let Some(next) = p.nano_playlist.clone() {
            p = parse(&fetch_text(&cache_busted(&resolve(&url, &next), token)).await?);
        }
    }
    Ok(estimate(&p))
}

#[component]
pub fn EncoderAdvice(stream: Signal<Stream>, now: RwSignal<i64>) -> impl IntoView {
    let api = use_api();
    let bucket = bucket_for(Some(api.base_url()), &origin());
    let source = Memo::new(move |_| stream.with(|s| playlist_source(s, &bucket)));
    // The source whose estimate has enough segments: no more refreshes for it.
    let settled = RwSignal::new(None::<String>);
    let key = Memo::new(move |_| {
        let url = source.get()?;
        let live = stream.with(Stream::is_live);
        let round = if live && settled.with(|s| s.as_ref() != Some(&url)) {
            now.get() / REFRESH_MS
        } else {
            0
        };
        Some((url, round))
    });
    let fetched = LocalResource::new(move || {
        let key = key.get();
        async move {
            match key {
                Some((url, round)) => Some((url.clone(), measure(url, round).await)),
                None => None,
            }
        }
    });
    // The last answer, so a refresh never blanks the block.
    let last = RwSignal::new(None::<Result<Option<KeyframeEstimate>, ApiError>>);
    Effect::new(move |_| match fetched.get() {
        Some(Some((url, r))) => {
            if matches!(&r, Ok(Some(e)) if e.samples >= SETTLED_SAMPLES) {
                settled.set(Some(url));
            }
            last.set(Some(r));
        }
        Some(None) => last.set(None),
        None => {}
    });
    let processing = move || {
        stream.with(|s| {
            s.members()
                .first()
                .map(|m| m.processing.clone())
                .unwrap_or_default()
        })
    };
    let body = move || {
        match (source.with(Option::is_some), last.get()) {
        (false, _) => view! {
            <p class="muted" data-testid="keyframe-interval">"Keyframe interval: not measured. It is read from the replay of the passthrough; switch Replay on to see it."</p>
        }
        .into_any(),
        (true, Some(Ok(Some(e)))) => {
            let found = warnings(&e, &processing());
            view! {
                <p data-testid="keyframe-interval"><strong>{e.label()}</strong>
                    <span class="muted">{format!(" (measured on {} replay segments)", e.samples)}</span></p>
                {(!found.is_empty()).then(|| view! {
                    <div class="banner banner--warn" data-testid="encoder-warning">
                        <ul class="encoder__warnings">
                            {found.iter().map(|w| view! { <li>{w.text()}</li> }).collect_view()}
                        </ul>
                        <p><strong>"Fix: "</strong>{FIX}</p>
                    </div>
                })}
            }
            .into_any()
        }
        (true, _) => view! {
            <p class="muted" data-testid="keyframe-interval">"Keyframe interval: measured once the replay has a few segments."</p>
        }
        .into_any(),
    }
    };
    view! {
        <section class="section encoder" aria-labelledby="encoder-title">
            <h2 id="encoder-title">"Encoder"</h2>
            <div role="status">{body}</div>
        </section>
    }
}
