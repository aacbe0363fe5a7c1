//! Storage that does not grow forever: per-organisation usage of the media directory
//! (`GET /organisation`) and the retention pass that applies `plan::Policy` to it. The pass
//! runs at start and then periodically on a blocking thread; each removal takes the
//! database row first (a recording stops being listed before its file goes) and a
//! playlist before its segments.

pub mod plan;
pub mod scan;

use std::collections::{HashMap, HashSet};
use std::path::Path;
use std::time::Duration;

use rusqlite::Connection;
use serde::Serialize;

use crate::db::Db;
use contract::state::StreamState;
use plan::{Facts, Policy, Removal};
use scan::{Category, MediaFile};

/// Bytes on disk of one organisation's media.
#[derive(Clone, Copy, Debug, Default, PartialEq, Serialize)]
pub struct Usage {
    pub recordings: u64,
    pub replay: u64,
    pub thumbnails: u64,
    /// All of the above plus the organisation's other files (temporary ones).
    pub total: u64,
}

/// Sums `files` of the streams named in `names`.
pub fn usage(files: &[MediaFile], names: &HashSet<String>) -> Usage {
    let mut u = Usage::default();
    for f in files.iter().filter(|f| names.contains(&f.name)) {
        match scan::category(&f.part) {
            Category::Recordings => u.recordings += f.bytes,
            Category::Replay => u.replay += f.bytes,
            Category::Thumbnails => u.thumbnails += f.bytes,
            Category::Other => {}
        }
        u.total += f.bytes;
    }
    u
}

/// The usage of organisation `org_id`, measured now.
pub fn org_usage(conn: &Connection, media: &Path, org_id: &str) -> rusqlite::Result<Usage> {
    let mut stmt = conn.prepare_cached("SELECT name FROM streams WHERE org_id = ?1")?;
    let names = stmt
        .query_map([org_id], |r| r.get(0))?
        .collect::<rusqlite::Result<HashSet<String>>>()?;
    Ok(usage(&scan::scan(media), &names))
}

fn epoch_ms(iso: &str) -> Option<i64> {
    let t = time::OffsetDateTime::parse(iso, &time::format_description::well_known::Rfc3339);
    t.ok()
        .map(|t| (t.unix_timestamp_nanos() / 1_000_000) as i64)
}

/// What the database says about every stream and session.
pub fn facts(conn: &Connection) -> rusqlite::Result<Facts> {
    let mut f = Facts::default();
    let mut stmt = conn.prepare_cached("SELECT name, deleted_at, state FROM streams")?;
    let rows = stmt.query_map([], |r| {
        let (name, at, state): (String, Option<String>, String) = (r.get(0)?, r.get(1)?, r.get(2)?);
        Ok((name, at, state))
    })?;
    for row in rows {
        let (name, at, state) = row?;
        // A deleted stream without a time (deleted before times were kept) counts from now.
        let deleted =
            (state == StreamState::Deleted.as_str()).then(|| at.as_deref().and_then(epoch_ms));
        let deleted = deleted.map(|d| d.unwrap_or_else(now_ms));
        f.streams.insert(name, deleted);
    }
    let mut stmt = conn.prepare_cached(
        "SELECT s.name, x.session_ms, x.ended_at FROM sessions x JOIN streams s ON s.id = x.stream_id",
    )?;
    let rows = stmt.query_map([], |r| {
        let ended: Option<String> = r.get(2)?;
        Ok(((r.get::<_, String>(0)?, r.get::<_, i64>(1)?), ended))
    })?;
    for row in rows {
        let (key, ended) = row?;
        // An unparsable end time still means "ended": treat it as just now.
        let ended = ended.map(|e| epoch_ms(&e).unwrap_or_else(now_ms));
        f.sessions.insert(key, ended);
    }
    Ok(f)
}

/// A `--retain-bytes` value: a whole number of bytes, or with a K, M, G or T suffix
/// (powers of 1024).
pub fn parse_bytes(s: &str) -> Result<u64, String> {
    let t = s.trim();
    let (digits, unit) = match t.char_indices().last() {
        Some((i, c)) if c.is_ascii_alphabetic() => (&t[..i], c.to_ascii_uppercase()),
        _ => (t, 'B'),
    };
    let shift = match unit {
        'B' => 0,
        'K' => 10,
        'M' => 20,
        'G' => 30,
        'T' => 40,
        _ => {
            return Err(format!(
                "{s}: expected bytes, or a number with K, M, G or T"
            ))
        }
    };
    let n: u64 = digits
        .trim()
        .parse()
        .map_err(|_| format!("{s}: not a whole number"))?;
    n.checked_mul(1 << shift)
        .ok_or_else(|| format!("{s}: too large"))
}

pub fn now_ms() -> i64 {
    (time::OffsetDateTime::now_utc().unix_timestamp_nanos() / 1_000_000) as i64
}

/// What one pass removed.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct PassStats {
    pub removals: usize,
    pub files: usize,
    pub bytes: u64,
}

/// One retention pass over `media` at `now`: plans, then removes.
pub fn run_pass(db: &Db, media: &Path, policy: &Policy, now: i64) -> anyhow::Result<PassStats> {
    let files = scan::scan(media);
    let facts = facts(&db.read())?;
    let removals = plan::plan(&files, &facts, policy, now);
    let mut stats = PassStats::default();
    for r in &removals {
        if r.recording {
            forget_recording(&db.lock(), r)?;
        }
        for f in &r.files {
            match std::fs::remove_file(media.join(f)) {
                Ok(()) => stats.files += 1,
                Err(e) if e.kind() == std::io::ErrorKind::NotFound => {}
                Err(e) => {
                    tracing::warn!(file = %f, error = %e, "retention could not remove a file")
                }
            }
            if let Some(dir) = Path::new(f)
                .parent()
                .filter(|d| d.to_str().is_some_and(contract::media::parse::in_timeline))
            {
                let _ = std::fs::remove_dir(media.join(dir)); // only once empty
            }
        }
        stats.bytes += r.bytes;
        stats.removals += 1;
    }
    if stats.removals > 0 {
        let by_reason = removals.iter().fold(HashMap::new(), |mut m, r| {
            *m.entry(format!("{:?}", r.reason).to_lowercase())
                .or_insert(0) += 1;
            m
        });
        tracing::info!(removed = stats.removals, files = stats.files, bytes = stats.bytes, reasons = ?by_reason, "retention pass");
    }
    Ok(stats)
}

fn forget_recording(conn: &Connection, r: &Removal) -> rusqlite::Result<()> {
    conn.prepare_cached(
        "DELETE FROM recordings WHERE session_ms = ?2
         AND stream_id IN (SELECT id FROM streams WHERE name = ?1)",
    )?
    .execute(rusqlite::params![r.name, r.session])?;
    Ok(())
}

/// Runs a pass now and then every `every`, until the runtime stops.
pub fn spawn(db: Db, media: std::path::PathBuf, policy: Policy, every: Duration) {
    tokio::spawn(async move {
        let mut tick = tokio::time::interval(every);
        tick.set_missed_tick_behavior(tokio::time::MissedTickBehavior::Delay);
        loop {
            tick.tick().await;
            let (db, media, policy) = (db.clone(), media.clone(), policy.clone());
            let done =
                tokio::task::spawn_blocking(move || run_pass(&db, &media, &policy, now_ms())).await;
            match done {
                Ok(Ok(_)) => {}
                Ok(Err(e)) => tracing::warn!(error = %e, "retention pass failed"),
                Err(e) => tracing::warn!(error = %e, "retention pass panicked"),
            }
        }
    });
}

#[cfg(test)]
mod tests;
