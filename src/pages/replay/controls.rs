//! The replayer's video and controls: plays only `[cueIn, cueOut]` (seeks are clamped, it
//! pauses at the end, Play at the end starts over), always-visible keyboard-reachable
//! buttons, a slider timeline, wall-clock times, and a quality select for ABR sessions.

use leptos::prelude::*;

use super::common::local_offset_minutes;
use super::media::use_media;
use super::quality::QualitySelect;
use crate::browser::key_context;
use crate::components::timeline::Timeline;
use crate::domain::clip::{shortcut, Shortcut};
use crate::domain::cue_time::{format_clock, format_duration, zone_label};
use crate::domain::replay_player::{clamp, hls_config, ReplayTarget};

#[component]
pub fn PlayerControls(url: String, target: ReplayTarget) -> impl IntoView {
    let (cue_in, cue_out) = (target.cue_in, target.cue_out);
    let session = target.session;
    let offset = session.map_or(0, local_offset_minutes);
    let position = RwSignal::new(cue_in);
    let duration = RwSignal::new(f64::NAN);
    let paused = RwSignal::new(true);
    let muted = RwSignal::new(true);
    let status = RwSignal::new(String::new());
    let clip_len = cue_out.is_finite().then_some(cue_out - cue_in);
    let on_ready = Callback::new(move |v: web_sys::HtmlVideoElement| {
        v.set_muted(true);
        if v.current_time() < cue_in {
            v.set_current_time(cue_in);
        }
        let _ = v.play();
    });
    let m = use_media(url, hls_config(Some(cue_in), clip_len), on_ready);
    let end = move || {
        let d = duration.get();
        if d.is_finite() {
            cue_out.min(d)
        } else if cue_out.is_finite() {
            cue_out
        } else {
            cue_in + 1.0
        }
    };
    let seek = move |t: f64| {
        if let Some(v) = m.element() {
            v.set_current_time(clamp(t, cue_in, end()));
        }
    };
    let toggle = move || {
        let Some(v) = m.element() else { return };
        if v.paused() {
            if v.current_time() >= end() - 0.05 {
                v.set_current_time(cue_in);
            }
            let _ = v.play();
        } else {
            let _ = v.pause();
        }
    };
    let on_time = move |_| {
        let Some(v) = m.element() else { return };
        let t = v.current_time();
        if m.ready.get_untracked() && t >= cue_out {
            let _ = v.pause();
            v.set_current_time(cue_out);
            status.set("End of clip".into());
        }
        position.set(t.min(cue_out));
    };
    let on_seeking = move |_| {
        let Some(v) = m.element() else { return };
        let t = v.current_time();
        let c = clamp(t, cue_in, cue_out);
        if m.ready.get_untracked() && (c - t).abs() > 0.01 {
            v.set_current_time(c);
        }
        m.error.set(None);
    };
    // On the window, so the keys work before anything has focus (the page just opened).
    let keys = window_event_listener(leptos::ev::keydown, move |ev| {
        let (typing, mods) = key_context(&ev);
        match shortcut(&ev.key(), typing, mods) {
            Some(Shortcut::TogglePlay) => toggle(),
            Some(Shortcut::Seek(d)) => {
                seek(position.get_untracked() + d);
                status.set(format!(
                    "{} {} s",
                    if d < 0.0 { "Back" } else { "Forward" },
                    d.abs()
                ));
            }
            _ => return,
        }
        ev.prevent_default();
    });
    on_cleanup(move || keys.remove());
    let clock = move |t: f64| match session {
        Some(s) => format_clock(s, t, offset),
        None => format_duration(t - cue_in),
    };
    let fullscreen = move |_| {
        let doc = document();
        if doc.fullscreen_element().is_some() {
            doc.exit_fullscreen();
        } else if let Some(v) = m.element() {
            let el: &web_sys::Element = v.as_ref();
            let target = el.parent_element().unwrap_or_else(|| el.clone());
            let _ = target.request_fullscreen();
        }
    };
    view! {
        <div class="replayer__stage">
            <video
                class="replayer__video"
                node_ref=m.video
                playsinline=true
                crossorigin="anonymous"
                prop:muted=move || muted.get()
                on:timeupdate=on_time
                on:seeking=on_seeking
                on:durationchange=move |_| duration.set(m.element().map_or(f64::NAN, |v| v.duration()))
                on:play=move |_| paused.set(false)
                on:pause=move |_| paused.set(true)
                on:click=move |_| toggle()
            ></video>
            {move || (!m.ready.get() && m.error.with(Option::is_none)).then(|| view! {
                <div class="replayer__overlay replayer__overlay--soft" role="status">"Loading video"</div>
            })}
            {move || m.error.get().map(|e| view! {
                <div class="replayer__overlay" role="alert">
                    <p>{e}</p>
                    <button type="button" class="btn" on:click=move |_| { let _ = window().location().reload(); }>"Retry"</button>
                </div>
            })}
            <div class="replayer__bar" role="group" aria-label="Player controls">
                <button type="button" class="btn btn--small" aria-label=move || if paused.get() { "Play" } else { "Pause" }
                    on:click=move |_| toggle()>
                    {move || if paused.get() { "Play" } else { "Pause" }}
                </button>
                <button type="button" class="btn btn--small" on:click=move |_| muted.update(|v| *v = !*v)>
                    {move || if muted.get() { "Unmute" } else { "Mute" }}
                </button>
                <span class="replayer__time">{move || clock(position.get())}</span>
                <Timeline
                    label="Clip position"
                    window=Signal::derive(move || (cue_in, end()))
                    position=position
                    value_text=Signal::derive(move || format!("{}, {} into the clip", clock(position.get()), format_duration(position.get() - cue_in)))
                    on_seek=Callback::new(seek)
                />
                <span class="replayer__time">{move || clock(end())}</span>
                {session.map(|_| view! { <span class="replayer__zone">{zone_label(offset)}</span> })}
                <QualitySelect media=m/>
                <button type="button" class="btn btn--small" on:click=fullscreen>"Full Screen"</button>
            </div>
            {move || m.notice.get().map(|n| view! { <p class="replayer__notice" role="status">{n}</p> })}
            <p class="visually-hidden" aria-live="polite">{move || status.get()}</p>
        </div>
    }
}
