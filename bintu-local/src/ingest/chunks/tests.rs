use bytes::Bytes;
use rml_rtmp::chunk_io::ChunkSerializer;
use rml_rtmp::messages::MessagePayload;
use rml_rtmp::time::RtmpTimestamp;

use super::*;

/// A type 0 chunk header on `csid` (below 64).
fn full(csid: u8, ts: u32, len: usize, type_id: u8) -> Vec<u8> {
    let mut h = vec![csid];
    h.extend_from_slice(&ts.to_be_bytes()[1..]);
    h.extend_from_slice(&(len as u32).to_be_bytes()[1..]);
    h.push(type_id);
    h.extend_from_slice(&1u32.to_le_bytes());
    h
}

#[test]
fn reads_what_rml_rtmp_writes() {
    let mut ser = ChunkSerializer::new();
    let mut wire = Vec::new();
    let mut sent = Vec::new();
    for (i, (ts, len)) in [
        (0u32, 10usize),
        (40, 300),
        (80, 1),
        (0x0100_0000, 700),
        (0x0100_0040, 5),
    ]
    .into_iter()
    .enumerate()
    {
        let payload: Vec<u8> = (0..len).map(|b| (b + i) as u8).collect();
        let p = MessagePayload {
            timestamp: RtmpTimestamp::new(ts),
            type_id: 9,
            message_stream_id: 1,
            data: Bytes::from(payload.clone()),
        };
        wire.extend(ser.serialize(&p, false, false).unwrap().bytes);
        sent.push(Message {
            type_id: 9,
            stream_id: 1,
            timestamp: ts,
            payload,
        });
    }
    let mut r = ChunkReader::new(1 << 20);
    // Byte by byte: every split point of every chunk.
    let mut got = Vec::new();
    for b in &wire {
        got.extend(r.push(std::slice::from_ref(b)).unwrap());
    }
    assert_eq!(got, sent);
    assert_eq!(r.held(), 0);
}

#[test]
fn interleaved_chunk_streams_each_keep_their_own_message() {
    let mut r = ChunkReader::new(1 << 20);
    let mut wire = full(3, 0, 1000, 20);
    wire.extend(vec![7u8; 128]);
    wire.extend(full(4, 0, 100, 8));
    wire.extend(vec![8u8; 100]);
    let got = r.push(&wire).unwrap();
    assert_eq!(got.len(), 1);
    assert_eq!((got[0].type_id, got[0].payload.len()), (8, 100));
    assert_eq!(r.held(), 128, "the unfinished message on csid 3 is held");
    let mut rest = Vec::new();
    for _ in 0..6 {
        rest.push(0xC3);
        rest.extend(vec![7u8; 128]);
    }
    rest.push(0xC3);
    rest.extend(vec![7u8; 1000 - 7 * 128]);
    let got = r.push(&rest).unwrap();
    assert_eq!(got.len(), 1);
    assert_eq!(got[0].payload, vec![7u8; 1000]);
    assert_eq!(r.held(), 0);
}

#[test]
fn refuses_what_breaks_the_bounds_or_the_protocol() {
    let mut r = ChunkReader::new(1000);
    assert_eq!(
        r.push(&full(3, 0, 1001, 9)),
        Err(ChunkError::MessageTooLarge(1001))
    );
    let mut r = ChunkReader::new(1000);
    assert_eq!(
        r.push(&[0x43, 0, 0, 0, 0, 0, 1, 9]),
        Err(ChunkError::NoPreviousHeader(3))
    );
    let mut r = ChunkReader::new(1000);
    let mut wire = full(3, 0, 500, 9);
    wire.extend(vec![0; 128]);
    wire.extend(full(3, 0, 10, 9));
    assert_eq!(r.push(&wire), Err(ChunkError::NewMessageMidMessage(3)));
    let mut r = ChunkReader::new(1000);
    let mut wire = Vec::new();
    for csid in 0..=MAX_STREAMS as u32 {
        wire.extend([0u8, csid as u8]);
        wire.extend(&full(0, 0, 0, 9)[1..]);
    }
    assert_eq!(r.push(&wire), Err(ChunkError::TooManyStreams));
    let mut r = ChunkReader::new(1000);
    let mut wire = full(2, 0, 4, 1);
    wire.extend([0, 0, 0, 0]);
    assert_eq!(r.push(&wire), Err(ChunkError::BadChunkSize(0)));
}

#[test]
fn set_chunk_size_and_abort_are_applied_not_passed_on() {
    let mut r = ChunkReader::new(1 << 20);
    let mut wire = full(2, 0, 4, 1);
    wire.extend(4096u32.to_be_bytes());
    wire.extend(full(4, 0, 3000, 9));
    wire.extend(vec![1u8; 3000]);
    let got = r.push(&wire).unwrap();
    assert_eq!(got.len(), 1);
    assert_eq!(got[0].payload.len(), 3000);
    let mut wire = full(5, 0, 5000, 9);
    wire.extend(vec![1u8; 4096]);
    wire.extend(full(2, 0, 4, 2));
    wire.extend(5u32.to_be_bytes());
    assert!(r.push(&wire).unwrap().is_empty());
    assert_eq!(r.held(), 0, "abort dropped the unfinished message");
}
