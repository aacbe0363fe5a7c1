//! Deep links into the Stream Overview (dashboard-ui.md §1.0):
//! `/stream/:id?tab=live-processing&profile=N&process=replay` opens member N's tab (0 is the
//! passthrough) with that process's links expanded; and which session is the newest, so the
//! page can say "New session available" when a poll brings one.

use super::paths::stream_overview;
use super::process::ProcessKind;
use super::stream::Stream;
use super::urls::encode_component;

/// The `tab` value that scrolls to the Live Processing section.
pub const LIVE_PROCESSING_TAB: &str = "live-processing";

/// Where an overview link points inside the page.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct OverviewFocus {
    /// Index into `Stream::members()`.
    pub member: usize,
    /// The process row to expand.
    pub process: Option<ProcessKind>,
    /// Scroll to the Live Processing section.
    pub live_processing: bool,
}

impl OverviewFocus {
    /// Reads the query values (`tab`, `profile`, `process`) of an overview URL. A member past
    /// the group's end, or anything unreadable, falls back to the default (the passthrough, no
    /// row open): a stale link still opens the stream.
    pub fn parse(
        tab: Option<&str>,
        profile: Option<&str>,
        process: Option<&str>,
        members: usize,
    ) -> Self {
        let member = profile
            .and_then(|p| p.trim().parse::<usize>().ok())
            .filter(|m| *m < members)
            .unwrap_or(0);
        let process = process.and_then(ProcessKind::from_id);
        OverviewFocus {
            member,
            process,
            live_processing: tab == Some(LIVE_PROCESSING_TAB) || process.is_some(),
        }
    }

    /// The overview URL of `id` pointing here; the plain overview path for the default.
    pub fn href(&self, id: &str) -> String {
        let mut s = stream_overview(id);
        if *self == OverviewFocus::default() {
            return s;
        }
        s.push_str(&format!(
            "?tab={LIVE_PROCESSING_TAB}&profile={}",
            self.member
        ));
        if let Some(k) = self.process {
            s.push_str(&format!("&process={}", encode_component(k.id())));
        }
        s
    }
}

/// The newest session (epoch ms) any of the stream's assets belongs to.
pub fn newest_session(stream: &Stream) -> Option<i64> {
    let p = &stream.playout;
    [&p.replay, &p.web, &p.hls, &p.thumbnails, &p.motionclip]
        .into_iter()
        .flatten()
        .filter_map(|a| a.session)
        .max()
}

/// Whether a poll brought a session the page had not seen when it was opened.
pub fn is_new_session(seen_at_open: Option<i64>, newest: Option<i64>) -> bool {
    match (seen_at_open, newest) {
        (_, None) => false,
        (None, Some(_)) => true,
        (Some(a), Some(b)) => b > a,
    }
}

#[cfg(test)]
mod tests {
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
}
