//! Hand validation of request bodies parsed as `serde_json::Value`, so every rejection
//! names the exact parameter (`processing[0][1].interval`) with the contract's codes:
//! 1002 missing, 1003 duplicate, 1004 wrong type / unknown id, 1005 out of range.

use contract::codes;
use contract::process::{ProcessKind, Range};
use serde_json::{json, Map, Value};

use crate::error::{ApiError, ApiResult};

/// Most tags one stream may carry, and the longest tag; generous, but bounded.
pub const MAX_TAGS: usize = 64;
pub const MAX_TAG_LEN: usize = 256;

/// A process list (`[{"id":"thumbs","interval":30}, ..]`) checked against CONTRACT.md and
/// normalised: known keys only, defaults filled in (thumbs 30; motionclip 30/5; rec and
/// replay `null` = the entire stream).
pub fn process_list(v: &Value, path: &str) -> ApiResult<Value> {
    let items = v
        .as_array()
        .ok_or_else(|| ApiError::wrong_type(path, "array of process objects"))?;
    let mut seen: Vec<&str> = Vec::new();
    let mut out = Vec::with_capacity(items.len());
    for (i, item) in items.iter().enumerate() {
        let here = format!("{path}[{i}]");
        let obj = item
            .as_object()
            .ok_or_else(|| ApiError::wrong_type(&here, "process object"))?;
        let id = match obj.get("id") {
            None | Some(Value::Null) => return Err(ApiError::parameter_required(&here_id(&here))),
            Some(Value::String(s)) => s.as_str(),
            Some(_) => return Err(ApiError::wrong_type(&here_id(&here), "string")),
        };
        if seen.contains(&id) {
            return Err(duplicate(&here_id(&here)));
        }
        seen.push(id);
        out.push(process(id, obj, &here)?);
    }
    Ok(Value::Array(out))
}

fn here_id(here: &str) -> String {
    format!("{here}.id")
}

fn duplicate(parameter: &str) -> ApiError {
    ApiError::new(
        axum::http::StatusCode::BAD_REQUEST,
        codes::PARAMETER_NOT_UNIQUE,
        "Parameter not unique",
    )
    .with_userinfo(json!({ "duplicated_parameter": parameter }))
}

/// One process object, its ranges and defaults from the contract: `interval` and
/// `duration` only where the kind has them; a nullable duration stays `null` when absent.
fn process(id: &str, obj: &Map<String, Value>, here: &str) -> ApiResult<Value> {
    let Some(kind) = ProcessKind::from_id(id) else {
        let ids: Vec<&str> = ProcessKind::ALL.iter().map(|k| k.id()).collect();
        return Err(ApiError::wrong_type(
            &here_id(here),
            &format!("one of {}", ids.join(", ")),
        ));
    };
    let field = |key: &str, range: Range, nullable: bool| -> ApiResult<Value> {
        let max = range.max.map(i64::from);
        let v = integer(
            obj.get(key),
            &format!("{here}.{key}"),
            range.min.into(),
            max,
        )?;
        Ok(match v {
            Some(v) => json!(v),
            None if nullable => Value::Null,
            None => json!(range.default),
        })
    };
    let mut out = Map::new();
    out.insert("id".into(), json!(kind.id()));
    if let Some(r) = kind.interval() {
        out.insert("interval".into(), field("interval", r, false)?);
    }
    if let Some(r) = kind.duration() {
        let d = field("duration", r, kind.duration_nullable())?;
        out.insert("duration".into(), d);
    }
    Ok(Value::Object(out))
}

/// An optional whole number in `min..=max` (`max` `None` = unbounded); `null` or absent
/// gives `None`. Floats, strings and booleans are wrong types, not rounded or coerced.
fn integer(
    v: Option<&Value>,
    parameter: &str,
    min: i64,
    max: Option<i64>,
) -> ApiResult<Option<i64>> {
    let n = match v {
        None | Some(Value::Null) => return Ok(None),
        Some(Value::Number(n)) => n,
        Some(_) => return Err(ApiError::wrong_type(parameter, "integer")),
    };
    let out_of_range = || ApiError::out_of_range(parameter, Some(min), max);
    let value = match (n.as_i64(), n.as_u64()) {
        (Some(i), _) => i,
        (None, Some(_)) => return Err(out_of_range()),
        _ => return Err(ApiError::wrong_type(parameter, "integer")),
    };
    if value < min || max.is_some_and(|m| value > m) {
        return Err(out_of_range());
    }
    Ok(Some(value))
}

