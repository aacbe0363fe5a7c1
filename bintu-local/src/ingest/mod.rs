//! RTMP ingest at `rtmp://<host>:<port>/live/<streamname>`. The protocol (handshake, chunk
//! stream, AMF0 commands) is `rml_rtmp`'s, a maintained sans-IO implementation, so this
//! module only does the I/O with tokio and the publish admission. Each connection is a task;
//! `Ingest::shutdown` stops accepting and ends every live publish cleanly.

mod connection;
pub mod flv;

use std::net::SocketAddr;

use tokio::net::TcpListener;
use tokio::sync::watch;
use tokio::task::{JoinHandle, JoinSet};

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
    let mut connections = JoinSet::new();
    loop {
        tokio::select! {
            accepted = listener.accept() => match accepted {
                Ok((socket, peer)) => {
                    let state = state.clone();
                    let stop = stopped.clone();
                    connections.spawn(async move {
                        if let Err(e) = connection::run(socket, state, stop).await {
                            tracing::info!(%peer, error = %e, "rtmp connection closed");
                        }
                    });
                }
                Err(e) => tracing::warn!(error = %e, "rtmp accept failed"),
            },
            Some(_) = connections.join_next(), if !connections.is_empty() => {}
            _ = async { let _ = stopped.wait_for(|s| *s).await; } => break,
        }
    }
    while connections.join_next().await.is_some() {}
}
