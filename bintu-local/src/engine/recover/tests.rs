//! Recovery removes only what it can account for (the real-ffmpeg path, a torn recording
//! finalised and listed after SIGKILL, is tests/media_crash.rs).

use super::*;
use crate::db::orgs;
use rusqlite::params;

/// A database with one stream `g-pass` that had session 17 with rec + replay.
fn db() -> (tempfile::TempDir, Db) {
    let dir = tempfile::tempdir().unwrap();
    let db = Db::open(&dir.path().join("t.sqlite3")).unwrap();
    {
        let mut conn = db.lock();
        let org = orgs::create_org(&mut conn, "O", true, false).unwrap();
        conn.execute(
            "INSERT INTO streams (id, org_id, group_id, member_index, name, state, created_at,
               created_seq) VALUES ('s1', ?1, 'g', 0, 'g-pass', 'ended', 'now', 1)",
            params![org.id],
        )
        .unwrap();
        conn.execute(
            "INSERT INTO sessions (stream_id, session_ms, processing, started_at)
             VALUES ('s1', 17, '[{\"id\":\"rec\",\"duration\":null},{\"id\":\"replay\"}]', 'now')",
            [],
        )
        .unwrap();
    }
    (dir, db)
}

#[tokio::test]
async fn what_recovery_cannot_account_for_stays_and_open_playlists_are_closed() {
    let (dir, db) = db();
    let (media, work) = (dir.path().join("media"), dir.path().join("work"));
    let session = work.join("g-pass-17");
    std::fs::create_dir_all(session.join("g-pass-frames")).unwrap();
    std::fs::create_dir_all(media.join("replay")).unwrap();
    // A recording with no media in it, and a file no member owns.
    std::fs::write(session.join("g-pass.mp4"), b"not an mp4").unwrap();
    std::fs::write(session.join("notes.txt"), b"mine").unwrap();
    std::fs::create_dir_all(work.join("unknown-99")).unwrap();
    std::fs::create_dir_all(work.join("no-session-number")).unwrap();
    let open = "#EXTM3U\n#EXT-X-VERSION:3\n#EXTINF:2.0,\ng-pass-17-00001-1.ts\n";
    std::fs::write(media.join("replay/g-pass-17.m3u8"), open).unwrap();
    std::fs::write(
        media.join("replay/g-pass.m3u8"),
        playlists::with_nano_tag(open, "g-pass-17.m3u8"),
    )
    .unwrap();

    let done = run(&db, &media, &work).await;
    assert_eq!(
        done,
        Recovered::default(),
        "nothing could be listed or cleared"
    );
    assert!(
        !session.join("g-pass-frames").exists(),
        "clip frames are scratch"
    );
    assert!(
        session.join("g-pass.mp4").exists(),
        "an unreadable recording is kept"
    );
    assert!(session.join("notes.txt").exists());
    assert!(work.join("unknown-99").exists() && work.join("no-session-number").exists());
    let listed: i64 = db
        .read()
        .query_row("SELECT COUNT(*) FROM recordings", [], |r| r.get(0))
        .unwrap();
    assert_eq!(listed, 0);
    for p in ["replay/g-pass-17.m3u8", "replay/g-pass.m3u8"] {
        let text = std::fs::read_to_string(media.join(p)).unwrap();
        assert!(
            text.ends_with("g-pass-17-00001-1.ts\n#EXT-X-ENDLIST\n"),
            "{p}: {text}"
        );
    }
    assert!(std::fs::read_to_string(media.join("replay/g-pass.m3u8"))
        .unwrap()
        .contains("#EXT-X-NANO-PLAYLIST:g-pass-17.m3u8"));
}
