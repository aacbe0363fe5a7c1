//! The one binding to hls.js (vendored from npm 1.7.4 into `public/vendor/`, loaded only by
//! the replay pages) and the native-HLS fallback. Pages get a `Player` that reports
//! `PlayerEvent`s; nothing else in the console touches `Hls`.

use std::cell::RefCell;
use std::rc::Rc;

use js_sys::{Array, Function, Promise, Reflect};
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use wasm_bindgen_futures::JsFuture;
use web_sys::HtmlVideoElement;

/// A file of `public/` as the replay pages' build serves it: `replay.html` copies `public/`
/// into its own output (`dist/replay-app/public/`), so that build needs nothing of the
/// console's.
pub fn replay_public(file: &str) -> String {
    format!("/{}/public/{file}", contract::pages::REPLAY_APP)
}

#[wasm_bindgen]
extern "C" {
    type Hls;

    #[wasm_bindgen(static_method_of = Hls, js_name = isSupported)]
    fn is_supported() -> bool;

    #[wasm_bindgen(constructor)]
    fn new(config: &JsValue) -> Hls;

    #[wasm_bindgen(method, js_name = loadSource)]
    fn load_source(this: &Hls, url: &str);

    #[wasm_bindgen(method, js_name = attachMedia)]
    fn attach_media(this: &Hls, media: &HtmlVideoElement);

    #[wasm_bindgen(method)]
    fn on(this: &Hls, event: &str, cb: &Function);

    #[wasm_bindgen(method, getter)]
    fn levels(this: &Hls) -> Array;

    #[wasm_bindgen(method, getter = currentLevel)]
    fn current_level(this: &Hls) -> i32;

    #[wasm_bindgen(method, setter = currentLevel)]
    fn set_current_level(this: &Hls, level: i32);

    #[wasm_bindgen(method, getter = autoLevelEnabled)]
    fn auto_level_enabled(this: &Hls) -> bool;

    #[wasm_bindgen(method, getter = liveSyncPosition)]
    fn live_sync_position(this: &Hls) -> Option<f64>;

    #[wasm_bindgen(method)]
    fn destroy(this: &Hls);

    #[wasm_bindgen(method, js_name = recoverMediaError)]
    fn recover_media_error(this: &Hls);

    #[wasm_bindgen(method, js_name = startLoad)]
    fn start_load(this: &Hls, position: f64);
}

thread_local! {
    static LOADING: RefCell<Option<Promise>> = const { RefCell::new(None) };
}

fn hls_present() -> bool {
    Reflect::has(&js_sys::global(), &"Hls".into()).unwrap_or(false)
}

/// Injects the hls.js `<script>` once and waits for it; `Err` when it cannot load.
pub async fn ensure_loaded() -> Result<(), String> {
    if hls_present() {
        return Ok(());
    }
    let promise = LOADING.with(|slot| {
        slot.borrow_mut()
            .get_or_insert_with(|| {
                Promise::new(&mut |resolve, reject| {
                    let doc = web_sys::window().and_then(|w| w.document());
                    let Some(doc) = doc else {
                        let _ = reject.call1(&JsValue::NULL, &"no document".into());
                        return;
                    };
                    let script: web_sys::HtmlScriptElement =
                        doc.create_element("script").unwrap().unchecked_into();
                    script.set_src(&replay_public("vendor/hls.min.js"));
                    script.set_onload(Some(&resolve));
                    script.set_onerror(Some(&reject));
                    if let Some(head) = doc.head() {
                        let _ = head.append_child(&script);
                    }
                })
            })
            .clone()
    });
    let loaded = JsFuture::from(promise).await;
    if loaded.is_err() {
        LOADING.with(|slot| slot.borrow_mut().take());
    }
    match loaded {
        Ok(_) if hls_present() => Ok(()),
        _ => Err("The video player (hls.js) could not be loaded.".into()),
    }
}

/// One quality level of an ABR playlist.
#[derive(Clone, Debug, PartialEq)]
pub struct LevelInfo {
    pub height: Option<u32>,
    pub bitrate: Option<u64>,
    /// The level's media playlist (absolute), what "Download MP4" cuts.
    pub url: Option<String>,
}

/// What the player reports to the page.
#[derive(Clone, Debug, PartialEq)]
pub enum PlayerEvent {
    /// The manifest is read; playback can start.
    Ready {
        levels: Vec<LevelInfo>,
    },
    LevelSwitched(i32),
    /// A fatal error the page should explain (`kind`/`details` are hls.js names).
    Fatal {
        kind: String,
        details: String,
        url: Option<String>,
    },
    /// A fatal media error that was handed to `recoverMediaError` (first time only).
    Recovering,
}

