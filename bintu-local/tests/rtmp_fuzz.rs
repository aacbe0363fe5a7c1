//! Seeded fuzzing of the release binary's RTMP ingest: a real ffmpeg publish runs through a
//! recording proxy; its first bytes, split into messages, are mutated into `SESSIONS`
//! sessions (bit flips, truncation, oversized chunks, wrong chunk streams, random AMF, ...)
//! sent over many concurrent connections. The server stays up with bounded memory, and the
//! real publish keeps producing replay segments and ends with a playable recording.

mod release_support;
mod rtmp_support;

use std::sync::atomic::{AtomicBool, AtomicU64, Ordering};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use bintu_local::publish::{ffmpeg_args, TestSource};
use rand::SeedableRng;
use release_support::{tail, Srv};
use rtmp_support::{mutate, send_raw};
use serde_json::json;
use tokio::io::{AsyncReadExt, AsyncWriteExt};
use tokio::net::{TcpListener, TcpStream};

const SESSIONS: u64 = 10_000;
const SEED: u64 = 0x14_2026;
const CONCURRENCY: usize = 48;
/// Client→server bytes of the real publish kept for mutation.
const CAPTURE: usize = 96 * 1024;
/// Peak RSS allowed while fuzzing: the 64 MiB unfinished-message budget of all connections
/// plus the server's own ~10 MiB, its tasks and the per-connection buffers.
const FUZZ_RSS_MIB: f64 = 128.0;

/// Forwards one publisher connection to the server, keeping its first `CAPTURE` bytes.
async fn proxy(listener: TcpListener, server: std::net::SocketAddr, capture: Arc<Mutex<Vec<u8>>>) {
    let (client, _) = listener.accept().await.unwrap();
    let upstream = TcpStream::connect(server).await.unwrap();
    let (mut cr, mut cw) = client.into_split();
    let (mut ur, mut uw) = upstream.into_split();
    let down = tokio::spawn(async move {
        let _ = tokio::io::copy(&mut ur, &mut cw).await;
    });
    let mut buf = vec![0u8; 64 * 1024];
    loop {
        let n = match cr.read(&mut buf).await {
            Ok(0) | Err(_) => break,
            Ok(n) => n,
        };
        {
            let mut c = capture.lock().unwrap();
            let room = CAPTURE.saturating_sub(c.len()).min(n);
            c.extend_from_slice(&buf[..room]);
        }
        if uw.write_all(&buf[..n]).await.is_err() {
            break;
        }
    }
    let _ = uw.shutdown().await;
    let _ = down.await;
}

fn replay_segments(srv: &Srv, name: &str) -> usize {
    std::fs::read_dir(srv.media().join("replay"))
        .map(|d| {
            d.flatten()
                .filter(|e| {
                    let f = e.file_name().to_string_lossy().into_owned();
                    f.starts_with(name) && f.ends_with(".ts")
                })
                .count()
        })
        .unwrap_or(0)
}

