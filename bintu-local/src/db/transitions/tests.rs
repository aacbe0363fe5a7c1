//! Conditional writes on a real SQLite file: each applies only from the states it names.

use super::*;
use crate::db::streams::{create_group, NewMember, ProfileSpec};
use crate::db::{orgs, Db};
use serde_json::json;
use StreamState::*;

fn group(db: &Db) -> Vec<String> {
    let mut conn = db.lock();
    let org = orgs::create_org(&mut conn, "O", true, true).unwrap();
    let member = |profile: Option<ProfileSpec>| NewMember {
        profile,
        tags: vec![],
        processing: json!([]),
    };
    let t = ProfileSpec {
        id: "vtrans2-640x360x400x25".into(),
        width: 640,
        height: 360,
        bitrate: 400,
        fps: 25,
    };
    let rows = create_group(
        &mut conn,
        &org.id,
        &org.hash,
        &[member(None), member(Some(t))],
    );
    rows.unwrap().into_iter().map(|r| r.id).collect()
}

fn states(db: &Db, g: &str) -> Vec<String> {
    let conn = db.lock();
    let mut stmt = conn
        .prepare("SELECT state FROM streams WHERE group_id = ?1 ORDER BY member_index")
        .unwrap();
    let rows = stmt.query_map([g], |r| r.get(0)).unwrap();
    rows.collect::<rusqlite::Result<_>>().unwrap()
}

fn open() -> (tempfile::TempDir, Db) {
    let dir = tempfile::tempdir().unwrap();
    let db = Db::open(&dir.path().join("t.sqlite3")).unwrap();
    (dir, db)
}

#[test]
fn sources_come_from_the_contract() {
    assert_eq!(
        sources(StreamState::lock, Locked),
        vec![Created, Live, Ended, Locked]
    );
    assert_eq!(sources(StreamState::end, Ended), vec![Live, Ended]);
    assert_eq!(
        sources(StreamState::delete, Deleted),
        StreamState::ALL.to_vec()
    );
}

#[test]
fn a_deleted_group_is_never_locked_unlocked_tagged_or_edited() {
    let (_d, db) = open();
    let ids = group(&db);
    let g = &ids[0];
    let mut guard = db.lock();
    let conn = &mut *guard;
    assert_eq!(
        change(conn, g, &sources(StreamState::delete, Deleted), Deleted).unwrap(),
        2
    );
    assert_eq!(
        change(conn, g, &sources(StreamState::lock, Locked), Locked).unwrap(),
        0
    );
    assert_eq!(unlock(conn, g).unwrap(), 0);
    assert_eq!(set_tags(conn, &ids[1], &["x".into()]).unwrap(), 0);
    let lists = vec![(ids[1].clone(), json!([{"id": "thumbs"}]))];
    assert!(!set_processing(conn, &lists).unwrap());
    assert_eq!(group_state(conn, g).unwrap(), Some(Deleted));
    drop(guard);
    assert_eq!(states(&db, g), ["deleted", "deleted"]);
}

#[test]
fn unlock_picks_ended_or_created_in_the_same_write() {
    let (_d, db) = open();
    let ids = group(&db);
    let g = &ids[0];
    let conn = db.lock();
    assert_eq!(unlock(&conn, g).unwrap(), 0, "not locked: nothing changes");
    change(&conn, g, &[Created], Locked).unwrap();
    assert_eq!(unlock(&conn, g).unwrap(), 2);
    assert_eq!(group_state(&conn, g).unwrap(), Some(Created));
    change(&conn, g, &[Created], Locked).unwrap();
    conn.execute(
        "INSERT INTO sessions (stream_id, session_ms, processing, started_at)
         VALUES (?1, 1, '[]', 'now')",
        [&ids[1]],
    )
    .unwrap();
    assert_eq!(unlock(&conn, g).unwrap(), 2);
    drop(conn);
    assert_eq!(states(&db, g), ["ended", "ended"]);
}

#[test]
fn processing_waits_while_live_and_applies_otherwise() {
    let (_d, db) = open();
    let ids = group(&db);
    let g = &ids[0];
    let mut conn = db.lock();
    let list = json!([{"id": "rec"}]);
    change(&conn, g, &[Created], Live).unwrap();
    assert!(set_processing(&mut conn, &[(ids[0].clone(), list.clone())]).unwrap());
    let (now, pending): (String, Option<String>) = conn
        .query_row(
            "SELECT processing, processing_pending FROM streams WHERE id = ?1",
            [&ids[0]],
            |r| Ok((r.get(0)?, r.get(1)?)),
        )
        .unwrap();
    assert_eq!((now.as_str(), pending), ("[]", Some(list.to_string())));
    change(&conn, g, &[Live], Ended).unwrap();
    assert!(set_processing(&mut conn, &[(ids[0].clone(), list.clone())]).unwrap());
    let (now, pending): (String, Option<String>) = conn
        .query_row(
            "SELECT processing, processing_pending FROM streams WHERE id = ?1",
            [&ids[0]],
            |r| Ok((r.get(0)?, r.get(1)?)),
        )
        .unwrap();
    assert_eq!((now, pending), (list.to_string(), None));
}
