//! What the console makes of the API's 2xx answers: a stream list keeps the streams it can
//! read and counts the rest (a notice, not a failed page); an action (DELETE, lock, unlock,
//! stop) succeeded on any 2xx, with or without a stream in the body (the docs show none);
//! and whether the API pages `GET /stream` at all (`page` is not documented).

use super::lenient::read_list;
use super::stream::Stream;

/// The streams of one `GET /stream` answer and how many could not be read.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct StreamList {
    pub streams: Vec<Stream>,
    pub unreadable: usize,
}

/// Reads a `GET /stream` body; only a body that is not JSON at all is an error.
pub fn stream_list(body: &str) -> Result<StreamList, String> {
    let value: serde_json::Value = serde_json::from_str(body).map_err(|e| e.to_string())?;
    let (streams, unreadable) = read_list(value);
    Ok(StreamList {
        streams,
        unreadable,
    })
}

/// The notice for streams left out of a list: `None` when all were read.
pub fn unreadable_notice(skipped: usize) -> Option<String> {
    match skipped {
        0 => None,
        1 => Some("1 stream could not be read".into()),
        n => Some(format!("{n} streams could not be read")),
    }
}

/// The stream an action answered with, when its body holds one (with an id); `None` (empty
/// body, `{}`, `true`, anything else) still means success: the page fetches the stream.
pub fn action_answer(body: &str) -> Option<Stream> {
    serde_json::from_str::<Stream>(body)
        .ok()
        .filter(|s| !s.id.is_empty())
}

/// What the pager offers after a page.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum Paging {
    /// A full page: "Next" is offered.
    Next,
    /// The last page: no "Next".
    #[default]
    Last,
    /// The API answered a later page with the first one again: it does not page (`page` is
    /// not documented), so the list says so and offers no "Next".
    NotPaged,
}

/// The page to compare a page with: page 2 when on page 1 (only when page 1 is full), else
/// page 1.
pub fn probe_page(page: u32, full: bool) -> Option<u32> {
    match page {
        0 | 1 if full => Some(2),
        0 | 1 => None,
        _ => Some(1),
    }
}

/// The pager after `page`. `first` is the first stream id of this page; `probe` the first
/// of the page `probe_page` named (outer `None`: not fetched or failed; inner `None`: empty).
pub fn paging(page: u32, full: bool, first: Option<&str>, probe: Option<Option<&str>>) -> Paging {
    match probe {
        Some(Some(other)) if first == Some(other) => Paging::NotPaged,
        Some(None) if page <= 1 => Paging::Last,
        _ if full => Paging::Next,
        _ => Paging::Last,
    }
}

#[cfg(test)]
mod tests;
