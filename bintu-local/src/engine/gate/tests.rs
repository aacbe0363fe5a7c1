//! The gate passes whole decodable runs, every needed frame, and little else.

use super::*;

const CONFIG: [u8; 2] = [0x17, 0];

/// A legacy AVC frame body: keyframe or inter frame, NALU packet; byte 2 carries an id.
fn frame(key: bool, id: u8) -> Vec<u8> {
    vec![if key { 0x17 } else { 0x27 }, 1, id]
}

/// Feeds `seconds` of `fps` video with a keyframe every `gop` frames, the first timestamp
/// at `start` ms; returns (index, timestamp) of every frame passed, in order.
fn run(gate: &mut Gate, fps: u32, gop: u32, seconds: u32, start: u32) -> Vec<(u32, u32)> {
    let mut passed = Vec::new();
    assert_eq!(gate.video(start, &CONFIG), vec![(start, CONFIG.to_vec())]);
    for n in 0..fps * seconds {
        let ts = start + n * 1000 / fps;
        for (t, body) in gate.video(ts, &frame(n % gop == 0, n as u8)) {
            passed.push(((t - start) * fps / 1000, t));
            assert_eq!(body[2], ((t - start) * fps / 1000) as u8);
        }
    }
    passed
}

/// Each run of passed frames starts at a keyframe and has no holes.
fn assert_decodable(passed: &[(u32, u32)], gop: u32) {
    let mut prev: Option<u32> = None;
    for &(n, _) in passed {
        if prev != Some(n.wrapping_sub(1)) {
            assert_eq!(n % gop, 0, "run starting at frame {n} is not at a keyframe");
        }
        prev = Some(n);
    }
}

#[test]
fn thumbs_and_clips_pass_only_their_groups_of_pictures() {
    // The bench: 25 fps, keyframe every 2 s, thumbs every 10 s, a 5 s clip every 30 s.
    let mut g = Gate::new(Some(10), Some((30, 5)));
    let passed = run(&mut g, 25, 50, 60, 1000);
    assert_decodable(&passed, 50);
    let frames: Vec<u32> = passed.iter().map(|p| p.0).collect();
    // The first frame of each 10 s interval is passed (frame 0, 250, 500, ...).
    for tick in [0, 250, 500, 750, 1000, 1250] {
        assert!(frames.contains(&tick), "thumbnail frame {tick}");
    }
    // Every frame of the clip windows [25 s, 30 s) and [55 s, 60 s) is passed.
    for n in (625..750).chain(1375..1500) {
        assert!(frames.contains(&n), "clip frame {n}");
    }
    // From the keyframe at 24 s: 25 frames before the window, TAIL after it.
    assert!(frames.contains(&600) && !frames.contains(&599));
    assert!(frames.contains(&(750 + TAIL)) && !frames.contains(&(751 + TAIL)));
    // Well under half of the 1,500 frames reach the decoder.
    assert!(frames.len() < 1500 * 35 / 100, "{} passed", frames.len());
}

#[test]
fn ticks_between_keyframes_pass_the_whole_group_up_to_the_tick() {
    // Keyframes every 3 s, thumbs every 7 s: the tick at 7 s falls inside the GOP from 6 s.
    let mut g = Gate::new(Some(7), None);
    let passed = run(&mut g, 10, 30, 30, 0);
    assert_decodable(&passed, 30);
    let frames: Vec<u32> = passed.iter().map(|p| p.0).collect();
    for tick in [0, 70, 140, 210, 280] {
        assert!(frames.contains(&tick), "tick {tick}: {frames:?}");
    }
    assert!(frames.contains(&60) && !frames.contains(&59));
    assert!(!frames.contains(&(70 + TAIL + 1)));
    assert!(!g.passing(), "the burst has ended");
}

#[test]
fn clips_as_long_as_their_interval_pass_everything() {
    let mut g = Gate::new(None, Some((5, 5)));
    assert_eq!(run(&mut g, 25, 50, 12, 0).len(), 300);
}

#[test]
fn a_stream_starting_without_keyframe_or_with_an_oversized_group_waits_for_a_keyframe() {
    let mut g = Gate::new(Some(1), None);
    assert!(g.video(0, &frame(false, 0)).is_empty(), "no keyframe yet");
    assert_eq!(g.video(40, &frame(true, 1)).len(), 1);
    // A command frame (type 5) and an empty body are ignored.
    assert!(g.video(80, &[0x57, 1]).is_empty() && g.video(80, &[]).is_empty());
    for k in 0..TAIL {
        assert_eq!(
            g.video(100 + k * 40, &frame(false, 0)).len(),
            1,
            "tail frame {k}"
        );
    }
    let big = vec![0x27; MAX_HELD_BYTES / 2 + 1];
    for ts in [400, 440, 480] {
        assert!(g.video(ts, &big).is_empty());
    }
    // The held group overflowed and was dropped: the next tick's frame cannot be decoded.
    assert!(g.video(1040, &frame(false, 2)).is_empty());
    assert_eq!(g.video(2040, &frame(true, 3)).len(), 1);
}

#[test]
fn enhanced_rtmp_headers_are_understood() {
    assert_eq!(Kind::of(&[0x90]), Some(Kind::Config)); // key, SequenceStart
    assert_eq!(Kind::of(&[0x91]), Some(Kind::Key)); // key, CodedFrames
    assert_eq!(Kind::of(&[0xA3]), Some(Kind::Inter)); // inter, CodedFramesX
    assert_eq!(Kind::of(&[0x1C, 0]), Some(Kind::Config)); // legacy HEVC (id 12)
}
