//! The HTTP accept loop (in place of `axum::serve`, which has neither a header-read timeout
//! nor a connection cap): HTTP/1.1 by hyper with a header-read timeout, at most
//! `http_max_connections` connections (more wait in the kernel's backlog), accept errors
//! backed off, and a graceful stop that lets in-flight requests finish. A panic in a
//! handler ends that connection only (hyper runs each connection in its own task).

use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::Arc;
use std::time::Duration;

use axum::http::Request;
use axum::Router;
use hyper::body::Incoming;
use hyper_util::rt::{TokioIo, TokioTimer};
use hyper_util::service::TowerToHyperService;
use tokio::net::TcpListener;
use tokio::sync::{watch, Semaphore};
use tokio::task::JoinSet;
use tower::ServiceExt;

use crate::limits::{AcceptBackoff, Limits, LogRate};

/// Serves `app` on `listener` until `stopped` turns true, then waits for open connections.
pub async fn serve(
    listener: TcpListener,
    app: Router,
    limits: Limits,
    mut stopped: watch::Receiver<bool>,
) {
    let slots = Arc::new(Semaphore::new(limits.http_max_connections));
    let mut connections = JoinSet::new();
    let mut backoff = AcceptBackoff::default();
    let mut accept_log = LogRate::new(Duration::from_secs(5));
    let mut full_log = LogRate::new(Duration::from_secs(5));
    let stop = async |s: &mut watch::Receiver<bool>| {
        let _ = s.wait_for(|s| *s).await;
    };
    loop {
        let slot =
            match slots.clone().try_acquire_owned() {
                Ok(slot) => slot,
                Err(_) => {
                    if let Some(more) = full_log.allow() {
                        tracing::warn!(also_waited = more,
                        "http connections at the limit ({}, --http-max-connections); new ones wait",
                        limits.http_max_connections);
                    }
                    tokio::select! {
                        slot = slots.clone().acquire_owned() => slot.expect("never closed"),
                        _ = stop(&mut stopped) => break,
                    }
                }
            };
        let socket = tokio::select! {
            accepted = listener.accept() => match accepted {
                Ok((socket, _)) => socket,
                Err(e) => {
                    let wait = backoff.failed();
                    if let Some(more) = accept_log.allow() {
                        tracing::warn!(error = %e, also_failed = more,
                            "http accept failed; retrying in up to 1s");
                    }
                    tokio::time::sleep(wait).await;
                    continue;
                }
            },
            Some(_) = connections.join_next(), if !connections.is_empty() => continue,
            _ = stop(&mut stopped) => break,
        };
        backoff.succeeded();
        let app = app.clone();
        let mut stopped = stopped.clone();
        let header_timeout = limits.http_header_timeout;
        connections.spawn(async move {
            let _slot = slot;
            let mut http = hyper::server::conn::http1::Builder::new();
            http.timer(TokioTimer::new())
                .header_read_timeout(header_timeout);
            // Requests served on this connection: a timeout before the first is a refusal
            // worth a line, one after it is only an idle keep-alive connection closing.
            let served = Arc::new(AtomicUsize::new(0));
            let counted = served.clone();
            let app = app.map_request(move |r: Request<Incoming>| {
                counted.fetch_add(1, Ordering::Relaxed);
                r
            });
            let conn = http.serve_connection(TokioIo::new(socket), TowerToHyperService::new(app));
            let mut conn = std::pin::pin!(conn);
            let result = tokio::select! {
                r = conn.as_mut() => r,
                _ = stop(&mut stopped) => {
                    conn.as_mut().graceful_shutdown();
                    conn.await
                }
            };
            if let Err(e) = result {
                if e.is_timeout() && served.load(Ordering::Relaxed) == 0 {
                    tracing::info!(
                        "http connection closed: no complete request headers within {}s",
                        header_timeout.as_secs_f32()
                    );
                }
            }
        });
    }
    while connections.join_next().await.is_some() {}
}
