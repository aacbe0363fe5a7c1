//! Public URLs: unspecified binds never appear in them, and a configured public URL wins over the
//! Host header.

use super::*;

fn addr(s: &str) -> SocketAddr {
    s.parse().unwrap()
}

#[test]
fn unspecified_binds_never_leak_into_urls() {
    let (h, r) = (addr("0.0.0.0:8090"), addr("0.0.0.0:1935"));
    let b = for_request(None, Some("192.168.1.20:8090"), h, r);
    assert_eq!(b.http, "http://192.168.1.20:8090");
    assert_eq!(b.rtmp, "rtmp://192.168.1.20:1935/live");
    let b = for_request(None, None, h, r);
    assert_eq!(
        (b.http.as_str(), b.rtmp.as_str()),
        ("http://127.0.0.1:8090", "rtmp://127.0.0.1:1935/live")
    );
    for junk in ["", "a b", "user@evil:1", "x/y", &"h".repeat(300)] {
        let b = for_request(None, Some(junk), h, r);
        assert_eq!(b.http, "http://127.0.0.1:8090", "{junk:?}");
    }
    let b = for_request(None, Some("[::1]:8090"), h, r);
    assert_eq!(b.rtmp, "rtmp://[::1]:1935/live");
}

#[test]
fn public_url_wins_over_the_host_header() {
    let url = parse_public_url("https://media.example.com/").unwrap();
    assert_eq!(url, "https://media.example.com");
    let b = for_request(
        Some(&url),
        Some("10.0.0.1:8090"),
        addr("0.0.0.0:8090"),
        addr("0.0.0.0:1935"),
    );
    assert_eq!(b.http, "https://media.example.com");
    assert_eq!(b.rtmp, "rtmp://media.example.com:1935/live");
    for bad in [
        "ftp://x",
        "media.example.com",
        "http://u:p@x",
        "http://x/?a=1",
    ] {
        assert!(parse_public_url(bad).is_err(), "{bad}");
    }
}
