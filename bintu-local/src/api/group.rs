//! A stream group as read for rendering: its member rows with their recent sessions and
//! recordings (`load`, one database lock, a fixed number of statements), each member's JSON
//! columns parsed once (`Parsed`), and where URLs point and files live (`Ctx`).

use std::path::PathBuf;

use rusqlite::Connection;
use serde_json::Value;

use super::shape::ApiShape;
use crate::db::assets::{group_recordings, group_sessions, RecordingRow, SessionRow};
use crate::db::streams::{group_members, StreamRow};
use crate::server::AppState;

/// A group with its recent sessions and recordings, per member (same order as `members`).
pub struct GroupData {
    pub members: Vec<StreamRow>,
    /// Sessions that had replay, per member.
    pub sessions: Vec<Vec<SessionRow>>,
    pub recordings: Vec<Vec<RecordingRow>>,
    /// All sessions of the passthrough (candidates for `-abr` playlists); empty for a
    /// single stream.
    pub abr_sessions: Vec<SessionRow>,
}

impl GroupData {
    /// A group as just created: no sessions, no recordings.
    pub fn fresh(members: Vec<StreamRow>) -> GroupData {
        let n = members.len();
        GroupData {
            members,
            sessions: vec![Vec::new(); n],
            recordings: vec![Vec::new(); n],
            abr_sessions: Vec::new(),
        }
    }
}

/// Reads the group of `group_id` and at most `asset_limit` sessions and recordings per member.
pub fn load(conn: &Connection, group_id: &str, asset_limit: u32) -> rusqlite::Result<GroupData> {
    let mut g = GroupData::fresh(group_members(conn, group_id)?);
    if asset_limit == 0 {
        return Ok(g);
    }
    let index_of = |g: &GroupData, id: &str| g.members.iter().position(|m| m.id == id);
    for s in group_sessions(conn, group_id, asset_limit, true)? {
        if let Some(i) = index_of(&g, &s.stream_id) {
            g.sessions[i].push(s);
        }
    }
    for r in group_recordings(conn, group_id, asset_limit)? {
        if let Some(i) = index_of(&g, &r.stream_id) {
            g.recordings[i].push(r);
        }
    }
    if g.members.len() > 1 {
        let passthrough = g.members[0].id.clone();
        g.abr_sessions = group_sessions(conn, group_id, asset_limit, false)?
            .into_iter()
            .filter(|s| s.stream_id == passthrough)
            .collect();
    }
    Ok(g)
}

/// Where URLs point and files are looked up.
pub struct Ctx {
    pub public_base: String,
    pub rtmp_base: String,
    pub media_dir: PathBuf,
    /// The player view (no credentials): no tags and no processing internals.
    pub public: bool,
    /// Full contract or documented fields only.
    pub shape: ApiShape,
}

impl Ctx {
    pub fn new(state: &AppState, public: bool) -> Ctx {
        let bases = crate::public_url::current(state);
        Ctx {
            public_base: bases.http,
            rtmp_base: bases.rtmp,
            media_dir: state.config.media_dir(),
            public,
            shape: state.config.api_shape,
        }
    }

    /// Only what the public docs show.
    pub fn documented(&self) -> bool {
        self.shape.documented()
    }

    pub fn file_exists(&self, path: &str) -> bool {
        self.media_dir.join(path).is_file()
    }
}

/// Parses stored JSON text; a corrupt value renders as `[]` rather than failing the request.
pub fn json_of(text: &str) -> Value {
    serde_json::from_str(text).unwrap_or_else(|_| Value::Array(Vec::new()))
}

/// "Passthrough" for index 0, "N. Transcode" otherwise (the dashboard's member labels).
pub fn label(index: i64) -> String {
    if index == 0 {
        "Passthrough".to_string()
    } else {
        format!("{index}. Transcode")
    }
}

/// A member's JSON columns, parsed once per render.
pub struct Parsed {
    pub tags: Value,
    pub processing: Value,
    /// Present only when it differs from `processing`.
    pub pending: Option<Value>,
}

impl Parsed {
    pub fn of(m: &StreamRow) -> Parsed {
        let processing = json_of(&m.processing);
        let pending = m
            .processing_pending
            .as_deref()
            .map(json_of)
            .filter(|p| *p != processing);
        Parsed {
            tags: json_of(&m.tags),
            processing,
            pending,
        }
    }

    pub fn has(&self, process: &str) -> bool {
        self.processing
            .as_array()
            .is_some_and(|l| l.iter().any(|p| p["id"] == process))
    }
}
