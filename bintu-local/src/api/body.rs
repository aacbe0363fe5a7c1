//! Request bodies read as `serde_json::Value`, so handlers validate by hand with precise
//! parameters. Unlike `BintuJson` an empty body is accepted (as `null`: Bintu's create takes
//! no body) and no content type is required (the official clients do not always send one).
//! Over-size bodies get 413 and malformed JSON 400 1004, both as Bintu error bodies.

use axum::body::Bytes;
use axum::extract::{FromRequest, Request};
use axum::http::StatusCode;
use contract::codes;
use serde_json::{json, Value};

use crate::error::ApiError;

pub struct JsonBody(pub Value);

impl<S: Send + Sync> FromRequest<S> for JsonBody {
    type Rejection = ApiError;

    async fn from_request(req: Request, state: &S) -> Result<Self, ApiError> {
        // `Bytes` honours the router's DefaultBodyLimit.
        let bytes = Bytes::from_request(req, state).await.map_err(|r| {
            if r.status() == StatusCode::PAYLOAD_TOO_LARGE {
                ApiError::new(
                    StatusCode::PAYLOAD_TOO_LARGE,
                    codes::WRONG_DATA_TYPE,
                    "Request body too large",
                )
                .with_userinfo(json!({ "parameter": "body" }))
            } else {
                ApiError::wrong_type("body", "json")
            }
        })?;
        if bytes.iter().all(u8::is_ascii_whitespace) {
            return Ok(JsonBody(Value::Null));
        }
        serde_json::from_slice(&bytes).map(JsonBody).map_err(|e| {
            ApiError::new(
                StatusCode::BAD_REQUEST,
                codes::WRONG_DATA_TYPE,
                "Wrong Data Type",
            )
            .with_userinfo(json!({
                "parameter": "body",
                "type": "json",
                "detail": format!("line {} column {}", e.line(), e.column()),
            }))
        })
    }
}
