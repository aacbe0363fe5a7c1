//! Read side of publish sessions and recordings for the stream object's asset lists. The
//! ingest/engine writes these tables (db/sessions.rs); the API only reads them here.

use rusqlite::{params, Connection};

/// One publish session of one member.
#[derive(Clone, Debug, PartialEq)]
pub struct SessionRow {
    pub session_ms: i64,
    /// Whether the processing applied in this session had `replay`.
    pub had_replay: bool,
    pub started_at: String,
}

/// One finalised MP4 recording of one member.
#[derive(Clone, Debug, PartialEq)]
pub struct RecordingRow {
    pub session_ms: i64,
    /// Media path relative to the media directory.
    pub file: String,
    pub size: i64,
    pub created_at: String,
}

/// The member's sessions, latest first; at most `limit` rows. With `replay_only`, only
/// sessions whose applied processing had replay (so the limit counts replay sessions).
pub fn sessions_of(
    conn: &Connection,
    stream_id: &str,
    limit: u32,
    replay_only: bool,
) -> rusqlite::Result<Vec<SessionRow>> {
    let mut stmt = conn.prepare_cached(
        "SELECT session_ms, had_replay, started_at FROM (
           SELECT session_ms, started_at,
                  EXISTS (SELECT 1 FROM json_each(CASE WHEN json_valid(processing)
                                                       THEN processing ELSE '[]' END) p
                          WHERE json_extract(p.value, '$.id') = 'replay') AS had_replay
           FROM sessions WHERE stream_id = ?1)
         WHERE had_replay OR NOT ?3
         ORDER BY session_ms DESC LIMIT ?2",
    )?;
    let rows = stmt.query_map(params![stream_id, limit, replay_only], |r| {
        Ok(SessionRow {
            session_ms: r.get(0)?,
            had_replay: r.get(1)?,
            started_at: r.get(2)?,
        })
    })?;
    rows.collect()
}

/// The member's recordings, latest first; at most `limit` rows.
pub fn recordings_of(
    conn: &Connection,
    stream_id: &str,
    limit: u32,
) -> rusqlite::Result<Vec<RecordingRow>> {
    let mut stmt = conn.prepare_cached(
        "SELECT session_ms, file, size, created_at FROM recordings
         WHERE stream_id = ?1 ORDER BY session_ms DESC LIMIT ?2",
    )?;
    let rows = stmt.query_map(params![stream_id, limit], |r| {
        Ok(RecordingRow {
            session_ms: r.get(0)?,
            file: r.get(1)?,
            size: r.get(2)?,
            created_at: r.get(3)?,
        })
    })?;
    rows.collect()
}
