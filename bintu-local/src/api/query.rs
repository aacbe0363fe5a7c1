//! Query strings of `GET /stream` and `GET /stream/{id}`, parsed by hand from the raw query
//! (`form_urlencoded`, the WHATWG parser) because `tags[]` repeats and the official client
//! sends it unencoded while browsers send `tags%5B%5D`; both decode to the same key.
//! Unknown parameters are ignored, as Bintu does. `from`/`to` (the stand-in's date range,
//! bintu-api.md §1.4) take an ISO 8601 date (`2026-11-30`, whole UTC days: `to` includes its
//! day) or an RFC 3339 date-time (`2026-11-30T08:00:00Z`, `to` exclusive).

use contract::state::StreamState;

use crate::db::streams::ListFilter;
use crate::error::{ApiError, ApiResult};

pub const DEFAULT_QUANTITY: u32 = 50;
pub const MAX_QUANTITY: u32 = 250;
pub const DEFAULT_ASSET_LIMIT: u32 = 10;
pub const MAX_ASSET_LIMIT: u32 = 1000;

fn pairs(raw: Option<&str>) -> Vec<(String, String)> {
    form_urlencoded::parse(raw.unwrap_or("").as_bytes())
        .map(|(k, v)| (k.into_owned(), v.into_owned()))
        .collect()
}

/// A whole number in `min..=max`; 1004 when not a number, 1005 when out of range.
fn number(name: &str, value: &str, min: u32, max: u32) -> ApiResult<u32> {
    let n: u64 = value
        .trim()
        .parse()
        .map_err(|_| ApiError::wrong_type(name, "integer"))?;
    if n < u64::from(min) || n > u64::from(max) {
        return Err(ApiError::out_of_range(
            name,
            Some(min.into()),
            Some(max.into()),
        ));
    }
    Ok(n as u32)
}

/// A `from`/`to` value as the stored `createdAt` form; `end` moves a plain date to the start
/// of the next day, so `to=2026-11-30` lists what was created on the 30th. `None`: no bound
/// (`to=9999-12-31`, whose next day has no stored form). Instants outside years 0000–9999
/// once in UTC (`9999-12-31T23:59:59-23:59`) are refused: stored times cannot reach them.
fn instant(name: &str, value: &str, end: bool) -> ApiResult<Option<String>> {
    use time::format_description::well_known::Rfc3339;
    const EXPECTED: &str = "ISO 8601 date or date-time (UTC years 0000-9999)";
    let v = value.trim();
    let at = if let Ok(t) = time::OffsetDateTime::parse(v, &Rfc3339) {
        t
    } else {
        let day = time::Date::parse(v, time::macros::format_description!("[year]-[month]-[day]"))
            .map_err(|_| ApiError::wrong_type(name, EXPECTED))?;
        let day = if end { day.next_day() } else { Some(day) };
        let Some(day) = day else { return Ok(None) };
        day.midnight().assume_utc()
    };
    crate::db::iso_checked(at)
        .map(Some)
        .ok_or_else(|| ApiError::wrong_type(name, EXPECTED))
}

/// `quantity`, `page`, `state`, `tags[]`, `from`, `to` of `GET /stream`.
pub fn list_filter(raw: Option<&str>) -> ApiResult<ListFilter> {
    let mut f = ListFilter {
        quantity: DEFAULT_QUANTITY,
        page: 1,
        ..ListFilter::default()
    };
    for (k, v) in pairs(raw) {
        match k.as_str() {
            "quantity" => f.quantity = number("quantity", &v, 1, MAX_QUANTITY)?,
            "page" => f.page = number("page", &v, 1, 1_000_000)?,
            "state" if v.is_empty() || v == "all" => f.state = None,
            "state" => f.state = Some(state_filter(&v)?),
            "tags[]" | "tags" if !v.is_empty() && !f.tags.contains(&v) => f.tags.push(v),
            "from" if !v.is_empty() => f.from = instant("from", &v, false)?,
            "to" if !v.is_empty() => f.before = instant("to", &v, true)?,
            _ => {}
        }
    }
    if let (Some(from), Some(before)) = (&f.from, &f.before) {
        if before <= from {
            return Err(ApiError::wrong_type("to", "a time after from"));
        }
    }
    Ok(f)
}

/// A `state=` value: one of the contract's list filters ("all" is handled by the caller).
fn state_filter(v: &str) -> ApiResult<StreamState> {
    StreamState::parse(v)
        .filter(|s| StreamState::FILTERS.contains(s))
        .ok_or_else(|| {
            let all: Vec<&str> = StreamState::FILTERS.iter().map(|s| s.as_str()).collect();
            ApiError::wrong_type("state", &format!("one of {}", all.join(", ")))
        })
}

/// `asset_limit` of `GET /stream/{id}` (default 10, 0..=1000).
pub fn asset_limit(raw: Option<&str>) -> ApiResult<u32> {
    let mut limit = DEFAULT_ASSET_LIMIT;
    for (k, v) in pairs(raw) {
        if k == "asset_limit" {
            limit = number("asset_limit", &v, 0, MAX_ASSET_LIMIT)?;
        }
    }
    Ok(limit)
}

#[cfg(test)]
mod tests;
