//! The stream object of `GET /stream/{id}` (bintu-api.md §2.2, §3.5, CONTRACT.md), read
//! tolerantly: every field defaults and unknown fields are ignored, so the console keeps
//! working when the real API adds or omits something.

use contract::state::StreamState;
use serde::{Deserialize, Deserializer, Serialize};

use super::process::Process;

#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct Stream {
    pub id: String,
    pub streamgroup: Option<String>,
    /// The wire value as sent (the real cloud may send one the contract does not know);
    /// compare through [`Stream::known_state`].
    pub state: String,
    pub created_at: String,
    pub tags: Vec<String>,
    pub transcoding: bool,
    pub ingest: Ingest,
    pub playout: Playout,
}

#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct Ingest {
    pub rtmp: RtmpEndpoint,
}

#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct RtmpEndpoint {
    pub url: String,
    pub streamname: String,
}

#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct Playout {
    /// One entry per group member: index 0 passthrough, 1..n transcodes.
    pub h5live: Vec<Member>,
    pub rtmp: Vec<Member>,
    pub hls: Vec<Asset>,
    /// The live playout entry plus one `type:"vod"` entry per recording.
    pub web: Vec<Asset>,
    pub thumbnails: Vec<Asset>,
    pub motionclip: Vec<Asset>,
    /// The demo-page entry (`type:"playout"`), one `type:"hls"` entry per session and a
    /// `latest:true` entry for the current playlist.
    pub replay: Vec<Asset>,
}

/// A member of a stream group as listed in `playout.h5live[]`.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct Member {
    pub id: String,
    pub index: u32,
    pub streamname: String,
    pub tags: Vec<String>,
    pub label: Option<String>,
    #[serde(deserialize_with = "lenient_processing")]
    pub processing: Vec<Process>,
    /// The list that applies at the next publish, present only when it differs.
    #[serde(deserialize_with = "lenient_optional_processing")]
    pub processing_pending: Option<Vec<Process>>,
    pub info: MemberInfo,
    pub rtmp: Option<RtmpEndpoint>,
}

#[derive(Clone, Copy, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct MemberInfo {
    pub width: u32,
    pub height: u32,
    pub bitrate: u32,
    pub fps: u32,
}

/// Any asset entry (thumbnail, GIF, recording, replay playlist, live entry).
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct Asset {
    pub url: String,
    #[serde(rename = "type")]
    pub kind: String,
    #[serde(rename = "streamId")]
    pub stream_id: Option<String>,
    pub streamname: Option<String>,
    pub index: Option<u32>,
    #[serde(rename = "createdAt")]
    pub created_at: Option<String>,
    /// Session start, epoch milliseconds (recordings and replay sessions).
    pub session: Option<i64>,
    /// File size in bytes (recordings).
    pub size: Option<u64>,
    /// The current-session replay playlist (`<name>.m3u8`).
    pub latest: bool,
    /// A multivariant (`-abr`) replay playlist over the group's members.
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

fn parse_processes(values: Vec<serde_json::Value>) -> Vec<Process> {
    values
        .into_iter()
        .filter_map(|v| serde_json::from_value(v).ok())
        .collect()
}

/// Keeps the processes this console knows and skips the rest, instead of failing the whole
/// stream on one unknown process id.
fn lenient_processing<'de, D: Deserializer<'de>>(d: D) -> Result<Vec<Process>, D::Error> {
    let values: Option<Vec<serde_json::Value>> = Option::deserialize(d)?;
    Ok(parse_processes(values.unwrap_or_default()))
}

fn lenient_optional_processing<'de, D: Deserializer<'de>>(
    d: D,
) -> Result<Option<Vec<Process>>, D::Error> {
    let values: Option<Vec<serde_json::Value>> = Option::deserialize(d)?;
    Ok(values.map(parse_processes))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_the_documented_example_and_skips_unknown_processes() {
        let s: Stream = serde_json::from_str(
            r#"{"id":"8a3b","state":"created","created_at":"2025-11-04T17:09:19.899Z",
            "playout":{"h5live":[{"id":"8a3b","index":0,"type":"live","tags":["Passthrough"],
              "rtmp":{"url":"rtmp://x/play","streamname":"XsTvy-JgqqV"},
              "processing":[{"id":"thumbs","interval":30},{"id":"captions"}],
              "info":{"width":0,"height":0,"bitrate":0,"fps":0}}],
              "thumbnails":[{"url":"u","type":"image","streamId":"8a3b","streamname":"XsTvy-JgqqV"}],
              "web":[{"url":"w","type":"vod","createdAt":"c","session":1712345678901,"size":5}]},
            "unknown":true}"#,
        )
        .unwrap();
        let m = s.members();
        assert_eq!(m[0].name(), "XsTvy-JgqqV");
        assert_eq!(m[0].processing, vec![Process::Thumbs { interval: 30 }]);
        assert_eq!(m[0].display_name(), "Passthrough");
        assert_eq!(s.playout.web[0].session, Some(1712345678901));
        assert_eq!(s.playout.thumbnails[0].kind, "image");
        assert!(!s.is_group() && !s.has_pending_processing());
    }

    #[test]
    fn null_processing_is_empty() {
        let m: Member = serde_json::from_str(r#"{"processing":null}"#).unwrap();
        assert!(m.processing.is_empty() && m.processing_pending.is_none());
        assert_eq!(member_label(2), "2. Transcode");
    }
}

/// Body of `POST /stream` (bintu-api.md §2.4). Empty vectors are omitted.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct NewStream {
    #[serde(skip_serializing_if = "Vec::is_empty", default)]
    pub tags: Vec<String>,
    #[serde(skip_serializing_if = "Vec::is_empty", default)]
    pub transcodes: Vec<TranscodeRequest>,
    /// Outer index = group member (0 passthrough, 1..n transcodes in order).
    #[serde(skip_serializing_if = "Vec::is_empty", default)]
    pub processing: Vec<Vec<Process>>,
}

#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct TranscodeRequest {
    pub profile: String,
    pub tags: Vec<String>,
}

/// A transcoding profile of `GET /transcoding/profiles`.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct TranscodingProfile {
    pub id: String,
    pub width: u32,
    pub height: u32,
    pub bitrate: u32,
    pub fps: u32,
}
