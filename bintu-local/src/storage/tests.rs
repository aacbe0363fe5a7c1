//! Usage and the retention pass on a real media directory and SQLite file.

use std::path::Path;

use super::*;
use crate::db::streams::{create_group, NewMember};
use crate::db::{orgs, sessions};

fn write(media: &Path, rel: &str, bytes: usize) {
    let p = media.join(rel);
    std::fs::create_dir_all(p.parent().unwrap()).unwrap();
    std::fs::write(p, vec![7u8; bytes]).unwrap();
}

/// Bytes under `dir`, walked independently of `scan`.
fn du(dir: &Path) -> u64 {
    std::fs::read_dir(dir).map_or(0, |rd| {
        rd.flatten()
            .map(|e| match e.metadata() {
                Ok(m) if m.is_dir() => du(&e.path()),
                Ok(m) => m.len(),
                Err(_) => 0,
            })
            .sum()
    })
}

struct Env {
    _dir: tempfile::TempDir,
    db: Db,
    media: std::path::PathBuf,
    org: orgs::Org,
    name: String,
}

fn env() -> Env {
    let dir = tempfile::tempdir().unwrap();
    let db = Db::open(&dir.path().join("t.sqlite3")).unwrap();
    let media = dir.path().join("media");
    let (org, name) = {
        let mut conn = db.lock();
        let org = orgs::create_org(&mut conn, "O", true, true).unwrap();
        let m = NewMember {
            profile: None,
            tags: vec![],
            processing: serde_json::json!([]),
        };
        let rows = create_group(&mut conn, &org.id, &org.hash, &[m]).unwrap();
        (org, rows[0].name.clone())
    };
    Env {
        _dir: dir,
        db,
        media,
        org,
        name,
    }
}

#[test]
fn usage_matches_the_bytes_on_disk_per_organisation() {
    let e = env();
    let n = &e.name;
    write(&e.media, &format!("{n}-1.mp4"), 1000);
    write(&e.media, &format!("replay/{n}-1.m3u8"), 30);
    write(&e.media, &format!("replay/{n}-1-00000-9.ts"), 700);
    write(&e.media, &format!("replay/thumbs/{n}-1/0.jpg"), 40);
    write(&e.media, &format!("thumbnails/{n}.jpg"), 50);
    let other = {
        let mut conn = e.db.lock();
        let o = orgs::create_org(&mut conn, "Other", true, true).unwrap();
        let m = NewMember {
            profile: None,
            tags: vec![],
            processing: serde_json::json!([]),
        };
        let row = create_group(&mut conn, &o.id, &o.hash, &[m]).unwrap();
        write(&e.media, &format!("{}-5.mp4", row[0].name), 333);
        o
    };
    let u = org_usage(&e.db.read(), &e.media, &e.org.id).unwrap();
    assert_eq!(
        u,
        Usage {
            recordings: 1000,
            replay: 730,
            thumbnails: 90,
            total: 1820
        }
    );
    let o = org_usage(&e.db.read(), &e.media, &other.id).unwrap();
    assert_eq!(o.recordings, 333);
    assert_eq!(
        u.total + o.total,
        du(&e.media),
        "every byte on disk is counted once"
    );
}

#[test]
fn a_pass_removes_the_oldest_session_first_and_never_the_live_one() {
    let e = env();
    let n = e.name.clone();
    for s in [1_000i64, 2_000, 3_000] {
        let plan = sessions::begin_publish(&mut e.db.lock(), &n, s).unwrap();
        write(&e.media, &format!("replay/{n}-{s}.m3u8"), 10);
        write(&e.media, &format!("replay/{n}-{s}-00000-1.ts"), 490);
        write(&e.media, &format!("replay/thumbs/{n}-{s}/0.jpg"), 100);
        write(&e.media, &format!("{n}-{s}.mp4"), 2000);
        let conn = e.db.lock();
        sessions::add_recording(
            &conn,
            &plan.members[0].stream_id,
            s,
            &format!("{n}-{s}.mp4"),
            2000,
        )
        .unwrap();
        if s != 3_000 {
            sessions::end_publish(&conn, &plan.group_id, s).unwrap();
        }
    }
    let total = du(&e.media);
    // Room for all but one replay session: the oldest goes, with its timeline directory.
    let policy = Policy {
        retain_bytes: Some(total - 600),
        ..Policy::default()
    };
    let stats = run_pass(&e.db, &e.media, &policy, now_ms()).unwrap();
    assert_eq!((stats.removals, stats.files, stats.bytes), (1, 3, 600));
    assert!(!e.media.join(format!("replay/{n}-1000.m3u8")).exists());
    assert!(!e.media.join(format!("replay/thumbs/{n}-1000")).exists());
    assert!(e.media.join(format!("replay/{n}-2000.m3u8")).exists());
    assert_eq!(du(&e.media), total - 600);
    // No room at all: every ended session goes, recordings (rows too) after the replay;
    // the live session 3000 keeps everything.
    let policy = Policy {
        retain_bytes: Some(0),
        ..Policy::default()
    };
    run_pass(&e.db, &e.media, &policy, now_ms()).unwrap();
    let left: Vec<String> = scan::scan(&e.media).into_iter().map(|f| f.rel).collect();
    assert_eq!(left.len(), 4, "{left:?}");
    assert!(left.iter().all(|f| f.contains("3000")), "{left:?}");
    let rows: i64 =
        e.db.read()
            .query_row("SELECT COUNT(*) FROM recordings", [], |r| r.get(0))
            .unwrap();
    assert_eq!(rows, 1, "the removed recordings are no longer listed");
}

#[test]
fn retain_bytes_takes_plain_numbers_and_binary_suffixes() {
    assert_eq!(parse_bytes("1500"), Ok(1500));
    assert_eq!(parse_bytes("2K"), Ok(2048));
    assert_eq!(parse_bytes("50g"), Ok(50 << 30));
    assert_eq!(parse_bytes("1T"), Ok(1 << 40));
    for bad in ["", "x", "5Q", "-1", "1.5G", "99999999999T"] {
        assert!(parse_bytes(bad).is_err(), "{bad}");
    }
}