/// A playing source on a `<video>` (hls.js, or the browser's own HLS; the element's
/// `data-engine` says which). Dropping it destroys hls.js and its callbacks.
pub struct Player {
    hls: Option<Hls>,
    _callbacks: Vec<Closure<dyn FnMut(JsValue, JsValue)>>,
    _native: Option<Closure<dyn FnMut()>>,
}

fn get(v: &JsValue, key: &str) -> JsValue {
    Reflect::get(v, &key.into()).unwrap_or(JsValue::UNDEFINED)
}

impl Player {
    /// Plays `url` on `video` with `config` (an hls.js options object as JSON). hls.js is
    /// preferred; the browser's own HLS is used when MSE is missing (iOS Safari).
    pub fn attach(
        video: &HtmlVideoElement,
        url: &str,
        config: &serde_json::Value,
        on_event: Rc<dyn Fn(PlayerEvent)>,
    ) -> Result<Player, String> {
        if hls_present() && Hls::is_supported() {
            let cfg = js_sys::JSON::parse(&config.to_string()).map_err(|_| "bad player config")?;
            let hls = Hls::new(&cfg);
            let mut callbacks = Vec::new();
            let h2: Hls = hls.clone().unchecked_into();
            let ev = on_event.clone();
            let ready = Closure::<dyn FnMut(JsValue, JsValue)>::new(move |_e, _d| {
                let levels = h2
                    .levels()
                    .iter()
                    .map(|l| LevelInfo {
                        height: get(&l, "height").as_f64().map(|h| h as u32),
                        bitrate: get(&l, "bitrate").as_f64().map(|b| b as u64),
                        url: get(&l, "uri").as_string(),
                    })
                    .collect();
                ev(PlayerEvent::Ready { levels });
            });
            hls.on("hlsManifestParsed", ready.as_ref().unchecked_ref());
            callbacks.push(ready);
            let ev = on_event.clone();
            let switched = Closure::<dyn FnMut(JsValue, JsValue)>::new(move |_e, d| {
                let level = get(&d, "level").as_f64().unwrap_or(-1.0) as i32;
                ev(PlayerEvent::LevelSwitched(level));
            });
            hls.on("hlsLevelSwitched", switched.as_ref().unchecked_ref());
            callbacks.push(switched);
            let h3: Hls = hls.clone().unchecked_into();
            let ev = on_event;
            let recovered = Rc::new(std::cell::Cell::new(false));
            let error = Closure::<dyn FnMut(JsValue, JsValue)>::new(move |_e, d| {
                if !get(&d, "fatal").as_bool().unwrap_or(false) {
                    return;
                }
                let kind = get(&d, "type").as_string().unwrap_or_default();
                if kind == "mediaError" && !recovered.replace(true) {
                    h3.recover_media_error();
                    ev(PlayerEvent::Recovering);
                    return;
                }
                let url = get(&get(&d, "response"), "url")
                    .as_string()
                    .or_else(|| get(&d, "url").as_string());
                ev(PlayerEvent::Fatal {
                    kind,
                    details: get(&d, "details").as_string().unwrap_or_default(),
                    url,
                });
            });
            hls.on("hlsError", error.as_ref().unchecked_ref());
            callbacks.push(error);
            hls.load_source(url);
            hls.attach_media(video);
            let _ = video.set_attribute("data-engine", "hls.js");
            return Ok(Player {
                hls: Some(hls),
                _callbacks: callbacks,
                _native: None,
            });
        }
        if video
            .can_play_type("application/vnd.apple.mpegurl")
            .is_empty()
        {
            return Err("This browser cannot play HLS video.".into());
        }
        let ev = on_event;
        let meta = Closure::<dyn FnMut()>::new(move || ev(PlayerEvent::Ready { levels: vec![] }));
        video.set_onloadedmetadata(Some(meta.as_ref().unchecked_ref()));
        video.set_src(url);
        let _ = video.set_attribute("data-engine", "native");
        Ok(Player {
            hls: None,
            _callbacks: vec![],
            _native: Some(meta),
        })
    }

    pub fn set_level(&self, level: i32) {
        if let Some(h) = &self.hls {
            h.set_current_level(level);
        }
    }

    pub fn live_sync_position(&self) -> Option<f64> {
        self.hls.as_ref()?.live_sync_position()
    }

    /// Restarts loading after a fragment error, at `position`.
    pub fn restart_load(&self, position: f64) {
        if let Some(h) = &self.hls {
            h.start_load(position);
        }
    }
}

impl Drop for Player {
    fn drop(&mut self) {
        if let Some(h) = self.hls.take() {
            h.destroy();
        }
    }
}
