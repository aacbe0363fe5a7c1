//! API load generator for `make bench` (scripts/bench/api.sh): N keep-alive HTTP/1.1
//! connections (hyper's low-level client, one per task, so "32 connections" is exact) send
//! `GET /stream/{id}` or `POST /stream` back to back until a time or request bound, then
//! print requests/s, p50/p99/max latency and the error count. Exits 1 on any error.
//!
//! cargo run --release -p bintu-local --example loadgen -- BASE_URL API_KEY get|post \
//!     [connections=32] [seconds=10] [max_requests=200000]

use std::time::{Duration, Instant};

use http_body_util::{BodyExt, Full};
use hyper::body::Bytes;
use hyper::{Method, Request};
use hyper_util::rt::TokioIo;
use tokio::net::TcpStream;

/// A group of three members with processing: what the console creates and reads most.
const CREATE_BODY: &str = r#"{"tags":["bench"],
  "transcodes":[{"profile":"vtrans2-852x480x800x25","tags":["1. Transcode"]},
                {"profile":"vtrans2-640x360x400x25","tags":["2. Transcode"]}],
  "processing":[[{"id":"thumbs","interval":30},{"id":"replay","duration":null}],[],[]]}"#;

struct Target {
    authority: String,
    key: String,
    method: Method,
    path: String,
    body: &'static str,
}

/// One connection's run: latencies in microseconds and the number of failed requests.
async fn run_connection(
    t: &Target,
    deadline: Instant,
    budget: usize,
) -> anyhow::Result<(Vec<u32>, usize)> {
    let stream = TcpStream::connect(&t.authority).await?;
    stream.set_nodelay(true)?;
    let (mut sender, conn) = hyper::client::conn::http1::handshake(TokioIo::new(stream)).await?;
    tokio::spawn(conn);
    let (mut latencies, mut errors) = (Vec::with_capacity(budget.min(1 << 20)), 0);
    while latencies.len() < budget && Instant::now() < deadline {
        let req = Request::builder()
            .method(t.method.clone())
            .uri(&t.path)
            .header("host", &t.authority)
            .header("x-bintu-apikey", &t.key)
            .header("content-type", "application/json")
            .body(Full::new(Bytes::from_static(t.body.as_bytes())))?;
        let start = Instant::now();
        match sender.send_request(req).await {
            Ok(res) => {
                let ok = res.status() == 200;
                let body = res.into_body().collect().await.map(|b| b.to_bytes());
                if !ok || body.is_err() {
                    errors += 1;
                }
            }
            Err(_) => {
                errors += 1;
                break;
            }
        }
        latencies.push(start.elapsed().as_micros().min(u32::MAX as u128) as u32);
    }
    Ok((latencies, errors))
}

fn percentile(sorted: &[u32], p: f64) -> f64 {
    if sorted.is_empty() {
        return 0.0;
    }
    let i = ((sorted.len() as f64 * p).ceil() as usize).clamp(1, sorted.len()) - 1;
    f64::from(sorted[i]) / 1000.0
}

/// Creates one stream group to read; returns its id.
async fn create_one(authority: &str, key: &str) -> anyhow::Result<String> {
    let stream = TcpStream::connect(authority).await?;
    let (mut sender, conn) = hyper::client::conn::http1::handshake(TokioIo::new(stream)).await?;
    tokio::spawn(conn);
    let req = Request::post("/stream")
        .header("host", authority)
        .header("x-bintu-apikey", key)
        .body(Full::new(Bytes::from_static(CREATE_BODY.as_bytes())))?;
    let res = sender.send_request(req).await?;
    anyhow::ensure!(res.status() == 200, "create failed: {}", res.status());
    let body = res.into_body().collect().await?.to_bytes();
    let v: serde_json::Value = serde_json::from_slice(&body)?;
    Ok(v["id"].as_str().unwrap_or_default().to_string())
}

#[tokio::main]
async fn main() -> anyhow::Result<()> {
    let args: Vec<String> = std::env::args().skip(1).collect();
    anyhow::ensure!(
        args.len() >= 3,
        "usage: loadgen BASE_URL API_KEY get|post [conns] [secs] [max]"
    );
    let authority = args[0]
        .trim_start_matches("http://")
        .trim_end_matches('/')
        .to_string();
    let key = args[1].clone();
    let arg = |i: usize, d: u64| args.get(i).and_then(|s| s.parse().ok()).unwrap_or(d);
    let (conns, secs, max) = (arg(3, 32) as usize, arg(4, 10), arg(5, 200_000) as usize);
    let (method, path, body) = match args[2].as_str() {
        "get" => (
            Method::GET,
            format!("/stream/{}", create_one(&authority, &key).await?),
            "",
        ),
        "post" => (Method::POST, "/stream".to_string(), CREATE_BODY),
        other => anyhow::bail!("unknown mode {other}"),
    };
    let label = format!(
        "{method} {}",
        if method == Method::GET {
            "/stream/{id}"
        } else {
            "/stream"
        }
    );
    let target = std::sync::Arc::new(Target {
        authority,
        key,
        method,
        path,
        body,
    });
    let started = Instant::now();
    let deadline = started + Duration::from_secs(secs);
    let per_conn = max.div_ceil(conns);
    let tasks: Vec<_> = (0..conns)
        .map(|_| {
            let t = target.clone();
            tokio::spawn(async move { run_connection(&t, deadline, per_conn).await })
        })
        .collect();
    let (mut all, mut errors) = (Vec::new(), 0);
    for task in tasks {
        let (lat, err) = task.await??;
        all.extend(lat);
        errors += err;
    }
    let elapsed = started.elapsed().as_secs_f64();
    all.sort_unstable();
    println!(
        "{label}: {conns} connections, {} requests in {elapsed:.1} s = {:.0} req/s; \
         latency p50 {:.2} ms, p99 {:.2} ms, max {:.2} ms; errors {errors}",
        all.len(),
        all.len() as f64 / elapsed,
        percentile(&all, 0.50),
        percentile(&all, 0.99),
        percentile(&all, 1.0),
    );
    if errors > 0 {
        std::process::exit(1);
    }
    Ok(())
}
