//! RTMP chunk stream → whole messages, with every size bounded before memory is taken.
//! Replaces `rml_rtmp`'s chunk deserializer on the input side: that one keeps a single
//! unfinished payload for all chunk streams, so interleaved chunk streams (legal RTMP)
//! garble messages or panic on an integer underflow. Here each chunk stream (csid) has its
//! own header state and unfinished payload, a message may not exceed `max_message` bytes,
//! and a connection may use at most `MAX_STREAMS` chunk streams. Set Chunk Size and Abort are
//! handled here and not passed on.

use std::collections::HashMap;

/// Chunk streams one connection may use (encoders use 2-8).
pub const MAX_STREAMS: usize = 64;
const EXTENDED: u32 = 0xFF_FFFF;

/// One complete RTMP message.
#[derive(Debug, PartialEq)]
pub struct Message {
    pub type_id: u8,
    pub stream_id: u32,
    pub timestamp: u32,
    pub payload: Vec<u8>,
}

#[derive(Debug, PartialEq)]
pub enum ChunkError {
    TooManyStreams,
    MessageTooLarge(usize),
    NoPreviousHeader(u32),
    NewMessageMidMessage(u32),
    BadChunkSize(u32),
}

impl std::fmt::Display for ChunkError {
    fn fmt(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
        match self {
            Self::TooManyStreams => write!(f, "more than {MAX_STREAMS} chunk streams"),
            Self::MessageTooLarge(n) => write!(f, "a {n}-byte message is over the limit"),
            Self::NoPreviousHeader(c) => write!(f, "compressed chunk header on new csid {c}"),
            Self::NewMessageMidMessage(c) => write!(f, "new message on csid {c} mid-message"),
            Self::BadChunkSize(n) => write!(f, "invalid chunk size {n}"),
        }
    }
}

#[derive(Default)]
struct Stream {
    timestamp: u32,
    /// The last timestamp field (absolute for type 0, delta otherwise), extended if needed.
    delta: u32,
    extended: bool,
    length: usize,
    type_id: u8,
    stream_id: u32,
    partial: Vec<u8>,
}

/// Reassembles messages from the bytes of one connection (after the handshake).
pub struct ChunkReader {
    chunk_size: usize,
    max_message: usize,
    input: Vec<u8>,
    streams: HashMap<u32, Stream>,
    /// Bytes held: unparsed input plus unfinished payloads.
    held: usize,
}

impl ChunkReader {
    pub fn new(max_message: usize) -> Self {
        Self {
            chunk_size: 128,
            max_message,
            input: Vec::new(),
            streams: HashMap::new(),
            held: 0,
        }
    }

    /// Bytes this reader holds now (what the connection's buffer limit counts).
    pub fn held(&self) -> usize {
        self.held
    }

    /// Takes `bytes` and returns the messages they complete, in order.
    pub fn push(&mut self, bytes: &[u8]) -> Result<Vec<Message>, ChunkError> {
        // Taken out while parsing, since `chunk` updates the per-stream state.
        let mut input = std::mem::take(&mut self.input);
        input.extend_from_slice(bytes);
        self.held += bytes.len();
        let mut out = Vec::new();
        let mut pos = 0;
        let result = loop {
            match self.chunk(&input[pos..]) {
                Ok(Some((used, message))) => {
                    pos += used;
                    if let Some(m) = message {
                        out.push(m);
                    }
                }
                Ok(None) => break Ok(out),
                Err(e) => break Err(e),
            }
        };
        input.drain(..pos);
        self.input = input;
        result
    }

