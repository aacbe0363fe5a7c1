//! Replay sessions found in the media, as the official demo finds them, for an API that lists
//! none (the docs' `playout.replay[]` holds only the `{type:"playout", url}` demo entry): the
//! latest session is the one `#EXT-X-NANO-PLAYLIST` names in `<vod>/replay/<name>.m3u8`
//! (`<name>-abr.m3u8` for a group). The VOD base comes from the asset URLs the API returned
//! (thumbnails, motion clips, recordings), else from the API base: never the console's origin.

use contract::media;

use super::playlist::{nano_playlist, session_of_file};
use super::process::{find, ProcessKind};
use super::replay_urls::bucket_for;
use super::stream::{Asset, Stream};

/// The part of an asset URL before its media file: `<vod>/thumbnails/<file>` and
/// `<vod>/<file>.mp4` both give `<vod>`.
fn vod_of(url: &str) -> Option<String> {
    let url = url.split(['?', '#']).next()?;
    let (dir, file) = url.rsplit_once('/')?;
    if file.is_empty() || !dir.contains("://") {
        return None;
    }
    Some(dir.strip_suffix("/thumbnails").unwrap_or(dir).to_string())
}

/// The VOD base the API's own asset URLs show.
pub fn vod_base(stream: &Stream) -> Option<String> {
    let p = &stream.playout;
    let images = p.thumbnails.iter().chain(&p.motionclip);
    let recordings = p.web.iter().filter(|a| a.kind == "vod");
    images.chain(recordings).find_map(|a| vod_of(&a.url))
}

/// The replay bucket (`<vod>/replay`) for this stream.
pub fn replay_bucket(stream: &Stream, api_base: &str) -> String {
    match vod_base(stream) {
        Some(vod) => format!("{vod}/replay"),
        None => bucket_for(Some(api_base), ""),
    }
}

/// One current playlist to read: whose it is and where.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Probe {
    pub member_id: String,
    /// The member's stream name (the passthrough's for the ABR playlist).
    pub name: String,
    pub abr: bool,
    pub url: String,
}

/// The playlists to read: none when the API lists replay sessions itself; else each member
/// with replay on, plus the group's ABR playlist under the passthrough.
pub fn probes(stream: &Stream, bucket: &str) -> Vec<Probe> {
    if stream.playout.replay.iter().any(|a| a.kind == "hls") {
        return Vec::new();
    }
    let members = stream.members();
    let mut out: Vec<Probe> = members
        .iter()
        .filter(|m| find(&m.processing, ProcessKind::Replay).is_some() && !m.name().is_empty())
        .map(|m| Probe {
            member_id: m.id.clone(),
            name: m.name().to_string(),
            abr: false,
            url: format!("{bucket}/{}", media::playlist_file(m.name(), None)),
        })
        .collect();
    let transcode_replays = out
        .iter()
        .any(|p| members.first().is_none_or(|m| m.id != p.member_id));
    if let (true, Some(first)) = (stream.is_group() && transcode_replays, members.first()) {
        out.push(Probe {
            member_id: first.id.clone(),
            name: first.name().to_string(),
            abr: true,
            url: format!(
                "{bucket}/{}",
                media::playlist_file(&media::abr_name(first.name()), None)
            ),
        });
    }
    out
}

/// The replay entries a current playlist shows: "latest" and, when it names its session
/// file, that session. Not a playlist: nothing.
pub fn found(probe: &Probe, body: &str, bucket: &str) -> Vec<Asset> {
    if !body.trim_start().starts_with("#EXTM3U") {
        return Vec::new();
    }
    let entry = |url: String, session, latest| Asset {
        url,
        kind: "hls".into(),
        stream_id: Some(probe.member_id.clone()),
        streamname: Some(probe.name.clone()),
        session,
        latest,
        abr: probe.abr,
        ..Default::default()
    };
    let mut out = vec![entry(probe.url.clone(), None, true)];
    if let Some(s) = nano_playlist(body).and_then(|f| session_of_file(&f)) {
        let name = if probe.abr {
            media::abr_name(&probe.name)
        } else {
            probe.name.clone()
        };
        out.push(entry(
            format!("{bucket}/{}", media::playlist_file(&name, Some(s))),
            Some(s),
            false,
        ));
    }
    out
}

/// Adds the entries found in the media to the stream's replay list.
pub fn merge(stream: &mut Stream, found: Vec<Asset>) {
    stream.playout.replay.extend(found);
}

#[cfg(test)]
#[path = "media_sessions_tests.rs"]
mod tests;
