//! The Bintu REST surface. Each submodule owns one resource; `router` assembles them.

pub mod auth;
pub mod json;
pub mod organisation;

use axum::routing::get;
use axum::Router;

use crate::server::AppState;

/// All API routes. Browser navigations to the same paths are answered by `web::spa_layer`.
pub fn router() -> Router<AppState> {
    Router::new().route("/organisation", get(organisation::get_organisation))
}
