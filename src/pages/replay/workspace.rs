//! The clipping workspace: the session video (native controls as in the demo), ⇤ 30 / wall
//! clock / from live / 30 ⇥, the timeline with segment boundaries, clip and `-c copy` range
//! and thumbnails, the cue controls, the share panel, and keyboard shortcuts announced to
//! screen readers.

use crate::browser::key_context;
use leptos::prelude::*;

use super::common::{local_offset_minutes, origin, signed_in_api};
use super::cues::{CueControls, CueCtx};
use super::download::ClipDownload;
use super::media::use_media;
use super::quality::QualitySelect;
use super::segments::{load_thumbs, watch_playlist};
use crate::components::share_panel::{SharePanel, ShareStrings};
use crate::components::timeline::Timeline;
use crate::config;
use crate::domain::clip::{shortcut, ClipRange, Shortcut};
use crate::domain::cue_time::{format_cue, format_duration, zone_label};
use crate::domain::playlist::copy_cut;
use crate::domain::replay_player::{from_live, hls_config};
use crate::domain::replay_urls as ru;
use crate::domain::runtime_config::official_share_url;

/// The playlist the workspace plays.
#[derive(Clone, Debug, PartialEq)]
pub struct ClipSource {
    pub url: String,
    pub session: Option<i64>,
    pub bucket: String,
    pub name: String,
}

/// `official`: the official replayer page when the console points at the real cloud.
fn share_strings(
    src: &ClipSource,
    range: Option<(f64, f64)>,
    official: Option<&str>,
) -> ShareStrings {
    let Some((a, b)) = range else {
        return ShareStrings::default();
    };
    let cfg = ru::ReplayConfig::ours(&src.bucket, &origin());
    let (n, s) = (src.name.as_str(), src.session);
    let embed = ru::embed_url(&cfg, n, a, b, s);
    // On the real cloud the official replayer itself; elsewhere its path on this origin.
    let official = match official {
        Some(r) => official_share_url(r, n, a, b, s),
        None => ru::share_url(&cfg.with_official_path(), n, a, b, s),
    };
    ShareStrings {
        share: ru::share_url(&cfg, n, a, b, s),
        official_share: official,
        iframe: embed.as_deref().map(ru::iframe_snippet),
        embed,
        ffmpeg: ru::ffmpeg_command(&src.bucket, n, a, b, s),
        ffmpeg_named: ru::ffmpeg_command_named(&src.bucket, n, a, b, s),
    }
}

