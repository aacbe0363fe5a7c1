//! The release binary (`release_support::release_bin`) on free ports with its log in a file,
//! and HTTP/1.1 spoken by hand over a TCP socket: request targets go out byte for byte as
//! written (no client normalises `..`, percent escapes or over-long paths), answers are
//! parsed just enough to check them.
#![allow(dead_code)]

use std::io::{Read, Write};
use std::net::TcpStream;
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::time::Duration;

use bintu_local::db::orgs::{self, Role};
use bintu_local::db::Db;

use crate::release_support::{free_port, release_bin};

/// A running `bintu-local serve`; killed on drop.
pub struct Binary {
    pub child: Child,
    pub addr: String,
    pub dir: tempfile::TempDir,
    pub log: PathBuf,
}

impl Binary {
    /// Starts the server on a fresh data directory with `extra` serve flags and waits until
    /// it answers.
    pub fn start(extra: &[&str]) -> Binary {
        let dir = tempfile::tempdir().unwrap();
        let port = free_port();
        let log = dir.path().join("server.log");
        let out = std::fs::File::create(&log).unwrap();
        let child = Command::new(release_bin())
            .arg("--data-dir")
            .arg(dir.path().join("data"))
            .args(["serve", "--port", &port.to_string()])
            .args(["--rtmp-port", &free_port().to_string()])
            .args(extra)
            .stdout(Stdio::from(out.try_clone().unwrap()))
            .stderr(Stdio::from(out))
            .spawn()
            .unwrap();
        let mut b = Binary {
            child,
            addr: format!("127.0.0.1:{port}"),
            dir,
            log,
        };
        for _ in 0..200 {
            if b.alive() && TcpStream::connect(&b.addr).is_ok() {
                return b;
            }
            std::thread::sleep(Duration::from_millis(50));
        }
        panic!("server did not start: {}", b.log_text());
    }

    pub fn data_dir(&self) -> PathBuf {
        self.dir.path().join("data")
    }

    /// The demo organisation's API key and the token of its user with `role`.
    pub fn credentials(&self, role: Role) -> (String, String) {
        let db = Db::open(&self.data_dir().join("bintu.sqlite3")).unwrap();
        let conn = db.read();
        let org = orgs::demo_org(&conn).unwrap().unwrap();
        let user = orgs::users_of(&conn, &org.id)
            .unwrap()
            .into_iter()
            .find(|u| u.role == role)
            .unwrap();
        (org.apikey, user.token)
    }

    pub fn alive(&mut self) -> bool {
        self.child.try_wait().unwrap().is_none()
    }

    pub fn log_text(&self) -> String {
        std::fs::read_to_string(&self.log).unwrap_or_default()
    }
}

impl Drop for Binary {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

/// An answer: status, header lines (lower-cased names) and the (de-chunked) body.
#[derive(Debug)]
pub struct Answer {
    pub status: u16,
    pub headers: Vec<(String, String)>,
    pub body: Vec<u8>,
}

impl Answer {
    pub fn header(&self, name: &str) -> Option<&str> {
        self.headers
            .iter()
            .find(|(k, _)| k == name)
            .map(|(_, v)| v.as_str())
    }
}

/// Sends `method target` with `headers` (each `Name: value`) and reads the answer until the
/// server closes. `None` when the connection ended without a status line.
pub fn send(addr: &str, method: &str, target: &[u8], headers: &[String]) -> Option<Answer> {
    let mut s = TcpStream::connect(addr).unwrap();
    s.set_read_timeout(Some(Duration::from_secs(20))).unwrap();
    let mut req = Vec::new();
    req.extend_from_slice(method.as_bytes());
    req.push(b' ');
    req.extend_from_slice(target);
    req.extend_from_slice(b" HTTP/1.1\r\nConnection: close\r\n");
    if !headers
        .iter()
        .any(|h| h.to_ascii_lowercase().starts_with("host:"))
    {
        req.extend_from_slice(b"Host: localhost\r\n");
    }
    for h in headers {
        req.extend_from_slice(h.as_bytes());
        req.extend_from_slice(b"\r\n");
    }
    req.extend_from_slice(b"\r\n");
    s.write_all(&req).ok()?;
    let mut raw = Vec::new();
    let _ = s.read_to_end(&mut raw);
    parse(&raw)
}

fn parse(raw: &[u8]) -> Option<Answer> {
    let end = raw.windows(4).position(|w| w == b"\r\n\r\n")?;
    let head = String::from_utf8_lossy(&raw[..end]).to_string();
    let mut lines = head.split("\r\n");
    let status = lines.next()?.split(' ').nth(1)?.parse().ok()?;
    let headers: Vec<(String, String)> = lines
        .filter_map(|l| l.split_once(':'))
        .map(|(k, v)| (k.trim().to_ascii_lowercase(), v.trim().to_string()))
        .collect();
    let mut body = raw[end + 4..].to_vec();
    let chunked = headers
        .iter()
        .any(|(k, v)| k == "transfer-encoding" && v.contains("chunked"));
    if chunked {
        body = dechunk(&body);
    }
    Some(Answer {
        status,
        headers,
        body,
    })
}

fn dechunk(mut b: &[u8]) -> Vec<u8> {
    let mut out = Vec::new();
    while let Some(nl) = b.windows(2).position(|w| w == b"\r\n") {
        let size = usize::from_str_radix(String::from_utf8_lossy(&b[..nl]).trim(), 16).unwrap_or(0);
        if size == 0 || b.len() < nl + 2 + size {
            break;
        }
        out.extend_from_slice(&b[nl + 2..nl + 2 + size]);
        b = &b[(nl + 4 + size).min(b.len())..];
    }
    out
}

/// A console build stand-in: `index.html` and one asset, enough for the file fallback.
pub fn fake_dist(dir: &Path) -> PathBuf {
    let dist = dir.join("dist");
    std::fs::create_dir_all(dist.join("replay-app")).unwrap();
    std::fs::write(
        dist.join("index.html"),
        "<!doctype html><title>console</title>",
    )
    .unwrap();
    std::fs::write(
        dist.join("replay-app/index.html"),
        "<!doctype html><title>replay</title>",
    )
    .unwrap();
    std::fs::write(dist.join("app.js"), "console.log(1)").unwrap();
    dist
}
