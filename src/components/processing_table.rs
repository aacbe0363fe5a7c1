//! The v4 "Live Processing Details" table of one member (NAME, IS ACTIVE, INTERVAL,
//! DURATION, AVAILABLE LINKS) with expandable "Output Links and Assets" rows
//! (dashboard-ui.md §1.4.2–§1.4.3). Cell texts come from `domain::table_rules`.

use leptos::prelude::*;

use super::copy::CopyField;
use crate::domain::paths;
use crate::domain::process::{KindText, ProcessKind};
use crate::domain::stream::{Asset, Stream};
use crate::domain::table_rules::{self, Row};

#[component]
pub fn ProcessingTable(
    #[prop(into)] stream: Signal<Stream>,
    /// Index into `stream.members()`.
    #[prop(into)]
    member: Signal<usize>,
    /// The expanded rows, most recently opened last; the owner may preset or follow them
    /// (deep links).
    #[prop(optional)]
    open: Option<RwSignal<Vec<ProcessKind>>>,
) -> impl IntoView {
    let open = open.unwrap_or_else(|| RwSignal::new(Vec::new()));
    // A memo: a poll that changes nothing in the table leaves its rows (and focus) alone.
    let rows = Memo::new(move |_| {
        stream.with(|s| {
            s.members()
                .get(member.get())
                .map(|m| table_rules::rows(s, m))
                .unwrap_or_default()
        })
    });
    view! {
        <table class="processing-table">
            <thead>
                <tr>
                    <th scope="col"><span class="visually-hidden">"Expand"</span></th>
                    <th scope="col">"NAME"</th>
                    <th scope="col">"IS ACTIVE"</th>
                    <th scope="col">"INTERVAL (S)"</th>
                    <th scope="col">"DURATION (S)"</th>
                    <th scope="col">"AVAILABLE LINKS"</th>
                </tr>
            </thead>
            {move || rows.get().into_iter().map(|r| view! { <TableRow row=r open stream member/> }).collect_view()}
        </table>
    }
}

#[component]
fn TableRow(
    row: Row,
    open: RwSignal<Vec<ProcessKind>>,
    stream: Signal<Stream>,
    member: Signal<usize>,
) -> impl IntoView {
    let kind = row.kind;
    let assets = Memo::new(move |_| {
        stream.with(|s| {
            s.members().get(member.get()).map(|m| {
                let list: Vec<Asset> = table_rules::member_assets(s, m, kind)
                    .into_iter()
                    .cloned()
                    .collect();
                (m.name().to_string(), list)
            })
        })
    });
    let active = row.active;
    // An inactive row has nothing to show, even if a link asked for it.
    let is_open = move || active && open.with(|o| o.contains(&kind));
    let details_id = format!("links-{}", kind.id());
    let toggle = move |_| {
        open.update(|o| {
            if let Some(p) = o.iter().position(|k| *k == kind) {
                o.remove(p);
            } else {
                o.push(kind);
            }
        })
    };
    let label = kind.label().to_uppercase();
    let active_text = if row.active { "✓" } else { "⊗" };
    let active_label = if row.active { "Active" } else { "Not active" };
    view! {
        <tbody data-kind=kind.id()>
            <tr class:row--inactive=!row.active>
                <td>
                    <button type="button" class="btn btn--ghost btn--small row-toggle"
                        disabled=!row.active
                        aria-expanded=move || is_open().to_string() aria-controls=details_id.clone()
                        aria-label=format!("Show links of {}", kind.label())
                        on:click=toggle>{move || if is_open() { "⌃" } else { "⌄" }}</button>
                </td>
                <th scope="row" title=kind.description()>{label}</th>
                <td class="cell-active" aria-label=active_label>{active_text}</td>
                <td class="cell-interval">{row.interval.text()}</td>
                <td class="cell-duration">{row.duration.text()}</td>
                <td class="cell-links">{row.links}</td>
            </tr>
            <Show when=is_open>
                <tr class="row-details" id=details_id.clone()>
                    <td colspan="6">
                        <h4 class="row-details__title">{kind.label()}</h4>
                        <p>{kind.description()}</p>
                        {move || {
                            assets.track();
                            links(kind, stream, member)
                        }}
                    </td>
                </tr>
            </Show>
        </tbody>
    }
}

