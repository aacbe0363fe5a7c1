//! One ffmpeg child of a session: FLV on its stdin (coalesced writes), its stderr in the log,
//! and a clean end (EOF, wait, kill after a timeout). The group pipeline's stdin is written
//! directly (a recording may not skip, so a slow ffmpeg slows the publisher); the picture
//! pipeline's goes through a `Feed` and runs at a lower CPU priority, so pictures take the
//! slack and never stall ingest.

use std::process::{ExitStatus, Stdio};
use std::time::{Duration, Instant};

use tokio::io::{AsyncBufReadExt, AsyncWriteExt, BufReader};
use tokio::process::{Child, ChildStdin, Command};
use tokio::task::JoinHandle;

use super::feed::Feed;
use crate::ingest::flv;

/// Input coalescing for ffmpeg's stdin (see `Pipe::write`).
const COALESCE_BYTES: usize = 32 * 1024;
const COALESCE_TIME: Duration = Duration::from_millis(100);
/// `nice` increment of the picture pipelines: under contention the copy path and the ingest
/// run first.
pub const PICTURES_NICE: &str = "10";

/// Where the queued bytes go.
enum Sink {
    Direct(ChildStdin),
    Fed(Feed),
}

pub struct Pipe {
    child: Child,
    stdin: Option<Sink>,
    /// FLV bytes not yet handed to ffmpeg, and when they last were.
    pending: Vec<u8>,
    flushed: Instant,
    logger: Option<JoinHandle<()>>,
}

impl Pipe {
    /// Starts `ffmpeg args`; its stderr lines are logged as warnings of `group`.
    pub fn spawn(args: Vec<String>, group: &str) -> std::io::Result<Self> {
        Self::start(Command::new("ffmpeg"), args, group, false)
    }

    /// Starts a picture pipeline: `ffmpeg args` at a lower priority, fed without waiting.
    pub fn spawn_pictures(args: Vec<String>, group: &str) -> std::io::Result<Self> {
        Self::start(nice_ffmpeg(), args, group, true)
    }

    fn start(mut cmd: Command, args: Vec<String>, group: &str, fed: bool) -> std::io::Result<Self> {
        let mut child = cmd
            .args(args)
            .stdin(Stdio::piped())
            .stdout(Stdio::null())
            .stderr(Stdio::piped())
            .kill_on_drop(true)
            .spawn()?;
        let stdin = child.stdin.take().map(|s| match fed {
            true => Sink::Fed(Feed::start(s, group)),
            false => Sink::Direct(s),
        });
        let logger = child.stderr.take().map(|stderr| {
            let group = group.to_string();
            tokio::spawn(async move {
                let mut lines = BufReader::new(stderr).lines();
                while let Ok(Some(line)) = lines.next_line().await {
                    tracing::warn!(stream = %group, "ffmpeg: {line}");
                }
            })
        });
        Ok(Pipe {
            child,
            stdin,
            pending: Vec::with_capacity(2 * COALESCE_BYTES),
            flushed: Instant::now(),
            logger,
        })
    }

    /// Queues FLV bytes (the file header).
    pub fn queue(&mut self, bytes: &[u8]) {
        self.pending.extend_from_slice(bytes);
    }

    /// Queues one FLV tag, framed straight into the buffer.
    pub fn queue_tag(&mut self, kind: u8, timestamp_ms: u32, body: &[u8]) {
        flv::append_tag(&mut self.pending, kind, timestamp_ms, body);
    }

    /// Hands the queued bytes over once `COALESCE_BYTES` are queued or `COALESCE_TIME` has
    /// passed, or `now`; an error means ffmpeg is gone. Waking ffmpeg for every audio and
    /// video message cost about 10% more decode CPU than ~10 larger writes a second
    /// (BENCHMARKS.md).
    pub async fn write(&mut self, now: bool) -> std::io::Result<()> {
        if now || self.pending.len() >= COALESCE_BYTES || self.flushed.elapsed() >= COALESCE_TIME {
            self.flushed = Instant::now();
            return match self.stdin.as_mut() {
                Some(Sink::Direct(stdin)) => {
                    let result = stdin.write_all(&self.pending).await;
                    self.pending.clear();
                    result
                }
                Some(Sink::Fed(feed)) => {
                    let bytes =
                        std::mem::replace(&mut self.pending, Vec::with_capacity(COALESCE_BYTES));
                    feed.send(bytes, now)
                }
                None => {
                    self.pending.clear();
                    Err(std::io::ErrorKind::BrokenPipe.into())
                }
            };
        }
        Ok(())
    }

    /// `Some(status)` once ffmpeg has exited on its own.
    pub fn exited(&mut self) -> Option<ExitStatus> {
        self.child.try_wait().ok().flatten()
    }

    /// Flushes, closes stdin so ffmpeg ends every output cleanly, and waits `timeout` (then
    /// kills it). `None` if it had to be killed or could not be waited for.
    pub async fn finish(mut self, timeout: Duration, group: &str) -> Option<ExitStatus> {
        let _ = self.write(true).await;
        match self.stdin.take() {
            Some(Sink::Direct(mut stdin)) => {
                let _ = stdin.shutdown().await;
            }
            Some(Sink::Fed(feed)) => feed.close().await,
            None => {}
        }
        let status = match tokio::time::timeout(timeout, self.child.wait()).await {
            Ok(Ok(status)) => Some(status),
            Ok(Err(e)) => {
                tracing::error!(stream = %group, error = %e, "waiting for ffmpeg failed");
                None
            }
            Err(_) => {
                tracing::error!(stream = %group, "ffmpeg did not finish in time; killed");
                let _ = self.child.kill().await;
                None
            }
        };
        if let Some(logger) = self.logger.take() {
            let _ = logger.await;
        }
        status
    }
}

/// `ffmpeg` under `nice`, for the work that may wait: pictures and motion clips.
pub fn nice_ffmpeg() -> Command {
    let mut cmd = Command::new("nice");
    cmd.args(["-n", PICTURES_NICE, "ffmpeg"]);
    cmd
}
