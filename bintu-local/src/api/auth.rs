//! Who is calling: an organisation API key (`X-BINTU-APIKEY`, full rights) or a user token
//! (`X-BINTU-TOKEN`, the user's role). Keys are never logged; errors carry them masked.

use axum::extract::FromRequestParts;
use axum::http::request::Parts;
use axum::http::StatusCode;
use contract::codes;

use crate::db::orgs::{self, Org, Role};
use crate::error::ApiError;
use crate::ids::mask;
use crate::server::AppState;

pub const APIKEY_HEADER: &str = "x-bintu-apikey";
pub const TOKEN_HEADER: &str = "x-bintu-token";

/// An authenticated caller: its organisation and its role in it.
#[derive(Clone, Debug)]
pub struct Caller {
    pub org: Org,
    pub role: Role,
}

impl Caller {
    /// Fails with 403/2001 when the caller's role is below `min`.
    pub fn require(&self, min: Role) -> Result<(), ApiError> {
        if self.role >= min {
            Ok(())
        } else {
            Err(ApiError::access_denied())
        }
    }
}

/// Resolves the credential headers; `Ok(None)` when none was sent.
pub fn resolve(parts: &Parts, state: &AppState) -> Result<Option<Caller>, ApiError> {
    let header = |name| {
        parts
            .headers
            .get(name)
            .map(|v| v.to_str().unwrap_or("").trim().to_string())
    };
    if let Some(key) = header(APIKEY_HEADER) {
        let org = orgs::org_by_apikey(&state.db.read(), &key)?;
        return match org {
            Some(org) => Ok(Some(Caller {
                org,
                role: Role::Admin,
            })),
            None => {
                // Masked: a log line must never carry a usable key.
                tracing::info!(apikey = %mask(&key), "API key rejected");
                Err(ApiError::apikey_not_valid(&mask(&key)))
            }
        };
    }
    if let Some(token) = header(TOKEN_HEADER) {
        let conn = state.db.read();
        let user = orgs::user_by_token(&conn, &token)?.ok_or_else(|| {
            tracing::info!(token = %mask(&token), "user token rejected");
            ApiError::credentials_not_valid(&mask(&token))
        })?;
        let org = orgs::org_by_id(&conn, &user.org_id)?
            .ok_or_else(|| ApiError::credentials_not_valid(&mask(&token)))?;
        return Ok(Some(Caller {
            org,
            role: user.role,
        }));
    }
    Ok(None)
}

impl FromRequestParts<AppState> for Caller {
    type Rejection = ApiError;

    async fn from_request_parts(parts: &mut Parts, state: &AppState) -> Result<Self, ApiError> {
        resolve(parts, state)?.ok_or_else(|| {
            ApiError::new(
                StatusCode::UNAUTHORIZED,
                codes::PARAMETER_REQUIRED,
                "Parameter required",
            )
            .with_userinfo(serde_json::json!({ "required_parameter": "X-BINTU-APIKEY" }))
        })
    }
}

/// A caller that may be anonymous (the player's unauthenticated `GET /stream/{id}`).
/// Wrong credentials still fail: a typo must not silently downgrade to the public view.
pub struct MaybeCaller(pub Option<Caller>);

impl FromRequestParts<AppState> for MaybeCaller {
    type Rejection = ApiError;

    async fn from_request_parts(parts: &mut Parts, state: &AppState) -> Result<Self, ApiError> {
        resolve(parts, state).map(MaybeCaller)
    }
}
