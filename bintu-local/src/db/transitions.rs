//! Every change the API makes to an existing stream, each as one conditional write: the
//! statement itself says which states it applies to (`… WHERE group_id = ? AND state IN
//! (…)`) and the rows it changed say whether it did. A check made earlier on another
//! connection can be stale by the time the write runs (a DELETE between a lock's lookup and
//! its write used to be undone), so nothing here trusts one. The states and transitions are
//! the contract crate's (`StreamState`).

use contract::state::StreamState;
use rusqlite::{params, Connection, OptionalExtension};
use serde_json::Value;

/// The states from which `step` leads to `to` (e.g. `sources(StreamState::lock, Locked)`:
/// every state but `deleted`).
pub fn sources(step: impl Fn(StreamState) -> StreamState, to: StreamState) -> Vec<StreamState> {
    StreamState::ALL
        .into_iter()
        .filter(|s| step(*s) == to)
        .collect()
}

fn json_states(states: &[StreamState]) -> String {
    let names: Vec<&str> = states.iter().map(|s| s.as_str()).collect();
    serde_json::to_string(&names).unwrap_or_else(|_| "[]".into())
}

/// The group's state as stored now (the passthrough row's), `None` for an unknown group.
pub fn group_state(conn: &Connection, group_id: &str) -> rusqlite::Result<Option<StreamState>> {
    let s: Option<String> = conn
        .prepare_cached("SELECT state FROM streams WHERE group_id = ?1 AND member_index = 0")?
        .query_row([group_id], |r| r.get(0))
        .optional()?;
    Ok(s.and_then(|s| StreamState::parse(&s)))
}

/// Moves every member of the group to `to` if the group is in one of `from`; the member
/// rows changed (0: it was not, and nothing changed). Entering `deleted` stamps
/// `deleted_at` once (the purge's grace period counts from the first delete).
pub fn change(
    conn: &Connection,
    group_id: &str,
    from: &[StreamState],
    to: StreamState,
) -> rusqlite::Result<usize> {
    conn.prepare_cached(
        "UPDATE streams SET state = ?2,
             deleted_at = CASE WHEN ?2 = ?4 THEN COALESCE(deleted_at, ?5) ELSE deleted_at END
         WHERE group_id = ?1 AND state IN (SELECT value FROM json_each(?3))",
    )?
    .execute(params![
        group_id,
        to.as_str(),
        json_states(from),
        StreamState::Deleted.as_str(),
        super::now_iso()
    ])
}

/// `unlock` in one write: a locked group becomes `ended` if any member was ever published,
/// else `created` (decided by the same statement, so a session recorded meanwhile counts).
pub fn unlock(conn: &Connection, group_id: &str) -> rusqlite::Result<usize> {
    let locked = StreamState::Locked;
    conn.prepare_cached(
        "UPDATE streams SET state = CASE WHEN EXISTS (
             SELECT 1 FROM sessions WHERE stream_id IN
                 (SELECT id FROM streams WHERE group_id = ?1)) THEN ?3 ELSE ?4 END
         WHERE group_id = ?1 AND state = ?2",
    )?
    .execute(params![
        group_id,
        locked.as_str(),
        locked.unlock(true).as_str(),
        locked.unlock(false).as_str()
    ])
}

/// Replaces one member's tags unless it is deleted; the rows changed (0 or 1).
pub fn set_tags(conn: &Connection, id: &str, tags: &[String]) -> rusqlite::Result<usize> {
    let json = serde_json::to_string(tags).unwrap_or_else(|_| "[]".into());
    conn.prepare_cached("UPDATE streams SET tags = ?2 WHERE id = ?1 AND state != ?3")?
        .execute(params![id, json, StreamState::Deleted.as_str()])
}

/// Replaces the processing lists of the given members in one transaction, or of none if
/// any of them is deleted (`false`). While the group is live a list waits in
/// `processing_pending` for the next publish; otherwise it applies at once and any pending
/// list is dropped. Live or not is read by each row's own write, never beforehand.
pub fn set_processing(conn: &mut Connection, lists: &[(String, Value)]) -> rusqlite::Result<bool> {
    let tx = conn.transaction()?;
    for (id, list) in lists {
        let changed = tx
            .prepare_cached(
                "UPDATE streams SET
                     processing = CASE WHEN state = ?3 THEN processing ELSE ?2 END,
                     processing_pending = CASE WHEN state = ?3 THEN ?2 ELSE NULL END
                 WHERE id = ?1 AND state != ?4",
            )?
            .execute(params![
                id,
                list.to_string(),
                StreamState::Live.as_str(),
                StreamState::Deleted.as_str()
            ])?;
        if changed == 0 {
            return Ok(false); // dropping `tx` rolls back the members already written
        }
    }
    tx.commit()?;
    Ok(true)
}

#[cfg(test)]
mod tests;
