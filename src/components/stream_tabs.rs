//! One tab per group member (PASSTHROUGH | 1. TRANSCODE …) following the ARIA tabs pattern:
//! arrow keys move between tabs, and a dot marks tabs whose settings differ.

use leptos::prelude::*;

use crate::domain::stream::Stream;

/// The tab labels of a stream's members, as a memo: polls that change nothing else leave the
/// tabs (and focus on them) alone.
pub fn member_tab_names(stream: Signal<Stream>) -> Signal<Vec<String>> {
    Memo::new(move |_| {
        stream.with(|s| {
            s.members()
                .iter()
                .map(|m| m.display_name())
                .collect::<Vec<_>>()
        })
    })
    .into()
}

#[component]
pub fn StreamTabs(
    #[prop(into)] names: Signal<Vec<String>>,
    active: RwSignal<usize>,
    /// Per tab: show the "differs" marker.
    #[prop(into, optional)]
    marked: Option<Signal<Vec<bool>>>,
    /// Prefix of the tab ids, so two tab bars on one page do not clash.
    #[prop(into)]
    id_prefix: String,
    /// Accessible name of the tab list.
    #[prop(into)]
    label: String,
) -> impl IntoView {
    let on_key = move |ev: leptos::ev::KeyboardEvent| {
        let n = names.with_untracked(Vec::len);
        if n == 0 {
            return;
        }
        let cur = active.get_untracked();
        let next = match ev.key().as_str() {
            "ArrowRight" => (cur + 1) % n,
            "ArrowLeft" => (cur + n - 1) % n,
            "Home" => 0,
            "End" => n - 1,
            _ => return,
        };
        ev.prevent_default();
        active.set(next);
        if let Some(el) =
            document().get_element_by_id(&format!("{}-tab-{next}", id_prefix_key(&ev)))
        {
            let _ = wasm_bindgen::JsCast::unchecked_into::<web_sys::HtmlElement>(el).focus();
        }
    };
    let prefix = id_prefix.clone();
    view! {
        <div class="stream-tabs" role="tablist" aria-label=label data-prefix=id_prefix.clone() on:keydown=on_key>
            {move || names.get().into_iter().enumerate().map(|(i, name)| {
                let selected = move || active.get() == i;
                let differs = move || marked.map(|m| m.with(|v| v.get(i).copied().unwrap_or(false))).unwrap_or(false);
                view! {
                    <button type="button" role="tab" class="stream-tabs__tab"
                        id=format!("{prefix}-tab-{i}")
                        aria-selected=move || selected().to_string()
                        tabindex=move || if selected() { "0" } else { "-1" }
                        on:click=move |_| active.set(i)>
                        {name.to_uppercase()}
                        <Show when=differs>
                            <span class="stream-tabs__marker" title="Settings differ from the selected tab">
                                "●"<span class="visually-hidden">" (settings differ)"</span>
                            </span>
                        </Show>
                    </button>
                }
            }).collect_view()}
        </div>
    }
}

/// The tab-id prefix of the tab list the key event happened in.
fn id_prefix_key(ev: &leptos::ev::KeyboardEvent) -> String {
    ev.current_target()
        .and_then(|t| wasm_bindgen::JsCast::dyn_into::<web_sys::Element>(t).ok())
        .and_then(|e| e.get_attribute("data-prefix"))
        .unwrap_or_default()
}
