//! Reading the API's answers: an unreadable stream skipped, any 2xx action body a success, a
//! repeated page meaning no paging.

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
