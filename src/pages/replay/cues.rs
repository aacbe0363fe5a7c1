//! ONE-CLICK SHARE and CUSTOM SHARE: the First/Last 10 s and 30 s buttons, Set Start Point and
//! Set End Point with editable `HH:MM:SS` fields (also `m:ss` and `+N`), the total length,
//! and inline messages where the demo used `alert` (dashboard-ui.md §3.5, §3.7 items 1–5, 10).

use leptos::prelude::*;

use crate::domain::clip::{first, last, ClipRange};
use crate::domain::cue_time::{format_cue, parse_cue};

/// What the cue controls need from the page.
#[derive(Clone, Copy)]
pub struct CueCtx {
    pub range: RwSignal<ClipRange>,
    /// The video's current time, read at the moment of the click.
    pub playhead: Callback<(), f64>,
    pub session: Option<i64>,
    pub offset: Signal<i32>,
    /// Inline validation message (role=alert).
    pub message: RwSignal<Option<String>>,
    pub set_in: Callback<f64>,
    pub set_out: Callback<f64>,
    /// Opens the share link of the current range.
    pub share: Callback<()>,
}

#[component]
fn CueField(ctx: CueCtx, is_in: bool) -> impl IntoView {
    let id = if is_in { "cue-in" } else { "cue-out" };
    let shown = move || {
        let r = ctx.range.get();
        let cue = if is_in { r.cue_in } else { r.cue_out };
        cue.map(|c| format_cue(c, ctx.session, ctx.offset.get()))
            .unwrap_or_default()
    };
    let on_change = move |ev: leptos::ev::Event| {
        let text = event_target_value(&ev);
        if text.trim().is_empty() {
            ctx.range.update(|r| {
                if is_in {
                    r.cue_in = None
                } else {
                    r.cue_out = None
                }
            });
            ctx.message.set(None);
            return;
        }
        match parse_cue(&text, ctx.session, ctx.offset.get_untracked()) {
            Ok(t) if is_in => ctx.set_in.run(t),
            Ok(t) => ctx.set_out.run(t),
            Err(e) => {
                ctx.message.set(Some(e));
                // Revert to the previous cue (the signal did not change, so force it).
                ctx.range.update(|_| {});
            }
        }
    };
    let label = if is_in { "Start point" } else { "End point" };
    view! {
        <label class="visually-hidden" for=id>{label}</label>
        <input id=id class="cue-field" type="text" placeholder="not set" autocomplete="off"
            prop:value=shown on:change=on_change
            aria-describedby="cue-help"/>
    }
}

#[component]
pub fn CueControls(ctx: CueCtx) -> impl IntoView {
    let one_click = move |r: Option<ClipRange>| match r {
        Some(r) => {
            ctx.range.set(r);
            ctx.message.set(None);
            ctx.share.run(());
        }
        None => ctx.message.set(Some(
            "The video has not played long enough before the playhead for this clip.".into(),
        )),
    };
    let total = move || ctx.range.with(ClipRange::total);
    view! {
        <section class="clip-box clip-box--oneclick" aria-labelledby="oneclick-h">
            <h2 id="oneclick-h" class="clip-box__caption">"One-click share"</h2>
            <button type="button" class="btn" on:click=move |_| one_click(Some(first(10.0)))>"First 10s"</button>
            <button type="button" class="btn" on:click=move |_| one_click(Some(first(30.0)))>"First 30s"</button>
            <button type="button" class="btn" title="The 10 seconds before the playhead"
                on:click=move |_| one_click(last(10.0, ctx.playhead.run(())))>"Last 10s"</button>
            <button type="button" class="btn" title="The 30 seconds before the playhead"
                on:click=move |_| one_click(last(30.0, ctx.playhead.run(())))>"Last 30s"</button>
        </section>
        <section class="clip-box clip-box--custom" aria-labelledby="custom-h">
            <h2 id="custom-h" class="clip-box__caption">"Custom share"</h2>
            <div class="clip-box__col">
                <button type="button" class="btn" id="set-in"
                    on:click=move |_| ctx.set_in.run(ctx.playhead.run(()))>"⇤ Set Start Point"</button>
                <CueField ctx=ctx is_in=true/>
            </div>
            <div class="clip-box__col">
                <button type="button" class="btn" id="set-out"
                    on:click=move |_| ctx.set_out.run(ctx.playhead.run(()))>"Set End Point ⇥"</button>
                <CueField ctx=ctx is_in=false/>
            </div>
            {move || total().map(|t| view! {
                <div class="clip-box__col">
                    <button type="button" class="btn" id="share-btn" on:click=move |_| ctx.share.run(())>"Share"</button>
                    <span class="info-chip" id="clip-total">{t}</span>
                </div>
            })}
            <p id="cue-help" class="clip-box__help">
                "Type a wall-clock time HH:MM:SS, a position m:ss, or +seconds from the session start."
            </p>
            {move || ctx.range.with(ClipRange::stretch_note).map(|n| view! { <p class="clip-box__note">{n}</p> })}
            {move || ctx.message.get().map(|m| view! { <p class="clip-box__message" role="alert">{m}</p> })}
        </section>
    }
}
