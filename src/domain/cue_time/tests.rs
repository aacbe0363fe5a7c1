//! Cue times: formats, wall-clock times across midnight, relative forms, refusals with a reason
//! (and property tests on the host).

use super::*;

// 2024-04-05T23:59:30.000Z
const S: i64 = 1_712_361_570_000;

#[test]
fn formats() {
    assert_eq!(format_duration(59.9), "0:59");
    assert_eq!(format_duration(61.0), "1:01");
    assert_eq!(format_duration(3725.0), "1:02:05");
    assert_eq!(format_duration(f64::NAN), "0:00");
    assert_eq!(format_clock(S, 0.0, 0), "23:59:30");
    assert_eq!(format_clock(S, 45.5, 0), "00:00:15");
    assert_eq!(format_clock(S, 0.0, 120), "01:59:30");
    assert_eq!(format_cue(5.0, None, 0), "0:05");
    assert_eq!(zone_label(-330), "UTC-05:30");
}

#[test]
fn wall_clock_resolves_across_midnight() {
    assert_eq!(parse_cue("23:59:40", Some(S), 0), Ok(10.0));
    assert_eq!(parse_cue("00:00:10", Some(S), 0), Ok(40.0));
    assert_eq!(parse_cue("02:00:00", Some(S), 120), Ok(30.0));
    assert_eq!(parse_cue("23:59:30", Some(S), 0), Ok(0.0));
}

#[test]
fn relative_forms() {
    assert_eq!(parse_cue("+12.5", Some(S), 0), Ok(12.5));
    assert_eq!(parse_cue("1:30", Some(S), 0), Ok(90.0));
    assert_eq!(parse_cue("+1:00:01", Some(S), 0), Ok(3601.0));
    assert_eq!(parse_cue("0:01:00", None, 0), Ok(60.0));
}

#[test]
fn rejects_with_a_reason() {
    for bad in [
        "", "abc", "1:60", "25:00:00", "1:2:3:4", "12", "1::2", "-3", "1.5:00",
    ] {
        let e = parse_cue(bad, Some(S), 0).unwrap_err();
        assert!(!e.is_empty(), "{bad}");
    }
}

// proptest needs OS randomness: host only.
#[cfg(not(target_arch = "wasm32"))]
mod props {
    use super::*;
    use proptest::prelude::*;

    proptest! {
        #[test]
        fn never_panics(text in "\\PC{0,30}", off in -900i32..900) {
            let _ = parse_cue(&text, Some(S), off);
        }

        #[test]
        fn clock_round_trips(pos in 0u32..80_000, off in -720i32..840) {
            let shown = format_clock(S, f64::from(pos), off);
            prop_assert_eq!(parse_cue(&shown, Some(S), off), Ok(f64::from(pos)));
        }
    }
}
