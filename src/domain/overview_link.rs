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
mod tests;
