//! A thumbnail or motion-clip preview: the image with a cache-busting token, a Refresh
//! button, "captured N s ago", and a placeholder instead of a broken image. With `still`
//! (the viewer prefers reduced motion) an animated GIF shows its first frame until the
//! preview is hovered or focused (dashboard-ui.md §4, WCAG 2.2.2). With `no_video` (the
//! newest session carried no video) it says "No video in this session" and why.

use leptos::prelude::*;
use wasm_bindgen::JsCast;

use crate::domain::session_tracks::NO_VIDEO;
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
    /// Show a still frame until hovered or focused.
    #[prop(into, optional)]
    still: Signal<bool>,
    /// Why there is no picture to show (`domain::session_tracks::no_video_note`).
    #[prop(into, optional)]
    no_video: Signal<Option<String>>,
) -> impl IntoView {
    let failed = RwSignal::new(false);
    // A new URL or token is a new chance for the image to load.
    Effect::new(move |_| {
        url.track();
        token.track();
        failed.set(false);
    });
    let revealed = RwSignal::new(false);
    let placeholder = format!("{title} not available");
    let alt = format!("Latest {title}");
    let still_label = format!("{alt} (still frame: hover or focus to play)");
    let button = format!("Refresh {title}");
    let image = move || {
        if no_video.with(Option::is_some) {
            return None;
        }
        let u = url.get().filter(|_| !failed.get())?;
        let src = cache_busted(&u, token.get());
        Some(if still.get() && !revealed.get() {
            let canvas = NodeRef::<leptos::html::Canvas>::new();
            // The hidden image loads the file; its first frame is drawn once it has.
            view! {
                <img src=src hidden on:load=move |ev| draw_first_frame(&ev, canvas) on:error=move |_| failed.set(true)/>
                <canvas class="preview__img preview__still" node_ref=canvas
                    role="img" aria-label=still_label.clone()></canvas>
            }
            .into_any()
        } else {
            view! {
                <img class="preview__img" src=src alt=alt.clone() on:error=move |_| failed.set(true)/>
            }
            .into_any()
        })
    };
    view! {
        <section class="preview card" aria-label=title.clone()
            on:mouseenter=move |_| revealed.set(true) on:mouseleave=move |_| revealed.set(false)
            on:focusin=move |_| revealed.set(true) on:focusout=move |_| revealed.set(false)>
            <div class="preview__head">
                <h3>{title.clone()}</h3>
                <button type="button" class="btn btn--primary btn--small" on:click=move |_| on_refresh.run(())>{button}</button>
            </div>
            // Focusable in still mode, and stable while the still and the GIF swap inside it,
            // so focus is not lost by the swap it causes.
            <div class="preview__frame" tabindex=move || still.get().then_some("0")>
                {move || image().unwrap_or_else(|| {
                    let text = if no_video.with(Option::is_some) { NO_VIDEO.to_string() } else { placeholder.clone() };
                    view! { <div class="preview__empty" role="img" aria-label=text.clone()>{text.clone()}</div> }.into_any()
                })}
            </div>
            <p class="preview__age">
                {move || match no_video.get() {
                    Some(note) => note,
                    None if url.with(Option::is_some) && !failed.get() => captured.get(),
                    None => empty_hint.get(),
                }}
            </p>
        </section>
    }
}

/// Copies the loaded image's current (for an image never shown: first) frame to the canvas.
fn draw_first_frame(ev: &leptos::ev::Event, canvas: NodeRef<leptos::html::Canvas>) {
    let (Some(img), Some(canvas)) = (
        ev.target()
            .and_then(|t| t.dyn_into::<web_sys::HtmlImageElement>().ok()),
        canvas.get_untracked(),
    ) else {
        return;
    };
    canvas.set_width(img.natural_width());
    canvas.set_height(img.natural_height());
    let ctx = canvas.get_context("2d").ok().flatten();
    if let Some(ctx) = ctx.and_then(|c| c.dyn_into::<web_sys::CanvasRenderingContext2d>().ok()) {
        let _ = ctx.draw_image_with_html_image_element(&img, 0.0, 0.0);
    }
}
