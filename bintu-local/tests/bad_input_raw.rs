//! Hostile input over a raw TCP socket against the real binary (the other half of
//! `bad_input.rs`, whose client normalises what it sends): query values for `GET /stream`
//! (the date range's edge years among them), `/vod` media paths and console paths, written
//! byte for byte. Whatever arrives, the server answers, never with a 5xx, every error is a
//! Bintu error body, the process stays up and its log holds no ERROR line.

mod raw_support;
mod release_support;

use bintu_local::db::orgs::Role;
use proptest::prelude::*;
use raw_support::{fake_dist, send, Answer, Binary};
use serde_json::Value;

/// Date-time values at the edges of what the store can hold (years 0000-9999 in UTC).
const EDGES: &[&str] = &[
    "9999-12-31T23:59:59-23:59",
    "9999-12-31T23:59:59.999999999-00:01",
    "9999-12-31T23:00:00-01:00",
    "0000-01-01T00:00:00%2B23:59",
    "0000-01-01T00:00:00+01:00",
    "0000-01-01T00:59:59%2B01:00",
    "0000-01-01",
    "9999-12-31",
    "10000-01-01",
    "-0001-12-31",
    "9999-12-31T24:00:00Z",
    "2026-02-30",
    "2026-11-30T08:00:00.00000000000000000001Z",
    "2026-11-30T08:00:00%2B99:99",
];

/// Asserts an answer came, it is no server error, and an error is a Bintu error body.
fn check(a: Option<Answer>, method: &str, what: &str) -> Answer {
    let a = a.unwrap_or_else(|| panic!("{what}: no answer (handler panic?)"));
    assert!(a.status < 500, "{what}: {}", a.status);
    let ok = (200..400).contains(&a.status);
    if !ok {
        assert_eq!(
            a.header("content-type"),
            Some("application/json; charset=utf-8"),
            "{what}: {a:?}"
        );
        if method != "HEAD" {
            let v: Value = serde_json::from_slice(&a.body)
                .unwrap_or_else(|_| panic!("{what}: not JSON: {a:?}"));
            assert!(
                v["error"]["code"].is_u64() && v["error"]["message"].is_string(),
                "{what}: {v}"
            );
        }
    }
    a
}

fn error_lines(log: &str) -> Vec<&str> {
    log.lines().filter(|l| l.contains("ERROR")).collect()
}

#[test]
fn date_range_edges_answer_400_and_the_server_stays_up() {
    let mut b = Binary::start(&[]);
    let (_, token) = b.credentials(Role::ReadOnly);
    let auth = [format!("X-BINTU-TOKEN: {token}")];
    for q in [
        "from=9999-12-31T23:59:59-23:59",
        "to=9999-12-31T23:59:59-00:01",
        "from=0000-01-01T00:00:00%2B23:59",
        "to=0000-01-01T00:00:00%2B00:01",
    ] {
        let target = format!("/stream?{q}");
        let a = check(
            send(&b.addr, "GET", target.as_bytes(), &auth),
            "GET",
            &target,
        );
        assert_eq!(a.status, 400, "{target}");
        let v: Value = serde_json::from_slice(&a.body).unwrap();
        assert_eq!(v["error"]["code"], 1004, "{target}: {v}");
        assert!(b.alive(), "{target} ended the server");
    }
    // Edge years that stay inside 0000-9999 in UTC are ordinary bounds.
    let target = "/stream?from=0000-01-01&to=9999-12-31";
    let a = check(
        send(&b.addr, "GET", target.as_bytes(), &auth),
        "GET",
        target,
    );
    assert_eq!(a.status, 200);
    assert!(b.alive());
}

#[test]
fn over_long_paths_are_a_bintu_404_without_error_logs() {
    let dist_dir = tempfile::tempdir().unwrap();
    let dist = fake_dist(dist_dir.path());
    let mut b = Binary::start(&["--dist", dist.to_str().unwrap()]);
    let long = "a".repeat(300);
    let deep = "b/".repeat(700);
    for path in [
        format!("/{long}"),
        format!("/vod/{long}"),
        format!("/vod/{long}.mp4"),
        format!("/vod/{deep}"),
        format!("/{deep}x"),
        format!("/vod/replay/{long}/x.m3u8"),
        "/vod/%00".to_string(),
        "/%00.js".to_string(),
    ] {
        for method in ["GET", "HEAD", "GET"] {
            let a = check(send(&b.addr, method, path.as_bytes(), &[]), method, &path);
            assert_eq!(a.status, 404, "{method} {path}");
            if method == "GET" {
                let v: Value = serde_json::from_slice(&a.body).unwrap();
                assert_eq!(v["error"]["code"], 1006, "{path}: {v}");
            }
        }
    }
    assert!(b.alive());
    let log = b.log_text();
    assert_eq!(error_lines(&log), Vec::<&str>::new(), "{log}");
}

