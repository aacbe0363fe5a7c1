//! Helpers for the RTMP attack tests: raw RTMP bytes (handshake, chunked messages, a raw
//! session that waits for the server to close) and seeded mutations of a real publish. The
//! server under attack is the release binary (`release_support`: the release profile is what
//! users run and what once aborted on panic).
#![allow(dead_code)]

pub mod mutate;

use std::net::SocketAddr;
use std::time::Duration;

/// C0 + C1 + C2 of a client handshake: rml_rtmp's server completes on any C2, so a raw
/// client need not read S1 first.
pub fn handshake() -> Vec<u8> {
    let mut h = vec![3u8];
    h.extend(vec![0u8; 1536 * 2]);
    h
}

/// One message as type 0 chunks of `chunk` bytes on `csid` (2..=63), stream 1.
pub fn chunked(csid: u8, type_id: u8, msid: u32, payload: &[u8], chunk: usize) -> Vec<u8> {
    let mut out = vec![csid];
    out.extend_from_slice(&[0, 0, 0]);
    out.extend_from_slice(&(payload.len() as u32).to_be_bytes()[1..]);
    out.push(type_id);
    out.extend_from_slice(&msid.to_le_bytes());
    for (i, part) in payload.chunks(chunk).enumerate() {
        if i > 0 {
            out.push(0xC0 | csid);
        }
        out.extend_from_slice(part);
    }
    out
}

/// Sends `bytes` on a fresh connection, half-closes, and waits (at most `secs`) for the
/// server to close; true if it did.
pub async fn send_raw(addr: SocketAddr, bytes: &[u8], secs: u64) -> bool {
    use tokio::io::{AsyncReadExt, AsyncWriteExt};
    let Ok(mut s) = tokio::net::TcpStream::connect(addr).await else {
        return false;
    };
    let _ = s.write_all(bytes).await;
    let _ = s.shutdown().await;
    let mut sink = vec![0u8; 16 * 1024];
    let read_all = async {
        loop {
            match s.read(&mut sink).await {
                Ok(0) | Err(_) => return,
                Ok(_) => {}
            }
        }
    };
    tokio::time::timeout(Duration::from_secs(secs), read_all)
        .await
        .is_ok()
}
