//! Streams: one row per stream-group member (migration 2). Creating a group writes all its
//! members in one transaction; state changes act on the whole group at once, so a reader
//! never sees a half-created group or members in different states.

use contract::state::StreamState;
use rusqlite::types::Type;
use rusqlite::{params, Connection, OptionalExtension, Row};
use serde_json::Value;

use super::now_iso;
use crate::ids;

/// One member row. `tags`, `processing` and `processing_pending` hold JSON text.
#[derive(Clone, Debug, PartialEq)]
pub struct StreamRow {
    pub id: String,
    pub org_id: String,
    pub group_id: String,
    pub member_index: i64,
    pub name: String,
    pub profile: Option<String>,
    pub width: i64,
    pub height: i64,
    pub bitrate: i64,
    pub fps: i64,
    pub state: StreamState,
    pub tags: String,
    pub processing: String,
    pub processing_pending: Option<String>,
    pub created_at: String,
}

/// A transcode profile as stored on a member row.
#[derive(Clone, Debug, PartialEq)]
pub struct ProfileSpec {
    pub id: String,
    pub width: i64,
    pub height: i64,
    pub bitrate: i64,
    pub fps: i64,
}

/// What `create_group` needs per member (index 0 = passthrough, which has no profile).
#[derive(Clone, Debug)]
pub struct NewMember {
    pub profile: Option<ProfileSpec>,
    pub tags: Vec<String>,
    /// Validated, normalised process list (a JSON array).
    pub processing: Value,
}

/// The columns `from_row` reads, in its order.
const COLS: &str = "id, org_id, group_id, member_index, name, profile, width, height, bitrate, \
     fps, state, tags, processing, processing_pending, created_at";

fn from_row(r: &Row) -> rusqlite::Result<StreamRow> {
    Ok(from_columns!(
        r,
        StreamRow {
            id,
            org_id,
            group_id,
            member_index,
            name,
            profile,
            width,
            height,
            bitrate,
            fps,
            state: state_at,
            tags,
            processing,
            processing_pending,
            created_at,
        }
    ))
}

/// The state column read as the contract's enum; a value outside it (the schema's CHECK
/// allows none) is a conversion error, not a guess.
pub fn state_at(r: &Row, i: usize) -> rusqlite::Result<StreamState> {
    let s: String = r.get(i)?;
    StreamState::parse(&s).ok_or_else(|| {
        rusqlite::Error::FromSqlConversionFailure(i, Type::Text, format!("state {s:?}").into())
    })
}

/// A stream name `<orgHash>-<random>` not used yet (names are unique across organisations).
fn fresh_name(tx: &Connection, org_hash: &str) -> rusqlite::Result<String> {
    let mut stmt = tx.prepare_cached("SELECT 1 FROM streams WHERE name = ?1")?;
    loop {
        let name = format!("{org_hash}-{}", ids::alnum(5));
        if !stmt.exists([&name])? {
            return Ok(name);
        }
    }
}

/// Creates a group: every member in one transaction, or nothing. Returns the rows in
/// member order; the first row's id is the group id.
pub fn create_group(
    conn: &mut Connection,
    org_id: &str,
    org_hash: &str,
    members: &[NewMember],
) -> rusqlite::Result<Vec<StreamRow>> {
    let tx = conn.transaction()?;
    let seq: i64 = tx.query_row(
        "SELECT COALESCE(MAX(created_seq), 0) + 1 FROM streams WHERE org_id = ?1",
        [org_id],
        |r| r.get(0),
    )?;
    let created_at = now_iso();
    let group_id = uuid::Uuid::new_v4().to_string();
    let mut rows = Vec::with_capacity(members.len());
    for (i, m) in members.iter().enumerate() {
        let id = if i == 0 {
            group_id.clone()
        } else {
            uuid::Uuid::new_v4().to_string()
        };
        let p = m.profile.clone();
        let row = StreamRow {
            id,
            org_id: org_id.to_string(),
            group_id: group_id.clone(),
            member_index: i as i64,
            name: fresh_name(&tx, org_hash)?,
            width: p.as_ref().map_or(0, |p| p.width),
            height: p.as_ref().map_or(0, |p| p.height),
            bitrate: p.as_ref().map_or(0, |p| p.bitrate),
            fps: p.as_ref().map_or(0, |p| p.fps),
            profile: p.map(|p| p.id),
            state: StreamState::Created,
            tags: serde_json::to_string(&m.tags).unwrap_or_else(|_| "[]".into()),
            processing: m.processing.to_string(),
            processing_pending: None,
            created_at: created_at.clone(),
        };
        tx.prepare_cached(&format!(
            "INSERT INTO streams ({COLS}, created_seq) \
             VALUES (?1,?2,?3,?4,?5,?6,?7,?8,?9,?10,?11,?12,?13,?14,?15,?16)"
        ))?
        .execute(params![
            row.id,
            row.org_id,
            row.group_id,
            row.member_index,
            row.name,
            row.profile,
            row.width,
            row.height,
            row.bitrate,
            row.fps,
            row.state.as_str(),
            row.tags,
            row.processing,
            row.processing_pending,
            row.created_at,
            seq
        ])?;
        rows.push(row);
    }
    tx.commit()?;
    Ok(rows)
}

