//! "Download MP4" in Clip & Share's share panel: the delivered range of the rendition being
//! watched, cut on keyframes like the panel's `-c copy` command and remuxed in the browser
//! (no re-encode) by `public/clip-download.js` with mediabunny. Both are loaded only on the
//! first click (a dynamic `import()`), so a visit that never downloads does not fetch them.
//! Progress, Cancel (an `AbortController`) and errors are shown here; the glue saves a file
//! only when it is complete.

use js_sys::{Array, Function, Object, Promise, Reflect};
use leptos::prelude::*;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use wasm_bindgen_futures::JsFuture;

use super::common::fetch_playlist;
use super::hls::replay_public;
use super::media::Media;
use super::segments::resolve;
use super::workspace::ClipSource;
use crate::domain::clip::ClipRange;
use crate::domain::clip_plan::{clip_file_name, plan};
use crate::domain::playlist::parse;

/// What one click asks for.
#[derive(Clone)]
struct Request {
    /// A media playlist, or a multivariant one (its first level is then cut).
    playlist: String,
    name: String,
    cue_in: f64,
    cue_out: f64,
}

/// The playlist of the rendition on screen: hls.js's playing (or chosen) level of an ABR
/// session, the page's playlist otherwise.
fn watched_playlist(source: &ClipSource, media: Media) -> String {
    let levels = media.levels.get_untracked();
    let pick = |i: i32| {
        usize::try_from(i)
            .ok()
            .and_then(|i| levels.get(i)?.url.clone())
    };
    if levels.len() > 1 {
        if let Some(url) =
            pick(media.playing_level.get_untracked()).or_else(|| pick(media.level.get_untracked()))
        {
            return url;
        }
    }
    source.url.clone()
}

fn set(obj: &Object, key: &str, value: &JsValue) {
    let _ = Reflect::set(obj, &key.into(), value);
}

/// How a click ended.
#[derive(Clone, Debug, PartialEq)]
enum Done {
    Saved(String),
    Cancelled,
    Failed(String),
}

/// What a rejection of the glue means for the user.
fn explain(err: &JsValue) -> Done {
    let get = |k: &str| {
        Reflect::get(err, &k.into())
            .ok()
            .and_then(|v| v.as_string())
    };
    match (get("name").as_deref(), get("message")) {
        (Some("AbortError"), _) => Done::Cancelled,
        (Some("ClipError"), Some(m)) => Done::Failed(m),
        (_, Some(m)) => Done::Failed(format!("The MP4 could not be made: {m}")),
        _ => Done::Failed("The MP4 could not be made.".into()),
    }
}

/// The sentence of a failure before the glue ran.
fn failed(e: &JsValue, what: &str) -> Done {
    let m = Reflect::get(e, &"message".into())
        .ok()
        .and_then(|v| v.as_string())
        .or_else(|| e.as_string())
        .unwrap_or_default();
    Done::Failed(format!("{what} ({m})."))
}

/// The global the glue sets when it has run (`window.nanoClipDownload`).
const GLUE_GLOBAL: &str = "nanoClipDownload";

/// Loads `public/clip-download.js` once, as a module `<script>` from this origin (what the
/// pages' Content-Security-Policy allows; `import()` through `new Function` would need
/// `'unsafe-eval'`), and returns its `downloadClip`.
async fn load_glue() -> Result<Function, JsValue> {
    let win: JsValue = web_sys::window().ok_or("no window")?.into();
    let present = || {
        Reflect::get(&win, &GLUE_GLOBAL.into())
            .ok()
            .and_then(|f| f.dyn_into::<Function>().ok())
    };
    if let Some(f) = present() {
        return Ok(f);
    }
    let doc = web_sys::window()
        .and_then(|w| w.document())
        .ok_or("no document")?;
    let script: web_sys::HtmlScriptElement = doc.create_element("script")?.unchecked_into();
    script.set_type("module");
    script.set_src(&replay_public("clip-download.js"));
    let loaded = Promise::new(&mut |resolve, reject| {
        script.set_onload(Some(&resolve));
        script.set_onerror(Some(&reject));
    });
    doc.head().ok_or("no head")?.append_child(&script)?;
    // A module script's load event comes after it has run.
    let outcome = JsFuture::from(loaded).await;
    script.remove();
    outcome.map_err(|_| JsValue::from(js_sys::Error::new("the script did not load")))?;
    present().ok_or_else(|| js_sys::Error::new("the script set no downloadClip").into())
}

async fn run(req: Request, signal: web_sys::AbortSignal, progress: RwSignal<f64>) -> Done {
    match cut_and_save(req, signal, progress).await {
        Ok(done) | Err(done) => done,
    }
}

