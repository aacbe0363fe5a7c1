//! `GET /tag`: the organisation's tags over its visible streams, most used first. The
//! dashboard's automatic member labels ("Passthrough", "1. Transcode") are not tags a user
//! picked, so they are left out.

use axum::extract::State;
use axum::Json;

use super::auth::Caller;
use crate::db::streams;
use crate::error::ApiResult;
use crate::server::AppState;

fn is_member_label(tag: &str) -> bool {
    tag == "Passthrough"
        || tag
            .strip_suffix(". Transcode")
            .is_some_and(|n| !n.is_empty() && n.bytes().all(|b| b.is_ascii_digit()))
}

pub async fn list(State(state): State<AppState>, caller: Caller) -> ApiResult<Json<Vec<String>>> {
    let counts = streams::tag_counts(&state.db.read(), &caller.org.id)?;
    Ok(Json(
        counts
            .into_iter()
            .map(|(t, _)| t)
            .filter(|t| !is_member_label(t))
            .collect(),
    ))
}

#[cfg(test)]
mod tests {
    #[test]
    fn member_labels_are_recognised() {
        assert!(super::is_member_label("Passthrough"));
        assert!(super::is_member_label("2. Transcode"));
        assert!(!super::is_member_label(". Transcode"));
        assert!(!super::is_member_label("sport"));
    }
}
