//! Query strings of `GET /stream` and `GET /stream/{id}`, parsed by hand from the raw query
//! (`form_urlencoded`, the WHATWG parser) because `tags[]` repeats and the official client
//! sends it unencoded while browsers send `tags%5B%5D`; both decode to the same key.
//! Unknown parameters are ignored, as Bintu does.

use crate::db::streams::ListFilter;
use crate::error::{ApiError, ApiResult};

pub const DEFAULT_QUANTITY: u32 = 50;
pub const MAX_QUANTITY: u32 = 250;
pub const DEFAULT_ASSET_LIMIT: u32 = 10;
pub const MAX_ASSET_LIMIT: u32 = 1000;
const STATES: [&str; 4] = ["live", "created", "ended", "locked"];

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

/// `quantity`, `page`, `state`, `tags[]` of `GET /stream`.
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
            "state" if STATES.contains(&v.as_str()) => f.state = Some(v),
            "state" => {
                return Err(ApiError::wrong_type(
                    "state",
                    "one of live, created, ended, locked",
                ))
            }
            "tags[]" | "tags" if !v.is_empty() && !f.tags.contains(&v) => f.tags.push(v),
            _ => {}
        }
    }
    Ok(f)
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
mod tests {
    use super::*;

    #[test]
    fn repeated_tags_in_both_spellings_and_defaults() {
        let f = list_filter(Some(
            "tags[]=a&tags%5B%5D=b%20c&state=live&quantity=5&page=2&x=1",
        ))
        .unwrap();
        assert_eq!(f.tags, vec!["a".to_string(), "b c".to_string()]);
        assert_eq!(
            (f.state.as_deref(), f.quantity, f.page),
            (Some("live"), 5, 2)
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
}
