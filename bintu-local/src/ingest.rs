//! RTMP ingest at `rtmp://<host>:<port>/live/<streamname>`. The session protocol (handshake,
//! AMF0 commands) is `rml_rtmp`'s, a maintained sans-IO implementation; our `gate` (with
//! `chunks` and `amf`) reassembles and checks what the peer sends before the library sees
//! it, and this module does the I/O with tokio, the limits and the publish admission.
//! Each connection is a task: a panic ends that connection only. `Ingest::shutdown` stops
//! accepting and ends every live publish cleanly.

mod amf;
mod chunks;
mod connection;
pub mod flv;
mod gate;
mod handshake;

use std::net::SocketAddr;
use std::time::Duration;

use tokio::net::TcpListener;
use tokio::sync::watch;
use tokio::task::{JoinHandle, JoinSet};

use crate::limits::{AcceptBackoff, LogRate};
use crate::server::AppState;

/// The running RTMP listener.
pub struct Ingest {
    pub addr: SocketAddr,
    stop: watch::Sender<bool>,
    task: JoinHandle<()>,
}

impl Ingest {
    /// Serves RTMP on an already bound listener (bound first so the real port is known).
    pub fn start(listener: TcpListener, state: AppState) -> std::io::Result<Self> {
        let addr = listener.local_addr()?;
        let (stop, stopped) = watch::channel(false);
        let task = tokio::spawn(accept_loop(listener, state, stopped));
        Ok(Ingest { addr, stop, task })
    }

    /// Stops accepting, ends every publish (ffmpeg finalises its files) and waits for it.
    pub async fn shutdown(self) {
        let _ = self.stop.send(true);
        let _ = self.task.await;
    }
}

async fn accept_loop(listener: TcpListener, state: AppState, mut stopped: watch::Receiver<bool>) {
    let limits = state.config.limits.clone();
    let budget = gate::Budget::new(limits.rtmp_total_buffer);
    let mut connections = JoinSet::new();
    let mut backoff = AcceptBackoff::default();
    let mut accept_log = LogRate::new(Duration::from_secs(5));
    let mut full_log = LogRate::new(Duration::from_secs(5));
    loop {
        tokio::select! {
            accepted = listener.accept() => match accepted {
                Ok((socket, peer)) => {
                    backoff.succeeded();
                    if connections.len() >= limits.rtmp_max_connections {
                        // Closed at once: the encoder sees a refusal, not a hang.
                        drop(socket);
                        if let Some(more) = full_log.allow() {
                            tracing::warn!(%peer, also_refused = more,
                                "rtmp connection refused: {} connections open (--rtmp-max-connections)",
                                limits.rtmp_max_connections);
                        }
                        continue;
                    }
                    let state = state.clone();
                    let stop = stopped.clone();
                    let budget = budget.clone();
                    connections.spawn(async move {
                        if let Err(e) = connection::run(socket, state, budget, stop).await {
                            tracing::info!(%peer, error = %e, "rtmp connection closed");
                        }
                    });
                }
                Err(e) => {
                    // Out of file descriptors or memory: the connection stays queued and the
                    // next accept fails the same way, so wait instead of spinning.
                    let wait = backoff.failed();
                    if let Some(more) = accept_log.allow() {
                        tracing::warn!(error = %e, also_failed = more,
                            "rtmp accept failed; retrying in up to 1s");
                    }
                    tokio::time::sleep(wait).await;
                }
            },
            // A panicked connection task was already logged by the panic hook (guard.rs).
            Some(_) = connections.join_next(), if !connections.is_empty() => {}
            _ = async { let _ = stopped.wait_for(|s| *s).await; } => break,
        }
    }
    while connections.join_next().await.is_some() {}
}
