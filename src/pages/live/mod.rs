//! `/live`: the live wall (issue 11, item 2). Every live stream of the organisation as a tile
//! (`tile`), refreshed by one `GET /stream?state=live` per poll, every `POLL_SECONDS` while
//! the tab is visible (at once when it becomes visible again). A tile's image URL changes
//! only when its picture does, so unchanged images are not fetched again; tiles are keyed by
//! stream id, so a poll only touches the tiles that changed and focus stays where it was.

mod tile;

use std::time::Duration;

use leptos::prelude::*;
use leptos_router::hooks::{use_location, use_navigate};

use crate::browser::{now_ms, page_hidden, prefers_reduced_motion};
use crate::components::feedback::{ErrorBanner, Loading};
use crate::domain::live_wall::{self, Tile};
use crate::domain::stream::Stream;
use crate::session::use_api;
use tile::LiveTile;

/// Seconds between polls.
const POLL_SECONDS: u32 = 5;

#[component]
pub fn LiveWallPage() -> impl IntoView {
    let api = use_api();
    let location = use_location();
    let tags = Memo::new(move |_| live_wall::tags_of(&location.search.get()));
    let version = RwSignal::new(0u32);
    let answer = LocalResource::new(move || {
        let api = api.clone();
        let q = live_wall::query(&tags.get());
        version.track();
        async move { api.list_streams(&q).await }
    });
    // The last good answer, so a failed poll never empties the wall.
    let streams = RwSignal::new(None::<Vec<Stream>>);
    let error = RwSignal::new(None);
    Effect::new(move |_| match answer.get() {
        Some(Ok(list)) => {
            streams.set(Some(list.streams));
            error.set(None);
        }
        Some(Err(e)) => error.set(Some(e)),
        None => {}
    });
    let now = RwSignal::new(now_ms());
    poll(now, version);
    // Recomputed per answer only; equal tiles compare equal, so nothing downstream moves.
    let tiles = Memo::new(move |_| {
        streams.with(|s| s.as_ref().map(|l| live_wall::tiles(l, now.get_untracked())))
    });
    let reduced_motion = prefers_reduced_motion();
    let count = move || {
        tiles.with(|t| match t.as_ref().map(Vec::len) {
            None => String::new(),
            Some(0) if tags.with(Vec::is_empty) => "No stream is live.".into(),
            Some(0) => "No live stream has all these tags.".into(),
            Some(1) => "1 live stream".into(),
            Some(n) => format!("{n} live streams"),
        })
    };
    view! {
        <div class="page-head">
            <h1>"Live wall"</h1>
        </div>
        <TagFilter tags/>
        <p role="status" class="muted" data-testid="live-count">{count}</p>
        {move || error.get().map(|e| view! { <ErrorBanner error=e/> })}
        {move || (tiles.with(Option::is_none) && error.with(Option::is_none))
            .then(|| view! { <Loading what="live streams"/> })}
        <ul class="live-wall" aria-label="Live streams">
            <For each=move || tiles.get().unwrap_or_default() key=|t: &Tile| t.id.clone() let:t>
                <LiveTile id=t.id tiles now reduced_motion/>
            </For>
        </ul>
    }
}

/// The once-a-second clock ("captured N s ago") and the poll every `POLL_SECONDS` while the
/// tab is visible; a tab that becomes visible again polls at once.
fn poll(now: RwSignal<i64>, version: RwSignal<u32>) {
    let ticks = StoredValue::new(0u32);
    let was_hidden = StoredValue::new(false);
    if let Ok(handle) = set_interval_with_handle(
        move || {
            let hidden = page_hidden();
            if hidden {
                was_hidden.set_value(true);
                return;
            }
            now.set(now_ms());
            ticks.update_value(|t| *t += 1);
            if was_hidden.get_value() || ticks.get_value().is_multiple_of(POLL_SECONDS) {
                was_hidden.set_value(false);
                ticks.set_value(0);
                version.update(|v| *v += 1);
            }
        },
        Duration::from_secs(1),
    ) {
        on_cleanup(move || handle.clear());
    }
}

/// The tag filter as on the stream list: Enter adds a tag, ⊗ removes it; kept in the URL.
#[component]
fn TagFilter(tags: Memo<Vec<String>>) -> impl IntoView {
    let navigate = use_navigate();
    let go = move |t: Vec<String>| navigate(&live_wall::href(&t), Default::default());
    let go_rm = go.clone();
    let text = RwSignal::new(String::new());
    view! {
        <div class="filters" role="search">
            <div class="field field--inline">
                <label for="live-tag-filter">"Tag"</label>
                <input id="live-tag-filter" type="text" prop:value=move || text.get()
                    aria-describedby="live-tag-filter-help"
                    on:input=move |ev| text.set(event_target_value(&ev))
                    on:keydown=move |ev| if ev.key() == "Enter" {
                        ev.prevent_default();
                        let t = text.get_untracked().trim().to_string();
                        let mut all = tags.get_untracked();
                        if !t.is_empty() && !all.contains(&t) {
                            all.push(t);
                            text.set(String::new());
                            go(all);
                        }
                    }/>
                <span class="field__help" id="live-tag-filter-help">"Press Enter to show only streams with this tag (all tags must match)"</span>
            </div>
            <ul class="filters__tags" aria-label="Tag filters">
                {move || tags.get().into_iter().map(|t| {
                    let go = go_rm.clone();
                    let v = t.clone();
                    view! { <li class="chip">{t.clone()}
                        <button type="button" class="chip__remove" aria-label=format!("Remove tag filter {t}")
                            on:click=move |_| go(tags.get_untracked().into_iter().filter(|x| *x != v).collect())>"⊗"</button>
                    </li> }
                }).collect_view()}
            </ul>
        </div>
    }
}
