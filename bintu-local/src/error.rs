//! The Bintu error body `{"error":{"message","code","userinfo"}}` and the codes bintu-local
//! answers with. Codes 1002–1004, 2001 and 4002 are Bintu's own; 1005, 2002, 3001 and 4001
//! are invented where the public docs are silent (CONTRACT.md) and marked so below.

use axum::http::{header, HeaderValue, StatusCode};
use axum::response::{IntoResponse, Response};
use serde_json::{json, Value};

/// An error answered to the client as a Bintu error body. Never a bare 500.
#[derive(Debug, Clone, PartialEq)]
pub struct ApiError {
    pub status: StatusCode,
    pub code: u32,
    pub message: String,
    pub userinfo: Option<Value>,
}

impl ApiError {
    pub fn new(status: StatusCode, code: u32, message: impl Into<String>) -> Self {
        Self {
            status,
            code,
            message: message.into(),
            userinfo: None,
        }
    }

    pub fn with_userinfo(mut self, userinfo: Value) -> Self {
        self.userinfo = Some(userinfo);
        self
    }

    pub fn parameter_required(parameter: &str) -> Self {
        Self::new(StatusCode::BAD_REQUEST, 1002, "Parameter required")
            .with_userinfo(json!({ "required_parameter": parameter }))
    }

    pub fn wrong_type(parameter: &str, expected: &str) -> Self {
        Self::new(StatusCode::BAD_REQUEST, 1004, "Wrong Data Type")
            .with_userinfo(json!({ "parameter": parameter, "type": expected }))
    }

    /// Invented code 1005.
    pub fn out_of_range(parameter: &str, min: Option<i64>, max: Option<i64>) -> Self {
        Self::new(StatusCode::BAD_REQUEST, 1005, "Parameter out of range")
            .with_userinfo(json!({ "parameter": parameter, "min": min, "max": max }))
    }

    pub fn access_denied() -> Self {
        Self::new(StatusCode::FORBIDDEN, 2001, "Access denied")
    }

    /// Invented code 2002.
    pub fn feature_not_enabled(feature: &str) -> Self {
        Self::new(
            StatusCode::FORBIDDEN,
            2002,
            "Organisation is not enabled for this feature",
        )
        .with_userinfo(json!({ "feature": feature }))
    }

    /// Invented code 3001. Also used for another organisation's stream: never leak existence.
    pub fn stream_not_found(id: &str) -> Self {
        Self::new(StatusCode::NOT_FOUND, 3001, "Stream not found")
            .with_userinfo(json!({ "stream_id": id }))
    }

    /// Invented code 4001; the key is masked in the body.
    pub fn apikey_not_valid(masked_key: &str) -> Self {
        Self::new(StatusCode::UNAUTHORIZED, 4001, "API key is not valid")
            .with_userinfo(json!({ "apikey": masked_key }))
    }

    pub fn credentials_not_valid(user: &str) -> Self {
        Self::new(
            StatusCode::UNAUTHORIZED,
            4002,
            "User Credentials are not valid",
        )
        .with_userinfo(json!({ "user": user }))
    }

    pub fn not_found(path: &str) -> Self {
        Self::new(StatusCode::NOT_FOUND, 1006, "Resource not found")
            .with_userinfo(json!({ "path": path }))
    }

    /// Storage or engine failure; logged with detail, answered without it.
    pub fn internal(detail: impl std::fmt::Display) -> Self {
        tracing::error!(%detail, "internal error");
        Self::new(
            StatusCode::SERVICE_UNAVAILABLE,
            5001,
            "Service temporarily unavailable",
        )
    }

    pub fn body(&self) -> Value {
        let mut error = json!({ "message": self.message, "code": self.code });
        if let Some(info) = &self.userinfo {
            error["userinfo"] = info.clone();
        }
        json!({ "error": error })
    }
}

impl From<rusqlite::Error> for ApiError {
    fn from(e: rusqlite::Error) -> Self {
        ApiError::internal(e)
    }
}

impl IntoResponse for ApiError {
    fn into_response(self) -> Response {
        let mut res = (self.status, self.body().to_string()).into_response();
        res.headers_mut().insert(
            header::CONTENT_TYPE,
            HeaderValue::from_static("application/json; charset=utf-8"),
        );
        res
    }
}

pub type ApiResult<T> = Result<T, ApiError>;
