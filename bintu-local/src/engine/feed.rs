//! The stdin of a session's gated picture pipeline, written by a task of its own. The ingest
//! must never wait for pictures: when it awaited the picture ffmpeg's stdin, a decoder that
//! fell behind (16 streams decoding their motion-clip windows at once on 2 cores) stopped the
//! stream's RTMP reads, and with them its recording and replay (4-5 s of unread stream per
//! connection, BENCHMARKS.md "What bounds it"). Here the bytes queue in memory up to
//! `LIMIT`; beyond it the rest of that burst is skipped (a thumbnail may skip, a recording
//! may not), and the next burst, which starts at a keyframe, is passed whole again.

use std::sync::atomic::{AtomicBool, AtomicUsize, Ordering};
use std::sync::Arc;

use tokio::io::AsyncWriteExt;
use tokio::process::ChildStdin;
use tokio::sync::mpsc;
use tokio::task::JoinHandle;

/// Bytes queued for the decoder at most: about 10 s of a 2.5 Mbit/s stream, so a motion-clip
/// window (5 s) and its keyframe lead fit while the decoder is busy.
pub const LIMIT: usize = 3 * 1024 * 1024;

pub struct Feed {
    tx: mpsc::UnboundedSender<Vec<u8>>,
    /// Bytes handed to the task and not yet written.
    queued: Arc<AtomicUsize>,
    /// The decoder's stdin failed: it is gone.
    failed: Arc<AtomicBool>,
    task: JoinHandle<()>,
    /// Skipping the rest of the current burst.
    skipping: bool,
    group: String,
}

impl Feed {
    pub fn start(mut stdin: ChildStdin, group: &str) -> Self {
        let (tx, mut rx) = mpsc::unbounded_channel::<Vec<u8>>();
        let queued = Arc::new(AtomicUsize::new(0));
        let failed = Arc::new(AtomicBool::new(false));
        let (q, f) = (queued.clone(), failed.clone());
        let task = tokio::spawn(async move {
            while let Some(bytes) = rx.recv().await {
                let result = stdin.write_all(&bytes).await;
                q.fetch_sub(bytes.len(), Ordering::Relaxed);
                if result.is_err() {
                    f.store(true, Ordering::Relaxed);
                    return;
                }
            }
            // Closing stdin lets ffmpeg end its outputs cleanly.
            let _ = stdin.shutdown().await;
        });
        Feed {
            tx,
            queued,
            failed,
            task,
            skipping: false,
            group: group.to_string(),
        }
    }

    /// Queues `bytes` without waiting; `burst_end` says the gate closed after them. An error
    /// means the decoder is gone.
    pub fn send(&mut self, bytes: Vec<u8>, burst_end: bool) -> std::io::Result<()> {
        if self.failed.load(Ordering::Relaxed) {
            return Err(std::io::ErrorKind::BrokenPipe.into());
        }
        let queued = self.queued.load(Ordering::Relaxed);
        if !self.skipping && queued + bytes.len() > LIMIT {
            self.skipping = true;
            tracing::warn!(stream = %self.group, queued, "picture pipeline behind: the rest of this group of pictures is skipped");
        }
        if !self.skipping && !bytes.is_empty() {
            self.queued.fetch_add(bytes.len(), Ordering::Relaxed);
            if self.tx.send(bytes).is_err() {
                return Err(std::io::ErrorKind::BrokenPipe.into());
            }
        }
        if burst_end {
            self.skipping = false;
        }
        Ok(())
    }

    /// Waits until everything queued is written and stdin is closed.
    pub async fn close(self) {
        drop(self.tx);
        let _ = self.task.await;
    }
}

#[cfg(test)]
mod tests;
