//! The RTMP handshake of one connection by `rml_rtmp`'s `Handshake` (under `catch_unwind`),
//! within the connection's start deadline.

use rml_rtmp::handshake::{Handshake, HandshakeProcessResult, PeerType};
use tokio::io::{AsyncReadExt, AsyncWriteExt};
use tokio::net::tcp::{OwnedReadHalf, OwnedWriteHalf};
use tokio::time::Instant;

use crate::guard::contained;

/// Answers the peer's handshake; returns the bytes it sent after it, or `None` if the peer
/// closed first. `late` is the error when `start_by` passes.
pub async fn run(
    input: &mut OwnedReadHalf,
    out: &mut OwnedWriteHalf,
    buf: &mut [u8],
    start_by: Instant,
    late: &(dyn Fn() -> anyhow::Error + Sync),
) -> anyhow::Result<Option<Vec<u8>>> {
    let mut handshake = Handshake::new(PeerType::Server);
    loop {
        let n = tokio::time::timeout_at(start_by, input.read(buf))
            .await
            .map_err(|_| late())??;
        if n == 0 {
            return Ok(None);
        }
        match contained("rtmp handshake", || handshake.process_bytes(&buf[..n]))? {
            HandshakeProcessResult::InProgress { response_bytes } => {
                out.write_all(&response_bytes).await?
            }
            HandshakeProcessResult::Completed {
                response_bytes,
                remaining_bytes,
            } => {
                out.write_all(&response_bytes).await?;
                return Ok(Some(remaining_bytes));
            }
        }
    }
}