#[component]
pub fn ClipWorkspace(source: ClipSource) -> impl IntoView {
    let session = source.session;
    let use_utc = RwSignal::new(false);
    let local = session.map_or(0, local_offset_minutes);
    let offset = Signal::derive(move || if use_utc.get() { 0 } else { local });
    let position = RwSignal::new(0.0);
    let duration = RwSignal::new(0.0);
    let range = RwSignal::new(ClipRange::default());
    let message = RwSignal::new(None::<String>);
    let status = RwSignal::new(String::new());
    let playlist = watch_playlist(source.url.clone());
    let thumbs = load_thumbs(&source.bucket, &source.name, session);
    let on_ready = Callback::new(move |v: web_sys::HtmlVideoElement| {
        v.set_muted(true);
        let _ = v.play();
    });
    let m = use_media(source.url.clone(), hls_config(None, None), on_ready);
    let clock = move |t: f64| format_cue(t, session, offset.get());
    let seek = move |t: f64| {
        if let Some(v) = m.element() {
            let d = v.duration();
            let max = if d.is_finite() { d } else { f64::MAX };
            v.set_current_time(t.clamp(0.0, max));
        }
    };
    let set_in = Callback::new(move |t: f64| {
        let mut r = range.get_untracked();
        match r.set_in(t) {
            Ok(()) => {
                range.set(r);
                message.set(None);
                status.set(format!("Start point set at {}", clock(t.max(0.0))));
            }
            Err(e) => message.set(Some(e)),
        }
    });
    let set_out = Callback::new(move |t: f64| {
        let mut r = range.get_untracked();
        match r.set_out(t) {
            Ok(()) => {
                range.set(r);
                message.set(None);
                status.set(format!("End point set at {}", clock(t)));
            }
            Err(e) => message.set(Some(e)),
        }
    });
    let src = source.clone();
    let download_src = source.clone();
    let official = config::get().official_replayer(signed_in_api().as_deref());
    let strings =
        Memo::new(move |_| share_strings(&src, range.with(ClipRange::range), official.as_deref()));
    let share = Callback::new(move |_| match strings.with(|s| s.share.clone()) {
        Some(url) if session.is_some() => {
            let _ = window().open_with_url_and_target(&url, "share");
        }
        _ => message.set(Some(
            "Please set both the start and the end point before sharing.".into(),
        )),
    });
    // The element's time, not the last `timeupdate` (up to 250 ms old).
    let playhead = Callback::new(move |_: ()| {
        m.element()
            .map_or(position.get_untracked(), |v| v.current_time())
    });
    let ctx = CueCtx {
        range,
        playhead,
        session,
        offset,
        message,
        set_in,
        set_out,
        share,
    };
    let handle = window_event_listener(leptos::ev::keydown, move |ev| {
        let (typing, mods) = key_context(&ev);
        let t = playhead.run(());
        match shortcut(&ev.key(), typing, mods) {
            Some(Shortcut::TogglePlay) => {
                if let Some(v) = m.element() {
                    if v.paused() {
                        let _ = v.play();
                        status.set("Playing".into());
                    } else {
                        let _ = v.pause();
                        status.set("Paused".into());
                    }
                }
            }
            Some(Shortcut::Seek(d)) => {
                seek(t + d);
                let dir = if d < 0.0 { "Back" } else { "Forward" };
                status.set(format!("{dir} {} s", d.abs()));
            }
            Some(Shortcut::SetIn) => set_in.run(t),
            Some(Shortcut::SetOut) => set_out.run(t),
            None => return,
        }
        ev.prevent_default();
    });
    on_cleanup(move || handle.remove());
    let cut = Signal::derive(move || {
        let (a, b) = range.with(ClipRange::range)?;
        playlist.with(|p| copy_cut(p.as_ref()?, a, b, None))
    });
    let ended = move || playlist.with(|p| p.as_ref().is_some_and(|p| p.ended));
    let no_share = Signal::derive(move || {
        session.is_none().then(|| {
            "This stream's current playlist names no session, so a clip could not be found again later: sharing is off.".to_string()
        })
    });
    view! {
        <div class="clip-work">
            <div class="clip-work__video">
                <video node_ref=m.video controls=true playsinline=true crossorigin="anonymous" prop:muted=true
                    on:timeupdate=move |_| position.set(m.element().map_or(0.0, |v| v.current_time()))
                    on:durationchange=move |_| duration.set(m.element().map_or(0.0, |v| v.duration()))
                    on:seeking=move |_| {
                        // A fragment error stops loading; a seek starts it again (as the demo).
                        if m.error.get_untracked().is_some() {
                            m.error.set(None);
                            m.restart_load(position.get_untracked());
                        }
                        if let Some(v) = m.element() {
                            if v.paused() { let _ = v.play(); }
                        }
                    }
                ></video>
            </div>
            {move || m.notice.get().map(|n| view! { <p class="clip-work__notice" role="status">{n}</p> })}
            {move || m.error.get().map(|e| view! { <p class="clip-work__error" role="alert">{e}</p> })}
            <div class="clip-work__nav">
                <button type="button" class="btn" aria-label="Back 30 seconds"
                    on:click=move |_| seek(position.get_untracked() - 30.0)>"⇤ 30"</button>
                <span class="clip-work__clock" id="wall-clock">{move || clock(position.get())}</span>
                {session.map(|_| view! { <span class="clip-work__zone">{move || zone_label(offset.get())}</span> })}
                <span class="clip-work__live" id="from-live">{move || {
                    position.track();
                    from_live(m.live_sync(), position.get_untracked(), ended())
                }}</span>
                <button type="button" class="btn" aria-label="Forward 30 seconds"
                    on:click=move |_| seek(position.get_untracked() + 30.0)>"30 ⇥"</button>
                <QualitySelect media=m/>
                {session.map(|_| view! {
                    <label class="clip-work__zone">
                        <input type="checkbox" prop:checked=use_utc on:change=move |_| use_utc.update(|v| *v = !*v)/>
                        " Show UTC"
                    </label>
                })}
            </div>
            <Timeline
                label="Session timeline"
                window=Signal::derive(move || (0.0, duration.get().max(position.get())))
                position=position
                value_text=Signal::derive(move || format!("{}, {} into the session", clock(position.get()), format_duration(position.get())))
                boundaries=Signal::derive(move || playlist.with(|p| p.as_ref().map(|p| p.segments.iter().map(|s| s.start).collect()).unwrap_or_default()))
                clip=Signal::derive(move || range.with(ClipRange::range))
                cut=cut
                thumbs=thumbs
                on_seek=Callback::new(seek)
            />
            <CutNote range cut/>
            <CueControls ctx=ctx/>
            <SharePanel strings=strings.into() disabled_reason=no_share>
                <ClipDownload source=download_src media=m range=range/>
            </SharePanel>
            <KeyHelp/>
            <p class="visually-hidden" aria-live="polite" id="announce">{move || status.get()}</p>
        </div>
    }
}

/// What was asked for and what a `-c copy` cut delivers (it starts on a keyframe).
#[component]
fn CutNote(range: RwSignal<ClipRange>, cut: Signal<Option<(f64, f64)>>) -> impl IntoView {
    view! {
        <p class="clip-work__cut" id="cut-range"
            data-start=move || cut.get().map(|c| c.0.to_string())
            data-end=move || cut.get().map(|c| c.1.to_string())
            data-cue-in=move || range.with(|r| r.range().map(|c| c.0.to_string()))
            data-cue-out=move || range.with(|r| r.range().map(|c| c.1.to_string()))
        >{move || match (range.with(ClipRange::range), cut.get()) {
            (Some((a, b)), Some((s, e))) => format!(
                "Requested {}–{} ({}); a -c copy cut delivers {}–{} ({}), starting on the segment's keyframe.",
                format_duration(a), format_duration(b), format_duration(b - a),
                format_duration(s), format_duration(e), format_duration(e - s)
            ),
            _ => String::new(),
        }}</p>
    }
}

/// The workspace's keyboard shortcuts, folded away.
#[component]
fn KeyHelp() -> impl IntoView {
    view! {
        <details class="clip-work__keys">
            <summary>"Keyboard shortcuts"</summary>
            <p>"Space or K: play/pause · J / L: back / forward 10 s · ← / →: 1 s · I / O: set start / end point"</p>
        </details>
    }
}
