//! A value with a copy button; "Copied" is announced through a polite live region.

use leptos::prelude::*;
use leptos::task::spawn_local;

/// Shows `value` (as a link when `link` is set) and a button that copies it.
#[component]
pub fn CopyField(
    /// What the value is, for the button's accessible name ("Copy share URL").
    #[prop(into)]
    label: String,
    #[prop(into)] value: Signal<String>,
    /// Render the value as a link opening in a new tab.
    #[prop(optional)]
    link: bool,
) -> impl IntoView {
    let copied = RwSignal::new(false);
    let on_copy = move |_| {
        let text = value.get_untracked();
        spawn_local(async move {
            if let Some(w) = web_sys::window() {
                let p = w.navigator().clipboard().write_text(&text);
                let ok = wasm_bindgen_futures::JsFuture::from(p).await.is_ok();
                copied.set(ok);
            }
        });
    };
    let aria = format!("Copy {label}");
    view! {
        <span class="copy-field">
            {move || {
                let v = value.get();
                if link {
                    let href = v.clone();
                    view! { <a class="copy-field__value" href=href target="_blank" rel="noopener">{v}</a> }.into_any()
                } else {
                    view! { <code class="copy-field__value">{v}</code> }.into_any()
                }
            }}
            <button type="button" class="btn btn--ghost btn--small" aria-label=aria on:click=on_copy>
                "Copy"
            </button>
            <span class="copy-field__status" aria-live="polite">
                {move || if copied.get() { "Copied" } else { "" }}
            </span>
        </span>
    }
}
