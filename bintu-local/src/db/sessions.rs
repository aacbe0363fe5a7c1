//! Write side of publishing: a publish start applies pending processing and opens one session
//! per group member (one transaction), a publish end closes them, and a finished MP4 becomes a
//! `recordings` row, and a restart closes what a crash left open. Callers: the ingest (start
//! and end), the engine (recordings) and the server's start (recovery).

use contract::state::{PublishRefused, StreamState};
use rusqlite::{params, Connection, OptionalExtension};
use serde_json::Value;

use super::now_iso;
use super::streams::state_at;

/// One member of a group as the engine needs it for a session.
#[derive(Clone, Debug, PartialEq)]
pub struct MemberPlan {
    pub stream_id: String,
    pub name: String,
    pub index: i64,
    /// `None` for the passthrough.
    pub profile: Option<String>,
    pub width: i64,
    pub height: i64,
    /// kbit/s.
    pub bitrate: i64,
    pub fps: i64,
    /// The processing applied in this session (JSON array of process objects).
    pub processing: Value,
}

/// What a publish start returns: the group and its members, passthrough first.
#[derive(Clone, Debug, PartialEq)]
pub struct PublishPlan {
    pub group_id: String,
    pub session_ms: i64,
    pub members: Vec<MemberPlan>,
}

/// Why a publish is refused.
#[derive(Debug)]
pub enum Refusal {
    Unknown,
    Locked,
    Deleted,
    AlreadyLive,
    /// Transcodes are produced here; only the passthrough name takes ingest.
    NotPassthrough,
    Db(rusqlite::Error),
}

impl std::fmt::Display for Refusal {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Refusal::Unknown => write!(f, "unknown stream name"),
            Refusal::Locked => write!(f, "stream is locked"),
            Refusal::Deleted => write!(f, "stream is deleted"),
            Refusal::AlreadyLive => write!(f, "stream is already live"),
            Refusal::NotPassthrough => write!(f, "publish to the passthrough name of the group"),
            Refusal::Db(e) => write!(f, "database error: {e}"),
        }
    }
}

impl From<rusqlite::Error> for Refusal {
    fn from(e: rusqlite::Error) -> Self {
        Refusal::Db(e)
    }
}

/// Starts a publish of `name`: refuses unknown, locked, deleted, already-live and transcode
/// names; otherwise applies every member's pending processing, sets the group live and opens
/// a session per member, all in one transaction.
pub fn begin_publish(
    conn: &mut Connection,
    name: &str,
    session_ms: i64,
) -> Result<PublishPlan, Refusal> {
    let tx = conn.transaction()?;
    let found: Option<(String, i64, StreamState)> = tx
        .query_row(
            "SELECT group_id, member_index, state FROM streams WHERE name = ?1",
            params![name],
            |r| Ok((r.get(0)?, r.get(1)?, state_at(r, 2)?)),
        )
        .optional()?;
    let (group_id, index, state) = found.ok_or(Refusal::Unknown)?;
    let live = state.publish().map_err(|refused| match refused {
        PublishRefused::Locked => Refusal::Locked,
        PublishRefused::Deleted => Refusal::Deleted,
        PublishRefused::AlreadyLive => Refusal::AlreadyLive,
    })?;
    if index != 0 {
        return Err(Refusal::NotPassthrough);
    }
    tx.execute(
        "UPDATE streams SET processing = processing_pending, processing_pending = NULL
         WHERE group_id = ?1 AND processing_pending IS NOT NULL",
        params![group_id],
    )?;
    tx.execute(
        "UPDATE streams SET state = ?2 WHERE group_id = ?1",
        params![group_id, live.as_str()],
    )?;
    let members = {
        let mut stmt = tx.prepare(
            "SELECT id, name, member_index, profile, width, height, bitrate, fps, processing
             FROM streams WHERE group_id = ?1 ORDER BY member_index",
        )?;
        let rows = stmt.query_map(params![group_id], |r| {
            let processing: String = r.get(8)?;
            Ok(MemberPlan {
                stream_id: r.get(0)?,
                name: r.get(1)?,
                index: r.get(2)?,
                profile: r.get(3)?,
                width: r.get(4)?,
                height: r.get(5)?,
                bitrate: r.get(6)?,
                fps: r.get(7)?,
                processing: serde_json::from_str(&processing).unwrap_or(Value::Array(vec![])),
            })
        })?;
        rows.collect::<rusqlite::Result<Vec<_>>>()?
    };
    let started = now_iso();
    for m in &members {
        tx.execute(
            "INSERT OR REPLACE INTO sessions (stream_id, session_ms, processing, started_at)
             VALUES (?1, ?2, ?3, ?4)",
            params![m.stream_id, session_ms, m.processing.to_string(), started],
        )?;
    }
    tx.commit()?;
    Ok(PublishPlan {
        group_id,
        session_ms,
        members,
    })
}

