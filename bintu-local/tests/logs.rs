//! Logs never carry a credential: the real binary at debug level, requests with a valid
//! key, a wrong key and a wrong token; its whole output holds each only masked (the startup
//! banner prints the demo key on purpose, once, for the person who ran `make run`).

use std::io::Read;
use std::net::TcpListener;
use std::process::{Command, Stdio};
use std::time::Duration;

fn free_port() -> u16 {
    TcpListener::bind("127.0.0.1:0")
        .unwrap()
        .local_addr()
        .unwrap()
        .port()
}

#[tokio::test]
async fn credentials_are_masked_in_logs() {
    let dir = tempfile::tempdir().unwrap();
    let port = free_port();
    let mut child = Command::new(env!("CARGO_BIN_EXE_bintu-local"))
        .arg("--data-dir")
        .arg(dir.path())
        .args([
            "serve",
            "--port",
            &port.to_string(),
            "--rtmp-port",
            &free_port().to_string(),
        ])
        .env("RUST_LOG", "bintu_local=debug,tower_http=debug")
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let base = format!("http://127.0.0.1:{port}");
    let http = reqwest::Client::new();
    let mut up = false;
    for _ in 0..100 {
        if http
            .get(format!("{base}/transcoding/profiles"))
            .send()
            .await
            .is_ok()
        {
            up = true;
            break;
        }
        tokio::time::sleep(Duration::from_millis(50)).await;
    }
    assert!(up, "server started");
    let demo = {
        let db = bintu_local::db::Db::open(&dir.path().join("bintu.sqlite3")).unwrap();
        let org = bintu_local::db::orgs::demo_org(&db.read())
            .unwrap()
            .unwrap();
        org.apikey
    };
    let (wrong_key, wrong_token) = ("WRONGKEY0123456789abcdef", "WRONGTOKEN0123456789abcdef");
    for (h, v) in [
        ("X-BINTU-APIKEY", demo.as_str()),
        ("X-BINTU-APIKEY", wrong_key),
        ("X-BINTU-TOKEN", wrong_token),
    ] {
        http.post(format!("{base}/stream"))
            .header(h, v)
            .send()
            .await
            .unwrap();
        http.get(format!("{base}/stream"))
            .header(h, v)
            .send()
            .await
            .unwrap();
    }
    child.kill().unwrap();
    child.wait().unwrap();
    let mut out = String::new();
    child
        .stdout
        .take()
        .unwrap()
        .read_to_string(&mut out)
        .unwrap();
    child
        .stderr
        .take()
        .unwrap()
        .read_to_string(&mut out)
        .unwrap();
    assert!(
        out.contains("stream created"),
        "debug logs were captured: {out}"
    );
    assert!(
        out.contains("WRON****"),
        "rejections are logged masked: {out}"
    );
    assert!(
        !out.contains(wrong_key) && !out.contains(wrong_token),
        "{out}"
    );
    assert_eq!(
        out.matches(demo.as_str()).count(),
        1,
        "only the banner shows the demo key: {out}"
    );
}
