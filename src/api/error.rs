//! `ApiError`: `Clone` (so `LocalResource<Result<_, ApiError>>` can be awaited) and carrying
//! Bintu's `{error:{code,message,userinfo}}` when the API sent one.

use serde::Deserialize;
use serde_json::Value;

#[derive(Clone, Debug, PartialEq)]
pub enum ApiError {
    /// The request never got an answer: offline, DNS, CORS refused, server down.
    Network(String),
    /// A non-2xx answer. `code`/`userinfo` come from Bintu's error body when present.
    Http {
        status: u16,
        code: Option<i64>,
        message: String,
        userinfo: Option<Value>,
    },
    /// A 2xx answer whose body was not what the console expected.
    Decode(String),
}

#[derive(Deserialize)]
struct ErrorEnvelope {
    error: ErrorBody,
}

#[derive(Deserialize)]
struct ErrorBody {
    #[serde(default)]
    message: Option<String>,
    #[serde(default)]
    code: Option<i64>,
    #[serde(default)]
    userinfo: Option<Value>,
}

impl ApiError {
    /// Builds the error for a non-2xx answer from its status and raw body.
    pub fn from_response(status: u16, body: &str) -> Self {
        match serde_json::from_str::<ErrorEnvelope>(body) {
            Ok(ErrorEnvelope { error }) => ApiError::Http {
                status,
                code: error.code,
                message: error.message.unwrap_or_else(|| default_message(status)),
                userinfo: error.userinfo,
            },
            Err(_) => ApiError::Http {
                status,
                code: None,
                message: default_message(status),
                userinfo: None,
            },
        }
    }

    pub fn status(&self) -> Option<u16> {
        match self {
            ApiError::Http { status, .. } => Some(*status),
            _ => None,
        }
    }

    pub fn code(&self) -> Option<i64> {
        match self {
            ApiError::Http { code, .. } => *code,
            _ => None,
        }
    }

    pub fn is_unauthorized(&self) -> bool {
        self.status() == Some(401)
    }

    /// A sentence for the user: the API's message plus the range or parameter it names.
    pub fn user_message(&self) -> String {
        match self {
            ApiError::Network(_) => {
                "Could not reach the API. Check the API URL and your connection.".into()
            }
            ApiError::Decode(detail) => format!("The API sent an unexpected answer ({detail})."),
            ApiError::Http {
                message, userinfo, ..
            } => {
                let detail = userinfo.as_ref().and_then(describe_userinfo);
                match detail {
                    Some(d) => format!("{message} ({d})"),
                    None => message.clone(),
                }
            }
        }
    }
}

impl std::fmt::Display for ApiError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.user_message())
    }
}

impl std::error::Error for ApiError {}

fn default_message(status: u16) -> String {
    match status {
        401 => "Not signed in or the credential is not valid".into(),
        403 => "Access denied".into(),
        404 => "Not found".into(),
        _ => format!("The API answered with HTTP {status}"),
    }
}

/// Renders the helpful parts of `userinfo`: the parameter and its allowed range.
fn describe_userinfo(info: &Value) -> Option<String> {
    let param = info.get("parameter").and_then(Value::as_str);
    let min = info.get("min").and_then(Value::as_i64);
    let max = info.get("max").and_then(Value::as_i64);
    match (param, min, max) {
        (Some(p), Some(lo), Some(hi)) => Some(format!("{p}: allowed {lo}–{hi}")),
        (Some(p), Some(lo), None) => Some(format!("{p}: at least {lo}")),
        (Some(p), None, _) => Some(p.to_string()),
        _ => info
            .get("feature")
            .and_then(Value::as_str)
            .map(|f| format!("feature: {f}")),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn decodes_bintu_error_bodies_with_their_range() {
        let e = ApiError::from_response(
            400,
            r#"{"error":{"message":"Parameter out of range","code":1005,
                "userinfo":{"parameter":"processing[0][0].interval","min":10,"max":3600}}}"#,
        );
        assert_eq!(e.code(), Some(1005));
        assert_eq!(
            e.user_message(),
            "Parameter out of range (processing[0][0].interval: allowed 10–3600)"
        );
    }

    #[test]
    fn non_bintu_bodies_still_give_a_sentence() {
        let e = ApiError::from_response(502, "<html>bad gateway</html>");
        assert_eq!(e.user_message(), "The API answered with HTTP 502");
        assert!(ApiError::from_response(401, "").is_unauthorized());
        let key = ApiError::from_response(
            401,
            r#"{"error":{"message":"API key is not valid","code":4001,"userinfo":{"apikey":"ab****"}}}"#,
        );
        assert_eq!(key.user_message(), "API key is not valid");
    }
}
