//! SQLite persistence. One file in the data directory, WAL journal, `synchronous=FULL` so an
//! acknowledged write survives a crash, foreign keys on. Schema migrations are versioned in
//! code (`MIGRATIONS`, tracked by `PRAGMA user_version`) and run in one transaction each.

#[macro_use]
mod columns;

pub mod assets;
mod blocking;
pub mod orgs;
pub mod sessions;
pub mod streams;
pub mod transitions;

use std::path::Path;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::{Arc, Mutex, MutexGuard, TryLockError};

use rusqlite::{Connection, OpenFlags};

/// Ordered schema migrations; index + 1 is the schema version. Append, never edit.
const MIGRATIONS: &[&str] = &[
    // 1: organisations, their feature flags, and users with roles and tokens.
    "CREATE TABLE organisations (
        id TEXT PRIMARY KEY,
        name TEXT NOT NULL,
        hash TEXT NOT NULL UNIQUE,
        apikey TEXT NOT NULL UNIQUE,
        playerkey TEXT NOT NULL,
        feat_processing INTEGER NOT NULL DEFAULT 1,
        feat_transcoding INTEGER NOT NULL DEFAULT 1,
        is_demo INTEGER NOT NULL DEFAULT 0,
        created_at TEXT NOT NULL
    );
    CREATE TABLE users (
        id TEXT PRIMARY KEY,
        org_id TEXT NOT NULL REFERENCES organisations(id) ON DELETE CASCADE,
        email TEXT NOT NULL,
        role TEXT NOT NULL CHECK (role IN ('nanoAdmin','nanoUser','nanoReadOnly')),
        token TEXT NOT NULL UNIQUE,
        created_at TEXT NOT NULL
    );
    CREATE INDEX users_org ON users(org_id);",
    // 2: streams (one row per group member), publish sessions and recordings.
    // `processing` is what the current/last session uses; `processing_pending` (JSON or NULL)
    // is stored when an edit arrives while the group is live and applied at the next publish.
    // The group's state is kept equal on every member row.
    "CREATE TABLE streams (
        id TEXT PRIMARY KEY,
        org_id TEXT NOT NULL REFERENCES organisations(id) ON DELETE CASCADE,
        group_id TEXT NOT NULL,
        member_index INTEGER NOT NULL,
        name TEXT NOT NULL UNIQUE,
        profile TEXT,
        width INTEGER NOT NULL DEFAULT 0,
        height INTEGER NOT NULL DEFAULT 0,
        bitrate INTEGER NOT NULL DEFAULT 0,
        fps INTEGER NOT NULL DEFAULT 0,
        state TEXT NOT NULL CHECK (state IN ('created','live','ended','locked','deleted')),
        tags TEXT NOT NULL DEFAULT '[]',
        processing TEXT NOT NULL DEFAULT '[]',
        processing_pending TEXT,
        created_at TEXT NOT NULL,
        created_seq INTEGER NOT NULL,
        UNIQUE (group_id, member_index)
    );
    CREATE INDEX streams_org_created ON streams(org_id, created_seq DESC);
    CREATE INDEX streams_group ON streams(group_id);
    CREATE TABLE sessions (
        stream_id TEXT NOT NULL REFERENCES streams(id) ON DELETE CASCADE,
        session_ms INTEGER NOT NULL,
        processing TEXT NOT NULL,
        started_at TEXT NOT NULL,
        ended_at TEXT,
        PRIMARY KEY (stream_id, session_ms)
    );
    CREATE TABLE recordings (
        stream_id TEXT NOT NULL REFERENCES streams(id) ON DELETE CASCADE,
        session_ms INTEGER NOT NULL,
        file TEXT NOT NULL,
        size INTEGER NOT NULL,
        created_at TEXT NOT NULL,
        PRIMARY KEY (stream_id, session_ms)
    );",
    // 3: the tracks a session carried (NULL: not known, e.g. sessions before this version)
    // and why some of its outputs are missing (an audio-only publish has no pictures).
    "ALTER TABLE sessions ADD COLUMN video INTEGER;
    ALTER TABLE sessions ADD COLUMN audio INTEGER;
    ALTER TABLE sessions ADD COLUMN tracks_note TEXT;",
    // 4: when a stream was deleted, so its media can be purged a grace period later
    // (storage::plan). Streams deleted before this version count from the upgrade.
    "ALTER TABLE streams ADD COLUMN deleted_at TEXT;
     UPDATE streams SET deleted_at = strftime('%Y-%m-%dT%H:%M:%fZ', 'now')
     WHERE state = 'deleted';",
];

