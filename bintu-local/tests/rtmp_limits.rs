//! Bounded ingest on the release binary: 3,000 idle or half-handshaken RTMP sockets are
//! closed by the start deadline with bounded memory while the API answers, and a process
//! out of file descriptors backs off instead of spinning (its log stays short).

mod release_support;

use std::time::Duration;

use release_support::{tail, Srv};
use tokio::io::{AsyncReadExt, AsyncWriteExt};
use tokio::net::TcpStream;

/// RSS allowed with 3,000 connections open: each holds a 4 KiB read buffer and its task,
/// about 20 MiB in all; the bound leaves room for the allocator and the runtime.
const IDLE_RSS_MIB: f64 = 96.0;

async fn open(addr: std::net::SocketAddr, n: usize) -> Vec<TcpStream> {
    let mut out = Vec::with_capacity(n);
    for i in 0..n {
        let Ok(Ok(mut s)) =
            tokio::time::timeout(Duration::from_secs(2), TcpStream::connect(addr)).await
        else {
            continue;
        };
        // A third sends nothing, a third only C0, a third C0 and half of C1.
        let _ = match i % 3 {
            0 => Ok(()),
            1 => s.write_all(&[3]).await,
            _ => s.write_all(&[3u8; 700]).await,
        };
        out.push(s);
    }
    out
}

/// Waits (at most `secs`) for the server to close `s`.
async fn closed_by_server(mut s: TcpStream, secs: u64) -> bool {
    let mut buf = [0u8; 4096];
    let wait = async {
        loop {
            match s.read(&mut buf).await {
                Ok(0) | Err(_) => return,
                Ok(_) => {}
            }
        }
    };
    tokio::time::timeout(Duration::from_secs(secs), wait)
        .await
        .is_ok()
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn idle_and_half_handshaken_sockets_are_closed_by_the_deadline() {
    let mut srv = Srv::start(&[
        "--rtmp-start-timeout",
        "3",
        "--rtmp-max-connections",
        "4000",
    ]);
    let (id, _) = srv.stream(serde_json::json!([])).await;
    let rss_before = srv.rss_mib();
    let sockets = open(srv.rtmp, 3000).await;
    assert_eq!(sockets.len(), 3000, "all 3,000 connected");
    srv.assert_up("3,000 idle RTMP sockets").await;
    // The API answers correctly meanwhile (its latency under the flood: make bench).
    assert_eq!(
        srv.state(&id).await,
        "created",
        "GET /stream/{{id}} during the flood"
    );
    let rss = srv.rss_mib();
    println!("RSS {rss_before:.1} MiB before, {rss:.1} MiB with 3,000 idle sockets");
    assert!(rss < IDLE_RSS_MIB, "RSS {rss:.1} MiB over {IDLE_RSS_MIB}");
    let closed = futures_join(sockets).await;
    assert_eq!(closed, 3000, "every socket closed by the server");
    // Each line is written just after its socket closed: give the last ones a moment.
    let mut log = srv.log_text();
    for _ in 0..50 {
        if log.matches("no publish within 3s").count() >= 3000 {
            break;
        }
        tokio::time::sleep(Duration::from_millis(200)).await;
        log = srv.log_text();
    }
    let refused = log.matches("no publish within 3s").count();
    assert_eq!(
        refused,
        3000,
        "one log line per closed socket: {}",
        tail(&log)
    );
    srv.assert_up("the deadline").await;
}

async fn futures_join(sockets: Vec<TcpStream>) -> usize {
    let mut set = tokio::task::JoinSet::new();
    for s in sockets {
        set.spawn(closed_by_server(s, 60));
    }
    let mut closed = 0;
    while let Some(r) = set.join_next().await {
        closed += r.unwrap() as usize;
    }
    closed
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn out_of_file_descriptors_backs_off_without_log_spin() {
    let mut srv = Srv::start_wrapped(
        &["prlimit", "--nofile=64:64"],
        &["--rtmp-start-timeout", "2", "--http-header-timeout", "2"],
    );
    let http: std::net::SocketAddr = srv.http.trim_start_matches("http://").parse().unwrap();
    // More sockets than the server has descriptors, on both listeners, held for a while.
    let mut held = open(srv.rtmp, 150).await;
    held.extend(open(http, 150).await);
    tokio::time::sleep(Duration::from_secs(4)).await;
    drop(held);
    tokio::time::sleep(Duration::from_secs(3)).await;
    srv.assert_up("running out of file descriptors").await;
    let log = srv.log_text();
    let lines = log.lines().count();
    let accept = log.matches("accept failed").count();
    println!("{lines} log lines, {accept} of them accept failures");
    assert!(accept >= 1, "the fd limit was reached: {}", tail(&log));
    // At most one accept-failure line per listener per 5 s (about 7 s here), and one line
    // per connection it did accept (at most 300): a spin would write millions.
    assert!(accept <= 6, "accept failures rate-limited: {accept}");
    assert!(lines <= 400, "log bounded: {lines} lines\n{}", tail(&log));
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn slow_http_headers_are_cut_off_and_the_connection_cap_queues() {
    let mut srv = Srv::start(&["--http-header-timeout", "1", "--http-max-connections", "4"]);
    let http: std::net::SocketAddr = srv.http.trim_start_matches("http://").parse().unwrap();
    let mut slow = Vec::new();
    for _ in 0..4 {
        let mut s = TcpStream::connect(http).await.unwrap();
        s.write_all(b"GET /stream HTTP/1.1\r\nHost: x\r\n")
            .await
            .unwrap();
        slow.push(s);
    }
    // A fifth client waits for a free slot, then is served.
    srv.assert_up("four slow clients holding every HTTP slot")
        .await;
    let closed = futures_join(slow).await;
    assert_eq!(closed, 4, "slow header senders closed by the server");
    let log = srv.log_text();
    assert!(
        log.contains("http connections at the limit"),
        "{}",
        tail(&log)
    );
    assert!(
        log.contains("no complete request headers within 1s"),
        "{}",
        tail(&log)
    );
}
