//! Times and sizes as the dashboard shows them, and ISO round trips as JavaScript does them.

use super::*;

#[test]
fn dashboard_format_matches_the_v4_screens() {
    // 2024-10-23 10:06 UTC
    assert_eq!(
        format_dashboard_utc(1_729_677_960_000),
        "10/23/2024 10:06 am (UTC)"
    );
    assert_eq!(
        format_dashboard_utc(1_728_316_680_000),
        "10/07/2024 03:58 pm (UTC)"
    );
    assert_eq!(format_dashboard_utc(0), "01/01/1970 12:00 am (UTC)");
}

#[test]
fn iso_round_trips_like_javascript() {
    let ms = 1_712_345_688_901;
    assert_eq!(to_iso(ms), "2024-04-05T19:34:48.901Z");
    assert_eq!(parse_iso(&to_iso(ms)), Some(ms));
    assert_eq!(
        parse_iso("2025-11-04T17:09:19Z"),
        parse_iso("2025-11-04T17:09:19.000Z")
    );
    assert_eq!(parse_iso("2025-11-04T17:09:19.5Z").unwrap() % 1000, 500);
    for bad in [
        "",
        "2025-13-01T00:00:00Z",
        "2025-11-04 17:09:19Z",
        "x",
        "2025-11-04T17:09Z",
    ] {
        assert_eq!(parse_iso(bad), None, "{bad}");
    }
}

#[test]
fn ages_and_sizes_read_naturally() {
    assert_eq!(format_age(1_000, 13_500), "12 s");
    assert_eq!(format_age(0, 3_600_000), "1 h");
    assert_eq!(format_age(5_000, 1_000), "0 s");
    assert_eq!(format_size(677_642_240), "646.25 MB");
    assert_eq!(format_size(2048), "2.0 KB");
}
