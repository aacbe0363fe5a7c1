//! Seeded mutations of a real publish session for the RTMP fuzz test: the session is split
//! into messages once, then each fuzzed session re-chunks them with some of: bit flips,
//! truncation, oversized length announcements, wrong or compressed chunk stream ids on new
//! streams, random AMF bodies (deep nesting included), chunk size changes the writer may
//! not honour, interleaved chunk streams, reordered messages, or plain random bytes.

use rand::rngs::StdRng;
use rand::{Rng, RngCore};
use rml_rtmp::chunk_io::ChunkDeserializer;

use super::handshake;

#[derive(Clone, Debug)]
pub struct Msg {
    pub csid: u32,
    /// Header format of the first chunk (0 unless mutated).
    pub fmt: u8,
    pub type_id: u8,
    pub msid: u32,
    pub ts: u32,
    pub payload: Vec<u8>,
    /// Length written in the header when it is not the payload's.
    pub announced: Option<u32>,
}

/// Splits the client→server bytes of a publish (after the 3073-byte handshake) into its
/// first messages, up to about `budget` payload bytes.
pub fn corpus(capture: &[u8], budget: usize) -> Vec<Msg> {
    let mut d = ChunkDeserializer::new();
    let mut out = Vec::new();
    let mut input = &capture[3073..];
    let mut total = 0;
    while let Ok(Some(m)) = d.get_next_message(input) {
        input = &[];
        if m.type_id == 1 && m.data.len() >= 4 {
            let size = u32::from_be_bytes([m.data[0], m.data[1], m.data[2], m.data[3]]);
            d.set_max_chunk_size(size as usize).unwrap();
        }
        let csid = match m.type_id {
            1..=6 => 2,
            8 => 4,
            9 => 6,
            _ => 3,
        };
        total += m.data.len();
        out.push(Msg {
            csid,
            fmt: 0,
            type_id: m.type_id,
            msid: m.message_stream_id,
            ts: m.timestamp.value,
            payload: m.data.to_vec(),
            announced: None,
        });
        if total > budget {
            break;
        }
    }
    out
}

fn basic_header(fmt: u8, csid: u32) -> Vec<u8> {
    match csid {
        2..=63 => vec![fmt << 6 | csid as u8],
        64..=319 => vec![fmt << 6, (csid - 64) as u8],
        _ => {
            let c = csid.saturating_sub(64).min(65535);
            vec![fmt << 6 | 1, c as u8, (c >> 8) as u8]
        }
    }
}

/// The chunks of one message at `chunk` bytes per chunk.
fn chunks(m: &Msg, chunk: usize) -> Vec<Vec<u8>> {
    let len = m.announced.unwrap_or(m.payload.len() as u32);
    let mut first = basic_header(m.fmt, m.csid);
    if m.fmt < 3 {
        first.extend_from_slice(&m.ts.min(0xFF_FFFE).to_be_bytes()[1..]);
    }
    if m.fmt < 2 {
        first.extend_from_slice(&len.to_be_bytes()[1..]);
        first.push(m.type_id);
    }
    if m.fmt == 0 {
        first.extend_from_slice(&m.msid.to_le_bytes());
    }
    let mut out = vec![first];
    for (i, part) in m.payload.chunks(chunk.max(1)).enumerate() {
        if i > 0 {
            out.push(basic_header(3, m.csid));
        }
        out.last_mut().unwrap().extend_from_slice(part);
    }
    out
}

/// Random AMF0-ish bytes: mostly well-formed values, some nesting, some junk.
pub fn random_amf(rng: &mut StdRng, out: &mut Vec<u8>, depth: u32) {
    match rng.random_range(0..10) {
        0 => out.extend([0x00].iter().chain(&rng.random::<f64>().to_be_bytes())),
        1 => out.extend([0x01, rng.random()]),
        2 => {
            let s: Vec<u8> = (0..rng.random_range(0..12)).map(|_| rng.random()).collect();
            out.extend([0x02, 0, s.len() as u8]);
            out.extend(s);
        }
        3 | 4 if depth > 0 => {
            out.extend([0x0A, 0, 0, 0, 2]);
            random_amf(rng, out, depth - 1);
            random_amf(rng, out, depth - 1);
        }
        5 if depth > 0 => {
            out.extend([0x03, 0, 1, b'k']);
            random_amf(rng, out, depth - 1);
            out.extend([0, 0, 9]);
        }
        6 => out.push(rng.random()),
        _ => out.push(0x05),
    }
}