/// Characters `http` takes unescaped in a path; `%` escapes are generated separately.
const PATH_CHARS: &str = "[!$&'()*+,./0-9:;=@A-Z\\[\\]^_a-z|~\"{}-]";
/// Characters it takes unescaped in a query (`#` would start a fragment; `"` is refused by
/// the HTTP parser with a bare 400 before any of bintu-local runs).
const QUERY_CHARS: &str = "[!$&'()*+,./0-9:;=?@A-Z\\[\\]^_`a-z{|}~-]";

fn regex(r: &str) -> BoxedStrategy<String> {
    prop::string::string_regex(r).unwrap().boxed()
}

fn escape() -> impl Strategy<Value = String> {
    prop_oneof![
        "%[0-9A-Fa-f]{2}",
        "%[0-9A-Za-z%]{0,2}",
        prop::sample::select(vec![
            "%00", "%2F", "%2e%2e", "%5C", "%C3%28", "%FF", "%E2%82"
        ])
        .prop_map(String::from),
    ]
}

fn path_part() -> impl Strategy<Value = String> {
    let piece = prop_oneof![
        4 => regex(&format!("{PATH_CHARS}{{0,12}}")),
        2 => escape(),
        1 => Just("..".to_string()),
        1 => Just("/".to_string()),
        1 => Just("é日本".to_string()),
        1 => "x{250,400}",
        1 => prop::sample::select(vec!["replay", "thumbnails", "index.html", "app.js"])
            .prop_map(String::from),
    ];
    prop::collection::vec(piece, 0..6).prop_map(|v| v.concat())
}

fn query_value() -> impl Strategy<Value = String> {
    let piece = prop_oneof![
        4 => regex(&format!("{QUERY_CHARS}{{0,12}}")),
        2 => escape(),
        3 => prop::sample::select(EDGES).prop_map(String::from),
        1 => "[0-9]{1,30}",
        1 => Just("é".to_string()),
    ];
    prop::collection::vec(piece, 0..4).prop_map(|v| v.concat())
}

fn query() -> impl Strategy<Value = String> {
    let key = prop_oneof![
        prop::sample::select(vec![
            "from",
            "to",
            "quantity",
            "page",
            "state",
            "tags[]",
            "tags%5B%5D",
            "asset_limit",
        ])
        .prop_map(String::from),
        regex(&format!("{QUERY_CHARS}{{0,6}}")),
    ];
    prop::collection::vec((key, query_value()), 0..4).prop_map(|kv| {
        kv.into_iter()
            .map(|(k, v)| format!("{k}={v}"))
            .collect::<Vec<_>>()
            .join("&")
    })
}

#[test]
fn generated_raw_queries_and_media_paths_never_break_the_server() {
    let dist_dir = tempfile::tempdir().unwrap();
    let dist = fake_dist(dist_dir.path());
    let mut b = Binary::start(&["--dist", dist.to_str().unwrap()]);
    let (apikey, token) = b.credentials(Role::ReadOnly);
    let id = "00000000-0000-4000-8000-000000000000";
    proptest!(ProptestConfig::with_cases(700), |(
        shape in 0usize..6, p in path_part(), q in query(), cred in 0usize..3,
        method in prop::sample::select(vec!["GET", "GET", "GET", "GET", "GET", "GET", "HEAD", "POST", "PUT", "DELETE", "PATCH"]),
        html in prop::bool::weighted(0.2),
    )| {
        let target = match shape {
            0 | 1 => format!("/stream?{q}"),
            2 => format!("/stream/{id}?{q}"),
            3 => format!("/vod/{p}"),
            4 => format!("/vod/{p}?{q}"),
            _ => format!("/{p}"),
        };
        let mut headers = vec![];
        match cred {
            0 => headers.push(format!("X-BINTU-TOKEN: {token}")),
            1 => headers.push(format!("X-BINTU-APIKEY: {apikey}")),
            _ => {}
        }
        if html {
            headers.push("Accept: text/html".to_string());
        }
        check(send(&b.addr, method, target.as_bytes(), &headers), method, &format!("{method} {target}"));
    });
    assert!(b.alive(), "the server is still up");
    let log = b.log_text();
    assert_eq!(error_lines(&log), Vec::<&str>::new(), "{log}");
}