/// A member by id, including deleted ones (callers decide what deleted means for them).
pub fn member_any_state(conn: &Connection, id: &str) -> rusqlite::Result<Option<StreamRow>> {
    conn.prepare_cached(&format!("SELECT {COLS} FROM streams WHERE id = ?1"))?
        .query_row([id], from_row)
        .optional()
}

/// A visible (not deleted) member of `org_id`, or of any organisation when `org_id` is
/// `None` (the player view). Another organisation's stream is simply not found.
pub fn member(
    conn: &Connection,
    org_id: Option<&str>,
    id: &str,
) -> rusqlite::Result<Option<StreamRow>> {
    Ok(member_any_state(conn, id)?
        .filter(|r| r.state != StreamState::Deleted && org_id.is_none_or(|o| o == r.org_id)))
}

/// Every member of a group, passthrough first.
pub fn group_members(conn: &Connection, group_id: &str) -> rusqlite::Result<Vec<StreamRow>> {
    let mut stmt = conn.prepare_cached(&format!(
        "SELECT {COLS} FROM streams WHERE group_id = ?1 ORDER BY member_index"
    ))?;
    let rows = stmt.query_map([group_id], from_row)?;
    rows.collect()
}

/// Filters of `GET /stream`, already validated.
#[derive(Clone, Debug, Default)]
pub struct ListFilter {
    pub quantity: u32,
    /// 1-based.
    pub page: u32,
    pub state: Option<StreamState>,
    /// AND-combined: a group is listed when its tags contain every one of these.
    pub tags: Vec<String>,
    /// Created at or after (stored `createdAt` form, `2025-11-04T17:09:19.899Z`).
    pub from: Option<String>,
    /// Created before.
    pub before: Option<String>,
}

/// The passthrough rows of the organisation's visible groups, newest first.
pub fn list_groups(
    conn: &Connection,
    org_id: &str,
    f: &ListFilter,
) -> rusqlite::Result<Vec<StreamRow>> {
    let tags = serde_json::to_string(&f.tags).unwrap_or_else(|_| "[]".into());
    let offset = i64::from(f.page.saturating_sub(1)) * i64::from(f.quantity);
    let mut stmt = conn.prepare_cached(&format!(
        "SELECT {COLS} FROM streams s
         WHERE org_id = ?1 AND member_index = 0 AND state != 'deleted'
           AND (?2 IS NULL OR state = ?2)
           AND (?6 IS NULL OR created_at >= ?6) AND (?7 IS NULL OR created_at < ?7)
           AND NOT EXISTS (SELECT 1 FROM json_each(?3) want
                           WHERE want.value NOT IN (SELECT value FROM json_each(s.tags)))
         ORDER BY created_seq DESC LIMIT ?4 OFFSET ?5"
    ))?;
    // `createdAt` strings share one fixed-width UTC form, so text order is time order.
    let rows = stmt.query_map(
        params![
            org_id,
            f.state.map(StreamState::as_str),
            tags,
            f.quantity,
            offset,
            f.from,
            f.before
        ],
        from_row,
    )?;
    rows.collect()
}

/// The organisation's tags over its visible groups (top-level tags), most used first.
pub fn tag_counts(conn: &Connection, org_id: &str) -> rusqlite::Result<Vec<(String, i64)>> {
    let mut stmt = conn.prepare_cached(
        "SELECT t.value, COUNT(*) AS n FROM streams s, json_each(s.tags) t
         WHERE s.org_id = ?1 AND s.member_index = 0 AND s.state != 'deleted'
           AND t.type = 'text'
         GROUP BY t.value ORDER BY n DESC, t.value",
    )?;
    let rows = stmt.query_map([org_id], |r| Ok((r.get(0)?, r.get(1)?)))?;
    rows.collect()
}
