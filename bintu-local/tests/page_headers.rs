//! Response headers over real HTTP: `nosniff` on every kind of response, `no-cache` and a
//! Content-Security-Policy on the HTML pages, framing denied for the console and allowed for
//! the public replay pages (the embed target), and the URLs the API hands out following
//! `--public-url` or the request's `Host` instead of the bound address.

mod common;
mod raw_support;
mod release_support;

use common::Server;
use raw_support::{send, Binary};
use serde_json::Value;

/// A Trunk-like build: the console and the replay app, each with an inline bootstrap.
fn dist(dir: &std::path::Path) -> std::path::PathBuf {
    let page = |app: &str| {
        format!(
            "<!doctype html><head><script type=\"module\">import init from '/{app}-0123456789abcdef.js';\
             await init();</script></head><body></body>"
        )
    };
    let d = dir.join("dist");
    std::fs::create_dir_all(d.join("replay-app")).unwrap();
    std::fs::write(d.join("index.html"), page("nano-console")).unwrap();
    std::fs::write(d.join("replay-app/index.html"), page("nano-replay")).unwrap();
    std::fs::write(
        d.join("nano-console-0123456789abcdef.js"),
        "export default 1",
    )
    .unwrap();
    d
}

async fn with_dist() -> (tempfile::TempDir, Server) {
    let dir = tempfile::tempdir().unwrap();
    let d = dist(dir.path());
    (dir, Server::start_with(|c| c.dist = Some(d)).await)
}

fn header<'a>(res: &'a reqwest::Response, name: &str) -> Option<&'a str> {
    res.headers().get(name).map(|v| v.to_str().unwrap())
}

#[tokio::test]
async fn console_pages_are_no_cache_unframeable_and_under_a_csp() {
    let (_d, s) = with_dist().await;
    for (path, accept) in [
        ("/", "*/*"),
        ("/index.html", "*/*"),
        ("/streams", "text/html"),
    ] {
        let res = s
            .http
            .get(s.url(path))
            .header("Accept", accept)
            .send()
            .await
            .unwrap();
        assert_eq!(res.status(), 200, "{path}");
        assert_eq!(header(&res, "cache-control"), Some("no-cache"), "{path}");
        assert_eq!(header(&res, "x-frame-options"), Some("DENY"), "{path}");
        assert_eq!(header(&res, "x-content-type-options"), Some("nosniff"));
        let csp = header(&res, "content-security-policy").unwrap();
        assert!(csp.contains("frame-ancestors 'none'"), "{path}: {csp}");
        assert!(
            csp.contains("'wasm-unsafe-eval'") && csp.contains("'sha256-"),
            "{csp}"
        );
        assert!(!csp.contains("script-src 'self' 'unsafe-inline'"), "{csp}");
    }
}

#[tokio::test]
async fn replay_pages_stay_embeddable() {
    let (_d, s) = with_dist().await;
    for (path, accept) in [
        ("/replay/abc-12345", "text/html"),
        ("/live-replay/replayer?share=x", "text/html"),
        ("/replay-app/", "*/*"),
    ] {
        let res = s
            .http
            .get(s.url(path))
            .header("Accept", accept)
            .send()
            .await
            .unwrap();
        assert_eq!(res.status(), 200, "{path}");
        assert_eq!(header(&res, "x-frame-options"), None, "{path}");
        let csp = header(&res, "content-security-policy").unwrap().to_string();
        assert!(csp.contains("frame-ancestors *"), "{path}: {csp}");
        assert!(csp.contains("worker-src 'self' blob:") && csp.contains("media-src 'self' blob:"));
        assert_eq!(header(&res, "cache-control"), Some("no-cache"));
        assert!(res.text().await.unwrap().contains("nano-replay"), "{path}");
    }
}

#[tokio::test]
async fn nosniff_on_api_media_assets_and_errors() {
    let (_d, s) = with_dist().await;
    let api = s.get("/stream").send().await.unwrap();
    let asset = s
        .http
        .get(s.url("/nano-console-0123456789abcdef.js"))
        .send()
        .await
        .unwrap();
    let media = s.http.get(s.url("/vod/none.mp4")).send().await.unwrap();
    let denied = s.http.get(s.url("/stream")).send().await.unwrap();
    for res in [api, asset, media, denied] {
        assert_eq!(
            header(&res, "x-content-type-options"),
            Some("nosniff"),
            "{}",
            res.url()
        );
    }
}

