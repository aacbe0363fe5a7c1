//! Attaches a source to a page's `<video>` once it is mounted (hls.js loaded on demand, native
//! HLS otherwise) and exposes what the controls need as signals: readiness, levels, the
//! selected level, and a fatal error sentence (a media error is recovered once first).

use std::rc::Rc;

use leptos::prelude::*;
use leptos::task::spawn_local;

use super::hls::{ensure_loaded, LevelInfo, Player, PlayerEvent};
use crate::domain::replay_player::explain_fatal;

#[derive(Clone, Copy)]
pub struct Media {
    pub video: NodeRef<leptos::html::Video>,
    pub ready: RwSignal<bool>,
    pub levels: RwSignal<Vec<LevelInfo>>,
    /// Selected level, -1 = Auto.
    pub level: RwSignal<i32>,
    /// The level actually playing.
    pub playing_level: RwSignal<i32>,
    pub error: RwSignal<Option<String>>,
    pub notice: RwSignal<Option<String>>,
    pub player: StoredValue<Option<Player>, LocalStorage>,
}

impl Media {
    pub fn element(&self) -> Option<web_sys::HtmlVideoElement> {
        self.video.get_untracked().map(|v| {
            let v: &web_sys::HtmlVideoElement = &v;
            v.clone()
        })
    }

    pub fn set_level(&self, level: i32) {
        self.player.with_value(|p| {
            if let Some(p) = p {
                p.set_level(level);
            }
        });
        self.level.set(level);
    }

    pub fn live_sync(&self) -> Option<f64> {
        self.player
            .with_value(|p| p.as_ref().and_then(Player::live_sync_position))
    }

    pub fn restart_load(&self, position: f64) {
        self.player.with_value(|p| {
            if let Some(p) = p {
                p.restart_load(position);
            }
        });
    }
}

/// Plays `url` with the hls.js options `config` on the `<video>` bound to the returned
/// `Media.video`; `on_ready` gets the element when the manifest is read.
pub fn use_media(
    url: String,
    config: serde_json::Value,
    on_ready: Callback<web_sys::HtmlVideoElement>,
) -> Media {
    let m = Media {
        video: NodeRef::new(),
        ready: RwSignal::new(false),
        levels: RwSignal::new(vec![]),
        level: RwSignal::new(-1),
        playing_level: RwSignal::new(-1),
        error: RwSignal::new(None),
        notice: RwSignal::new(None),
        player: StoredValue::new_local(None),
    };
    let loaded = RwSignal::new(false);
    spawn_local(async move {
        // Without hls.js the native path may still play; attach() decides.
        let _ = ensure_loaded().await;
        loaded.try_set(true);
    });
    Effect::new(move |done: Option<bool>| {
        if done == Some(true) || !loaded.get() {
            return done.unwrap_or(false);
        }
        let Some(video) = m.video.get() else {
            return false;
        };
        let handler: Rc<dyn Fn(PlayerEvent)> = Rc::new(move |ev| match ev {
            PlayerEvent::Ready { levels } => {
                m.levels.set(levels);
                m.ready.set(true);
                m.notice.set(None);
                if let Some(v) = m.element() {
                    on_ready.run(v);
                }
            }
            PlayerEvent::LevelSwitched(l) => m.playing_level.set(l),
            PlayerEvent::Recovering => m.notice.set(Some("Recovering from a media error…".into())),
            PlayerEvent::Fatal { kind, details, url } => {
                m.notice.set(None);
                m.error
                    .set(Some(explain_fatal(&kind, &details, url.as_deref())));
            }
        });
        match Player::attach(&video, &url, &config, handler) {
            Ok(p) => m.player.set_value(Some(p)),
            Err(e) => m.error.set(Some(e)),
        }
        true
    });
    on_cleanup(move || {
        m.player.try_update_value(|p| *p = None);
    });
    m
}
