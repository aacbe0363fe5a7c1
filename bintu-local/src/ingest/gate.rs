//! What stands between the socket and `rml_rtmp`'s session: our chunk reader reassembles
//! messages within the connection's and the server's byte budgets, only the message types
//! the session needs pass (commands first checked by `amf`), and each passes re-chunked as
//! one canonical chunk on one chunk stream. The library then never sees interleaved chunk
//! streams, metadata (its `@setDataFrame` handling indexes past short bodies), commands
//! with fewer than three values (it slices `..3` unchecked), or nesting it would overflow
//! the stack on. Pre-validating and keeping the library keeps its tested session logic
//! (connect/createStream/publish answers that ffmpeg, OBS and GStreamer accept).

use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::Arc;

use bytes::Bytes;
use rml_rtmp::chunk_io::ChunkSerializer;
use rml_rtmp::messages::MessagePayload;
use rml_rtmp::time::RtmpTimestamp;

use super::amf;
use super::chunks::{ChunkReader, Message};

/// Largest command body passed on (real ones are under 2 KB); bounds decoding memory.
pub const MAX_COMMAND: usize = 64 * 1024;
/// The session's chunk size: every message we pass fits one chunk.
const SESSION_CHUNK: u32 = 0xFF_FFFF;

/// Bytes of unfinished messages held by all connections together.
#[derive(Clone)]
pub struct Budget {
    used: Arc<AtomicUsize>,
    cap: usize,
}

impl Budget {
    pub fn new(cap: usize) -> Self {
        Self {
            used: Arc::new(AtomicUsize::new(0)),
            cap,
        }
    }

    fn take(&self, n: usize) -> bool {
        self.used
            .fetch_update(Ordering::AcqRel, Ordering::Acquire, |u| {
                u.checked_add(n).filter(|t| *t <= self.cap)
            })
            .is_ok()
    }

    fn give(&self, n: usize) {
        self.used.fetch_sub(n, Ordering::AcqRel);
    }
}

/// The gate of one connection.
pub struct Gate {
    reader: ChunkReader,
    session: ChunkSerializer,
    budget: Budget,
    /// What this connection has taken from `budget`.
    charged: usize,
    conn_cap: usize,
}

impl Gate {
    /// The gate, and the bytes to give the session first (our chunk size announcement).
    pub fn new(conn_cap: usize, budget: Budget) -> anyhow::Result<(Self, Vec<u8>)> {
        let mut session = ChunkSerializer::new();
        let preamble = session.set_max_chunk_size(SESSION_CHUNK, RtmpTimestamp::new(0))?;
        let gate = Gate {
            reader: ChunkReader::new(conn_cap),
            session,
            budget,
            charged: 0,
            conn_cap,
        };
        Ok((gate, preamble.bytes))
    }

    /// Takes bytes from the peer and returns the bytes for the session, or why the
    /// connection is refused.
    pub fn feed(&mut self, input: &[u8]) -> anyhow::Result<Vec<u8>> {
        let messages = self.reader.push(input);
        self.charge()?;
        let mut out = Vec::new();
        for m in messages.map_err(|e| anyhow::anyhow!("malformed chunk stream: {e}"))? {
            if !passes(&m)? {
                continue;
            }
            let payload = MessagePayload {
                timestamp: RtmpTimestamp::new(m.timestamp),
                type_id: m.type_id,
                message_stream_id: m.stream_id,
                data: Bytes::from(m.payload),
            };
            out.extend(self.session.serialize(&payload, false, false)?.bytes);
        }
        Ok(out)
    }

    /// Brings this connection's share of the budget to what its reader holds.
    fn charge(&mut self) -> anyhow::Result<()> {
        let held = self.reader.held();
        if held > self.conn_cap {
            anyhow::bail!(
                "holds {held} bytes of unfinished messages, over the connection limit of {}",
                self.conn_cap
            );
        }
        if held > self.charged {
            if !self.budget.take(held - self.charged) {
                anyhow::bail!(
                    "unfinished messages of all connections would exceed {} bytes",
                    self.budget.cap
                );
            }
        } else {
            self.budget.give(self.charged - held);
        }
        self.charged = held;
        Ok(())
    }
}

impl Drop for Gate {
    fn drop(&mut self) {
        self.budget.give(self.charged);
    }
}

/// Whether the session gets `m`: commands that decode safely, media and protocol control.
/// Everything else (metadata, AMF3, aggregates, unknown types) is not needed and dropped.
fn passes(m: &Message) -> anyhow::Result<bool> {
    match m.type_id {
        20 => {
            if m.payload.len() > MAX_COMMAND {
                anyhow::bail!("a {}-byte command is over {MAX_COMMAND}", m.payload.len());
            }
            let values = amf::top_level_values(&m.payload)
                .map_err(|e| anyhow::anyhow!("malformed command: {e}"))?;
            if values < 3 {
                anyhow::bail!("malformed command: {values} values, a command has at least 3");
            }
            Ok(true)
        }
        3..=6 | 8 | 9 => Ok(true),
        _ => Ok(false),
    }
}
