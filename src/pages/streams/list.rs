//! `/stream`: the organisation's streams (one row per group), newest first, with state and
//! tag filters and paging kept in the URL so a filtered page can be bookmarked.

use contract::state::StreamState;
use leptos::prelude::*;
use leptos_router::hooks::{use_location, use_navigate};

use crate::components::feedback::{ErrorBanner, Loading};
use crate::components::state_badge::StateBadge;
use crate::domain::answers::{paging, probe_page, unreadable_notice, Paging};
use crate::domain::list_query::{ListFilter, PAGE_SIZES};
use crate::domain::paths;
use crate::domain::stream::Stream;
use crate::domain::time::{format_dashboard_utc, parse_iso};
use crate::session::use_api;

#[component]
pub fn StreamListPage() -> impl IntoView {
    let api = use_api();
    let location = use_location();
    let navigate = use_navigate();
    let filter = Memo::new(move |_| ListFilter::from_search(&location.search.get()));
    let streams = LocalResource::new(move || {
        let api = api.clone();
        let f = filter.get();
        async move {
            let list = api.list_streams(&f.query()).await?;
            let full = list.streams.len() as u32 >= f.page_size();
            let first = list.streams.first().map(|s| s.id.clone());
            // `page` is not documented: compare with a neighbouring page to see if it pages.
            let probe = match probe_page(f.page, full) {
                Some(p) => api
                    .list_streams(&f.with_page(p).query())
                    .await
                    .ok()
                    .map(|l| l.streams.first().map(|s| s.id.clone())),
                None => None,
            };
            let pager = paging(
                f.page,
                full,
                first.as_deref(),
                probe.as_ref().map(Option::as_deref),
            );
            Ok::<_, crate::api::ApiError>((list, pager))
        }
    });
    let go = move |f: ListFilter| navigate(&f.href(), Default::default());
    let go_state = go.clone();
    let go_tag = go.clone();
    let go_rm = go.clone();
    let go_size = go.clone();
    let tag_text = RwSignal::new(String::new());
    view! {
        <div class="page-head">
            <h1>"Streams"</h1>
            <a class="btn btn--primary" href=paths::stream_create()>"Create new Stream"</a>
        </div>
        <div class="filters" role="search">
            <div class="field field--inline">
                <label for="state-filter">"State"</label>
                <select id="state-filter" on:change=move |ev| {
                    let v = event_target_value(&ev);
                    go_state(filter.get_untracked().with_state(StreamState::parse(&v)));
                }>
                    <option value="" selected=move || filter.with(|f| f.state.is_none())>"All"</option>
                    {StreamState::FILTERS.iter().map(|&s| view! {
                        <option value=s.as_str() selected=move || filter.with(|f| f.state == Some(s))>{s.as_str().to_uppercase()}</option>
                    }).collect_view()}
                </select>
            </div>
            <div class="field field--inline">
                <label for="tag-filter">"Tag"</label>
                <input id="tag-filter" type="text" prop:value=move || tag_text.get()
                    aria-describedby="tag-filter-help"
                    on:input=move |ev| tag_text.set(event_target_value(&ev))
                    on:keydown=move |ev| if ev.key() == "Enter" {
                        ev.prevent_default();
                        let t = tag_text.get_untracked().trim().to_string();
                        if !t.is_empty() {
                            let f = filter.get_untracked();
                            let mut tags = f.tags.clone();
                            if !tags.contains(&t) { tags.push(t); }
                            tag_text.set(String::new());
                            go_tag(f.with_tags(tags));
                        }
                    }/>
                <span class="field__help" id="tag-filter-help">"Press Enter to filter by a tag (all tags must match)"</span>
            </div>
            <div class="field field--inline">
                <label for="per-page">"Rows per page"</label>
                <select id="per-page" on:change=move |ev| {
                    let n = event_target_value(&ev).parse().unwrap_or(0);
                    go_size(filter.get_untracked().with_per_page(n));
                }>
                    {PAGE_SIZES.iter().map(|n| view! {
                        <option value=n.to_string() selected=move || filter.with(|f| f.page_size() == *n)>{n.to_string()}</option>
                    }).collect_view()}
                </select>
            </div>
            <ul class="filters__tags" aria-label="Tag filters">
                {move || filter.get().tags.into_iter().map(|t| {
                    let go = go_rm.clone();
                    let v = t.clone();
                    view! { <li class="chip">{t.clone()}
                        <button type="button" class="chip__remove" aria-label=format!("Remove tag filter {t}")
                            on:click=move |_| { let f = filter.get_untracked(); go(f.with_tags(f.tags.iter().filter(|x| **x != v).cloned().collect())); }>"⊗"</button>
                    </li> }
                }).collect_view()}
            </ul>
        </div>
        <Suspense fallback=|| view! { <Loading what="streams"/> }>
            {move || Suspend::new(async move {
                match streams.await {
                    Ok((list, pager)) => view! {
                        <StreamTable streams=list.streams filter=filter.get_untracked() unreadable=list.unreadable paging=pager/>
                    }.into_any(),
                    Err(e) => view! { <ErrorBanner error=e/> }.into_any(),
                }
            })}
        </Suspense>
    }
}

