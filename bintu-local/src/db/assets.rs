//! Read side of publish sessions and recordings for the stream object's asset lists. The
//! ingest/engine writes these tables (db/sessions.rs); the API only reads them here. Each
//! query covers a whole group at once (a window function limits rows per member), so a
//! stream object costs a fixed number of statements however many members it has.

use rusqlite::{params, Connection};

/// One publish session of one member.
#[derive(Clone, Debug, PartialEq)]
pub struct SessionRow {
    pub stream_id: String,
    pub session_ms: i64,
    /// Whether the processing applied in this session had `replay`.
    pub had_replay: bool,
    pub started_at: String,
    pub tracks: SessionTracks,
}

/// The tracks a session carried, when known (db migration 3), and why outputs are missing.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct SessionTracks {
    pub video: Option<bool>,
    pub audio: Option<bool>,
    pub note: Option<String>,
}

impl SessionTracks {
    fn read(r: &rusqlite::Row, first: usize) -> rusqlite::Result<Self> {
        Ok(SessionTracks {
            video: r.get(first)?,
            audio: r.get(first + 1)?,
            note: r.get(first + 2)?,
        })
    }
}

/// One finalised MP4 recording of one member.
#[derive(Clone, Debug, PartialEq)]
pub struct RecordingRow {
    pub stream_id: String,
    pub session_ms: i64,
    /// Media path relative to the media directory.
    pub file: String,
    pub size: i64,
    pub created_at: String,
    pub tracks: SessionTracks,
}

/// Sessions of every member of the group, latest first per member, at most `limit` per
/// member. With `replay_only`, only sessions whose applied processing had replay (so the
/// limit counts replay sessions).
pub fn group_sessions(
    conn: &Connection,
    group_id: &str,
    limit: u32,
    replay_only: bool,
) -> rusqlite::Result<Vec<SessionRow>> {
    let mut stmt = conn.prepare_cached(
        "SELECT stream_id, session_ms, had_replay, started_at, video, audio, tracks_note FROM (
           SELECT stream_id, session_ms, started_at, had_replay, video, audio, tracks_note,
                  ROW_NUMBER() OVER (PARTITION BY stream_id ORDER BY session_ms DESC) AS n
           FROM (SELECT stream_id, session_ms, started_at, video, audio, tracks_note,
                        EXISTS (SELECT 1 FROM json_each(CASE WHEN json_valid(processing)
                                                             THEN processing ELSE '[]' END) p
                                WHERE json_extract(p.value, '$.id') = 'replay') AS had_replay
                 FROM sessions
                 WHERE stream_id IN (SELECT id FROM streams WHERE group_id = ?1))
           WHERE had_replay OR NOT ?3)
         WHERE n <= ?2 ORDER BY session_ms DESC",
    )?;
    let rows = stmt.query_map(params![group_id, limit, replay_only], |r| {
        Ok(SessionRow {
            stream_id: r.get(0)?,
            session_ms: r.get(1)?,
            had_replay: r.get(2)?,
            started_at: r.get(3)?,
            tracks: SessionTracks::read(r, 4)?,
        })
    })?;
    rows.collect()
}

/// Recordings of every member of the group, latest first, at most `limit` per member.
pub fn group_recordings(
    conn: &Connection,
    group_id: &str,
    limit: u32,
) -> rusqlite::Result<Vec<RecordingRow>> {
    let mut stmt = conn.prepare_cached(
        "SELECT r.stream_id, r.session_ms, r.file, r.size, r.created_at,
                s.video, s.audio, s.tracks_note FROM (
           SELECT *, ROW_NUMBER() OVER (PARTITION BY stream_id ORDER BY session_ms DESC) AS n
           FROM recordings WHERE stream_id IN (SELECT id FROM streams WHERE group_id = ?1)) r
         LEFT JOIN sessions s ON s.stream_id = r.stream_id AND s.session_ms = r.session_ms
         WHERE r.n <= ?2 ORDER BY r.session_ms DESC",
    )?;
    let rows = stmt.query_map(params![group_id, limit], |r| {
        Ok(RecordingRow {
            stream_id: r.get(0)?,
            session_ms: r.get(1)?,
            file: r.get(2)?,
            size: r.get(3)?,
            created_at: r.get(4)?,
            tracks: SessionTracks::read(r, 5)?,
        })
    })?;
    rows.collect()
}

/// The file of the newest recording of the stream named `name` (the docs' `/vod/<name>.mp4`).
pub fn latest_recording_file(conn: &Connection, name: &str) -> rusqlite::Result<Option<String>> {
    use rusqlite::OptionalExtension;
    conn.prepare_cached(
        "SELECT r.file FROM recordings r JOIN streams s ON s.id = r.stream_id
         WHERE s.name = ?1 ORDER BY r.session_ms DESC LIMIT 1",
    )?
    .query_row(params![name], |r| r.get(0))
    .optional()
}
