//! State transitions of publish start/end on a real SQLite file.

use super::*;
use crate::db::{orgs, Db};

fn db_with_group() -> (tempfile::TempDir, Db) {
    let dir = tempfile::tempdir().unwrap();
    let db = Db::open(&dir.path().join("t.sqlite3")).unwrap();
    {
        let mut conn = db.lock();
        let org = orgs::create_org(&mut conn, "O", true, false).unwrap();
        for (i, name, profile, pending) in [
            (
                0,
                "g-pass",
                None,
                Some(r#"[{"id":"thumbs","interval":10}]"#),
            ),
            (1, "g-t1", Some("vtrans2-640x360x400x25"), None),
        ] {
            conn.execute(
                "INSERT INTO streams (id, org_id, group_id, member_index, name, profile, width,
                   height, bitrate, fps, state, processing, processing_pending, created_at,
                   created_seq)
                 VALUES (?1, ?2, 'g', ?3, ?4, ?5, 640, 360, 400, 25, 'created',
                   '[{\"id\":\"rec\",\"duration\":null}]', ?6, 'now', ?3)",
                params![name, org.id, i, name, profile, pending],
            )
            .unwrap();
        }
    }
    (dir, db)
}

fn state_of(db: &Db, name: &str) -> String {
    db.lock()
        .query_row("SELECT state FROM streams WHERE name = ?1", [name], |r| {
            r.get(0)
        })
        .unwrap()
}

#[test]
fn publish_applies_pending_opens_sessions_and_ends() {
    let (_d, db) = db_with_group();
    let plan = begin_publish(&mut db.lock(), "g-pass", 1000).unwrap();
    assert_eq!(plan.group_id, "g");
    assert_eq!(plan.members.len(), 2);
    assert_eq!(plan.members[0].processing[0]["id"], "thumbs");
    assert_eq!(plan.members[1].processing[0]["id"], "rec");
    assert_eq!(state_of(&db, "g-t1"), "live");
    let pending: Option<String> = db
        .lock()
        .query_row(
            "SELECT processing_pending FROM streams WHERE name='g-pass'",
            [],
            |r| r.get(0),
        )
        .unwrap();
    assert_eq!(pending, None);
    assert!(matches!(
        begin_publish(&mut db.lock(), "g-pass", 2000),
        Err(Refusal::AlreadyLive)
    ));
    end_publish(&db.lock(), "g", 1000).unwrap();
    assert_eq!(state_of(&db, "g-pass"), "ended");
    let open: i64 = db
        .lock()
        .query_row(
            "SELECT COUNT(*) FROM sessions WHERE ended_at IS NULL",
            [],
            |r| r.get(0),
        )
        .unwrap();
    assert_eq!(open, 0);
}

#[test]
fn refuses_unknown_locked_deleted_and_transcode_names() {
    let (_d, db) = db_with_group();
    assert!(matches!(
        begin_publish(&mut db.lock(), "nope", 1),
        Err(Refusal::Unknown)
    ));
    assert!(matches!(
        begin_publish(&mut db.lock(), "g-t1", 1),
        Err(Refusal::NotPassthrough)
    ));
    for (state, want) in [("locked", "Locked"), ("deleted", "Deleted")] {
        db.lock()
            .execute("UPDATE streams SET state = ?1", [state])
            .unwrap();
        let got = begin_publish(&mut db.lock(), "g-pass", 1).unwrap_err();
        assert_eq!(format!("{got:?}"), want);
    }
}

#[test]
fn lock_during_publish_survives_the_end_and_restart_recovers_live() {
    let (_d, db) = db_with_group();
    begin_publish(&mut db.lock(), "g-pass", 5).unwrap();
    db.lock()
        .execute("UPDATE streams SET state = 'locked'", [])
        .unwrap();
    end_publish(&db.lock(), "g", 5).unwrap();
    assert_eq!(state_of(&db, "g-pass"), "locked");
    db.lock()
        .execute("UPDATE streams SET state = 'live'", [])
        .unwrap();
    recover_after_restart(&db.lock()).unwrap();
    assert_eq!(state_of(&db, "g-t1"), "ended");
    add_recording(&db.lock(), "g-pass", 5, "g-pass-5.mp4", 10).unwrap();
}
