//! JSON request bodies with Bintu error bodies for every rejection: malformed JSON, wrong
//! types, wrong content type or a body over the limit never reach a handler or a 5xx.

use axum::extract::rejection::JsonRejection;
use axum::extract::{FromRequest, Request};
use axum::http::StatusCode;
use serde::de::DeserializeOwned;
use serde_json::json;

use crate::error::ApiError;

/// Like `axum::Json`, but rejections are Bintu errors (400/1004, or 413 for size).
pub struct BintuJson<T>(pub T);

impl<S, T> FromRequest<S> for BintuJson<T>
where
    T: DeserializeOwned,
    S: Send + Sync,
{
    type Rejection = ApiError;

    async fn from_request(req: Request, state: &S) -> Result<Self, ApiError> {
        match axum::Json::<T>::from_request(req, state).await {
            Ok(axum::Json(v)) => Ok(BintuJson(v)),
            Err(rejection) => Err(map_rejection(rejection)),
        }
    }
}

fn map_rejection(rejection: JsonRejection) -> ApiError {
    let detail = rejection.body_text();
    if rejection.status() == StatusCode::PAYLOAD_TOO_LARGE {
        return ApiError::new(
            StatusCode::PAYLOAD_TOO_LARGE,
            1004,
            "Request body too large",
        )
        .with_userinfo(json!({ "parameter": "body" }));
    }
    let kind = match rejection {
        JsonRejection::MissingJsonContentType(_) => "application/json",
        JsonRejection::JsonSyntaxError(_) => "json",
        _ => "object",
    };
    ApiError::new(StatusCode::BAD_REQUEST, 1004, "Wrong Data Type")
        .with_userinfo(json!({ "parameter": "body", "type": kind, "detail": detail }))
}