/// Read-only connections next to the writer: WAL lets them read while the writer commits,
/// so the API's GETs run on both cores instead of queueing behind one mutex.
const READERS: usize = 4;

/// A shared handle to the database: one writer connection behind a mutex (every write is
/// serialised) and a small pool of read-only connections for the API's lookups.
#[derive(Clone)]
pub struct Db {
    conn: Arc<Mutex<Connection>>,
    readers: Arc<[Mutex<Connection>]>,
    next_reader: Arc<AtomicUsize>,
}

impl Db {
    /// Opens (creating if needed) the database file and brings its schema up to date.
    pub fn open(path: &Path) -> anyhow::Result<Self> {
        if let Some(dir) = path.parent() {
            std::fs::create_dir_all(dir)?;
        }
        owner_only(path)?;
        let mut conn = Connection::open(path)?;
        conn.execute_batch(
            "PRAGMA journal_mode = WAL;
             PRAGMA synchronous = FULL;
             PRAGMA foreign_keys = ON;
             PRAGMA busy_timeout = 5000;",
        )?;
        migrate(&mut conn)?;
        let mut readers = Vec::with_capacity(READERS);
        for _ in 0..READERS {
            let flags = OpenFlags::SQLITE_OPEN_READ_ONLY | OpenFlags::SQLITE_OPEN_NO_MUTEX;
            let reader = Connection::open_with_flags(path, flags)?;
            reader.execute_batch("PRAGMA busy_timeout = 5000;")?;
            readers.push(Mutex::new(reader));
        }
        Ok(Self {
            conn: Arc::new(Mutex::new(conn)),
            readers: readers.into(),
            next_reader: Arc::default(),
        })
    }

    /// Locks the connection. A poisoned lock (a panic mid-statement) is recovered: SQLite
    /// rolled back the open transaction, so the connection itself is still consistent.
    pub fn lock(&self) -> MutexGuard<'_, Connection> {
        self.conn.lock().unwrap_or_else(|p| p.into_inner())
    }

    /// A read-only connection from the pool (a free one if any, else waits for one). It
    /// sees every write committed before the call. Writing through it fails.
    pub fn read(&self) -> MutexGuard<'_, Connection> {
        let start = self.next_reader.fetch_add(1, Ordering::Relaxed);
        let n = self.readers.len();
        for i in 0..n {
            match self.readers[(start + i) % n].try_lock() {
                Ok(guard) => return guard,
                Err(TryLockError::Poisoned(p)) => return p.into_inner(),
                Err(TryLockError::WouldBlock) => {}
            }
        }
        self.readers[start % n]
            .lock()
            .unwrap_or_else(|p| p.into_inner())
    }
}

/// The database holds every API key and token: its file is created readable by the owner
/// only (0600), and a file an older version left readable by others is tightened. SQLite
/// gives its `-wal` and `-shm` files the database file's mode; old ones are tightened too.
fn owner_only(path: &Path) -> std::io::Result<()> {
    use std::os::unix::fs::{OpenOptionsExt, PermissionsExt};
    if !path.exists() {
        std::fs::OpenOptions::new()
            .write(true)
            .create(true)
            .truncate(false)
            .mode(0o600)
            .open(path)?;
    }
    let side = |suffix: &str| {
        let mut s = path.as_os_str().to_owned();
        s.push(suffix);
        std::path::PathBuf::from(s)
    };
    for p in [path.to_path_buf(), side("-wal"), side("-shm")] {
        if p.exists() {
            std::fs::set_permissions(p, std::fs::Permissions::from_mode(0o600))?;
        }
    }
    Ok(())
}

