//! The sign-in form: presentational, validates locally (URL, non-empty secret) and hands a
//! checked request to the page, which talks to the API.

use leptos::prelude::*;

use crate::domain::base_url::normalize_base_url;
use crate::domain::credentials::{validate_secret, CredentialKind, Credentials};

/// What the form submits.
#[derive(Clone, Debug, PartialEq)]
pub struct SignInRequest {
    pub creds: Credentials,
    pub remember: bool,
}

/// Sign-in form.
#[component]
pub fn SignInForm(
    /// The console's own origin: an empty API URL means this one.
    #[prop(into)]
    origin: String,
    /// Prefill of the API URL field.
    #[prop(into)]
    initial_base: String,
    /// Prefill of "remember me".
    #[prop(optional)]
    remember: bool,
    /// The API check is running: the button is disabled and says so.
    #[prop(into)]
    pending: Signal<bool>,
    /// The API's answer when the check failed.
    #[prop(into)]
    error: Signal<Option<String>>,
    on_submit: Callback<SignInRequest>,
) -> impl IntoView {
    let base = RwSignal::new(initial_base);
    let kind = RwSignal::new(CredentialKind::ApiKey);
    let secret = RwSignal::new(String::new());
    let remember = RwSignal::new(remember);
    let base_error = RwSignal::new(None::<String>);
    let secret_error = RwSignal::new(None::<String>);

    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let url = normalize_base_url(&base.get_untracked(), &origin);
        let key = validate_secret(kind.get_untracked(), &secret.get_untracked());
        base_error.set(url.as_ref().err().cloned());
        secret_error.set(key.as_ref().err().cloned());
        if let (Ok(base_url), Ok(secret)) = (url, key) {
            let creds = Credentials {
                base_url,
                kind: kind.get_untracked(),
                secret,
            };
            on_submit.run(SignInRequest {
                creds,
                remember: remember.get_untracked(),
            });
        }
    };
    let kind_radio = move |k: CredentialKind| {
        view! {
            <label class="radio">
                <input type="radio" name="kind" prop:checked=move || kind.get() == k
                    on:change=move |_| kind.set(k)/>
                {k.label()}
            </label>
        }
    };
    view! {
        <form class="form signin-form" on:submit=submit novalidate>
            <div class="field">
                <label for="api-url">"API URL"</label>
                <input id="api-url" name="api-url" type="url" prop:value=base
                    on:input=move |ev| base.set(event_target_value(&ev))
                    aria-describedby="api-url-help api-url-error" aria-invalid=move || base_error.get().is_some().to_string()/>
                <small id="api-url-help" class="field__help">
                    "Empty = this server (bintu-local). The real API is https://bintu.nanocosmos.de."
                </small>
                <small id="api-url-error" class="field__error">{move || base_error.get()}</small>
            </div>
            <fieldset class="field">
                <legend>"Credential"</legend>
                {kind_radio(CredentialKind::ApiKey)}
                {kind_radio(CredentialKind::Token)}
            </fieldset>
            <div class="field">
                <label for="secret">{move || kind.get().label()}</label>
                <input id="secret" name="secret" type="password" autocomplete="off" spellcheck="false"
                    prop:value=secret on:input=move |ev| secret.set(event_target_value(&ev))
                    aria-describedby="secret-error" aria-invalid=move || secret_error.get().is_some().to_string()/>
                <small id="secret-error" class="field__error">{move || secret_error.get()}</small>
            </div>
            <label class="checkbox">
                <input type="checkbox" prop:checked=remember
                    on:change=move |ev| remember.set(event_target_checked(&ev))/>
                "Remember me on this device"
            </label>
            <div class="banner banner--error" role="alert" hidden=move || error.get().is_none()>
                {move || error.get()}
            </div>
            <button type="submit" class="btn btn--primary" disabled=pending>
                {move || if pending.get() { "Signing in…" } else { "Sign in" }}
            </button>
        </form>
    }
}
