//! The live wall (`/live`, issue 11 item 2): which list call one poll makes, the page's tag
//! filter in its URL, and one tile per live stream built from that single answer: the
//! passthrough's latest thumbnail and motion clip with a token that changes only when the
//! picture does, so an unchanged image is never fetched again.

use contract::state::StreamState;

use super::list_query::ListFilter;
use super::paths::live_wall;
use super::process::{find, KindText, Process, ProcessKind};
use super::stream::Stream;
use super::table_rules::member_assets;
use super::time::parse_iso;
use super::urls::{encode_component, StreamQuery};

/// The most streams one list call returns (the API's maximum `quantity`).
pub const MAX_TILES: u32 = 250;

/// The wall's URL with its tag filter: `/live?tag=a&tag=b`.
pub fn href(tags: &[String]) -> String {
    let q: Vec<String> = tags
        .iter()
        .map(|t| format!("tag={}", encode_component(t)))
        .collect();
    if q.is_empty() {
        live_wall()
    } else {
        format!("{}?{}", live_wall(), q.join("&"))
    }
}

/// The tags of the wall's URL, read as the list page reads its own.
pub fn tags_of(search: &str) -> Vec<String> {
    ListFilter::from_search(search).tags
}

/// The one call a poll makes: live streams with all the tags, as many as the API gives.
/// `asset_limit=1` keeps each object's recording and replay lists short (the wall needs
/// only the pictures, which are listed regardless).
pub fn query(tags: &[String]) -> StreamQuery {
    StreamQuery {
        quantity: Some(MAX_TILES),
        page: None,
        state: Some(StreamState::Live.as_str().into()),
        tags: tags.to_vec(),
        asset_limit: Some(1),
    }
}

/// A picture of a tile: the URL to show (cache-busted by `token`) and when it was captured.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Picture {
    pub url: String,
    /// Changes exactly when the picture does: its capture time, or (when the API gives none)
    /// the start of the current process interval.
    pub token: i64,
    /// Epoch ms of the capture (`createdAt`), when known.
    pub captured: Option<i64>,
}

/// One tile.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Tile {
    pub id: String,
    pub name: String,
    pub state: String,
    pub tags: Vec<String>,
    pub thumbnail: Option<Picture>,
    pub motion_clip: Option<Picture>,
}

fn picture(s: &Stream, kind: ProcessKind, now_ms: i64) -> Option<Picture> {
    let members = s.members();
    let m = members.first()?;
    let asset = member_assets(s, m, kind).into_iter().next()?;
    let captured = asset.created_at.as_deref().and_then(parse_iso);
    let interval_ms = match find(&m.processing, kind) {
        Some(Process::Thumbs { interval }) | Some(Process::Motionclip { interval, .. }) => {
            i64::from(*interval).max(1) * 1000
        }
        _ => i64::from(kind.default_process().interval().unwrap_or(30)) * 1000,
    };
    Some(Picture {
        url: asset.url.clone(),
        token: captured.unwrap_or(now_ms - now_ms.rem_euclid(interval_ms)),
        captured,
    })
}

/// The tiles of one list answer, in its order (newest first).
pub fn tiles(streams: &[Stream], now_ms: i64) -> Vec<Tile> {
    streams
        .iter()
        .map(|s| Tile {
            id: s.id.clone(),
            name: s.ingest.rtmp.streamname.clone(),
            state: s.state.clone(),
            tags: s.tags.clone(),
            thumbnail: picture(s, ProcessKind::Thumbs, now_ms),
            motion_clip: picture(s, ProcessKind::Motionclip, now_ms),
        })
        .collect()
}

#[cfg(test)]
mod tests;
