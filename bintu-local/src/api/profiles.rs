//! Transcoding profiles: the documented `vtrans2-<w>x<h>x<kbps>x<fps>` ids (bintu-api.md
//! §2.4), `GET /transcoding/profiles`, and validation of a create body's `transcodes`.
//! Only listed profiles are accepted, so the engine never gets an arbitrary resolution.

use axum::http::StatusCode;
use axum::Json;
use contract::codes;
use serde_json::{json, Value};

use super::validation;
use crate::db::streams::{NewMember, ProfileSpec};
use crate::error::{ApiError, ApiResult};

/// At most this many transcodes per group (the dashboard's limit).
pub const MAX_TRANSCODES: usize = 3;

/// Width, height, kbit/s, fps of every accepted profile, highest quality first.
const PROFILES: &[(i64, i64, i64, i64)] = &[
    (1280, 720, 2000, 30),
    (1280, 720, 2000, 25),
    (1280, 720, 1600, 30),
    (1280, 720, 1600, 25),
    (1280, 720, 1200, 30),
    (1280, 720, 1200, 25),
    (1280, 720, 1000, 30),
    (1280, 720, 1000, 25),
    (852, 480, 800, 30),
    (852, 480, 800, 25),
    (852, 480, 640, 30),
    (852, 480, 640, 25),
    (640, 360, 400, 25),
    (640, 360, 300, 15),
    (480, 360, 300, 15),
    (480, 270, 250, 15),
    (426, 240, 200, 15),
    (320, 240, 200, 15),
];

fn spec(&(width, height, bitrate, fps): &(i64, i64, i64, i64)) -> ProfileSpec {
    ProfileSpec {
        id: format!("vtrans2-{width}x{height}x{bitrate}x{fps}"),
        width,
        height,
        bitrate,
        fps,
    }
}

/// The accepted profile with this id.
pub fn find(id: &str) -> Option<ProfileSpec> {
    PROFILES.iter().map(spec).find(|p| p.id == id)
}

/// `GET /transcoding/profiles` (public: it is the documented list, nothing private).
pub async fn list() -> Json<Value> {
    let all: Vec<Value> = PROFILES
        .iter()
        .map(spec)
        .map(|p| json!({"id": p.id, "width": p.width, "height": p.height, "bitrate": p.bitrate, "fps": p.fps}))
        .collect();
    Json(Value::Array(all))
}

/// Parses `transcodes: [{profile, tags}]` into group members 1..n (processing empty; the
/// caller fills it). Each bitrate must be below the one of the transcode above it.
pub fn transcodes(v: Option<&Value>) -> ApiResult<Vec<NewMember>> {
    let items = match v {
        None | Some(Value::Null) => return Ok(Vec::new()),
        Some(Value::Array(items)) => items,
        Some(_) => return Err(ApiError::wrong_type("transcodes", "array of objects")),
    };
    if items.len() > MAX_TRANSCODES {
        return Err(ApiError::out_of_range(
            "transcodes",
            Some(0),
            Some(MAX_TRANSCODES as i64),
        ));
    }
    let mut out: Vec<NewMember> = Vec::with_capacity(items.len());
    for (i, item) in items.iter().enumerate() {
        let here = format!("transcodes[{i}]");
        let obj = item
            .as_object()
            .ok_or_else(|| ApiError::wrong_type(&here, "object"))?;
        let param = format!("{here}.profile");
        let id = match obj.get("profile") {
            None | Some(Value::Null) => return Err(ApiError::parameter_required(&param)),
            Some(Value::String(s)) => s,
            Some(_) => return Err(ApiError::wrong_type(&param, "string")),
        };
        let profile = find(id).ok_or_else(|| unknown_profile(&param, id))?;
        if let Some(above) = out.last().and_then(|m| m.profile.as_ref()) {
            if profile.bitrate >= above.bitrate {
                return Err(ApiError::new(
                    StatusCode::BAD_REQUEST,
                    codes::OUT_OF_RANGE,
                    "Parameter out of range: a transcode's bitrate must be below the one above it",
                )
                .with_userinfo(
                    json!({"parameter": param, "min": null, "max": above.bitrate - 1}),
                ));
            }
        }
        out.push(NewMember {
            profile: Some(profile),
            tags: validation::tags(obj.get("tags"), &format!("{here}.tags"))?,
            processing: json!([]),
        });
    }
    Ok(out)
}

fn unknown_profile(param: &str, id: &str) -> ApiError {
    let shown: String = id.chars().take(64).collect();
    ApiError::new(
        StatusCode::BAD_REQUEST,
        codes::WRONG_DATA_TYPE,
        "Unknown transcoding profile",
    )
    .with_userinfo(json!({
        "parameter": param,
        "type": "a profile id of GET /transcoding/profiles",
        "value": shown,
    }))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn documented_profiles_are_known_and_parsed() {
        let p = find("vtrans2-852x480x800x25").unwrap();
        assert_eq!((p.width, p.height, p.bitrate, p.fps), (852, 480, 800, 25));
        assert!(find("vtrans2-640x360x400x25").is_some());
        assert!(find("vtrans2-426x240x200x15").is_some());
        assert!(find("vtrans2-99999x99999x1x1").is_none());
    }

    #[test]
    fn bitrates_must_fall_and_at_most_three() {
        let body =
            json!([{"profile":"vtrans2-640x360x400x25"},{"profile":"vtrans2-852x480x800x25"}]);
        let e = transcodes(Some(&body)).unwrap_err();
        assert_eq!(
            (e.code, e.userinfo.unwrap()["parameter"].clone()),
            (1005, json!("transcodes[1].profile"))
        );
        let four = json!([{"profile":"vtrans2-852x480x800x25"},{"profile":"vtrans2-640x360x400x25"},
                          {"profile":"vtrans2-426x240x200x15"},{"profile":"vtrans2-320x240x200x15"}]);
        assert_eq!(transcodes(Some(&four)).unwrap_err().code, 1005);
    }
}