/// Ends a publish: the group becomes `ended` unless the API locked or deleted it meanwhile,
/// and the sessions get their end time.
pub fn end_publish(conn: &Connection, group_id: &str, session_ms: i64) -> rusqlite::Result<()> {
    conn.execute(
        "UPDATE streams SET state = 'ended' WHERE group_id = ?1 AND state = 'live'",
        params![group_id],
    )?;
    conn.execute(
        "UPDATE sessions SET ended_at = ?3
         WHERE session_ms = ?2 AND ended_at IS NULL
           AND stream_id IN (SELECT id FROM streams WHERE group_id = ?1)",
        params![group_id, session_ms, now_iso()],
    )?;
    Ok(())
}

/// Records the tracks of the group's session `session_ms` on every member's row (`None`:
/// not known, e.g. a publish refused for its video codec) and why outputs are missing.
pub fn set_tracks(
    conn: &Connection,
    group_id: &str,
    session_ms: i64,
    video: Option<bool>,
    audio: Option<bool>,
    note: Option<&str>,
) -> rusqlite::Result<()> {
    conn.execute(
        "UPDATE sessions SET video = ?3, audio = ?4, tracks_note = ?5
         WHERE session_ms = ?2 AND stream_id IN (SELECT id FROM streams WHERE group_id = ?1)",
        params![group_id, session_ms, video, audio, note],
    )?;
    Ok(())
}

/// Records a finalised MP4 (`file` relative to the media directory).
pub fn add_recording(
    conn: &Connection,
    stream_id: &str,
    session_ms: i64,
    file: &str,
    size: i64,
) -> rusqlite::Result<()> {
    conn.execute(
        "INSERT OR REPLACE INTO recordings (stream_id, session_ms, file, size, created_at)
         VALUES (?1, ?2, ?3, ?4, ?5)",
        params![stream_id, session_ms, file, size, now_iso()],
    )?;
    Ok(())
}

/// One member of a session as recovery after a crash needs it (`engine::recover`).
#[derive(Clone, Debug, PartialEq)]
pub struct SessionMember {
    pub stream_id: String,
    pub name: String,
    pub index: i64,
    /// The processing applied in that session.
    pub processing: Value,
    /// Whether its recording is already listed.
    pub recorded: bool,
}

/// The members of the session `session_ms` of the group whose passthrough is `first` (the
/// name a work directory carries); empty when no such session is known.
pub fn session_members(
    conn: &Connection,
    first: &str,
    session_ms: i64,
) -> rusqlite::Result<Vec<SessionMember>> {
    let mut stmt = conn.prepare(
        "SELECT s.id, s.name, s.member_index, se.processing,
                EXISTS (SELECT 1 FROM recordings r
                        WHERE r.stream_id = s.id AND r.session_ms = se.session_ms)
         FROM streams s JOIN sessions se ON se.stream_id = s.id AND se.session_ms = ?2
         WHERE s.group_id = (SELECT group_id FROM streams WHERE name = ?1)
         ORDER BY s.member_index",
    )?;
    let rows = stmt.query_map(params![first, session_ms], |r| {
        let processing: String = r.get(3)?;
        Ok(SessionMember {
            stream_id: r.get(0)?,
            name: r.get(1)?,
            index: r.get(2)?,
            processing: serde_json::from_str(&processing).unwrap_or(Value::Array(vec![])),
            recorded: r.get(4)?,
        })
    })?;
    rows.collect()
}

/// After a restart nothing is being ingested: groups left `live` by a crash become `ended`
/// and their open sessions are closed, so a new publish is not refused as a second publisher.
pub fn recover_after_restart(conn: &Connection) -> rusqlite::Result<usize> {
    conn.execute(
        "UPDATE sessions SET ended_at = ?1 WHERE ended_at IS NULL",
        params![now_iso()],
    )?;
    conn.execute(
        "UPDATE streams SET state = 'ended' WHERE state = 'live'",
        [],
    )
}

#[cfg(test)]
mod tests;
