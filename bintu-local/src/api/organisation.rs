//! `GET /organisation`: the caller's organisation, its enabled packages and (for admins)
//! its keys. The shape is the proposal of bintu-api.md §2.6. The path exists on the real
//! API but its body is documented nowhere: the documented shape answers 404, the
//! documented-org shape only the `name` and `hash` the dashboard docs show. The full shape
//! adds `usage` (bytes of media on disk: recordings, replay, thumbnails, total) and
//! `retention` (the server's settings), `[P]` fields the real API does not have.

use axum::extract::State;
use axum::response::{IntoResponse, Response};
use axum::Json;
use serde_json::json;

use super::auth::Caller;
use super::shape::ApiShape;
use crate::db::orgs::Role;
use crate::error::ApiError;
use crate::server::AppState;
use crate::storage;

/// The organisation's media usage, measured now on a blocking thread (a directory walk);
/// `None` if that failed (the field is then `null`, and the failure logged once).
async fn usage(state: &AppState, org_id: &str) -> Option<storage::Usage> {
    let (db, media, org) = (
        state.db.clone(),
        state.config.media_dir(),
        org_id.to_string(),
    );
    let measured =
        tokio::task::spawn_blocking(move || storage::org_usage(&db.read(), &media, &org));
    match measured.await {
        Ok(Ok(u)) => Some(u),
        Ok(Err(e)) => {
            tracing::warn!(error = %e, "organisation usage not measured");
            None
        }
        Err(e) => {
            tracing::warn!(error = %e, "organisation usage not measured");
            None
        }
    }
}

pub async fn get_organisation(State(state): State<AppState>, caller: Caller) -> Response {
    let org = &caller.org;
    match state.config.api_shape {
        ApiShape::Full => {}
        ApiShape::Documented => return ApiError::not_found("/organisation").into_response(),
        ApiShape::DocumentedOrg => {
            return Json(json!({ "name": org.name, "hash": org.hash })).into_response()
        }
    }
    let p = org.processing;
    let mut body = json!({
        "id": org.id,
        "name": org.name,
        "hash": org.hash,
        "created_at": org.created_at,
        "role": caller.role,
        "webhook": null,
        "vodPublic": true,
        "supportLevel": "basic",
        "analyticsLevel": "basic",
        "features": {
            "processing": { "enabled": p, "thumbs": p, "motionclip": p, "replay": p, "rec": p },
            "transcoding": org.transcoding,
            "h5live": true, "webcaster": false, "captions": false,
            "metadata": false, "secure": false, "vod": false
        }
    });
    let r = &state.config.retention;
    body["usage"] = json!(usage(&state, &org.id).await);
    body["retention"] = json!({
        "days": r.retain_days,
        "bytes": r.retain_bytes,
        "deletedPurgeHours": r.purge_deleted_after.as_secs() / 3600,
    });
    // Only admins may see the organisation's keys (bintu-api.md §2.3 role matrix).
    if caller.role == Role::Admin {
        body["apikey"] = json!(org.apikey);
        body["playerkey"] = json!(org.playerkey);
    }
    Json(body).into_response()
}
