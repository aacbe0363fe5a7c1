//! The overview link: parsing with fallbacks, round trips, and which session counts as new.

use super::*;

#[test]
fn parses_the_spec_link_and_falls_back_on_stale_values() {
    let f = OverviewFocus::parse(Some("live-processing"), Some("1"), Some("replay"), 3);
    assert_eq!(f.member, 1);
    assert_eq!(f.process, Some(ProcessKind::Replay));
    assert!(f.live_processing);
    // Member 3 of a 3-member group does not exist: the passthrough.
    assert_eq!(OverviewFocus::parse(None, Some("3"), None, 3).member, 0);
    assert_eq!(OverviewFocus::parse(None, Some("-1"), None, 3).member, 0);
    assert_eq!(OverviewFocus::parse(None, Some("x"), None, 3).member, 0);
    assert_eq!(
        OverviewFocus::parse(None, None, Some("gif"), 3).process,
        None
    );
    // A process alone still means the Live Processing section.
    assert!(OverviewFocus::parse(None, None, Some("rec"), 1).live_processing);
    assert_eq!(
        OverviewFocus::parse(None, None, None, 1),
        OverviewFocus::default()
    );
    assert!(OverviewFocus::parse(Some("live-processing"), None, None, 1).live_processing);
    assert!(!OverviewFocus::parse(Some("other"), None, None, 1).live_processing);
}

#[test]
fn href_round_trips_through_parse() {
    for member in 0..4 {
        for process in [None, Some(ProcessKind::Rec), Some(ProcessKind::Replay)] {
            let f = OverviewFocus {
                member,
                process,
                live_processing: true,
            };
            let href = f.href("a b");
            let (path, query) = href.split_once('?').unwrap();
            assert_eq!(path, "/stream/a%20b");
            let get = |k: &str| {
                query
                    .split('&')
                    .find_map(|kv| kv.strip_prefix(&format!("{k}=")[..]))
            };
            let back = OverviewFocus::parse(get("tab"), get("profile"), get("process"), 4);
            assert_eq!(back, f, "{href}");
        }
    }
    assert_eq!(OverviewFocus::default().href("id"), "/stream/id");
}

fn stream(sessions: &[i64]) -> Stream {
    let mut s = Stream::default();
    for (i, ms) in sessions.iter().enumerate() {
        let asset = super::super::stream::Asset {
            url: format!("s{i}.m3u8"),
            session: Some(*ms),
            ..Default::default()
        };
        if i % 2 == 0 {
            s.playout.replay.push(asset)
        } else {
            s.playout.web.push(asset)
        }
    }
    s
}

#[test]
fn newest_session_is_the_latest_start_of_any_asset() {
    assert_eq!(newest_session(&stream(&[])), None);
    assert_eq!(newest_session(&stream(&[5, 90, 7])), Some(90));
    assert_eq!(newest_session(&stream(&[5, 7, 90, 8])), Some(90));
}

#[test]
fn only_a_later_session_is_new() {
    assert!(!is_new_session(None, None));
    assert!(is_new_session(None, Some(1)));
    assert!(!is_new_session(Some(5), Some(5)));
    assert!(!is_new_session(Some(5), Some(4)));
    assert!(is_new_session(Some(5), Some(6)));
    // Assets cut by the list limit: never "new" when nothing is listed.
    assert!(!is_new_session(Some(5), None));
}