fn migrate(conn: &mut Connection) -> anyhow::Result<()> {
    let current: usize = conn.pragma_query_value(None, "user_version", |r| r.get(0))?;
    anyhow::ensure!(
        current <= MIGRATIONS.len(),
        "database schema {current} is newer than this bintu-local ({})",
        MIGRATIONS.len()
    );
    for (i, sql) in MIGRATIONS.iter().enumerate().skip(current) {
        let tx = conn.transaction()?;
        tx.execute_batch(sql)?;
        tx.pragma_update(None, "user_version", i + 1)?;
        tx.commit()?;
    }
    Ok(())
}

/// Current UTC time as Bintu writes it: `2025-11-04T17:09:19.899Z`.
pub fn now_iso() -> String {
    iso(time::OffsetDateTime::now_utc())
}

/// A UTC instant in the stored `createdAt` form (fixed width, so text order is time order).
/// Instants whose UTC form leaves years 0000–9999 have no such form: empty (never a panic).
pub fn iso(at: time::OffsetDateTime) -> String {
    iso_checked(at).unwrap_or_default()
}

/// `iso`, or `None` when the instant in UTC falls outside years 0000–9999 (a client's
/// `9999-12-31T23:59:59-23:59` is in year 10000 once converted).
pub fn iso_checked(at: time::OffsetDateTime) -> Option<String> {
    let fmt = time::macros::format_description!(
        "[year]-[month]-[day]T[hour]:[minute]:[second].[subsecond digits:3]Z"
    );
    let utc = at.checked_to_offset(time::UtcOffset::UTC)?;
    if !(0..=9999).contains(&utc.year()) {
        return None;
    }
    utc.format(&fmt).ok()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn migrations_are_idempotent_across_reopen() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("t.sqlite3");
        Db::open(&path).unwrap();
        let db = Db::open(&path).unwrap();
        let v: usize = db
            .lock()
            .pragma_query_value(None, "user_version", |r| r.get(0))
            .unwrap();
        assert_eq!(v, MIGRATIONS.len());
    }

    #[test]
    fn database_files_are_readable_by_the_owner_only() {
        use std::os::unix::fs::PermissionsExt;
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("t.sqlite3");
        std::fs::write(&path, b"").unwrap();
        std::fs::set_permissions(&path, std::fs::Permissions::from_mode(0o644)).unwrap();
        let db = Db::open(&path).unwrap();
        orgs::create_org(&mut db.lock(), "Org", true, false).unwrap();
        for name in ["t.sqlite3", "t.sqlite3-wal", "t.sqlite3-shm"] {
            let mode = std::fs::metadata(dir.path().join(name))
                .unwrap()
                .permissions()
                .mode();
            assert_eq!(mode & 0o777, 0o600, "{name}");
        }
        let fresh = dir.path().join("fresh.sqlite3");
        Db::open(&fresh).unwrap();
        let mode = std::fs::metadata(&fresh).unwrap().permissions().mode();
        assert_eq!(mode & 0o777, 0o600);
    }

    #[test]
    fn readers_see_committed_writes_and_cannot_write() {
        let dir = tempfile::tempdir().unwrap();
        let db = Db::open(&dir.path().join("t.sqlite3")).unwrap();
        let org = orgs::create_org(&mut db.lock(), "Org", true, false).unwrap();
        for _ in 0..READERS + 1 {
            let found = orgs::org_by_apikey(&db.read(), &org.apikey).unwrap();
            assert_eq!(found.unwrap().id, org.id);
        }
        assert!(db.read().execute("DELETE FROM organisations", []).is_err());
    }

    #[test]
    fn iso_time_has_millisecond_precision_and_zulu() {
        let s = now_iso();
        assert_eq!(s.len(), 24, "{s}");
        assert!(s.ends_with('Z'));
    }

    #[test]
    fn instants_outside_four_digit_years_have_no_stored_form() {
        use time::macros::datetime;
        let late = datetime!(9999-12-31 23:59:59 -23:59);
        let early = datetime!(0000-01-01 00:00:00 +00:01);
        assert_eq!((iso_checked(late), iso(late)), (None, String::new()));
        assert_eq!(iso_checked(early), None);
        assert_eq!(
            iso_checked(datetime!(0000-01-01 00:00:00 UTC)).as_deref(),
            Some("0000-01-01T00:00:00.000Z")
        );
    }
}