/// The release build leaves `index.html.br`/`.gz` beside each page (scripts/compress-dist.sh):
/// a browser that accepts them gets those bytes with the plain page's headers (its policy
/// hashes the plain page's inline scripts); one that does not, or a variant older than the
/// page, gets the plain page.
#[tokio::test]
async fn pages_go_out_precompressed_as_the_browser_accepts() {
    let dir = tempfile::tempdir().unwrap();
    let d = dist(dir.path());
    for (file, app) in [
        ("index.html", "console"),
        ("replay-app/index.html", "replay"),
    ] {
        std::fs::write(d.join(format!("{file}.br")), format!("br of {app}")).unwrap();
        std::fs::write(d.join(format!("{file}.gz")), format!("gz of {app}")).unwrap();
    }
    let s = Server::start_with(|c| c.dist = Some(d.clone())).await;
    let get = |path: &'static str, encodings: &'static str| {
        let req = s.http.get(s.url(path)).header("Accept", "text/html");
        async move {
            let res = req
                .header("Accept-Encoding", encodings)
                .send()
                .await
                .unwrap();
            let encoding = header(&res, "content-encoding").map(str::to_string);
            let vary = header(&res, "vary").map(str::to_string);
            let csp = header(&res, "content-security-policy").unwrap().to_string();
            (encoding, vary, csp, res.text().await.unwrap())
        }
    };
    let (_, _, plain_csp, _) = get("/", "identity").await;
    for (path, app) in [
        ("/streams", "console"),
        ("/", "console"),
        ("/replay/abc-1", "replay"),
    ] {
        let (encoding, vary, csp, body) = get(path, "gzip, deflate, br, zstd").await;
        assert_eq!(encoding.as_deref(), Some("br"), "{path}");
        assert_eq!(body, format!("br of {app}"), "{path}");
        assert_eq!(vary.as_deref(), Some("accept-encoding"), "{path}");
        if app == "console" {
            assert_eq!(csp, plain_csp, "{path}");
        }
        let (encoding, _, _, body) = get(path, "gzip").await;
        assert_eq!(
            (encoding.as_deref(), body),
            (Some("gzip"), format!("gz of {app}"))
        );
        let (encoding, vary, _, body) = get(path, "br;q=0, identity").await;
        assert_eq!(encoding, None, "{path}");
        assert_eq!(vary.as_deref(), Some("accept-encoding"), "{path}");
        assert!(body.contains("<script"), "{path}: {body}");
    }
    // Variants older than their page (it was rebuilt since): theirs is not this page.
    let hour_ago = std::time::SystemTime::now() - std::time::Duration::from_secs(3600);
    for suffix in ["br", "gz"] {
        let f = std::fs::File::options()
            .write(true)
            .open(d.join(format!("index.html.{suffix}")))
            .unwrap();
        f.set_modified(hour_ago).unwrap();
    }
    let (encoding, _, _, body) = get("/", "br, gzip").await;
    assert_eq!(encoding, None);
    assert!(body.contains("nano-console"), "{body}");
}

// Two workers: the raw client below blocks one of them while the server answers.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn urls_follow_the_host_the_client_used_not_the_bound_address() {
    let s = Server::start_with(|c| c.host = "0.0.0.0".parse().unwrap()).await;
    let created: Value = s
        .http
        .post(s.url("/stream"))
        .header("X-BINTU-APIKEY", &s.demo.apikey)
        .json(&serde_json::json!({}))
        .send()
        .await
        .unwrap()
        .json()
        .await
        .unwrap();
    let id = created["id"].as_str().unwrap();
    let port = s.running.http_addr.port();
    let addr = format!("127.0.0.1:{port}");
    let target = format!("/stream/{id}");
    let a = send(
        &addr,
        "GET",
        target.as_bytes(),
        &[
            format!("X-BINTU-APIKEY: {}", s.demo.apikey),
            "Host: media.example.test:8090".to_string(),
        ],
    )
    .unwrap();
    let text = String::from_utf8_lossy(&a.body).to_string();
    assert_eq!(a.status, 200, "{text}");
    assert!(!text.contains("0.0.0.0"), "{text}");
    assert!(text.contains("http://media.example.test:8090/"), "{text}");
    assert!(text.contains("rtmp://media.example.test:"), "{text}");
}

#[test]
fn public_url_flag_sets_every_handed_out_url() {
    let b = Binary::start(&[
        "--host",
        "0.0.0.0",
        "--public-url",
        "https://media.example.test/",
    ]);
    let (apikey, _) = b.credentials(bintu_local::db::orgs::Role::Admin);
    let auth = format!("X-BINTU-APIKEY: {apikey}");
    let post = format!(
        "POST /stream HTTP/1.1\r\nHost: 10.1.2.3\r\n{auth}\r\nContent-Type: application/json\r\n\
         Content-Length: 2\r\nConnection: close\r\n\r\n{{}}"
    );
    use std::io::{Read, Write};
    let mut c = std::net::TcpStream::connect(&b.addr).unwrap();
    c.write_all(post.as_bytes()).unwrap();
    let mut out = String::new();
    c.read_to_string(&mut out).unwrap();
    assert!(out.starts_with("HTTP/1.1 200"), "{out}");
    assert!(
        !out.contains("0.0.0.0") && !out.contains("10.1.2.3"),
        "{out}"
    );
    assert!(out.contains("https://media.example.test/"), "{out}");
    assert!(out.contains("rtmp://media.example.test:"), "{out}");
    let a = send(&b.addr, "GET", b"/stream", &[auth]).unwrap();
    assert_eq!(a.status, 200);
}
