//! `/stream/new/:id`: "Easy instructions to your live stream" (dashboard-ui.md §1.3): the
//! RTMP ingest URL and stream name with copy buttons, the `bintu-local publish` command when
//! the API is the local one, and the way to the overview.

use leptos::prelude::*;
use leptos_router::hooks::use_params_map;

use crate::components::copy::CopyField;
use crate::components::feedback::{ErrorBanner, Loading};
use crate::domain::base_url::is_same_origin;
use crate::domain::paths;
use crate::domain::stream::Stream;
use crate::session::use_api;

#[component]
pub fn StreamInstructionsPage() -> impl IntoView {
    let api = use_api();
    let params = use_params_map();
    let id = move || params.with(|p| p.get("id").unwrap_or_default());
    let local = is_same_origin(api.base_url(), &crate::browser::origin());
    let stream = LocalResource::new(move || {
        let api = api.clone();
        let id = id();
        async move { api.get_stream(&id, Some(1)).await }
    });
    view! {
        <h1>"Easy instructions to your live stream"</h1>
        <Suspense fallback=|| view! { <Loading what="stream"/> }>
            {move || Suspend::new(async move {
                match stream.await {
                    Ok(s) => view! { <Instructions stream=s local/> }.into_any(),
                    Err(e) => view! { <ErrorBanner error=e/> }.into_any(),
                }
            })}
        </Suspense>
    }
}

#[component]
fn Instructions(stream: Stream, local: bool) -> impl IntoView {
    let rtmp = stream.ingest.rtmp.clone();
    let command = format!("bintu-local publish {} --url {}", rtmp.streamname, rtmp.url);
    view! {
        <a class="btn btn--primary" href=paths::stream_overview(&stream.id)>"See Stream Overview"</a>
        <section class="card section">
            <h2>"1. Start the Ingest"</h2>
            <dl class="facts">
                <dt>"RTMP INGEST URL"</dt>
                <dd><CopyField label="RTMP ingest URL" value=rtmp.url.clone()/></dd>
                <dt>"RTMP INGEST STREAMNAME"</dt>
                <dd><CopyField label="RTMP ingest stream name" value=rtmp.streamname.clone()/></dd>
            </dl>
            {local.then(|| view! {
                <div class="banner banner--info" data-testid="local-publish">
                    <p>"This is a local bintu-local API. Publish its test source with:"</p>
                    <CopyField label="publish command" value=command.clone()/>
                </div>
            })}
        </section>
        <section class="card section">
            <h2>"2. Stream Overview"</h2>
            <p>"Thumbnails, motion clips, recordings and replays appear on the overview once the stream is live."</p>
            <a href=paths::stream_overview(&stream.id)>{paths::stream_overview(&stream.id)}</a>
        </section>
    }
}
