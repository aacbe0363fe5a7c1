//! One tile of the live wall: the latest thumbnail (the motion clip while hovered or focused,
//! unless the viewer prefers reduced motion), "captured N s ago", state, tags and a link to
//! the overview. It reads its stream from the wall's tiles by id, so a poll that leaves it
//! unchanged leaves its DOM, and its image request, alone.

use leptos::prelude::*;

use crate::components::state_badge::StateBadge;
use crate::domain::live_wall::{Picture, Tile};
use crate::domain::paths;
use crate::domain::table_rules::captured_label;
use crate::domain::urls::cache_busted;

fn src(p: &Picture) -> String {
    cache_busted(&p.url, p.token)
}

#[component]
pub fn LiveTile(
    id: String,
    tiles: Memo<Option<Vec<Tile>>>,
    now: RwSignal<i64>,
    reduced_motion: bool,
) -> impl IntoView {
    let key = id.clone();
    let tile = Memo::new(move |_| {
        tiles.with(|t| {
            t.as_ref()
                .and_then(|v| v.iter().find(|x| x.id == key).cloned())
        })
    });
    let field =
        move |f: fn(&Tile) -> String| move || tile.with(|t| t.as_ref().map(f).unwrap_or_default());
    let thumb =
        Memo::new(move |_| tile.with(|t| t.as_ref().and_then(|t| t.thumbnail.as_ref().map(src))));
    let clip =
        Memo::new(move |_| tile.with(|t| t.as_ref().and_then(|t| t.motion_clip.as_ref().map(src))));
    let captured = Memo::new(move |_| {
        tile.with(|t| {
            t.as_ref()
                .and_then(|t| t.thumbnail.as_ref().map(|p| p.captured))
        })
    });
    let active = RwSignal::new(false);
    let failed = RwSignal::new(false);
    Effect::new(move |_| {
        thumb.track();
        failed.set(false);
    });
    let shown = move || {
        let motion = active.get() && !reduced_motion;
        match (
            motion.then(|| clip.get()).flatten(),
            thumb.get().filter(|_| !failed.get()),
        ) {
            (Some(gif), _) => view! { <img class="live-tile__img" src=gif alt=""/> }.into_any(),
            (None, Some(jpg)) => view! {
                <img class="live-tile__img" src=jpg alt="" on:error=move |_| failed.set(true)/>
            }
            .into_any(),
            (None, None) => {
                view! { <span class="live-tile__empty">"No thumbnail yet"</span> }.into_any()
            }
        }
    };
    let age = move || match captured.get() {
        Some(Some(at)) => captured_label(at, now.get()),
        Some(None) => "capture time unknown".into(),
        None => "waiting for the first thumbnail".into(),
    };
    let meta_id = format!(
        "live-tile-{}",
        id.replace(|c: char| !c.is_ascii_alphanumeric(), "-")
    );
    view! {
        <li class="live-tile card" data-stream=id.clone()
            on:mouseenter=move |_| active.set(true) on:mouseleave=move |_| active.set(false)
            on:focusin=move |_| active.set(true) on:focusout=move |_| active.set(false)>
            <a class="live-tile__link" href=paths::stream_overview(&id) aria-describedby=meta_id.clone()>
                <span class="live-tile__frame">{shown}</span>
                <span class="live-tile__name">{id.clone()}</span>
                <span class="live-tile__streamname muted">{field(|t| t.name.clone())}</span>
            </a>
            <div class="live-tile__meta" id=meta_id>
                <StateBadge state=Signal::derive(field(|t| t.state.clone()))/>
                " "
                <span class="live-tile__age">{age}</span>
                <ul class="live-tile__tags" aria-label="Tags">
                    {move || tile.with(|t| t.as_ref().map(|t| t.tags.clone()).unwrap_or_default())
                        .into_iter()
                        .map(|t| view! { <li class="chip chip--small">{t}</li> })
                        .collect_view()}
                </ul>
            </div>
        </li>
    }
}
