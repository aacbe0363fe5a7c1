//! The runtime `config.json` beside `index.html` (read once at start): the default API URL,
//! the VOD base URL and the official replayer's address. It lets a statically hosted console
//! send a share-link viewer who is not signed in to the right media host. Every key is
//! optional; an unreadable file is no configuration.

use contract::pages;
use serde::Deserialize;

use super::lenient::lenient_option as opt;
use super::replay_urls::{bucket_for, share_link, OFFICIAL_API_HOST};

/// The official replayer's host for the real cloud (bintu-api.md §3.6); its page is the
/// contract's `LIVE_REPLAYER_INDEX`.
const OFFICIAL_REPLAYER_ORIGIN: &str = "https://replay.nanocosmos.de";

/// The official replayer page for the real cloud.
pub fn official_replayer_page() -> String {
    format!(
        "{OFFICIAL_REPLAYER_ORIGIN}{}",
        pages::path(pages::LIVE_REPLAYER_INDEX)
    )
}

#[derive(Clone, Debug, Default, PartialEq, Eq, Deserialize)]
#[serde(default)]
pub struct RuntimeConfig {
    /// The API the sign-in form proposes, e.g. `https://bintu.nanocosmos.de`.
    #[serde(rename = "apiUrl", deserialize_with = "opt")]
    pub api_url: Option<String>,
    /// Where media lives, e.g. `https://bintu-vod.nanocosmos.de/vod` (replay playlists are
    /// under `<vod>/replay`).
    #[serde(rename = "vodBaseUrl", deserialize_with = "opt")]
    pub vod_base_url: Option<String>,
    /// The official replayer page that share codes also open on.
    #[serde(rename = "officialReplayerUrl", deserialize_with = "opt")]
    pub official_replayer_url: Option<String>,
}

fn non_empty(v: &Option<String>) -> Option<&str> {
    v.as_deref()
        .map(|s| s.trim().trim_end_matches('/'))
        .filter(|s| !s.is_empty())
}

/// Whether an API base is the real nanoStream Cloud.
pub fn is_official_api(api_base: &str) -> bool {
    api_base
        .split("://")
        .nth(1)
        .map(|h| h.trim_end_matches('/'))
        .is_some_and(|h| h == OFFICIAL_API_HOST)
}

impl RuntimeConfig {
    /// Any body: unreadable or not an object is the empty configuration.
    pub fn parse(body: &str) -> Self {
        serde_json::from_str(body).unwrap_or_default()
    }

    pub fn api_url(&self) -> Option<&str> {
        non_empty(&self.api_url)
    }

    /// The replay bucket for a viewer: the signed-in API's; else the configured VOD base;
    /// else the configured API's; only without any of these the page's own origin.
    pub fn viewer_bucket(&self, signed_in_api: Option<&str>, origin: &str) -> String {
        if let Some(api) = signed_in_api.filter(|a| !a.is_empty()) {
            return bucket_for(Some(api), origin);
        }
        if let Some(vod) = non_empty(&self.vod_base_url) {
            return format!("{vod}/{}", contract::media::REPLAY_DIR);
        }
        bucket_for(self.api_url(), origin)
    }

    /// The official replayer page, when the console points at the real cloud (or the
    /// configuration names one).
    pub fn official_replayer(&self, signed_in_api: Option<&str>) -> Option<String> {
        if let Some(r) = non_empty(&self.official_replayer_url) {
            return Some(r.to_string());
        }
        let api = signed_in_api.or(self.api_url())?;
        is_official_api(api).then(official_replayer_page)
    }
}

/// `<replayer>?share=<code>`, the link the official replayer opens; `None` for an invalid
/// interval.
pub fn official_share_url(
    replayer: &str,
    name: &str,
    cue_in: f64,
    cue_out: f64,
    session: Option<i64>,
) -> Option<String> {
    share_link(replayer, name, cue_in, cue_out, session)
}

#[cfg(test)]
mod tests;
