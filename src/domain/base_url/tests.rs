//! Base URLs: normalising what the user typed, the serving origin, and the local-only return path
//! after sign-in.

use super::*;

const ORIGIN: &str = "http://127.0.0.1:8090";

#[test]
fn empty_means_the_serving_origin() {
    assert_eq!(normalize_base_url("  ", ORIGIN).unwrap(), ORIGIN);
}

#[test]
fn bare_hosts_get_a_scheme_and_lose_the_trailing_slash() {
    assert_eq!(
        normalize_base_url("bintu.nanocosmos.de/", ORIGIN).unwrap(),
        "https://bintu.nanocosmos.de"
    );
    assert_eq!(
        normalize_base_url("localhost:8090", ORIGIN).unwrap(),
        "http://localhost:8090"
    );
    assert_eq!(
        normalize_base_url("127.0.0.1:9", ORIGIN).unwrap(),
        "http://127.0.0.1:9"
    );
    assert_eq!(
        normalize_base_url("https://bintu.nanocosmos.de///", ORIGIN).unwrap(),
        "https://bintu.nanocosmos.de"
    );
    assert_eq!(
        normalize_base_url("http://h/api/", ORIGIN).unwrap(),
        "http://h/api"
    );
}

#[test]
fn rejects_what_cannot_be_a_base_url() {
    for bad in [
        "ftp://x",
        "https://",
        "https://:80",
        "http://a b",
        "https://h/?k=1",
        "h#x",
    ] {
        assert!(normalize_base_url(bad, ORIGIN).is_err(), "{bad}");
    }
}

#[test]
fn same_origin_ignores_trailing_slash() {
    assert!(is_same_origin("http://127.0.0.1:8090/", ORIGIN));
    assert!(!is_same_origin("https://bintu.nanocosmos.de", ORIGIN));
}

#[test]
fn only_local_paths_are_followed() {
    assert_eq!(
        safe_return_path(Some("/stream/abc?tab=2")),
        "/stream/abc?tab=2"
    );
    for bad in [
        None,
        Some(""),
        Some("//evil.example"),
        Some("https://evil"),
        Some("/\\evil"),
    ] {
        assert_eq!(safe_return_path(bad), "/stream", "{bad:?}");
    }
}