fn amf_body(rng: &mut StdRng) -> Vec<u8> {
    let mut b = Vec::new();
    match rng.random_range(0..6) {
        // The shapes that used to panic the library.
        0 => b.extend([0x02, 0, 7].iter().chain(b"connect").chain(&[0x00; 9])),
        1 => b.extend([0x02, 0, 13].iter().chain(b"@setDataFrame")),
        2 => {
            let n = rng.random_range(1_000..200_000);
            b.extend([0x02, 0, 7].iter().chain(b"connect").chain(&[0x00; 9]));
            for _ in 0..n {
                b.extend([0x0A, 0, 0, 0, 1]);
            }
            b.push(0x05);
        }
        _ => {
            for _ in 0..rng.random_range(0..6) {
                let depth = rng.random_range(0..20);
                random_amf(rng, &mut b, depth);
            }
        }
    }
    b
}

/// One fuzzed session: handshake plus a mutation of `base`.
pub fn session(base: &[Msg], rng: &mut StdRng) -> Vec<u8> {
    let mut msgs = base.to_vec();
    let mut out = handshake();
    if rng.random_range(0..20) == 0 {
        let mut junk = vec![0u8; rng.random_range(1..4096)];
        rng.fill_bytes(&mut junk);
        out.extend(junk);
        return out;
    }
    let mut honour_chunk_size = true;
    let mut interleave = None;
    for _ in 0..rng.random_range(1..=3) {
        let i = rng.random_range(0..msgs.len());
        match rng.random_range(0..7) {
            0 => {
                msgs[i].announced =
                    Some(rng.random_range(msgs[i].payload.len() as u32 + 1..=0xFF_FFFF))
            }
            1 => {
                msgs[i].csid = rng.random_range(0..65600);
                msgs[i].fmt = rng.random_range(0..4);
            }
            2 => {
                if let Some(c) = msgs.iter().position(|m| m.type_id == 20 || m.type_id == 18) {
                    let j = if rng.random_bool(0.5) { c } else { i };
                    msgs[j].payload = amf_body(rng);
                    msgs[j].type_id = [20, 18, 17, 15][rng.random_range(0..4)];
                }
            }
            3 => {
                let size: u32 = [0, 1, 127, 0x7FFF_FFFF, rng.random()][rng.random_range(0..5)];
                let m = Msg {
                    csid: 2,
                    fmt: 0,
                    type_id: 1,
                    msid: 0,
                    ts: 0,
                    payload: size.to_be_bytes().to_vec(),
                    announced: None,
                };
                msgs.insert(i, m);
                honour_chunk_size = rng.random_bool(0.5);
            }
            4 => interleave = Some(i),
            5 => {
                let j = rng.random_range(0..msgs.len());
                msgs.swap(i, j);
            }
            _ => msgs[i].type_id = rng.random(),
        }
    }
    let mut chunk = 128usize;
    let mut all: Vec<Vec<Vec<u8>>> = Vec::new();
    for m in &msgs {
        all.push(chunks(m, chunk));
        if m.type_id == 1 && honour_chunk_size && m.payload.len() == 4 {
            let s = u32::from_be_bytes([m.payload[0], m.payload[1], m.payload[2], m.payload[3]]);
            chunk = (s & 0x7FFF_FFFF).clamp(1, 1 << 20) as usize;
        }
    }
    for (k, message) in all.iter().enumerate() {
        if interleave == Some(k) && k + 1 < all.len() {
            let (a, b) = (&all[k], &all[k + 1]);
            for n in 0..a.len().max(b.len()) {
                out.extend(a.get(n).into_iter().flatten());
                out.extend(b.get(n).into_iter().flatten());
            }
        } else if interleave.is_none_or(|x| x + 1 != k) {
            out.extend(message.iter().flatten());
        }
    }
    if rng.random_bool(0.5) {
        for _ in 0..rng.random_range(1..=16) {
            let from = if rng.random_range(0..10) == 0 {
                0
            } else {
                3073
            };
            if out.len() > from {
                let at = rng.random_range(from..out.len());
                out[at] ^= 1 << rng.random_range(0..8);
            }
        }
    }
    if rng.random_range(0..4) == 0 && out.len() > 3074 {
        out.truncate(rng.random_range(3073..out.len()));
    }
    out
}