    /// Parses one chunk at the start of `buf`: `None` if it is not all there yet, else the
    /// bytes it used and the message it completed. Nothing changes until the chunk is whole.
    fn chunk(&mut self, buf: &[u8]) -> Result<Option<(usize, Option<Message>)>, ChunkError> {
        let Some(&first) = buf.first() else {
            return Ok(None);
        };
        let fmt = first >> 6;
        let (csid, mut at) = match first & 0x3F {
            0 if buf.len() >= 2 => (64 + buf[1] as u32, 2),
            1 if buf.len() >= 3 => (64 + buf[1] as u32 + 256 * buf[2] as u32, 3),
            0 | 1 => return Ok(None),
            c => (c as u32, 1),
        };
        let header_len = [11, 7, 3, 0][fmt as usize];
        if buf.len() < at + header_len {
            return Ok(None);
        }
        let have = self.streams.get(&csid).map_or(0, |p| p.partial.len());
        if fmt != 3 && have > 0 {
            return Err(ChunkError::NewMessageMidMessage(csid));
        }
        let mut s = match (fmt, self.streams.get(&csid)) {
            (0, _) => Stream::default(),
            (_, Some(prev)) => prev.header(),
            (_, None) => return Err(ChunkError::NoPreviousHeader(csid)),
        };
        if fmt == 0 && !self.streams.contains_key(&csid) && self.streams.len() >= MAX_STREAMS {
            return Err(ChunkError::TooManyStreams);
        }
        let h = &buf[at..at + header_len];
        let field = if fmt < 3 { u24(&h[0..3]) } else { 0 };
        if fmt < 2 {
            s.length = u24(&h[3..6]) as usize;
            s.type_id = h[6];
        }
        if fmt == 0 {
            s.stream_id = u32::from_le_bytes([h[7], h[8], h[9], h[10]]);
        }
        at += header_len;
        let extended = if fmt < 3 {
            field == EXTENDED
        } else {
            s.extended
        };
        let mut value = field;
        if extended {
            let Some(ext) = buf.get(at..at + 4) else {
                return Ok(None);
            };
            value = u32::from_be_bytes([ext[0], ext[1], ext[2], ext[3]]);
            at += 4;
        }
        if s.length > self.max_message {
            return Err(ChunkError::MessageTooLarge(s.length));
        }
        // `have < s.length`: a finished payload never stays in `streams`.
        let take = (s.length - have).min(self.chunk_size);
        if buf.len() < at + take {
            return Ok(None);
        }
        // The whole chunk is here: commit the header state, then the payload. Timestamps
        // follow rml_rtmp and ffmpeg: a type 3 chunk starting a message repeats the last
        // timestamp field as a delta; an extended field replaces the 24-bit one.
        if have == 0 {
            s.timestamp = match fmt {
                0 => value,
                3 if !extended => s.timestamp.wrapping_add(s.delta),
                _ => s.timestamp.wrapping_add(value),
            };
        }
        if fmt < 3 {
            s.delta = value;
            s.extended = extended;
        }
        let mut partial = self
            .streams
            .remove(&csid)
            .map(|p| p.partial)
            .unwrap_or_default();
        partial.extend_from_slice(&buf[at..at + take]);
        at += take;
        // The chunk leaves the input; its payload stays held until the message is whole.
        self.held -= at;
        let message = if partial.len() == s.length {
            self.held -= have;
            Some(Message {
                type_id: s.type_id,
                stream_id: s.stream_id,
                timestamp: s.timestamp,
                payload: partial,
            })
        } else {
            self.held += take;
            s.partial = partial;
            None
        };
        self.streams.insert(csid, s);
        let message = match message {
            Some(m) => self.control(m)?,
            None => None,
        };
        Ok(Some((at, message)))
    }

    /// Handles the chunk-layer control messages; the rest goes on.
    fn control(&mut self, m: Message) -> Result<Option<Message>, ChunkError> {
        match (m.type_id, m.payload.get(..4)) {
            (1, Some(p)) => {
                let size = u32::from_be_bytes([p[0], p[1], p[2], p[3]]) & 0x7FFF_FFFF;
                if size == 0 {
                    return Err(ChunkError::BadChunkSize(size));
                }
                // No chunk can be longer than a message (24-bit length).
                self.chunk_size = (size as usize).min(EXTENDED as usize);
                Ok(None)
            }
            (2, Some(p)) => {
                let csid = u32::from_be_bytes([p[0], p[1], p[2], p[3]]);
                if let Some(s) = self.streams.get_mut(&csid) {
                    self.held -= s.partial.len();
                    s.partial = Vec::new();
                }
                Ok(None)
            }
            (1 | 2, None) => Ok(None),
            _ => Ok(Some(m)),
        }
    }
}

impl Stream {
    /// The header state without the unfinished payload (which `chunk` moves separately).
    fn header(&self) -> Stream {
        Stream {
            timestamp: self.timestamp,
            delta: self.delta,
            extended: self.extended,
            length: self.length,
            type_id: self.type_id,
            stream_id: self.stream_id,
            partial: Vec::new(),
        }
    }
}

fn u24(b: &[u8]) -> u32 {
    u32::from_be_bytes([0, b[0], b[1], b[2]])
}

#[cfg(test)]
mod tests;
