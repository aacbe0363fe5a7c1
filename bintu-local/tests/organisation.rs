//! `GET /organisation` and the credential checks every endpoint shares, over real HTTP.

mod common;

use bintu_local::db::orgs::Role;
use common::{expect_error, Server};

#[tokio::test]
async fn api_key_reads_own_organisation_with_keys() {
    let s = Server::start().await;
    let res = s.get("/organisation").send().await.unwrap();
    assert_eq!(res.status(), 200);
    let body: serde_json::Value = res.json().await.unwrap();
    assert_eq!(body["name"], "Demo Organisation");
    assert_eq!(body["hash"], s.demo.hash.as_str());
    assert_eq!(body["features"]["processing"]["enabled"], true);
    assert_eq!(body["apikey"], s.demo.apikey.as_str());
}

#[tokio::test]
async fn missing_credentials_get_a_bintu_error() {
    let s = Server::start().await;
    let res = s.http.get(s.url("/organisation")).send().await.unwrap();
    let body = expect_error(res, 401, 1002).await;
    assert_eq!(
        body["error"]["userinfo"]["required_parameter"],
        "X-BINTU-APIKEY"
    );
}

#[tokio::test]
async fn wrong_key_is_rejected_and_masked_in_the_answer() {
    let s = Server::start().await;
    let key = "wrongkey-0123456789";
    let res = s
        .http
        .get(s.url("/organisation"))
        .header("X-BINTU-APIKEY", key)
        .send()
        .await
        .unwrap();
    let body = expect_error(res, 401, 4001).await;
    assert_eq!(body["error"]["userinfo"]["apikey"], "wron****");
    assert!(!body.to_string().contains(key));
}

#[tokio::test]
async fn user_tokens_carry_their_role_and_hide_keys_below_admin() {
    let s = Server::start().await;
    for (role, name) in [(Role::ReadOnly, "nanoReadOnly"), (Role::User, "nanoUser")] {
        let res = s
            .http
            .get(s.url("/organisation"))
            .header("X-BINTU-TOKEN", s.token(role))
            .send()
            .await
            .unwrap();
        let body: serde_json::Value = res.json().await.unwrap();
        assert_eq!(body["role"], name);
        assert!(
            body.get("apikey").is_none(),
            "{name} must not see the API key"
        );
    }
    let res = s
        .http
        .get(s.url("/organisation"))
        .header("X-BINTU-TOKEN", "nope")
        .send()
        .await
        .unwrap();
    expect_error(res, 401, 4002).await;
}

#[tokio::test]
async fn each_key_sees_only_its_own_organisation() {
    let s = Server::start().await;
    let other = s.other_org("Second Org", false);
    let res = s
        .http
        .get(s.url("/organisation"))
        .header("X-BINTU-APIKEY", &other.apikey)
        .send()
        .await
        .unwrap();
    let body: serde_json::Value = res.json().await.unwrap();
    assert_eq!(body["name"], "Second Org");
    assert_eq!(body["features"]["processing"]["enabled"], false);
}

#[tokio::test]
async fn cors_preflight_allows_any_origin_with_credential_headers() {
    let s = Server::start().await;
    let res = s
        .http
        .request(reqwest::Method::OPTIONS, s.url("/organisation"))
        .header("Origin", "https://console.example")
        .header("Access-Control-Request-Method", "PUT")
        .header(
            "Access-Control-Request-Headers",
            "x-bintu-apikey,content-type",
        )
        .send()
        .await
        .unwrap();
    assert!(res.status().is_success());
    let h = res.headers();
    assert_eq!(h["access-control-allow-origin"], "*");
    let allowed = h["access-control-allow-headers"]
        .to_str()
        .unwrap()
        .to_lowercase();
    assert!(allowed.contains("x-bintu-apikey") && allowed.contains("x-bintu-token"));
    assert!(h["access-control-allow-methods"]
        .to_str()
        .unwrap()
        .contains("PUT"));
}

