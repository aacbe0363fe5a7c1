//! The four option cards of one group member (Thumbnail, Motion Clip SD, Recording, Replay),
//! as on the create page and in the Edit modal (dashboard-ui.md §1.2.3, §1.5): a checkbox
//! per card, its fields when on, the allowed range as helper text and inline errors.

use leptos::prelude::*;

use crate::domain::process::{KindText, ProcessKind};
use crate::domain::processing_form::{fields, helper_text, Field, MemberDraft};

/// The cards of `drafts[member]`; edits write straight back into `drafts`.
#[component]
pub fn OptionCards(
    drafts: RwSignal<Vec<MemberDraft>>,
    /// Which member (tab) these cards edit.
    #[prop(into)]
    member: Signal<usize>,
    /// The member's name for labels ("Passthrough", "1. Transcode").
    #[prop(into)]
    name: Signal<String>,
) -> impl IntoView {
    view! {
        <div class="option-cards">
            {ProcessKind::ALL
                .into_iter()
                .map(|kind| view! { <OptionCard drafts member name kind/> })
                .collect_view()}
        </div>
    }
}

#[component]
fn OptionCard(
    drafts: RwSignal<Vec<MemberDraft>>,
    member: Signal<usize>,
    name: Signal<String>,
    kind: ProcessKind,
) -> impl IntoView {
    let enabled = Memo::new(move |_| {
        drafts.with(|d| d.get(member.get()).is_some_and(|m| m.card(kind).enabled))
    });
    let toggle_id = move || format!("pc-{}-{}", member.get(), kind.id());
    let desc_id = move || format!("pc-{}-{}-desc", member.get(), kind.id());
    let on_toggle = move |ev: leptos::ev::Event| {
        let on = event_target_checked(&ev);
        let m = member.get_untracked();
        drafts.update(|d| {
            if let Some(md) = d.get_mut(m) {
                md.card_mut(kind).enabled = on;
            }
        });
    };
    view! {
        <div class="option-card" class:option-card--on=move || enabled.get() data-kind=kind.id()>
            <div class="option-card__head">
                <input type="checkbox" id=toggle_id aria-describedby=desc_id
                    prop:checked=move || enabled.get() on:change=on_toggle/>
                <label for=toggle_id class="option-card__title">
                    {kind.label()}
                    <span class="visually-hidden">{move || format!(" for {}", name.get())}</span>
                </label>
            </div>
            <p class="option-card__desc" id=desc_id>{kind.description()}</p>
            <Show when=move || enabled.get()>
                <div class="option-card__fields">
                    {fields(kind)
                        .iter()
                        .map(|f| view! { <CardField drafts member kind field=*f/> })
                        .collect_view()}
                </div>
            </Show>
        </div>
    }
}

#[component]
fn CardField(
    drafts: RwSignal<Vec<MemberDraft>>,
    member: Signal<usize>,
    kind: ProcessKind,
    field: Field,
) -> impl IntoView {
    let fname = match field {
        Field::Interval => "interval",
        Field::Duration => "duration",
    };
    let id = move || format!("pc-{}-{}-{fname}", member.get(), kind.id());
    let err_id = move || format!("{}-error", id());
    let help_id = move || format!("{}-help", id());
    let value = move || {
        drafts.with(|d| {
            d.get(member.get())
                .map(|m| {
                    let c = m.card(kind);
                    match field {
                        Field::Interval => c.interval.clone(),
                        Field::Duration => c.duration.clone(),
                    }
                })
                .unwrap_or_default()
        })
    };
    let error = Memo::new(move |_| {
        drafts.with(|d| {
            d.get(member.get()).and_then(|m| {
                let e = m.errors(kind);
                match field {
                    Field::Interval => e.interval,
                    Field::Duration => e.duration,
                }
            })
        })
    });
    let on_input = move |ev: leptos::ev::Event| {
        let v = event_target_value(&ev);
        let m = member.get_untracked();
        drafts.update(|d| {
            if let Some(md) = d.get_mut(m) {
                let c = md.card_mut(kind);
                match field {
                    Field::Interval => c.interval = v,
                    Field::Duration => c.duration = v,
                }
            }
        });
    };
    let placeholder = (field == Field::Duration
        && matches!(kind, ProcessKind::Rec | ProcessKind::Replay))
    .then_some("Entire stream");
    view! {
        <div class="field field--inline">
            <label for=id>{format!("{fname} (s)")}</label>
            <input type="text" inputmode="numeric" id=id prop:value=value on:input=on_input
                placeholder=placeholder
                aria-invalid=move || error.get().is_some().to_string()
                aria-describedby=move || format!("{} {}", help_id(), err_id())/>
            <span class="field__help" id=help_id>{helper_text(kind, field)}</span>
            <span class="field__error" id=err_id aria-live="polite">{move || error.get().unwrap_or_default()}</span>
        </div>
    }
}
