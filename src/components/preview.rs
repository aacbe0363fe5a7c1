//! A thumbnail or motion-clip preview: the image with a cache-busting token, a Refresh
//! button, "captured N s ago", and a placeholder instead of a broken image.

use leptos::prelude::*;

use crate::domain::urls::cache_busted;

#[component]
pub fn Preview(
    /// "Thumbnail" or "Motion Clip".
    #[prop(into)]
    title: String,
    #[prop(into)] url: Signal<Option<String>>,
    /// Changes on every refresh (epoch ms of the refresh).
    #[prop(into)]
    token: Signal<i64>,
    /// "captured 12 s ago", empty when unknown.
    #[prop(into)]
    captured: Signal<String>,
    on_refresh: Callback<()>,
    /// Shown under the placeholder, e.g. "Assets appear after the stream goes live".
    #[prop(into, optional)]
    empty_hint: Signal<String>,
) -> impl IntoView {
    let failed = RwSignal::new(false);
    // A new URL or token is a new chance for the image to load.
    Effect::new(move |_| {
        url.track();
        token.track();
        failed.set(false);
    });
    let placeholder = format!("{title} not available");
    let alt = format!("Latest {title}");
    let button = format!("Refresh {title}");
    view! {
        <section class="preview card" aria-label=title.clone()>
            <div class="preview__head">
                <h3>{title.clone()}</h3>
                <button type="button" class="btn btn--primary btn--small" on:click=move |_| on_refresh.run(())>{button}</button>
            </div>
            {move || match url.get().filter(|_| !failed.get()) {
                Some(u) => view! {
                    <img class="preview__img" src=cache_busted(&u, token.get()) alt=alt.clone()
                        on:error=move |_| failed.set(true)/>
                }.into_any(),
                None => view! { <div class="preview__empty" role="img" aria-label=placeholder.clone()>{placeholder.clone()}</div> }.into_any(),
            }}
            <p class="preview__age">
                {move || if url.with(Option::is_some) && !failed.get() { captured.get() } else { empty_hint.get() }}
            </p>
        </section>
    }
}
