//! Tag(s) input: Enter adds a tag (trimmed; empty ignored; duplicates explained), from the
//! 3rd character on the organisation's matching tags are suggested, and "Show all tags"
//! lists them all as chips (dashboard-ui.md §1.2.1).

use leptos::prelude::*;

use crate::domain::tags::{self, suggestions};

#[component]
pub fn TagInput(
    tags: RwSignal<Vec<String>>,
    /// The organisation's tags, most used first.
    #[prop(into)]
    known: Signal<Vec<String>>,
) -> impl IntoView {
    let text = RwSignal::new(String::new());
    let error = RwSignal::new(String::new());
    let show_all = RwSignal::new(false);
    let add = move |raw: String| {
        let mut result = Ok(false);
        tags.update(|v| result = tags::add(v, &raw));
        match result {
            Ok(true) => {
                text.set(String::new());
                error.set(String::new());
            }
            Ok(false) => {}
            Err(msg) => error.set(msg.to_string()),
        }
    };
    let on_key = move |ev: leptos::ev::KeyboardEvent| {
        if ev.key() == "Enter" {
            ev.prevent_default();
            add(text.get_untracked());
        }
    };
    let suggested = move || known.with(|k| tags.with(|a| suggestions(k, a, &text.get())));
    view! {
        <div class="tag-input field">
            <label for="tag-input">"Tag(s)"</label>
            <input type="text" id="tag-input" autocomplete="off" prop:value=move || text.get()
                aria-describedby="tag-input-help tag-input-error"
                on:input=move |ev| { text.set(event_target_value(&ev)); error.set(String::new()); }
                on:keydown=on_key/>
            <span class="field__help" id="tag-input-help">"Press Enter to create/add new tag"</span>
            <span class="field__error" id="tag-input-error" aria-live="polite">{move || error.get()}</span>
            <ul class="tag-input__suggestions" aria-label="Suggested tags">
                {move || suggested().into_iter().map(|s| {
                    let v = s.clone();
                    view! { <li><button type="button" class="chip chip--button" on:click=move |_| add(v.clone())>{s}</button></li> }
                }).collect_view()}
            </ul>
            <ul class="tag-input__chips" aria-label="Added tags">
                {move || tags.get().into_iter().map(|t| {
                    let v = t.clone();
                    view! {
                        <li class="chip">{t.clone()}
                            <button type="button" class="chip__remove" aria-label=format!("Remove tag {t}")
                                on:click=move |_| tags.update(|x| x.retain(|y| *y != v))>"⊗"</button>
                        </li>
                    }
                }).collect_view()}
            </ul>
            <button type="button" class="btn btn--ghost btn--small" aria-expanded=move || show_all.get().to_string()
                on:click=move |_| show_all.update(|s| *s = !*s)>
                {move || if show_all.get() { "Hide tags ▴" } else { "Show all tags ▾" }}
            </button>
            <Show when=move || show_all.get()>
                <ul class="tag-input__all" aria-label="All tags">
                    {move || known.get().into_iter().take(25).map(|s| {
                        let v = s.clone();
                        view! { <li><button type="button" class="chip chip--button" on:click=move |_| add(v.clone())>{s}</button></li> }
                    }).collect_view()}
                </ul>
                <p class="field__help">{move || { let n = known.with(Vec::len); format!("{}–{} of {n}", n.min(1), n.min(25)) }}</p>
            </Show>
        </div>
    }
}