async fn cut_and_save(
    req: Request,
    signal: web_sys::AbortSignal,
    progress: RwSignal<f64>,
) -> Result<Done, Done> {
    let unreadable =
        |e: String| Done::Failed(format!("The session playlist could not be loaded: {e}."));
    let mut url = req.playlist;
    let mut playlist = parse(&fetch_playlist(&url).await.map_err(unreadable)?);
    if let Some(level) = playlist.levels.first() {
        url = resolve(&url, &level.uri);
        playlist = parse(&fetch_playlist(&url).await.map_err(unreadable)?);
    }
    let cut = plan(&playlist, req.cue_in, req.cue_out).ok_or_else(|| {
        Done::Failed("The selected interval is not in the session's playlist.".into())
    })?;
    let file = clip_file_name(&req.name, req.cue_in, req.cue_out);
    let download = load_glue()
        .await
        .map_err(|e| failed(&e, "The MP4 writer could not be loaded"))?;
    let opts = Object::new();
    let urls: Array = cut
        .uris
        .iter()
        .map(|u| JsValue::from(resolve(&url, u)))
        .collect();
    set(&opts, "urls", &urls);
    set(&opts, "from", &cut.from.into());
    set(&opts, "to", &cut.to.into());
    set(&opts, "fileName", &file.clone().into());
    set(&opts, "signal", &signal);
    let on_progress = Closure::<dyn Fn(f64)>::new(move |f: f64| {
        progress.try_set(f);
    });
    set(&opts, "onProgress", on_progress.as_ref());
    let saved = match download.call1(&JsValue::NULL, &opts) {
        Ok(p) => JsFuture::from(p.unchecked_into::<Promise>()).await,
        Err(e) => Err(e),
    };
    drop(on_progress);
    let bytes = saved.map_err(|e| explain(&e))?.as_f64().unwrap_or(0.0);
    Ok(Done::Saved(format!(
        "Saved {file} ({:.1} MB).",
        bytes / 1e6
    )))
}

#[component]
pub fn ClipDownload(source: ClipSource, media: Media, range: RwSignal<ClipRange>) -> impl IntoView {
    let progress = RwSignal::new(0.0);
    let controller = StoredValue::new_local(None::<web_sys::AbortController>);
    let cancel = move || {
        controller.with_value(|c| {
            if let Some(c) = c {
                c.abort();
            }
        })
    };
    // Leaving the page cancels a download in progress.
    on_cleanup(move || {
        controller.try_with_value(|c| c.as_ref().map(web_sys::AbortController::abort));
    });
    let action = Action::new_local(move |req: &Request| {
        let req = req.clone();
        let ctrl = web_sys::AbortController::new().ok();
        controller.set_value(ctrl.clone());
        progress.set(0.0);
        async move {
            match ctrl {
                Some(c) => run(req, c.signal(), progress).await,
                None => Done::Failed(
                    "This browser cannot cancel downloads (no AbortController).".into(),
                ),
            }
        }
    });
    let pending = action.pending();
    let start = move |_| {
        if let Some((cue_in, cue_out)) = range.with_untracked(ClipRange::range) {
            action.dispatch_local(Request {
                playlist: watched_playlist(&source, media),
                name: source.name.clone(),
                cue_in,
                cue_out,
            });
        }
    };
    let no_range = move || range.with(|r| r.range().is_none());
    view! {
        <div class="share-box share-box--download" role="group" aria-label="Download MP4">
            <div class="share-box__caption">"Download MP4 of the delivered range (no ffmpeg needed)"</div>
            <div class="share-download">
                <button type="button" class="btn btn--primary" on:click=start
                    disabled=move || pending.get() || no_range()>"Download MP4"</button>
                <Show when=move || pending.get()>
                    <progress class="share-download__bar" max="1" value=move || progress.get().to_string()
                        aria-label="Preparing the MP4"></progress>
                    <span class="share-download__pct">{move || format!("{:.0} %", progress.get() * 100.0)}</span>
                    <button type="button" class="btn" on:click=move |_| cancel()>"Cancel"</button>
                </Show>
            </div>
            {move || match action.value().get() {
                _ if pending.get() => None,
                Some(Done::Saved(m)) => Some(view! { <p class="share-download__done" role="status">{m}</p> }.into_any()),
                Some(Done::Cancelled) => Some(view! {
                    <p class="share-download__done" role="status">"Cancelled: nothing was saved."</p>
                }.into_any()),
                Some(Done::Failed(e)) => Some(view! { <p class="share-download__error" role="alert">{e}</p> }.into_any()),
                None => no_range().then(|| view! {
                    <p class="share-box__placeholder">"Set a start and an end point to download the clip."</p>
                }.into_any()),
            }}
        </div>
    }
}
