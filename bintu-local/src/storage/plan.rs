//! Which media to remove, decided from the files on disk and what the database knows, with
//! no I/O (so every rule is tested directly). Media is grouped per session: a session's
//! replay (playlists, segments) with its timeline pictures, and its recording. Rules, in
//! order:
//! 1. a deleted stream's media goes once the grace period after its deletion has passed;
//! 2. with `retain_days`, sessions that ended longer ago than that lose their media;
//! 3. with `retain_bytes`, while the media directory holds more, the oldest session's replay
//!    and timeline go first, and only when no replay is left the oldest recording.
//!
//! A live session (open in the database) is never removed, nor anything of a stream the
//! database does not know (nothing is removed that cannot be accounted for).

use std::collections::{BTreeMap, HashMap, HashSet};
use std::time::Duration;

use super::scan::{MediaFile, Part};

/// The retention settings (`serve --retain-days`, `--retain-bytes`,
/// `--purge-deleted-after-hours`).
#[derive(Clone, Debug, PartialEq)]
pub struct Policy {
    pub retain_days: Option<u32>,
    pub retain_bytes: Option<u64>,
    pub purge_deleted_after: Duration,
}

impl Default for Policy {
    fn default() -> Self {
        Self {
            retain_days: None,
            retain_bytes: None,
            purge_deleted_after: Duration::from_secs(7 * 24 * 3600),
        }
    }
}

/// What the database says about the streams and sessions the files belong to.
#[derive(Clone, Debug, Default)]
pub struct Facts {
    /// Every known stream name, with when it was deleted (epoch ms) if it was.
    pub streams: HashMap<String, Option<i64>>,
    /// Sessions by (stream name, session): when they ended (epoch ms), `None` while live.
    pub sessions: HashMap<(String, i64), Option<i64>>,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Reason {
    Deleted,
    Age,
    Space,
}

/// One thing to remove: a session's replay+timeline or recording, or (deleted streams and
/// playlists left pointing at nothing) stream-level files.
#[derive(Clone, Debug, PartialEq)]
pub struct Removal {
    pub name: String,
    pub session: Option<i64>,
    /// A recording: its database row goes too.
    pub recording: bool,
    pub files: Vec<String>,
    pub bytes: u64,
    pub reason: Reason,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
enum Kind {
    Replay,
    Recording,
    Stream,
}

type Key = (Kind, i64, String);

fn key_of(f: &MediaFile) -> Key {
    match f.part {
        Part::Replay { session } | Part::Timeline { session } => {
            (Kind::Replay, session, f.name.clone())
        }
        Part::Recording { session } => (Kind::Recording, session, f.name.clone()),
        _ => (Kind::Stream, 0, f.name.clone()),
    }
}

fn ms(t: std::time::SystemTime) -> i64 {
    t.duration_since(std::time::UNIX_EPOCH)
        .map_or(0, |d| d.as_millis() as i64)
}

/// The removals for `files` under `policy` at `now_ms`.
pub fn plan(files: &[MediaFile], facts: &Facts, policy: &Policy, now_ms: i64) -> Vec<Removal> {
    // Units in (kind, session, name) order: oldest session first within each kind.
    let mut units: BTreeMap<Key, Vec<&MediaFile>> = BTreeMap::new();
    for f in files.iter().filter(|f| facts.streams.contains_key(&f.name)) {
        units.entry(key_of(f)).or_default().push(f);
    }
    // When a session ended: the database's time; unknown sessions, their newest file.
    let ended = |(kind, session, name): &Key, fs: &[&MediaFile]| -> Option<i64> {
        if *kind == Kind::Stream {
            return None;
        }
        match facts.sessions.get(&(name.clone(), *session)) {
            Some(end) => *end,
            None => fs.iter().map(|f| ms(f.modified)).max(),
        }
    };
    let mut out: Vec<Removal> = Vec::new();
    let mut removed: HashSet<Key> = HashSet::new();
    let mut take = |key: &Key, fs: &[&MediaFile], reason, removed: &mut HashSet<Key>| {
        removed.insert(key.clone());
        out.push(removal(key, fs, reason));
        out.last().map_or(0, |r| r.bytes)
    };
    let grace = policy.purge_deleted_after.as_millis() as i64;
    for (key, fs) in &units {
        let deleted_at = facts.streams.get(&key.2).copied().flatten();
        let live = key.0 != Kind::Stream && ended(key, fs).is_none();
        if deleted_at.is_some_and(|d| d + grace <= now_ms) && !live {
            take(key, fs, Reason::Deleted, &mut removed);
        }
    }
    if let Some(days) = policy.retain_days {
        let cutoff = now_ms - i64::from(days) * 86_400_000;
        for (key, fs) in &units {
            let old = ended(key, fs).is_some_and(|e| e < cutoff);
            if old && !removed.contains(key) {
                take(key, fs, Reason::Age, &mut removed);
            }
        }
    }
    if let Some(limit) = policy.retain_bytes {
        let gone: u64 = removed
            .iter()
            .filter_map(|k| units.get(k))
            .flatten()
            .map(|f| f.bytes)
            .sum();
        let mut total = files
            .iter()
            .map(|f| f.bytes)
            .sum::<u64>()
            .saturating_sub(gone);
        for (key, fs) in &units {
            if total <= limit {
                break;
            }
            if key.0 != Kind::Stream && !removed.contains(key) && ended(key, fs).is_some() {
                total = total.saturating_sub(take(key, fs, Reason::Space, &mut removed));
            }
        }
    }
    // A stream with no replay session left: its "latest" playlists point at nothing.
    let replay_left: HashSet<&str> = units
        .keys()
        .filter(|k| k.0 == Kind::Replay && !removed.contains(*k))
        .map(|k| k.2.as_str())
        .collect();
    let lost_replay: HashSet<&str> = out
        .iter()
        .filter(|r| !r.recording && r.session.is_some())
        .map(|r| r.name.as_str())
        .collect();
    let mut dangling = Vec::new();
    for name in lost_replay.difference(&replay_left) {
        let key = (Kind::Stream, 0, name.to_string());
        let current: Vec<&MediaFile> = units.get(&key).map_or(vec![], |fs| {
            fs.iter()
                .copied()
                .filter(|f| f.part == Part::CurrentPlaylist)
                .collect()
        });
        if !current.is_empty() && !removed.contains(&key) {
            let reason = out.iter().find(|r| r.name == *name).map(|r| r.reason);
            dangling.push(removal(&key, &current, reason.unwrap_or(Reason::Space)));
        }
    }
    out.extend(dangling);
    out
}

fn removal((kind, session, name): &Key, fs: &[&MediaFile], reason: Reason) -> Removal {
    let mut files: Vec<String> = fs.iter().map(|f| f.rel.clone()).collect();
    // Playlists first: a player never finds a playlist whose segments are gone.
    files.sort_by_key(|f| (!contract::media::parse::is_playlist(f), f.clone()));
    Removal {
        name: name.clone(),
        session: (*kind != Kind::Stream).then_some(*session),
        recording: *kind == Kind::Recording,
        bytes: fs.iter().map(|f| f.bytes).sum(),
        files,
        reason,
    }
}

#[cfg(test)]
mod tests;