async fn until(secs: u64, what: &str, mut cond: impl FnMut() -> bool) {
    let end = Instant::now() + Duration::from_secs(secs);
    while !cond() {
        assert!(Instant::now() < end, "timed out waiting for {what}");
        tokio::time::sleep(Duration::from_millis(200)).await;
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn fuzzed_sessions_leave_the_server_and_a_live_publish_standing() {
    let mut srv = Srv::start(&["--rtmp-max-connections", "256"]);
    let (id, name) = srv
        .stream(json!([{"id":"rec","duration":null},{"id":"replay","duration":null}]))
        .await;
    let listener = TcpListener::bind("127.0.0.1:0").await.unwrap();
    let proxy_addr = listener.local_addr().unwrap();
    let capture = Arc::new(Mutex::new(Vec::new()));
    tokio::spawn(proxy(listener, srv.rtmp, capture.clone()));
    let src = TestSource {
        url: format!("rtmp://{proxy_addr}/live"),
        name: name.clone(),
        seconds: None,
        width: 320,
        height: 180,
        fps: 25,
    };
    let started = Instant::now();
    let mut publisher = tokio::process::Command::new("ffmpeg")
        .args(ffmpeg_args(&src, false))
        .stdin(std::process::Stdio::null())
        .stderr(std::process::Stdio::null())
        .kill_on_drop(true)
        .spawn()
        .unwrap();
    until(60, "the capture", || {
        capture.lock().unwrap().len() >= CAPTURE
    })
    .await;
    until(60, "a first replay segment", || {
        replay_segments(&srv, &name) >= 1
    })
    .await;
    assert_eq!(srv.state(&id).await, "live");

    let base = mutate::corpus(&capture.lock().unwrap(), 24 * 1024);
    assert!(
        base.iter().any(|m| m.type_id == 20),
        "the capture holds commands"
    );
    assert!(base.iter().any(|m| m.type_id == 9), "and video");
    let peak = Arc::new(AtomicU64::new(0));
    let done = Arc::new(AtomicBool::new(false));
    let sampler = {
        let (peak, done, pid) = (peak.clone(), done.clone(), srv.child.id());
        tokio::spawn(async move {
            while !done.load(Ordering::Relaxed) {
                let kb = std::fs::read_to_string(format!("/proc/{pid}/status"))
                    .ok()
                    .and_then(|s| {
                        s.lines()
                            .find_map(|l| l.strip_prefix("VmRSS:"))
                            .and_then(|v| v.split_whitespace().next()?.parse::<u64>().ok())
                    })
                    .unwrap_or(0);
                peak.fetch_max(kb, Ordering::Relaxed);
                tokio::time::sleep(Duration::from_millis(50)).await;
            }
        })
    };
    let segments_before = replay_segments(&srv, &name);
    let fuzz_start = Instant::now();
    let next = Arc::new(AtomicU64::new(0));
    let unclosed = Arc::new(AtomicU64::new(0));
    let mut workers = tokio::task::JoinSet::new();
    for _ in 0..CONCURRENCY {
        let (base, next, unclosed, addr) = (base.clone(), next.clone(), unclosed.clone(), srv.rtmp);
        workers.spawn(async move {
            loop {
                let i = next.fetch_add(1, Ordering::Relaxed);
                if i >= SESSIONS {
                    return;
                }
                let mut rng = rand::rngs::StdRng::seed_from_u64(SEED ^ i);
                let bytes = mutate::session(&base, &mut rng);
                if !send_raw(addr, &bytes, 30).await {
                    unclosed.fetch_add(1, Ordering::Relaxed);
                }
            }
        });
    }
    while workers.join_next().await.is_some() {}
    done.store(true, Ordering::Relaxed);
    sampler.await.unwrap();
    let peak_mib = peak.load(Ordering::Relaxed) as f64 / 1024.0;
    println!(
        "{SESSIONS} fuzzed sessions in {:.1}s, peak RSS {peak_mib:.1} MiB",
        fuzz_start.elapsed().as_secs_f64()
    );
    srv.assert_up("the fuzz run").await;
    assert_eq!(
        unclosed.load(Ordering::Relaxed),
        0,
        "every fuzzed session was closed"
    );
    assert!(
        peak_mib < FUZZ_RSS_MIB,
        "peak RSS {peak_mib:.1} MiB over {FUZZ_RSS_MIB}"
    );
    let log = srv.log_text();
    assert!(!log.contains("panic"), "no panic: {}", tail(&log));
    println!("why the server closed fuzzed connections (log lines):");
    let mut reasons = std::collections::BTreeMap::<String, usize>::new();
    for l in log.lines().filter_map(|l| l.split("error=").nth(1)) {
        let r: String = l
            .chars()
            .filter(|c| !c.is_ascii_digit())
            .take_while(|c| *c != '(')
            .take(70)
            .collect();
        *reasons.entry(r).or_default() += 1;
    }
    for (r, n) in &reasons {
        println!("  {n:>6}  {r}");
    }

    // The real publish went on: new segments after the fuzz, still live.
    until(60, "replay segments after the fuzz", || {
        replay_segments(&srv, &name) >= segments_before + 2
    })
    .await;
    assert_eq!(srv.state(&id).await, "live");
    let published = started.elapsed().as_secs_f64();
    publisher.kill().await.unwrap();
    let end = Instant::now() + Duration::from_secs(60);
    while srv.state(&id).await != "ended" {
        assert!(
            Instant::now() < end,
            "the publish ended: {}",
            tail(&srv.log_text())
        );
        tokio::time::sleep(Duration::from_millis(200)).await;
    }
    let rec = std::fs::read_dir(srv.media())
        .unwrap()
        .flatten()
        .map(|e| e.path())
        .find(|p| {
            let f = p.file_name().unwrap().to_string_lossy().into_owned();
            f.starts_with(&name) && f.ends_with(".mp4")
        })
        .expect("a recording");
    let out = std::process::Command::new("ffprobe")
        .args([
            "-v",
            "error",
            "-show_entries",
            "format=duration",
            "-of",
            "csv=p=0",
        ])
        .arg(&rec)
        .output()
        .unwrap();
    assert!(out.status.success(), "ffprobe reads the recording");
    let secs: f64 = String::from_utf8_lossy(&out.stdout).trim().parse().unwrap();
    println!("recording {secs:.1}s of a {published:.1}s publish");
    assert!(
        secs >= published * 0.5,
        "recording {secs:.1}s of {published:.1}s"
    );
}
