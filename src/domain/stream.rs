//! The stream object of `GET /stream/{id}` (bintu-api.md §2.2, §3.5, CONTRACT.md), read
//! tolerantly: every field defaults, `null` reads as absent, unknown fields are ignored, a
//! list entry that cannot be read is skipped, and a member without `index` (the docs'
//! example has none) takes its position. So the console keeps working when the real API
//! adds, omits or nulls something.

use contract::state::StreamState;
use serde::{Deserialize, Deserializer, Serialize};

use super::lenient::{array, items, lenient_option as opt, null_default as nd};
use super::process::Process;

#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct Stream {
    #[serde(deserialize_with = "nd")]
    pub id: String,
    #[serde(deserialize_with = "opt")]
    pub streamgroup: Option<String>,
    /// The wire value as sent (the real cloud may send one the contract does not know);
    /// compare through [`Stream::known_state`].
    #[serde(deserialize_with = "nd")]
    pub state: String,
    #[serde(deserialize_with = "nd")]
    pub created_at: String,
    #[serde(deserialize_with = "items")]
    pub tags: Vec<String>,
    #[serde(deserialize_with = "nd")]
    pub transcoding: bool,
    #[serde(deserialize_with = "nd")]
    pub ingest: Ingest,
    #[serde(deserialize_with = "playout")]
    pub playout: Playout,
}

#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct Ingest {
    #[serde(deserialize_with = "nd")]
    pub rtmp: RtmpEndpoint,
}

#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct RtmpEndpoint {
    #[serde(deserialize_with = "nd")]
    pub url: String,
    #[serde(deserialize_with = "nd")]
    pub streamname: String,
}

#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct Playout {
    /// One entry per group member: index 0 passthrough, 1..n transcodes.
    #[serde(deserialize_with = "members")]
    pub h5live: Vec<Member>,
    #[serde(deserialize_with = "members")]
    pub rtmp: Vec<Member>,
    #[serde(deserialize_with = "items")]
    pub hls: Vec<Asset>,
    /// The live playout entry plus one `type:"vod"` entry per recording.
    #[serde(deserialize_with = "items")]
    pub web: Vec<Asset>,
    #[serde(deserialize_with = "items")]
    pub thumbnails: Vec<Asset>,
    #[serde(deserialize_with = "items")]
    pub motionclip: Vec<Asset>,
    /// The demo-page entry (`type:"playout"`, the only one the docs show); bintu-local's full
    /// contract adds one `type:"hls"` entry per session and a `latest:true` entry.
    #[serde(deserialize_with = "items")]
    pub replay: Vec<Asset>,
}

/// A member of a stream group as listed in `playout.h5live[]`.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct Member {
    #[serde(deserialize_with = "nd")]
    pub id: String,
    /// The member's position when the API sends no `index`.
    #[serde(deserialize_with = "nd")]
    pub index: u32,
    #[serde(deserialize_with = "nd")]
    pub streamname: String,
    #[serde(deserialize_with = "items")]
    pub tags: Vec<String>,
    #[serde(deserialize_with = "opt")]
    pub label: Option<String>,
    #[serde(deserialize_with = "lenient_processing")]
    pub processing: Vec<Process>,
    /// The list that applies at the next publish, present only when it differs.
    #[serde(deserialize_with = "lenient_optional_processing")]
    pub processing_pending: Option<Vec<Process>>,
    #[serde(deserialize_with = "nd")]
    pub info: MemberInfo,
    #[serde(deserialize_with = "opt")]
    pub rtmp: Option<RtmpEndpoint>,
}

/// Numbers the docs do not promise to be integers (fps 29.97), so all are read as numbers.
#[derive(Clone, Copy, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct MemberInfo {
    #[serde(deserialize_with = "nd")]
    pub width: f64,
    #[serde(deserialize_with = "nd")]
    pub height: f64,
    #[serde(deserialize_with = "nd")]
    pub bitrate: f64,
    #[serde(deserialize_with = "nd")]
    pub fps: f64,
}

/// Any asset entry (thumbnail, GIF, recording, replay playlist, live entry).
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct Asset {
    #[serde(deserialize_with = "nd")]
    pub url: String,
    #[serde(rename = "type", deserialize_with = "nd")]
    pub kind: String,
    #[serde(rename = "streamId", deserialize_with = "opt")]
    pub stream_id: Option<String>,
    #[serde(deserialize_with = "opt")]
    pub streamname: Option<String>,
    /// Not the member: in the docs' example the passthrough's recording has `index: 1`.
    #[serde(deserialize_with = "opt")]
    pub index: Option<u32>,
    #[serde(rename = "createdAt", deserialize_with = "opt")]
    pub created_at: Option<String>,
    /// Session start, epoch milliseconds (recordings and replay sessions; this project's).
    #[serde(deserialize_with = "opt")]
    pub session: Option<i64>,
    /// File size in bytes (recordings; this project's).
    #[serde(deserialize_with = "opt")]
    pub size: Option<u64>,
    /// The current-session replay playlist (`<name>.m3u8`).
    #[serde(deserialize_with = "nd")]
    pub latest: bool,
    /// A multivariant (`-abr`) replay playlist over the group's members.
    #[serde(deserialize_with = "nd")]
    pub abr: bool,
    /// [P] bintu-local: the tracks the session carried (recordings and replay sessions).
    pub tracks: Option<AssetTracks>,
}

