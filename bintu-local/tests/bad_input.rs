//! Hostile input: over 1,000 generated malformed bodies, query strings and paths against the
//! release binary over real sockets. Whatever arrives, the answer is never a 5xx and never a dropped connection
//! (a handler panic), and every non-200 answer is a Bintu error body.

mod release_support;

use proptest::prelude::*;
use release_support::Srv;
use reqwest::Method;
use serde_json::{Map, Value};

/// Keys the API reads, so generated objects reach deep into validation.
const KEYS: &[&str] = &[
    "tags",
    "transcodes",
    "processing",
    "profile",
    "id",
    "interval",
    "duration",
    "webrtc",
];
const WORDS: &[&str] = &[
    "thumbs",
    "motionclip",
    "rec",
    "replay",
    "captions",
    "vtrans2-852x480x800x25",
    "vtrans2-640x360x400x25",
    "vtrans2-426x240x200x15",
    "",
    "Passthrough",
];

fn json_value() -> impl Strategy<Value = Value> {
    let leaf = prop_oneof![
        Just(Value::Null),
        any::<bool>().prop_map(Value::from),
        any::<i64>().prop_map(Value::from),
        any::<u64>().prop_map(Value::from),
        (-5i64..4000).prop_map(Value::from),
        any::<f64>()
            .prop_map(|f| serde_json::Number::from_f64(f).map_or(Value::Null, Value::Number)),
        "\\PC{0,16}".prop_map(Value::from),
        prop::sample::select(WORDS).prop_map(Value::from),
    ];
    leaf.prop_recursive(5, 64, 6, |inner| {
        let key = prop_oneof![
            prop::sample::select(KEYS).prop_map(String::from),
            "\\PC{0,8}"
        ];
        prop_oneof![
            prop::collection::vec(inner.clone(), 0..6).prop_map(Value::Array),
            prop::collection::vec((key, inner), 0..6)
                .prop_map(|kv| Value::Object(kv.into_iter().collect::<Map<_, _>>())),
        ]
    })
}

/// A body: raw bytes, arbitrary JSON, or an object with the API's keys and arbitrary values.
fn body() -> impl Strategy<Value = Vec<u8>> {
    let object = || {
        prop::collection::vec((prop::sample::select(KEYS), json_value()), 0..4).prop_map(|kv| {
            let m: Map<String, Value> = kv.into_iter().map(|(k, v)| (k.to_string(), v)).collect();
            Value::Object(m).to_string().into_bytes()
        })
    };
    prop_oneof![
        prop::collection::vec(any::<u8>(), 0..256),
        json_value().prop_map(|v| v.to_string().into_bytes()),
        object(),
        object().prop_map(|mut b| {
            b.truncate(b.len() / 2);
            b
        }),
    ]
}

fn segment() -> impl Strategy<Value = String> {
    prop_oneof![
        "[A-Za-z0-9%._~-]{0,40}",
        "\\PC{0,24}",
        Just("..".to_string()),
        "[a-f0-9-]{36}",
        "x{300,2000}",
    ]
}

fn method() -> impl Strategy<Value = Method> {
    prop::sample::select(vec![
        Method::GET,
        Method::POST,
        Method::PUT,
        Method::DELETE,
        Method::PATCH,
    ])
}

/// Asserts the answer is not a server error and, unless 200, a Bintu error body.
async fn check(res: Result<reqwest::Response, reqwest::Error>, what: &str) {
    let res = res.unwrap_or_else(|e| panic!("{what}: no answer (handler panic?): {e}"));
    let status = res.status();
    assert!(status.as_u16() < 500, "{what}: {status}");
    let ct = res
        .headers()
        .get("content-type")
        .map(|v| v.to_str().unwrap_or("").to_string());
    let text = res.text().await.unwrap();
    let v: Value =
        serde_json::from_str(&text).unwrap_or_else(|_| panic!("{what}: not JSON: {text}"));
    if status != 200 {
        assert_eq!(
            ct.as_deref(),
            Some("application/json; charset=utf-8"),
            "{what}"
        );
        assert!(
            v["error"]["code"].is_u64() && v["error"]["message"].is_string(),
            "{what}: {text}"
        );
    }
}

struct Env {
    rt: tokio::runtime::Runtime,
    s: Srv,
    http: reqwest::Client,
    id: String,
}

fn env() -> Env {
    let rt = tokio::runtime::Builder::new_multi_thread()
        .worker_threads(2)
        .enable_all()
        .build()
        .unwrap();
    let s = Srv::start(&[]);
    let body = serde_json::json!({"transcodes":[{"profile":"vtrans2-640x360x400x25","tags":[]}]});
    let id = rt.block_on(s.create(&body))["id"]
        .as_str()
        .unwrap()
        .to_string();
    let http = reqwest::Client::new();
    Env { rt, s, http, id }
}

#[test]
fn generated_bodies_never_break_the_api() {
    let e = env();
    let targets = [
        (Method::POST, "/stream".to_string()),
        (Method::PUT, format!("/stream/{}/processing", e.id)),
        (Method::PUT, format!("/stream/{}/tag", e.id)),
    ];
    proptest!(ProptestConfig::with_cases(600), |(raw in body(), t in 0usize..3, json_ct in any::<bool>())| {
        let (m, path) = &targets[t];
        e.rt.block_on(async {
            let mut req = e.http.request(m.clone(), e.s.url(path))
                .header("X-BINTU-APIKEY", &e.s.key).body(raw.clone());
            if json_ct {
                req = req.header("Content-Type", "application/json");
            }
            check(req.send().await, &format!("{m} {path} {}", String::from_utf8_lossy(&raw))).await;
        });
    });
}

#[test]
fn generated_paths_and_queries_never_break_the_api() {
    let e = env();
    proptest!(ProptestConfig::with_cases(500), |(
        m in method(), a in segment(), b in segment(), q in "\\PC{0,40}", shape in 0usize..5, cred in 0usize..3
    )| {
        let path = match shape {
            0 => format!("/stream/{a}"),
            1 => format!("/stream/{a}/{b}"),
            2 => format!("/stream/{}/{b}", e.id),
            3 => format!("/stream?{q}"),
            _ => format!("/stream/{}?{q}", e.id),
        };
        e.rt.block_on(async {
            let mut req = e.http.request(m.clone(), e.s.url(&path));
            req = match cred {
                0 => req.header("X-BINTU-APIKEY", &e.s.key),
                1 => req.header("X-BINTU-TOKEN", "garbage"),
                _ => req,
            };
            check(req.send().await, &format!("{m} {path}")).await;
        });
    });
}
