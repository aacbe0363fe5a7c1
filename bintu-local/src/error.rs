//! The Bintu error body `{"error":{"message","code","userinfo"}}` and the codes bintu-local
//! answers with. The codes, and which of them this project invented, are the contract's
//! (`contract::codes`).

use axum::http::{header, HeaderValue, StatusCode};
use axum::response::{IntoResponse, Response};
use contract::codes::{
    ACCESS_DENIED, APIKEY_NOT_VALID, CREDENTIALS_NOT_VALID, FEATURE_NOT_ENABLED, OUT_OF_RANGE,
    PARAMETER_REQUIRED, RESOURCE_NOT_FOUND, SERVICE_UNAVAILABLE, STREAM_NOT_FOUND, WRONG_DATA_TYPE,
};
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
        Self::new(
            StatusCode::BAD_REQUEST,
            PARAMETER_REQUIRED,
            "Parameter required",
        )
        .with_userinfo(json!({ "required_parameter": parameter }))
    }

    pub fn wrong_type(parameter: &str, expected: &str) -> Self {
        Self::new(StatusCode::BAD_REQUEST, WRONG_DATA_TYPE, "Wrong Data Type")
            .with_userinfo(json!({ "parameter": parameter, "type": expected }))
    }

    pub fn out_of_range(parameter: &str, min: Option<i64>, max: Option<i64>) -> Self {
        Self::new(
            StatusCode::BAD_REQUEST,
            OUT_OF_RANGE,
            "Parameter out of range",
        )
        .with_userinfo(json!({ "parameter": parameter, "min": min, "max": max }))
    }

    pub fn access_denied() -> Self {
        Self::new(StatusCode::FORBIDDEN, ACCESS_DENIED, "Access denied")
    }

    pub fn feature_not_enabled(feature: &str) -> Self {
        Self::new(
            StatusCode::FORBIDDEN,
            FEATURE_NOT_ENABLED,
            "Organisation is not enabled for this feature",
        )
        .with_userinfo(json!({ "feature": feature }))
    }

    /// Also used for another organisation's stream: never leak existence.
    pub fn stream_not_found(id: &str) -> Self {
        Self::new(StatusCode::NOT_FOUND, STREAM_NOT_FOUND, "Stream not found")
            .with_userinfo(json!({ "stream_id": id }))
    }

    /// The key is masked in the body.
    pub fn apikey_not_valid(masked_key: &str) -> Self {
        Self::new(
            StatusCode::UNAUTHORIZED,
            APIKEY_NOT_VALID,
            "API key is not valid",
        )
        .with_userinfo(json!({ "apikey": masked_key }))
    }

    pub fn credentials_not_valid(user: &str) -> Self {
        Self::new(
            StatusCode::UNAUTHORIZED,
            CREDENTIALS_NOT_VALID,
            "User Credentials are not valid",
        )
        .with_userinfo(json!({ "user": user }))
    }

    pub fn not_found(path: &str) -> Self {
        Self::new(
            StatusCode::NOT_FOUND,
            RESOURCE_NOT_FOUND,
            "Resource not found",
        )
        .with_userinfo(json!({ "path": path }))
    }

    /// Storage or engine failure; logged with detail, answered without it.
    pub fn internal(detail: impl std::fmt::Display) -> Self {
        tracing::error!(%detail, "internal error");
        Self::new(
            StatusCode::SERVICE_UNAVAILABLE,
            SERVICE_UNAVAILABLE,
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