/// The tracks of a session, each `None` when not known.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct AssetTracks {
    pub video: Option<bool>,
    pub audio: Option<bool>,
    /// Why some outputs are missing, e.g. "No video in this session: …".
    pub note: Option<String>,
}

impl Member {
    /// The member's name in the UI: "Passthrough", "1. Transcode", …
    pub fn display_name(&self) -> String {
        member_label(self.index)
    }

    /// The name used in URLs and media files, falling back to the RTMP entry.
    pub fn name(&self) -> &str {
        if self.streamname.is_empty() {
            self.rtmp
                .as_ref()
                .map(|r| r.streamname.as_str())
                .unwrap_or("")
        } else {
            &self.streamname
        }
    }
}

/// "Passthrough" for index 0, "N. Transcode" otherwise.
pub fn member_label(index: u32) -> String {
    if index == 0 {
        "Passthrough".to_string()
    } else {
        format!("{index}. Transcode")
    }
}

impl Stream {
    /// Group members, ordered by index; a single stream is one member.
    pub fn members(&self) -> Vec<&Member> {
        let mut m: Vec<&Member> = self.playout.h5live.iter().collect();
        m.sort_by_key(|m| m.index);
        m
    }

    pub fn is_group(&self) -> bool {
        self.playout.h5live.len() > 1
    }

    /// The state, if it is one the contract knows.
    pub fn known_state(&self) -> Option<StreamState> {
        StreamState::parse(&self.state)
    }

    pub fn is_live(&self) -> bool {
        self.known_state() == Some(StreamState::Live)
    }

    /// Whether any member has settings waiting for the next publish.
    pub fn has_pending_processing(&self) -> bool {
        self.playout
            .h5live
            .iter()
            .any(|m| m.processing_pending.is_some())
    }
}

/// The playout, each member without a name named by its `playout.rtmp[]` entry or the assets
/// that carry its `streamId` (the docs' h5live members have neither `streamname` nor `rtmp`).
fn playout<'de, D: Deserializer<'de>>(d: D) -> Result<Playout, D::Error> {
    let mut p: Playout = nd(d)?;
    let from_rtmp = p.rtmp.iter().map(|m| (m.id.clone(), m.name().to_string()));
    let named: Vec<(String, String)> = [&p.thumbnails, &p.motionclip, &p.replay, &p.web]
        .into_iter()
        .flatten()
        .filter_map(|a| Some((a.stream_id.clone()?, a.streamname.clone()?)))
        .chain(from_rtmp)
        .filter(|(id, n)| !id.is_empty() && !n.is_empty())
        .collect();
    for m in p.h5live.iter_mut().filter(|m| m.name().is_empty()) {
        if let Some((_, n)) = named.iter().find(|(id, _)| *id == m.id) {
            m.streamname = n.clone();
        }
    }
    Ok(p)
}

/// Members as `items`, each without a usable `index` numbered by its position.
fn members<'de, D: Deserializer<'de>>(d: D) -> Result<Vec<Member>, D::Error> {
    Ok(array(Option::deserialize(d)?)
        .into_iter()
        .enumerate()
        .filter_map(|(i, mut v)| {
            let numbered = v.get("index").and_then(serde_json::Value::as_u64);
            if let Some(o) = v.as_object_mut() {
                o.remove("index");
            }
            let mut m: Member = serde_json::from_value(v).ok()?;
            m.index = numbered
                .and_then(|n| u32::try_from(n).ok())
                .unwrap_or(i as u32);
            Some(m)
        })
        .collect())
}

fn parse_processes(values: Vec<serde_json::Value>) -> Vec<Process> {
    values
        .into_iter()
        .filter_map(|v| serde_json::from_value(v).ok())
        .collect()
}

/// Keeps the processes this console knows and skips the rest, instead of failing the whole
/// stream on one unknown process id.
fn lenient_processing<'de, D: Deserializer<'de>>(d: D) -> Result<Vec<Process>, D::Error> {
    Ok(parse_processes(array(Option::deserialize(d)?)))
}

fn lenient_optional_processing<'de, D: Deserializer<'de>>(
    d: D,
) -> Result<Option<Vec<Process>>, D::Error> {
    let v: Option<serde_json::Value> = Option::deserialize(d)?;
    Ok(v.filter(serde_json::Value::is_array)
        .map(|v| parse_processes(array(Some(v)))))
}

#[cfg(test)]
#[path = "stream_tests.rs"]
mod tests;
