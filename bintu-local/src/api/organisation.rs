//! `GET /organisation`: the caller's organisation, its enabled packages and (for admins)
//! its keys. The shape is the proposal of bintu-api.md §2.6.

use axum::Json;
use serde_json::{json, Value};

use super::auth::Caller;
use crate::db::orgs::Role;

pub async fn get_organisation(caller: Caller) -> Json<Value> {
    let org = &caller.org;
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
    // Only admins may see the organisation's keys (bintu-api.md §2.3 role matrix).
    if caller.role == Role::Admin {
        body["apikey"] = json!(org.apikey);
        body["playerkey"] = json!(org.playerkey);
    }
    Json(body)
}
