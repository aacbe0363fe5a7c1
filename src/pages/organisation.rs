//! `/organisation`: name, hash, role, enabled packages ("Enabled" / "Upgrade needed") and,
//! when the API reports them (bintu-local), the media storage used and the retention.

use leptos::prelude::*;

use crate::components::feedback::{ErrorBanner, Loading};
use crate::domain::organisation::{human_bytes, Organisation, Retention, Usage};
use crate::session::use_organisation;

/// The caller's organisation.
#[component]
pub fn OrganisationPage() -> impl IntoView {
    let org = use_organisation();
    view! {
        <h1>"Organisation"</h1>
        <Suspense fallback=|| view! { <Loading what="organisation"/> }>
            {move || Suspend::new(async move {
                match org.await {
                    Ok(o) => view! { <OrganisationDetails org=o/> }.into_any(),
                    Err(e) => view! { <ErrorBanner error=e/> }.into_any(),
                }
            })}
        </Suspense>
    }
}

const NOT_REPORTED: &str = "not reported by this API";

/// A package's chip: the API may not say (its organisation body is undocumented).
fn package_chip(flag: Option<bool>) -> &'static str {
    match flag {
        Some(true) => "✓ Enabled",
        Some(false) => "⬆ Upgrade needed",
        None => NOT_REPORTED,
    }
}

fn or_unreported(v: &str) -> String {
    if v.is_empty() {
        NOT_REPORTED.into()
    } else {
        v.into()
    }
}

#[component]
fn OrganisationDetails(org: Organisation) -> impl IntoView {
    let p = org.features.processing.clone();
    let subs = [
        ("Thumbnail", p.thumbs),
        ("Motion Clip", p.motionclip),
        ("Live Replay", p.replay),
        ("Recording", p.rec),
    ]
    .map(|(n, f)| (n, f == Some(true)));
    view! {
        <section class="card">
            <dl class="facts">
                <dt>"Name"</dt><dd data-testid="org-page-name">{or_unreported(&org.name)}</dd>
                <dt>"Hash"</dt><dd><code>{or_unreported(&org.hash)}</code></dd>
                <dt>"Your role"</dt><dd>{org.role.clone().unwrap_or_else(|| "API key (full access)".into())}</dd>
            </dl>
        </section>
        <h2>"Enabled Packages"</h2>
        {org.packages().iter().all(|(_, f)| f.is_none()).then(|| view! {
            <p class="muted" data-testid="packages-unreported">"This API does not report the organisation's packages: the console offers every feature and the API's answer decides."</p>
        })}
        <ul class="packages">
            {org.packages().into_iter().map(|(label, flag)| {
                let on = flag == Some(true);
                let chip = package_chip(flag);
                view! {
                    <li class="package" class:package--on=on>
                        <span class="package__name">{label}</span>
                        <span class="chip" class:chip--muted=!on>{chip}</span>
                        {(label == "Live Processing" && on).then(|| view! {
                            <span class="package__subs">
                                {subs.iter().filter(|(_, s)| *s).map(|(n, _)| view! { <span class="chip chip--small">{format!("✓ {n}")}</span> }).collect_view()}
                            </span>
                        })}
                    </li>
                }
            }).collect_view()}
        </ul>
        {org.usage.clone().map(|u| view! { <StorageUsage usage=u retention=org.retention.clone()/> })}
    }
}

/// Bytes of media on disk per kind, and what the server removes on its own.
#[component]
fn StorageUsage(usage: Usage, retention: Option<Retention>) -> impl IntoView {
    let rows = [
        ("Recordings", usage.recordings),
        ("Replay", usage.replay),
        ("Thumbnails", usage.thumbnails),
        ("Total", usage.total),
    ];
    view! {
        <h2>"Storage"</h2>
        <section class="card" data-testid="org-storage">
            <dl class="facts">
                {rows.into_iter().map(|(label, bytes)| view! {
                    <dt>{label}</dt><dd title=format!("{bytes} bytes")>{human_bytes(bytes)}</dd>
                }).collect_view()}
                <dt>"Retention"</dt>
                <dd>{retention.map_or("Not reported".to_string(), |r| r.summary())}</dd>
            </dl>
        </section>
    }
}