/// The expanded links. Read untracked: the caller re-runs this only when the member's assets
/// of this kind change, so a poll does not rebuild the rows under the user's focus.
fn links(kind: ProcessKind, stream: Signal<Stream>, member: Signal<usize>) -> AnyView {
    let s = stream.get_untracked();
    let Some(m) = s
        .members()
        .get(member.get_untracked())
        .map(|m| (*m).clone())
    else {
        return ().into_any();
    };
    let empty = || view! { <p class="muted">"Assets appear after the stream goes live."</p> };
    match kind {
        ProcessKind::Thumbs | ProcessKind::Motionclip => {
            let list = table_rules::member_assets(&s, &m, kind);
            if list.is_empty() {
                return empty().into_any();
            }
            let ty = if kind == ProcessKind::Thumbs {
                "IMAGE"
            } else {
                "GIF"
            };
            view! {
                <table class="links-table"><thead><tr><th scope="col">"TYPE"</th><th scope="col">"URL"</th></tr></thead>
                <tbody>{list.into_iter().map(|a| view! {
                    <tr><td>{ty}</td><td><CopyField label=format!("{} URL", kind.label()) value=a.url.clone() link=true/></td></tr>
                }).collect_view()}</tbody></table>
            }.into_any()
        }
        ProcessKind::Rec => {
            let list = table_rules::recording_rows(&s, &m);
            if list.is_empty() {
                return empty().into_any();
            }
            view! {
                <table class="links-table"><thead><tr><th scope="col">"TYPE"</th><th scope="col">"SESSION"</th><th scope="col">"URL"</th><th scope="col">"SIZE"</th></tr></thead>
                <tbody>{list.into_iter().map(|r| view! {
                    <tr class="recording-row"><td>"VOD"</td><td>{r.session.clone()}</td>
                    <td><CopyField label=format!("recording URL of {}", r.session) value=r.url.clone() link=true/></td>
                    <td>{r.size.clone().unwrap_or_default()}</td></tr>
                }).collect_view()}</tbody></table>
            }.into_any()
        }
        ProcessKind::Replay => {
            let list = table_rules::replay_rows(&s, &m);
            let latest = paths::replay_clip(m.name(), None);
            view! {
                <div class="banner banner--info latest-session">
                    <strong>"Latest Live Session"</strong>
                    <p>"Utilize the Live Replay Demo to create custom clips of the latest session."</p>
                    <a class="btn btn--info" href=latest>"Clip & Share Latest Live Session ↗"</a>
                </div>
                {if list.is_empty() { empty().into_any() } else { view! {
                    <table class="links-table"><thead><tr><th scope="col">"SESSION"</th><th scope="col">"HLS URL"</th><th scope="col">"SESSION REPLAY"</th><th scope="col">"REPLAY EDITOR"</th></tr></thead>
                    <tbody>{list.into_iter().map(|r| view! {
                        <tr class="replay-row"><td>{r.label.clone()}</td>
                        <td><CopyField label=format!("HLS URL of {}", r.label) value=r.url.clone() link=true/></td>
                        <td><a class="btn btn--ghost btn--small" href=paths::replay_watch(&r.streamname, r.session)
                            aria-label=format!("Watch Replay of {}", r.label)>"⟲ Watch Replay"</a></td>
                        <td><a class="btn btn--ghost btn--small" href=paths::replay_clip(&r.streamname, r.session)
                            aria-label=format!("Clip & Share {}", r.label)>"✂ Clip & Share"</a></td></tr>
                    }).collect_view()}</tbody></table>
                }.into_any() }}
            }.into_any()
        }
    }
}
