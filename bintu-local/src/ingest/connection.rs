//! One RTMP connection: handshake and session protocol by `rml_rtmp`, publish admission by
//! `db::sessions::begin_publish` + `LiveControl`, media forwarded to the engine as FLV, and a
//! clean end of the session however the publish stops (unpublish, disconnect, API stop,
//! server shutdown, or the pipeline dying).

use rml_rtmp::sessions::{
    ServerSession, ServerSessionConfig, ServerSessionEvent, ServerSessionResult,
};
use tokio::io::{AsyncReadExt, AsyncWriteExt};
use tokio::net::tcp::OwnedWriteHalf;
use tokio::net::TcpStream;
use tokio::sync::watch;

use super::gate::{Budget, Gate};
use super::{flv, handshake};
use crate::db::sessions::{self, Refusal};
use crate::engine::Session;
use crate::guard::contained;
use crate::server::AppState;

/// The RTMP application name of the ingest URL `rtmp://host:port/live/<name>`.
const APP: &str = "live";
/// A connection (or publisher) that sends nothing for this long is closed, so a half-open
/// TCP connection cannot keep a stream `live` forever.
const IDLE: std::time::Duration = std::time::Duration::from_secs(30);
/// While publishing, a read that did not fill the buffer is followed by a pause this long:
/// encoders send each message as it comes (~100 TCP segments a second at 720p30) and waking
/// for each cost more CPU than ffmpeg's stream copy (BENCHMARKS.md, "Copy path"). ffmpeg's
/// stdin is fed in ~100 ms batches anyway; the socket buffer holds what comes meanwhile.
const READ_PACE: std::time::Duration = std::time::Duration::from_millis(100);

struct Publishing {
    engine: Session,
    session_ms: i64,
    stop: watch::Receiver<bool>,
}

struct Conn {
    out: OwnedWriteHalf,
    rtmp: ServerSession,
    gate: Gate,
    state: AppState,
    publishing: Option<Publishing>,
    /// Set when the connection should close after the current results.
    close: bool,
}

/// Serves one connection until it closes or `shutdown` turns true. Until a publish is
/// accepted the peer has `limits.rtmp_start_timeout` in total (handshake, connect,
/// createStream, publish); after that, `IDLE` between reads.
pub async fn run(
    socket: TcpStream,
    state: AppState,
    budget: Budget,
    mut shutdown: watch::Receiver<bool>,
) -> anyhow::Result<()> {
    let limits = state.config.limits.clone();
    let start_by = tokio::time::Instant::now() + limits.rtmp_start_timeout;
    let late = || {
        anyhow::anyhow!(
            "no publish within {}s of connecting",
            limits.rtmp_start_timeout.as_secs_f32()
        )
    };
    let _ = socket.set_nodelay(true);
    let (mut input, mut out) = socket.into_split();
    // Small until a publish starts, so thousands of idle peers cost little memory.
    let mut buf = vec![0u8; 4096];
    let Some(remaining) = handshake::run(&mut input, &mut out, &mut buf, start_by, &late).await?
    else {
        return Ok(());
    };
    let (rtmp, initial) = ServerSession::new(ServerSessionConfig::new())?;
    let (gate, preamble) = Gate::new(limits.rtmp_connection_buffer, budget)?;
    let mut conn = Conn {
        out,
        rtmp,
        gate,
        state,
        publishing: None,
        close: false,
    };
    let result = async {
        // When the next read may start (`READ_PACE`).
        let mut next_read = tokio::time::Instant::now();
        conn.handle(initial).await?;
        conn.input(&preamble, false).await?;
        conn.input(&remaining, true).await?;
        while !conn.close {
            let deadline = match conn.publishing {
                Some(_) => {
                    // Media arrives in large messages; until then 4 KiB per peer is plenty.
                    buf.resize(64 * 1024, 0);
                    tokio::time::Instant::now() + IDLE
                }
                None => start_by,
            };
            let stop_requested = async {
                match conn.publishing.as_mut() {
                    Some(p) => {
                        let _ = p.stop.wait_for(|s| *s).await;
                    }
                    None => std::future::pending::<()>().await,
                }
            };
            let paced = async {
                tokio::time::sleep_until(next_read).await;
                tokio::time::timeout_at(deadline, input.read(&mut buf)).await
            };
            tokio::select! {
                read = paced => {
                    let Ok(read) = read else {
                        if conn.publishing.is_none() {
                            return Err(late());
                        }
                        tracing::warn!("rtmp peer silent for {}s; closing", IDLE.as_secs());
                        break;
                    };
                    let n = read?;
                    if n == 0 {
                        break;
                    }
                    let now = tokio::time::Instant::now();
                    next_read = match conn.publishing {
                        Some(_) if n < buf.len() => now + READ_PACE,
                        _ => now,
                    };
                    conn.input(&buf[..n], true).await?;
                }
                _ = stop_requested => {
                    tracing::info!("publish stopped by the API");
                    break;
                }
                _ = async { let _ = shutdown.wait_for(|s| *s).await; } => break,
            }
        }
        anyhow::Ok(())
    }
    .await;
    conn.end_publish().await;
    result
}

