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
mod tests {
    use super::*;

    #[test]
    fn a_list_with_one_unreadable_stream_keeps_the_others() {
        let l = stream_list(r#"[{"id":"a"},{"id":{"x":1}},null,{"id":"c","tags":null}]"#).unwrap();
        let ids: Vec<_> = l.streams.iter().map(|s| s.id.as_str()).collect();
        assert_eq!(ids, ["a", "c"]);
        assert_eq!(l.unreadable, 2);
        assert_eq!(unreadable_notice(1).unwrap(), "1 stream could not be read");
        assert_eq!(unreadable_notice(3).unwrap(), "3 streams could not be read");
        assert_eq!(unreadable_notice(0), None);
        assert!(stream_list("<html>").is_err());
    }

    #[test]
    fn any_2xx_body_of_an_action_is_success() {
        assert_eq!(action_answer(""), None);
        assert_eq!(action_answer("{}"), None);
        assert_eq!(action_answer("true"), None);
        assert_eq!(
            action_answer(r#"{"id":"s1","state":"locked"}"#)
                .unwrap()
                .state,
            "locked"
        );
    }

    #[test]
    fn a_second_page_that_repeats_the_first_means_no_paging() {
        assert_eq!(probe_page(1, true), Some(2));
        assert_eq!(probe_page(1, false), None);
        assert_eq!(probe_page(3, false), Some(1));
        assert_eq!(
            paging(1, true, Some("a"), Some(Some("a"))),
            Paging::NotPaged
        );
        assert_eq!(
            paging(2, true, Some("a"), Some(Some("a"))),
            Paging::NotPaged
        );
        assert_eq!(paging(1, true, Some("a"), Some(Some("z"))), Paging::Next);
        assert_eq!(
            paging(1, true, Some("a"), Some(None)),
            Paging::Last,
            "page 2 is empty"
        );
        assert_eq!(
            paging(1, true, Some("a"), None),
            Paging::Next,
            "probe failed: assume it pages"
        );
        assert_eq!(paging(2, false, Some("q"), Some(Some("a"))), Paging::Last);
        assert_eq!(paging(1, false, Some("a"), None), Paging::Last);
    }
}
