//! FLV framing of RTMP media for ffmpeg's stdin: the RTMP audio/video message bodies are
//! already FLV tag bodies, so a tag is an 11-byte header, the body and the back-pointer.

/// FLV file header announcing the tracks ffmpeg should wait for (flags: 4 audio, 1 video),
/// plus `PreviousTagSize0`: announcing a track that never comes is what made ffmpeg probe in
/// vain on audio-only input.
pub fn header(video: bool, audio: bool) -> Vec<u8> {
    let flags = (if audio { 4 } else { 0 }) | u8::from(video);
    vec![b'F', b'L', b'V', 1, flags, 0, 0, 0, 9, 0, 0, 0, 0]
}

/// Tag types.
pub const AUDIO: u8 = 8;
pub const VIDEO: u8 = 9;

/// Appends one FLV tag of `kind` with `body` at `timestamp_ms` to `out` (the engine's write
/// buffer, so a message is framed without a buffer of its own).
pub fn append_tag(out: &mut Vec<u8>, kind: u8, timestamp_ms: u32, body: &[u8]) {
    let len = body.len() as u32;
    out.push(kind);
    out.extend_from_slice(&len.to_be_bytes()[1..]);
    out.extend_from_slice(&timestamp_ms.to_be_bytes()[1..]);
    out.push((timestamp_ms >> 24) as u8);
    out.extend_from_slice(&[0, 0, 0]);
    out.extend_from_slice(body);
    out.extend_from_slice(&(len + 11).to_be_bytes());
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tag_layout_matches_the_flv_spec() {
        let mut t = vec![0xFF];
        append_tag(&mut t, VIDEO, 0x0102_0304, &[0xAA, 0xBB]);
        assert_eq!(
            t,
            vec![0xFF, 9, 0, 0, 2, 0x02, 0x03, 0x04, 0x01, 0, 0, 0, 0xAA, 0xBB, 0, 0, 0, 13]
        );
        assert_eq!(&header(true, true)[..3], b"FLV");
        assert_eq!(header(true, true).len(), 13);
        assert_eq!(header(true, true)[4], 0x05);
        assert_eq!(header(true, false)[4], 0x01);
        assert_eq!(header(false, true)[4], 0x04);
    }
}