impl Conn {
    /// Passes peer bytes through the gate (`gated`) or, for our own preamble, straight to
    /// the session, and acts on what the session makes of them.
    async fn input(&mut self, bytes: &[u8], gated: bool) -> anyhow::Result<()> {
        let canonical;
        let bytes = if gated {
            canonical = self.gate.feed(bytes)?;
            &canonical[..]
        } else {
            bytes
        };
        let rtmp = &mut self.rtmp;
        let results = contained("rtmp session", || rtmp.handle_input(bytes))?;
        self.handle(results).await
    }

    async fn handle(&mut self, results: Vec<ServerSessionResult>) -> anyhow::Result<()> {
        for r in results {
            match r {
                ServerSessionResult::OutboundResponse(packet) => {
                    self.out.write_all(&packet.bytes).await?
                }
                ServerSessionResult::RaisedEvent(event) => self.event(event).await?,
                ServerSessionResult::UnhandleableMessageReceived(_) => {}
            }
            if self.close {
                break;
            }
        }
        Ok(())
    }

    async fn event(&mut self, event: ServerSessionEvent) -> anyhow::Result<()> {
        match event {
            ServerSessionEvent::ConnectionRequested {
                request_id,
                app_name,
            } => {
                let results = if app_name == APP {
                    self.rtmp.accept_request(request_id)?
                } else {
                    self.close = true;
                    self.rtmp.reject_request(
                        request_id,
                        "NetConnection.Connect.Rejected",
                        "unknown application; publish to rtmp://<host>:<port>/live/<streamname>",
                    )?
                };
                Box::pin(self.handle(results)).await?;
            }
            ServerSessionEvent::PublishStreamRequested {
                request_id,
                stream_key,
                ..
            } => {
                // Publishers may append a query (`name?key=…`); the stream is the name.
                let name = stream_key.split('?').next().unwrap_or_default().to_string();
                self.begin_publish(request_id, &name).await?
            }
            ServerSessionEvent::PublishStreamFinished { .. } => {
                self.end_publish().await;
                self.close = true;
            }
            ServerSessionEvent::StreamMetadataChanged { metadata, .. } => {
                if let Some(p) = self.publishing.as_mut() {
                    let m = &metadata;
                    p.engine
                        .announce(m.video_codec_id.is_some(), m.audio_codec_id.is_some());
                }
            }
            ServerSessionEvent::VideoDataReceived {
                data, timestamp, ..
            } => self.media(flv::VIDEO, timestamp.value, &data).await,
            ServerSessionEvent::AudioDataReceived {
                data, timestamp, ..
            } => self.media(flv::AUDIO, timestamp.value, &data).await,
            _ => {}
        }
        Ok(())
    }

    async fn begin_publish(&mut self, request_id: u32, name: &str) -> anyhow::Result<()> {
        if self.publishing.is_some() {
            return self
                .refuse(request_id, name, "already publishing on this connection")
                .await;
        }
        let session_ms = time::OffsetDateTime::now_utc().unix_timestamp_nanos() / 1_000_000;
        let (session_ms, owned, db) = (session_ms as i64, name.to_string(), &self.state.db);
        let plan = match db
            .write(move |c| sessions::begin_publish(c, &owned, session_ms))
            .await
        {
            Ok(plan) => plan,
            Err(Refusal::Db(e)) => {
                tracing::error!(stream = name, error = %e, "publish failed on the database");
                return self.refuse(request_id, name, "internal error").await;
            }
            Err(why) => return self.refuse(request_id, name, &why.to_string()).await,
        };
        let Some(stop) = self.state.live.register(&plan.group_id) else {
            return self
                .refuse(request_id, name, "stream is already live")
                .await;
        };
        let media = self.state.config.media_dir();
        let work = self.state.config.data_dir.join("work");
        match Session::start(&plan, &media, &work, self.state.db.clone()).await {
            Ok(engine) => {
                tracing::info!(stream = name, session = session_ms, "publish started");
                self.publishing = Some(Publishing {
                    engine,
                    session_ms,
                    stop,
                });
                let results = self.rtmp.accept_request(request_id)?;
                Box::pin(self.handle(results)).await
            }
            Err(e) => {
                tracing::error!(stream = name, error = %e, "cannot start the pipeline");
                self.close_books(&plan.group_id, session_ms);
                self.refuse(request_id, name, "cannot start processing")
                    .await
            }
        }
    }

    async fn refuse(&mut self, request_id: u32, name: &str, why: &str) -> anyhow::Result<()> {
        tracing::warn!(stream = name, reason = why, "publish refused");
        let results = self
            .rtmp
            .reject_request(request_id, "NetStream.Publish.BadName", why)?;
        self.close = true;
        for r in results {
            if let ServerSessionResult::OutboundResponse(p) = r {
                self.out.write_all(&p.bytes).await?;
            }
        }
        Ok(())
    }

    async fn media(&mut self, kind: u8, timestamp: u32, data: &[u8]) {
        let Some(p) = self.publishing.as_mut() else {
            return;
        };
        if let Err(e) = p.engine.media(kind, timestamp, data).await {
            let status = p.engine.exited();
            tracing::error!(stream = %p.engine.group_id, error = %e, status = ?status,
                "ffmpeg pipeline exited during the publish; ending the session");
            self.close = true;
        }
    }
}

mod teardown;