#[tokio::test]
async fn browser_navigation_gets_the_console_and_api_clients_get_json() {
    let dist = tempfile::tempdir().unwrap();
    std::fs::write(dist.path().join("index.html"), "<html>console</html>").unwrap();
    std::fs::write(dist.path().join("app.js"), "console.log(1)").unwrap();
    let path = dist.path().to_path_buf();
    let s = Server::start_with(move |c| c.dist = Some(path)).await;
    let html = |p: &str| s.http.get(s.url(p)).header("Accept", "text/html,*/*;q=0.8");
    for route in ["/organisation", "/stream/abc", "/replay/player"] {
        let res = html(route).send().await.unwrap();
        assert_eq!(res.status(), 200, "{route}");
        assert_eq!(res.text().await.unwrap(), "<html>console</html>", "{route}");
    }
    // With the separate replay build in place, the replay pages get it, the rest the console.
    std::fs::create_dir(dist.path().join(contract::pages::REPLAY_APP)).unwrap();
    std::fs::write(
        dist.path()
            .join(contract::pages::REPLAY_APP)
            .join("index.html"),
        "<html>replay</html>",
    )
    .unwrap();
    for (route, page) in [
        ("/replay/player?share=x", "replay"),
        ("/replay/clip", "replay"),
        ("/live-replay/replayer/index.html", "replay"),
        ("/stream/abc", "console"),
        ("/replay", "console"),
    ] {
        let res = html(route).send().await.unwrap();
        assert_eq!(
            res.text().await.unwrap(),
            format!("<html>{page}</html>"),
            "{route}"
        );
    }
    let js = s.http.get(s.url("/app.js")).send().await.unwrap();
    assert_eq!(js.text().await.unwrap(), "console.log(1)");
    // Built assets go out precompressed when the browser takes it, and cached for good
    // when their name carries Trunk's hash.
    let wasm = "/app-0123456789abcdef_bg.wasm";
    std::fs::write(dist.path().join(&wasm[1..]), b"\0asm-raw").unwrap();
    std::fs::write(dist.path().join(format!("{}.br", &wasm[1..])), b"BR").unwrap();
    std::fs::write(dist.path().join(format!("{}.gz", &wasm[1..])), b"GZ").unwrap();
    for (accept, encoding, body) in [
        ("br, gzip", Some("br"), "BR"),
        ("gzip", Some("gzip"), "GZ"),
        ("identity", None, "\0asm-raw"),
    ] {
        let res = s
            .http
            .get(s.url(wasm))
            .header("Accept-Encoding", accept)
            .send()
            .await
            .unwrap();
        assert_eq!(res.status(), 200, "{accept}");
        assert_eq!(res.headers()["content-type"], "application/wasm");
        assert_eq!(
            res.headers()
                .get("content-encoding")
                .map(|v| v.to_str().unwrap()),
            encoding
        );
        assert_eq!(
            res.headers()["cache-control"],
            "public, max-age=31536000, immutable"
        );
        assert_eq!(res.text().await.unwrap(), body, "{accept}");
    }
    let js = s.http.get(s.url("/app.js")).send().await.unwrap();
    assert!(
        js.headers().get("cache-control").is_none(),
        "unhashed: revalidated as usual"
    );
    // The same path as JSON with credentials is the API.
    let api = html("/organisation")
        .header("X-BINTU-APIKEY", &s.demo.apikey)
        .send()
        .await
        .unwrap();
    assert_eq!(
        api.json::<serde_json::Value>().await.unwrap()["hash"],
        s.demo.hash.as_str()
    );
    // An unknown path from an API client is a Bintu 404, not the console.
    expect_error(s.get("/nope").send().await.unwrap(), 404, 1006).await;
}

#[tokio::test]
async fn media_is_served_read_only_with_types_and_no_traversal() {
    let s = Server::start().await;
    let media = s.running.state.config.media_dir();
    std::fs::create_dir_all(media.join("replay")).unwrap();
    std::fs::write(media.join("replay/a-b.m3u8"), "#EXTM3U\n").unwrap();
    std::fs::write(s.dir.path().join("secret.txt"), "TOP-SECRET-CONTENT").unwrap();
    let res = s
        .http
        .get(s.url("/vod/replay/a-b.m3u8"))
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), 200);
    assert_eq!(
        res.headers()["content-type"],
        "application/vnd.apple.mpegurl"
    );
    assert_eq!(res.headers()["cache-control"], "no-cache");
    for evil in [
        "/vod/../secret.txt",
        "/vod/%2e%2e/secret.txt",
        "/vod/..%2fsecret.txt",
    ] {
        let res = s.http.get(s.url(evil)).send().await.unwrap();
        assert_ne!(res.status(), 200, "{evil}");
        assert!(!res.text().await.unwrap().contains("TOP-SECRET"), "{evil}");
    }
    let put = s
        .http
        .put(s.url("/vod/replay/a-b.m3u8"))
        .body("x")
        .send()
        .await
        .unwrap();
    assert!(put.status().is_client_error());
}

#[tokio::test]
async fn the_console_config_names_this_server_as_api_and_media_host() {
    let s = Server::start().await;
    let res = s.http.get(s.url("/config.json")).send().await.unwrap();
    assert_eq!(res.status(), 200);
    assert_eq!(res.headers()["cache-control"], "no-cache");
    let body: serde_json::Value = res.json().await.unwrap();
    let base = s.url("");
    let base = base.trim_end_matches('/');
    assert_eq!(body["apiUrl"], base);
    assert_eq!(body["vodBaseUrl"], format!("{base}/vod"));
    assert!(body["officialReplayerUrl"].is_null());
}
