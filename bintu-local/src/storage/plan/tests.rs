//! The retention rules on made-up files: oldest first, replay before recordings, never a
//! live session, deleted streams after their grace period, unknown streams never.

use std::time::{Duration, UNIX_EPOCH};

use super::*;
use crate::storage::scan::classify;

const DAY: i64 = 86_400_000;
const NOW: i64 = 100 * DAY;

fn file(rel: &str, bytes: u64) -> MediaFile {
    let (name, part) = classify(rel).unwrap();
    MediaFile {
        rel: rel.to_string(),
        bytes,
        modified: UNIX_EPOCH + Duration::from_millis(NOW as u64),
        name,
        part,
    }
}

/// Stream `aaaaa-bbbbb` with sessions 1 (ended day 90), 2 (ended day 95) and 3 (live), each
/// with replay (100 bytes), a timeline picture (10) and a recording (1000; none for 3).
fn setup() -> (Vec<MediaFile>, Facts) {
    let n = "aaaaa-bbbbb";
    let mut files = vec![
        file(&format!("replay/{n}.m3u8"), 1),
        file(&format!("thumbnails/{n}.jpg"), 5),
    ];
    for s in [1, 2, 3] {
        files.push(file(&format!("replay/{n}-{s}.m3u8"), 20));
        files.push(file(&format!("replay/{n}-{s}-00000-5.ts"), 80));
        files.push(file(&format!("replay/thumbs/{n}-{s}/0.jpg"), 10));
        if s != 3 {
            files.push(file(&format!("{n}-{s}.mp4"), 1000));
        }
    }
    let mut facts = Facts::default();
    facts.streams.insert(n.to_string(), None);
    facts.sessions.insert((n.into(), 1), Some(90 * DAY));
    facts.sessions.insert((n.into(), 2), Some(95 * DAY));
    facts.sessions.insert((n.into(), 3), None);
    (files, facts)
}

fn summary(r: &[Removal]) -> Vec<(Option<i64>, bool, Reason)> {
    r.iter()
        .map(|r| (r.session, r.recording, r.reason))
        .collect()
}

#[test]
fn nothing_goes_without_a_policy_or_under_the_limits() {
    let (files, facts) = setup();
    assert_eq!(plan(&files, &facts, &Policy::default(), NOW), vec![]);
    let roomy = Policy {
        retain_days: Some(30),
        retain_bytes: Some(1_000_000),
        ..Policy::default()
    };
    assert_eq!(plan(&files, &facts, &roomy, NOW), vec![]);
}

#[test]
fn space_takes_the_oldest_replay_first_then_recordings_never_the_live_session() {
    let (files, facts) = setup();
    let total: u64 = files.iter().map(|f| f.bytes).sum(); // 2336
    let p = |bytes| Policy {
        retain_bytes: Some(bytes),
        ..Policy::default()
    };
    // 110 over: session 1's replay+timeline (110) is enough.
    let r = plan(&files, &facts, &p(total - 110), NOW);
    assert_eq!(summary(&r), [(Some(1), false, Reason::Space)]);
    assert_eq!(r[0].bytes, 110);
    assert!(r[0].files[0].ends_with(".m3u8"), "playlist before segments");
    // More: both ended replays, then the oldest recording; the live session stays.
    let r = plan(&files, &facts, &p(total - 300), NOW);
    assert_eq!(
        summary(&r),
        [
            (Some(1), false, Reason::Space),
            (Some(2), false, Reason::Space),
            (Some(1), true, Reason::Space)
        ]
    );
    // Everything possible: still never session 3, nor the current playlist it is named in.
    let r = plan(&files, &facts, &p(0), NOW);
    assert!(r.iter().all(|r| r.session != Some(3)), "{r:?}");
    assert!(r.iter().flat_map(|r| &r.files).all(|f| !f.contains("-3")));
    assert!(
        r.iter().all(|r| r.session.is_some()),
        "current playlist kept: {r:?}"
    );
}

#[test]
fn age_takes_sessions_that_ended_before_the_cutoff() {
    let (files, facts) = setup();
    let p = Policy {
        retain_days: Some(7),
        ..Policy::default()
    };
    // Cutoff day 93: session 1 (ended day 90) goes, replay and recording; 2 and 3 stay.
    let r = plan(&files, &facts, &p, NOW);
    assert_eq!(
        summary(&r),
        [(Some(1), false, Reason::Age), (Some(1), true, Reason::Age)]
    );
}

#[test]
fn deleted_streams_go_after_the_grace_period_and_unknown_streams_never() {
    let (mut files, mut facts) = setup();
    facts
        .sessions
        .insert(("aaaaa-bbbbb".into(), 3), Some(96 * DAY));
    files.push(file("zzzzz-yyyyy-1.mp4", 50_000)); // not in the database
    let p = Policy {
        retain_bytes: Some(0),
        purge_deleted_after: Duration::from_secs(3 * 24 * 3600),
        ..Policy::default()
    };
    facts.streams.insert("aaaaa-bbbbb".into(), Some(NOW - DAY));
    let within_grace = plan(
        &files,
        &facts,
        &Policy {
            retain_bytes: None,
            ..p.clone()
        },
        NOW,
    );
    assert_eq!(within_grace, vec![]);
    facts
        .streams
        .insert("aaaaa-bbbbb".into(), Some(NOW - 4 * DAY));
    let r = plan(&files, &facts, &p, NOW);
    let gone: Vec<&str> = r
        .iter()
        .flat_map(|r| &r.files)
        .map(String::as_str)
        .collect();
    assert_eq!(gone.len(), files.len() - 1, "{gone:?}");
    assert!(r.iter().all(|r| r.reason == Reason::Deleted));
    assert!(!gone.contains(&"zzzzz-yyyyy-1.mp4"));
}
