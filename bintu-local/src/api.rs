//! The Bintu REST surface: the handlers of each resource (`organisation`, `streams`,
//! `actions`, `tags`, `profiles`), what they share (`auth`, `body`, `query`, `validation`)
//! and the stream object's rendering (`render`, `assets`, `group`); `router` assembles them.

pub mod actions;
pub mod assets;
pub mod auth;
pub mod body;
pub mod group;
pub mod organisation;
pub mod profiles;
pub mod query;
pub mod render;
pub mod shape;
pub mod streams;
pub mod tags;
pub mod validation;

use axum::http::{Method, StatusCode, Uri};
use axum::routing::{get, put};
use axum::Router;
use contract::codes;
use serde_json::json;

use crate::error::ApiError;
use crate::server::AppState;

/// All API routes. Browser navigations to the same paths are answered by `web::spa_layer`.
pub fn router() -> Router<AppState> {
    Router::new()
        .route("/organisation", get(organisation::get_organisation))
        .route("/stream", get(streams::list).post(streams::create))
        .route("/stream/{id}", get(streams::get).delete(actions::delete))
        .route("/stream/{id}/group", get(streams::group))
        .route("/stream/{id}/tag", put(actions::tag))
        .route("/stream/{id}/processing", put(actions::processing))
        .route("/stream/{id}/lock", put(actions::lock))
        .route("/stream/{id}/unlock", put(actions::unlock))
        .route("/stream/{id}/stop", put(actions::stop))
        .route("/tag", get(tags::list))
        .route("/transcoding/profiles", get(profiles::list))
        .method_not_allowed_fallback(method_not_allowed)
}

/// A known path with the wrong method: a Bintu error body instead of axum's empty 405.
async fn method_not_allowed(method: Method, uri: Uri) -> ApiError {
    ApiError::new(
        StatusCode::METHOD_NOT_ALLOWED,
        codes::METHOD_NOT_ALLOWED,
        "Method not allowed",
    )
    .with_userinfo(json!({ "method": method.as_str(), "path": uri.path() }))
}
