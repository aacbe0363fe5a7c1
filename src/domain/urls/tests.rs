//! Query strings and paths: tag encoding, defaults left out, escaping and cache busting.

use super::*;

#[test]
fn stream_query_encodes_tags_and_omits_defaults() {
    assert_eq!(StreamQuery::default().path(), "/stream");
    let q = StreamQuery {
        quantity: Some(25),
        page: Some(2),
        state: Some("live".into()),
        tags: vec!["key: value".into(), "a&b".into()],
        asset_limit: None,
    };
    assert_eq!(
        q.path(),
        "/stream?quantity=25&page=2&state=live&tags%5B%5D=key%3A%20value&tags%5B%5D=a%26b"
    );
    let q = StreamQuery {
        asset_limit: Some(1),
        ..q
    };
    assert!(q.path().ends_with("&tags%5B%5D=a%26b&asset_limit=1"));
}

#[test]
fn components_round_trip_and_plus_stays_plus() {
    for s in ["a b/c?d", "ünïcode", "x+y", "%", ""] {
        assert_eq!(decode_component(&encode_component(s)).as_deref(), Some(s));
    }
    assert_eq!(decode_component("a+b").as_deref(), Some("a+b"));
    assert_eq!(decode_component("%zz"), None);
    assert_eq!(decode_component("%4"), None);
}

#[test]
fn paths_escape_ids_and_bust_caches() {
    assert_eq!(stream_path("a/b", Some(10)), "/stream/a%2Fb?asset_limit=10");
    assert_eq!(stream_action_path("id", "lock"), "/stream/id/lock");
    assert_eq!(cache_busted("http://h/x.jpg", 5), "http://h/x.jpg?t=5");
    assert_eq!(
        cache_busted("data:image/gif;base64,R0l", 5),
        "data:image/gif;base64,R0l"
    );
    assert_eq!(cache_busted("blob:http://h/1-2", 5), "blob:http://h/1-2");
    assert_eq!(
        cache_busted("http://h/x.jpg?a=1", 5),
        "http://h/x.jpg?a=1&t=5"
    );
}