/// The rows plus the pager. The API sends no total, so "Next" shows when a page is full
/// (unless `paging` says otherwise), and a notice counts the streams that could not be read.
#[component]
pub fn StreamTable(
    streams: Vec<Stream>,
    filter: ListFilter,
    #[prop(optional)] unreadable: usize,
    #[prop(optional)] paging: Option<Paging>,
) -> impl IntoView {
    let full = streams.len() as u32 >= filter.page_size();
    let paging = paging.unwrap_or(if full { Paging::Next } else { Paging::Last });
    let page = filter.page;
    let empty = streams.is_empty();
    view! {
        {unreadable_notice(unreadable).map(|n| view! { <p class="banner banner--info" role="status" data-testid="unreadable">{n}</p> })}
        {empty.then(|| view! { <p class="muted">"No streams match these filters."</p> })}
        <table class="stream-table" aria-label="Streams">
            <thead><tr>
                <th scope="col">"Stream"</th><th scope="col">"State"</th><th scope="col">"Created (UTC)"</th>
                <th scope="col">"Group"</th><th scope="col">"Tags"</th>
            </tr></thead>
            <tbody>
                {streams.into_iter().map(|s| {
                    let created = parse_iso(&s.created_at).map(format_dashboard_utc).unwrap_or_default();
                    let n = s.playout.h5live.len();
                    let group = if n > 1 { format!("Streamgroup ({n} Playouts)") } else { "No streamgroup".into() };
                    view! {
                        <tr>
                            <td><a href=paths::stream_overview(&s.id)>{s.id.clone()}</a>
                                <div class="muted">{s.ingest.rtmp.streamname.clone()}</div></td>
                            <td><StateBadge state=s.state.clone()/></td>
                            <td>{created}</td>
                            <td>{group}</td>
                            <td>{s.tags.iter().map(|t| view! { <span class="chip chip--small">{t.clone()}</span>" " }).collect_view()}</td>
                        </tr>
                    }
                }).collect_view()}
            </tbody>
        </table>
        <nav class="pager" aria-label="Pages">
            {(page > 1).then(|| view! { <a href=filter.with_page(page - 1).href() rel="prev">"‹ Previous"</a> })}
            <span>{format!("Page {page}")}</span>
            {(paging == Paging::Next).then(|| view! { <a href=filter.with_page(page + 1).href() rel="next">"Next ›"</a> })}
        </nav>
        {(paging == Paging::NotPaged).then(|| view! {
            <p class="muted" role="note" data-testid="no-paging">{format!(
                "This API does not page the stream list: showing its newest {} streams. Narrow the list with the filters, or show more rows per page.",
                filter.page_size())}</p>
        })}
    }
}
