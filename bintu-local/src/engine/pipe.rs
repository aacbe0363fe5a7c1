//! One ffmpeg child of a session: FLV on its stdin (coalesced writes), its stderr in the log,
//! and a clean end (EOF, wait, kill after a timeout).

use std::process::{ExitStatus, Stdio};
use std::time::{Duration, Instant};

use tokio::io::{AsyncBufReadExt, AsyncWriteExt, BufReader};
use tokio::process::{Child, ChildStdin, Command};
use tokio::task::JoinHandle;

use crate::ingest::flv;

/// Input coalescing for ffmpeg's stdin (see `Pipe::write`).
const COALESCE_BYTES: usize = 32 * 1024;
const COALESCE_TIME: Duration = Duration::from_millis(100);

pub struct Pipe {
    child: Child,
    stdin: Option<ChildStdin>,
    /// FLV bytes not yet handed to ffmpeg, and when they last were.
    pending: Vec<u8>,
    flushed: Instant,
    logger: Option<JoinHandle<()>>,
}

impl Pipe {
    /// Starts `ffmpeg args`; its stderr lines are logged as warnings of `group`.
    pub fn spawn(args: Vec<String>, group: &str) -> std::io::Result<Self> {
        let mut child = Command::new("ffmpeg")
            .args(args)
            .stdin(Stdio::piped())
            .stdout(Stdio::null())
            .stderr(Stdio::piped())
            .kill_on_drop(true)
            .spawn()?;
        let stdin = child.stdin.take();
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
            let result = match self.stdin.as_mut() {
                Some(stdin) => stdin.write_all(&self.pending).await,
                None => Err(std::io::ErrorKind::BrokenPipe.into()),
            };
            self.pending.clear();
            return result;
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
        if let Some(mut stdin) = self.stdin.take() {
            let _ = stdin.shutdown().await;
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
