//! The one share panel of Clip & Share: share URL (ours and the official replayer's), embed
//! URL with its `<iframe>` snippet, and the ffmpeg commands, each with a copy button, then
//! what the page adds (the replay page's "Download MP4"). The
//! page computes the strings (domain::replay_urls); this only shows them.

use leptos::prelude::*;

use super::copy::CopyField;

/// Every string the panel shows; `None` = no valid interval yet.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct ShareStrings {
    pub share: Option<String>,
    pub official_share: Option<String>,
    pub embed: Option<String>,
    pub iframe: Option<String>,
    pub ffmpeg: Option<String>,
    pub ffmpeg_named: Option<String>,
}

#[component]
fn ShareBox(
    #[prop(into)] caption: String,
    /// Accessible name of the copy button ("share URL").
    #[prop(into)]
    what: String,
    #[prop(into)] placeholder: String,
    value: Signal<Option<String>>,
    #[prop(optional)] link: bool,
    #[prop(into)] class: String,
) -> impl IntoView {
    let text = Signal::derive(move || value.get().unwrap_or_default());
    let aria = caption.clone();
    view! {
        <div class=format!("share-box {class}") role="group" aria-label=aria>
            <div class="share-box__caption">{caption}</div>
            <Show
                when=move || value.with(Option::is_some)
                fallback=move || view! { <div class="share-box__placeholder">{placeholder.clone()}</div> }
            >
                <CopyField label=what.clone() value=text link=link/>
            </Show>
        </div>
    }
}

#[component]
pub fn SharePanel(
    strings: Signal<ShareStrings>,
    /// Why sharing is impossible (e.g. no session), shown instead of the links.
    #[prop(into)]
    disabled_reason: Signal<Option<String>>,
    /// More ways to take the clip away (the replay page's "Download MP4").
    #[prop(optional)]
    children: Option<Children>,
) -> impl IntoView {
    let pick = move |f: fn(&ShareStrings) -> Option<String>| {
        Signal::derive(move || {
            if disabled_reason.with(Option::is_some) {
                None
            } else {
                strings.with(f)
            }
        })
    };
    view! {
        <section class="share-panel" aria-label="Share">
            {move || disabled_reason.get().map(|r| view! {
                <p class="share-panel__disabled" role="note">{r}</p>
            })}
            <ShareBox class="share-box--share" caption="Share URL for selected interval" what="share URL"
                placeholder="Share URL (will be displayed here)" value=pick(|s| s.share.clone()) link=true/>
            <ShareBox class="share-box--official" caption="Official replayer link" what="official replayer link"
                placeholder="Official replayer link (will be displayed here)" value=pick(|s| s.official_share.clone()) link=true/>
            <ShareBox class="share-box--embed" caption="Embed URL for selected interval" what="embed URL"
                placeholder="Embed URL (will be displayed here)" value=pick(|s| s.embed.clone()) link=true/>
            <ShareBox class="share-box--iframe" caption="Embed snippet" what="iframe snippet"
                placeholder="<iframe> snippet (will be displayed here)" value=pick(|s| s.iframe.clone())/>
            <ShareBox class="share-box--ffmpeg" caption="Custom FFMPEG Clipping And Processing" what="ffmpeg command"
                placeholder="FFMPEG Command line (will be displayed here)" value=pick(|s| s.ffmpeg.clone())/>
            <ShareBox class="share-box--ffmpeg-named" caption="ffmpeg, quoted URL and named output" what="named ffmpeg command"
                placeholder="Named ffmpeg command (will be displayed here)" value=pick(|s| s.ffmpeg_named.clone())/>
            {children.map(|c| c())}
            <p class="share-panel__note">
                "-c copy cuts start on the keyframe at or before the start point, so the file may begin a little earlier (see the cut range on the timeline)."
            </p>
        </section>
    }
}
