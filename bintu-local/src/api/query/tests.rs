//! Query parameters: repeated tags in both spellings, defaults, date ranges in the stored form, and
//! Bintu codes for bad values (never a panic).

use super::*;

#[test]
fn repeated_tags_in_both_spellings_and_defaults() {
    let f = list_filter(Some(
        "tags[]=a&tags%5B%5D=b%20c&state=live&quantity=5&page=2&x=1",
    ))
    .unwrap();
    assert_eq!(f.tags, vec!["a".to_string(), "b c".to_string()]);
    assert_eq!(
        (f.state, f.quantity, f.page),
        (Some(StreamState::Live), 5, 2)
    );
    let d = list_filter(None).unwrap();
    assert_eq!((d.quantity, d.page, d.state), (50, 1, None));
}

#[test]
fn bad_values_get_bintu_codes() {
    assert_eq!(list_filter(Some("quantity=abc")).unwrap_err().code, 1004);
    assert_eq!(list_filter(Some("quantity=251")).unwrap_err().code, 1005);
    assert_eq!(list_filter(Some("page=0")).unwrap_err().code, 1005);
    assert_eq!(list_filter(Some("state=deleted")).unwrap_err().code, 1004);
    assert_eq!(
        asset_limit(Some("asset_limit=1001")).unwrap_err().code,
        1005
    );
    assert_eq!(asset_limit(Some("asset_limit=3")).unwrap(), 3);
}

#[test]
fn date_range_takes_days_and_date_times_in_the_stored_form() {
    let f = list_filter(Some("from=2026-11-30&to=2026-11-30")).unwrap();
    assert_eq!(f.from.as_deref(), Some("2026-11-30T00:00:00.000Z"));
    assert_eq!(f.before.as_deref(), Some("2026-12-01T00:00:00.000Z"));
    // Offsets are converted to UTC; a date-time `to` is exclusive as given.
    let f = list_filter(Some(
        "from=2026-11-30T09:30:00%2B01:00&to=2026-11-30T08:45:10.5Z",
    ))
    .unwrap();
    assert_eq!(f.from.as_deref(), Some("2026-11-30T08:30:00.000Z"));
    assert_eq!(f.before.as_deref(), Some("2026-11-30T08:45:10.500Z"));
    // Year end rolls over; empty values mean no bound.
    let f = list_filter(Some("to=2026-12-31&from=")).unwrap();
    assert_eq!(
        (f.from, f.before.as_deref()),
        (None, Some("2027-01-01T00:00:00.000Z"))
    );
}

#[test]
fn edge_years_that_stay_in_range_are_accepted() {
    let f = list_filter(Some("from=0000-01-01&to=9999-12-31")).unwrap();
    assert_eq!(f.from.as_deref(), Some("0000-01-01T00:00:00.000Z"));
    assert_eq!(f.before, None, "the last day's end is no bound at all");
    let f = list_filter(Some("from=9999-12-31T23:59:59%2B23:59")).unwrap();
    assert_eq!(f.from.as_deref(), Some("9999-12-31T00:00:59.000Z"));
}

#[test]
fn bad_date_ranges_get_bintu_codes() {
    for q in [
        "from=yesterday",
        "to=2026-13-01",
        "from=2026-11-30T25:00:00Z",
        "to=1732924800",
        // Outside years 0000-9999 once in UTC: refused, never a panic.
        "from=9999-12-31T23:59:59-23:59",
        "to=9999-12-31T23:00:00-01:00",
        "from=0000-01-01T00:00:00%2B23:59",
        "to=0000-01-01T00:59:59%2B01:00",
    ] {
        let e = list_filter(Some(q)).unwrap_err();
        assert_eq!(e.code, 1004, "{q}");
    }
    assert_eq!(
        list_filter(Some("from=2026-12-01&to=2026-11-30"))
            .unwrap_err()
            .code,
        1004
    );
    assert_eq!(
        list_filter(Some("from=2026-11-30T10:00:00Z&to=2026-11-30T10:00:00Z"))
            .unwrap_err()
            .code,
        1004
    );
}
