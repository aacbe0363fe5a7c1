//! The stream object (bintu-api.md §2.2, CONTRACT.md "Stream object additions"). Data is
//! gathered under one database lock (`load`), then rendered without it. Top-level fields
//! describe the requested member; `playout` lists the whole group, passthrough first.

use std::path::PathBuf;

use rusqlite::Connection;
use serde_json::{json, Map, Value};

use super::assets;
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
}

impl Ctx {
    pub fn new(state: &AppState, public: bool) -> Ctx {
        Ctx {
            public_base: state.public_base.to_string(),
            rtmp_base: state.rtmp_base.to_string(),
            media_dir: state.config.media_dir(),
            public,
        }
    }

    pub fn file_exists(&self, path: &str) -> bool {
        self.media_dir.join(path).is_file()
    }
}

/// Parses stored JSON text; a corrupt value renders as `[]` rather than failing the request.
pub fn json_of(text: &str) -> Value {
    serde_json::from_str(text).unwrap_or_else(|_| json!([]))
}

/// "Passthrough" for index 0, "N. Transcode" otherwise (the dashboard's member labels).
pub fn label(index: i64) -> String {
    if index == 0 {
        "Passthrough".to_string()
    } else {
        format!("{index}. Transcode")
    }
}

fn member_entry(m: &StreamRow, ctx: &Ctx, with_url: bool) -> Value {
    let rtmp = json!({ "url": ctx.rtmp_base, "streamname": m.name });
    let mut e = json!({
        "id": m.id, "index": m.member_index, "streamname": m.name, "type": "live",
        "label": label(m.member_index),
        "info": { "width": m.width, "height": m.height, "bitrate": m.bitrate, "fps": m.fps },
        "rtmp": rtmp,
    });
    if with_url {
        e["url"] = json!(ctx.rtmp_base);
    }
    if let Some(p) = &m.profile {
        e["profile"] = json!(p);
    }
    if !ctx.public {
        e["tags"] = json_of(&m.tags);
        let processing = json_of(&m.processing);
        if let Some(pending) = m.processing_pending.as_deref().map(json_of) {
            if pending != processing {
                e["processing_pending"] = pending;
            }
        }
        e["processing"] = processing;
    }
    e
}

/// The stream object of member `requested` (an id of `g.members`).
pub fn stream_object(g: &GroupData, requested: &str, ctx: &Ctx) -> Value {
    let Some(me) = g
        .members
        .iter()
        .find(|m| m.id == requested)
        .or(g.members.first())
    else {
        return json!({});
    };
    let h5live: Vec<Value> = g
        .members
        .iter()
        .map(|m| member_entry(m, ctx, false))
        .collect();
    let rtmp: Vec<Value> = g
        .members
        .iter()
        .map(|m| member_entry(m, ctx, true))
        .collect();
    let hls: Vec<Value> = g
        .members
        .iter()
        .map(|m| {
            json!({
                "url": crate::media_paths::url(&ctx.public_base, &crate::media_paths::replay_current(&m.name)),
                "type": "live", "index": m.member_index,
            })
        })
        .collect();
    let mut live = json!({
        "url": format!("{}/stream/{}", ctx.public_base, me.id), "type": "live",
        "streamId": me.id, "id": me.id, "createdAt": me.created_at,
        "pushUrl": null, "opcode": null,
    });
    if !ctx.public {
        live["processing"] = json_of(&me.processing);
        live["tags"] = json_of(&me.tags);
    }
    let mut web = vec![live];
    web.extend(assets::recordings(g, ctx));
    let mut playout = Map::new();
    playout.insert("h5live".into(), Value::Array(h5live));
    playout.insert("rtmp".into(), Value::Array(rtmp));
    playout.insert("hls".into(), Value::Array(hls));
    playout.insert("web".into(), Value::Array(web));
    playout.insert(
        "thumbnails".into(),
        Value::Array(assets::images(g, ctx, "thumbs")),
    );
    playout.insert(
        "motionclip".into(),
        Value::Array(assets::images(g, ctx, "motionclip")),
    );
    playout.insert("replay".into(), Value::Array(assets::replay(g, ctx)));
    let mut obj = json!({
        "id": me.id, "streamgroup": me.group_id, "state": me.state, "type": "low-latency",
        "created_at": me.created_at, "transcoding": g.members.len() > 1, "webrtc": false,
        "ingest": { "rtmp": { "url": ctx.rtmp_base, "streamname": me.name } },
        "playout": Value::Object(playout),
    });
    if !ctx.public {
        obj["tags"] = json_of(&me.tags);
    }
    obj
}

/// `GET /stream/{id}/group`: `{id, state, playout:{rtmp, hls, h5live}}`.
pub fn group_object(g: &GroupData, ctx: &Ctx) -> Value {
    let full = match g.members.first() {
        Some(first) => stream_object(g, &first.id, ctx),
        None => return json!({}),
    };
    json!({
        "id": full["streamgroup"], "state": full["state"],
        "playout": {
            "rtmp": full["playout"]["rtmp"], "hls": full["playout"]["hls"],
            "h5live": full["playout"]["h5live"],
        },
    })
}
