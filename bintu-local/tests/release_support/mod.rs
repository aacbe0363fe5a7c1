//! The *release* binary of bintu-local as a child process, for the tests that must hold for
//! what users run (issue 14): built here once per test binary if needed (a no-op when up to
//! date, so `cargo test` on a clean clone needs no separate build step), started on free
//! ports over a temporary data directory with its log in a file, with RSS from /proc and a
//! few API calls. Killed on drop.
#![allow(dead_code)]

use std::io::Read;
use std::net::{SocketAddr, TcpListener};
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::sync::OnceLock;
use std::time::{Duration, Instant};

use serde_json::{json, Value};

/// `target/release/bintu-local`, built once per test binary (a no-op when up to date).
pub fn release_bin() -> PathBuf {
    static BIN: OnceLock<PathBuf> = OnceLock::new();
    BIN.get_or_init(|| {
        // The test binary's own executable sits in <target>/debug/; release is beside it.
        let target = Path::new(env!("CARGO_BIN_EXE_bintu-local"))
            .parent()
            .and_then(Path::parent)
            .unwrap()
            .to_path_buf();
        let status = Command::new(env!("CARGO"))
            .args(["build", "--release", "-p", "bintu-local", "--target-dir"])
            .arg(&target)
            .current_dir(concat!(env!("CARGO_MANIFEST_DIR"), "/.."))
            .status()
            .expect("cargo runs");
        assert!(status.success(), "cargo build --release -p bintu-local");
        target.join("release/bintu-local")
    })
    .clone()
}

pub fn free_port() -> u16 {
    TcpListener::bind("127.0.0.1:0")
        .unwrap()
        .local_addr()
        .unwrap()
        .port()
}

/// A release bintu-local child on a temporary data directory; killed on drop.
pub struct Srv {
    pub child: Child,
    pub http: String,
    pub rtmp: SocketAddr,
    pub key: String,
    pub dir: tempfile::TempDir,
    pub log: PathBuf,
}

impl Srv {
    /// Starts `serve` with `extra` flags; `wrap` (e.g. `prlimit --nofile=…`) runs it.
    pub fn start_wrapped(wrap: &[&str], extra: &[&str]) -> Srv {
        let dir = tempfile::tempdir().unwrap();
        let log = dir.path().join("server.log");
        let (port, rtmp_port) = (free_port(), free_port());
        let bin = release_bin();
        let mut cmd = match wrap.split_first() {
            Some((first, rest)) => {
                let mut c = Command::new(first);
                c.args(rest).arg(&bin);
                c
            }
            None => Command::new(&bin),
        };
        let file = std::fs::File::create(&log).unwrap();
        let child = cmd
            .arg("--data-dir")
            .arg(dir.path().join("data"))
            .args(["serve", "--port", &port.to_string()])
            .args(["--rtmp-port", &rtmp_port.to_string()])
            .args(extra)
            .env("RUST_LOG", "bintu_local=info")
            .stdout(file.try_clone().unwrap())
            .stderr(file)
            .stdin(Stdio::null())
            .spawn()
            .unwrap();
        let mut srv = Srv {
            child,
            http: format!("http://127.0.0.1:{port}"),
            rtmp: format!("127.0.0.1:{rtmp_port}").parse().unwrap(),
            key: String::new(),
            dir,
            log,
        };
        let end = Instant::now() + Duration::from_secs(30);
        while srv.key.is_empty() {
            assert!(Instant::now() < end, "server started: {}", srv.log_text());
            assert!(
                srv.child.try_wait().unwrap().is_none(),
                "{}",
                srv.log_text()
            );
            if let Some(k) = srv.log_text().split("Demo API key: ").nth(1) {
                srv.key = k.lines().next().unwrap().trim().to_string();
            }
            std::thread::sleep(Duration::from_millis(50));
        }
        srv
    }

    pub fn start(extra: &[&str]) -> Srv {
        Self::start_wrapped(&[], extra)
    }

    /// The server's log so far, colour codes removed.
    pub fn log_text(&self) -> String {
        let mut s = String::new();
        if let Ok(mut f) = std::fs::File::open(&self.log) {
            let _ = f.read_to_string(&mut s);
        }
        let mut plain = String::with_capacity(s.len());
        let mut rest = s.as_str();
        while let Some(at) = rest.find('\x1b') {
            plain.push_str(&rest[..at]);
            rest = &rest[at..];
            rest = rest.find('m').map_or("", |m| &rest[m + 1..]);
        }
        plain.push_str(rest);
        plain
    }

    /// The process is running and answers an authenticated API call with 200.
    pub async fn assert_up(&mut self, what: &str) {
        assert!(
            self.child.try_wait().unwrap().is_none(),
            "server died after {what}; log:\n{}",
            tail(&self.log_text())
        );
        let res = reqwest::Client::new()
            .get(format!("{}/stream", self.http))
            .header("X-BINTU-APIKEY", &self.key)
            .timeout(Duration::from_secs(20))
            .send()
            .await
            .unwrap_or_else(|e| panic!("no HTTP answer after {what}: {e}"));
        assert_eq!(res.status(), 200, "after {what}");
    }

    /// Resident set size of the server process, in MiB.
    pub fn rss_mib(&self) -> f64 {
        let status = std::fs::read_to_string(format!("/proc/{}/status", self.child.id())).unwrap();
        let kb: f64 = status
            .lines()
            .find_map(|l| l.strip_prefix("VmRSS:"))
            .and_then(|v| v.split_whitespace().next())
            .and_then(|v| v.parse().ok())
            .unwrap_or(0.0);
        kb / 1024.0
    }

    /// `{http}{path}`.
    pub fn url(&self, path: &str) -> String {
        format!("{}{path}", self.http)
    }

    /// `POST /stream` with the demo key and `body`; the created stream's JSON.
    pub async fn create(&self, body: &Value) -> Value {
        let res = reqwest::Client::new()
            .post(self.url("/stream"))
            .header("X-BINTU-APIKEY", &self.key)
            .json(body)
            .send()
            .await
            .unwrap();
        assert_eq!(res.status(), 200, "POST /stream {body}");
        res.json().await.unwrap()
    }

    /// Creates a stream with `processing` on its passthrough; returns (id, streamname).
    pub async fn stream(&self, processing: Value) -> (String, String) {
        let v = self.create(&json!({"processing": [processing]})).await;
        let id = v["id"].as_str().unwrap().to_string();
        let name = v["ingest"]["rtmp"]["streamname"]
            .as_str()
            .unwrap()
            .to_string();
        (id, name)
    }

    /// The server's database, opened beside it (WAL: reads see its committed writes).
    pub fn db(&self) -> bintu_local::db::Db {
        bintu_local::db::Db::open(&self.dir.path().join("data/bintu.sqlite3")).unwrap()
    }

    pub async fn state(&self, id: &str) -> String {
        let v: Value = reqwest::Client::new()
            .get(format!("{}/stream/{id}", self.http))
            .header("X-BINTU-APIKEY", &self.key)
            .send()
            .await
            .unwrap()
            .json()
            .await
            .unwrap();
        v["state"].as_str().unwrap_or_default().to_string()
    }

    pub fn media(&self) -> PathBuf {
        self.dir.path().join("data/media")
    }
}

impl Drop for Srv {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

pub fn tail(log: &str) -> String {
    let lines: Vec<&str> = log.lines().collect();
    lines[lines.len().saturating_sub(30)..].join("\n")
}