/// A tag list: an array of non-empty strings, deduplicated in order. Absent or `null` is
/// an empty list.
pub fn tags(v: Option<&Value>, path: &str) -> ApiResult<Vec<String>> {
    let items = match v {
        None | Some(Value::Null) => return Ok(Vec::new()),
        Some(Value::Array(items)) => items,
        Some(_) => return Err(ApiError::wrong_type(path, "array of strings")),
    };
    if items.len() > MAX_TAGS {
        return Err(ApiError::out_of_range(path, Some(0), Some(MAX_TAGS as i64)));
    }
    let mut out: Vec<String> = Vec::with_capacity(items.len());
    for (i, item) in items.iter().enumerate() {
        let here = format!("{path}[{i}]");
        let tag = item
            .as_str()
            .ok_or_else(|| ApiError::wrong_type(&here, "string"))?
            .trim();
        let len = tag.chars().count();
        if len == 0 || len > MAX_TAG_LEN {
            return Err(
                ApiError::out_of_range(&here, Some(1), Some(MAX_TAG_LEN as i64))
                    .with_unit("characters"),
            );
        }
        if !out.iter().any(|t| t == tag) {
            out.push(tag.to_string());
        }
    }
    Ok(out)
}

/// The body as an object; an empty body counts as `{}`.
pub fn object(body: &Value) -> ApiResult<Map<String, Value>> {
    match body {
        Value::Null => Ok(Map::new()),
        Value::Object(m) => Ok(m.clone()),
        _ => Err(ApiError::wrong_type("body", "object")),
    }
}

/// Adds a unit to a range error's userinfo, so "1–256" is not read as a number of tags.
trait WithUnit {
    fn with_unit(self, unit: &str) -> Self;
}

impl WithUnit for ApiError {
    fn with_unit(mut self, unit: &str) -> Self {
        if let Some(Value::Object(m)) = self.userinfo.as_mut() {
            m.insert("unit".into(), json!(unit));
        }
        self
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn normalises_defaults_and_drops_unknown_keys() {
        let v = process_list(
            &json!([{"id":"thumbs"},{"id":"motionclip","interval":60,"x":1},{"id":"rec"}]),
            "processing[0]",
        )
        .unwrap();
        assert_eq!(
            v,
            json!([{"id":"thumbs","interval":30},{"id":"motionclip","interval":60,"duration":5},
                   {"id":"rec","duration":null}])
        );
    }

    #[test]
    fn names_the_parameter_and_range() {
        let e = process_list(&json!([{"id":"thumbs","interval":5}]), "processing[1]").unwrap_err();
        assert_eq!(e.code, 1005);
        assert_eq!(
            e.userinfo.unwrap(),
            json!({"parameter":"processing[1][0].interval","min":10,"max":3600})
        );
        let e = process_list(&json!([{"id":"replay","duration":0}]), "p").unwrap_err();
        assert_eq!(e.userinfo.unwrap()["max"], Value::Null);
    }

    #[test]
    fn rejects_wrong_types_unknown_ids_and_duplicates() {
        for (body, code) in [
            (json!([{"id":"thumbs","interval":30.5}]), 1004),
            (json!([{"id":"thumbs","interval":"30"}]), 1004),
            (json!([{"id":"captions"}]), 1004),
            (json!([{"interval":30}]), 1002),
            (json!([{"id":"rec"},{"id":"rec"}]), 1003),
            (json!({"id":"rec"}), 1004),
            (
                json!([{"id":"rec","duration":18446744073709551615u64}]),
                1005,
            ),
        ] {
            assert_eq!(process_list(&body, "p").unwrap_err().code, code, "{body}");
        }
    }

    /// Both crates take the ranges from the contract: the bounds pass, one past them is
    /// refused with the contract's code (the console's form rule has the same test).
    #[test]
    fn ranges_are_the_contracts() {
        for kind in ProcessKind::ALL {
            for (key, range) in [("interval", kind.interval()), ("duration", kind.duration())] {
                let Some(r) = range else { continue };
                let at = |v: i64| process_list(&json!([{ "id": kind.id(), key: v }]), "p");
                let min = i64::from(r.min);
                assert!(at(min).is_ok(), "{kind:?}.{key} = {min}");
                let below = at(min - 1).unwrap_err();
                assert_eq!(below.code, codes::OUT_OF_RANGE, "{kind:?}.{key}");
                if let Some(max) = r.max.map(i64::from) {
                    assert!(at(max).is_ok(), "{kind:?}.{key} = {max}");
                    assert_eq!(at(max + 1).unwrap_err().code, codes::OUT_OF_RANGE);
                }
            }
        }
    }

    #[test]
    fn tags_are_strings_deduplicated_in_order() {
        assert_eq!(
            tags(Some(&json!(["b", "a", "b"])), "tags").unwrap(),
            vec!["b".to_string(), "a".to_string()]
        );
        assert_eq!(tags(Some(&json!([1])), "tags").unwrap_err().code, 1004);
        assert_eq!(tags(Some(&json!([""])), "tags").unwrap_err().code, 1005);
    }
}
