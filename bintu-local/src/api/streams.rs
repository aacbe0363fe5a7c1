//! `POST /stream`, `GET /stream`, `GET /stream/{id}` and `GET /stream/{id}/group`, plus the
//! helpers the stream actions share: the `{id}` extractor, org-scoped lookup (another
//! organisation's stream is "not found", never "forbidden") and off-runtime writes.

use axum::extract::{FromRequestParts, Path, RawQuery, State};
use axum::http::request::Parts;
use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use rusqlite::Connection;
use serde_json::{json, Value};

use super::auth::{Caller, MaybeCaller};
use super::body::JsonBody;
use super::render::{self, Ctx, GroupData, JsonOut};
use super::{profiles, query, validation};
use crate::db::orgs::Role;
use crate::db::streams::{self, NewMember, StreamRow};
use crate::error::{ApiError, ApiResult};
use crate::server::AppState;

/// Longest id looked up; longer ones cannot exist (UUIDs are 36 characters).
const MAX_ID_LEN: usize = 64;

/// The `{id}` path segment. Undecodable or absurd ids are simply "not found".
pub struct StreamId(pub String);

impl FromRequestParts<AppState> for StreamId {
    type Rejection = ApiError;

    async fn from_request_parts(parts: &mut Parts, state: &AppState) -> Result<Self, ApiError> {
        match Path::<String>::from_request_parts(parts, state).await {
            Ok(Path(id)) if id.len() <= MAX_ID_LEN => Ok(StreamId(id)),
            Ok(Path(id)) => Err(ApiError::stream_not_found(
                &id.chars().take(MAX_ID_LEN).collect::<String>(),
            )),
            Err(_) => Err(ApiError::stream_not_found("")),
        }
    }
}

/// The visible stream `id` of the caller's organisation (any organisation when `org` is
/// `None`), or 404 3001.
pub fn find(conn: &Connection, org: Option<&str>, id: &str) -> ApiResult<StreamRow> {
    streams::member(conn, org, id)?.ok_or_else(|| ApiError::stream_not_found(id))
}

/// Runs a write on a blocking thread: commits wait for fsync (`synchronous=FULL`), which
/// must not stall the async workers that serve reads.
pub async fn write<T: Send + 'static>(
    state: &AppState,
    f: impl FnOnce(&mut Connection) -> ApiResult<T> + Send + 'static,
) -> ApiResult<T> {
    state.db.try_write(f).await.map_err(ApiError::internal)?
}

/// The stream object of member `id` after an action (deleted members included).
pub fn respond(state: &AppState, id: &str) -> ApiResult<JsonOut> {
    let conn = state.db.read();
    let me = streams::member_any_state(&conn, id)?.ok_or_else(|| ApiError::stream_not_found(id))?;
    let g = render::load(&conn, &me.group_id, query::DEFAULT_ASSET_LIMIT)?;
    drop(conn);
    render::stream_json(&g, &me.id, &Ctx::new(state, false))
}

/// The answer to DELETE, lock, unlock and stop: the stream object (full shape) or, as the
/// docs promise no body for these, 200 with an empty body (documented shapes).
pub fn respond_action(state: &AppState, id: &str) -> ApiResult<Response> {
    if state.config.api_shape.documented() {
        return Ok(StatusCode::OK.into_response());
    }
    respond(state, id).map(IntoResponse::into_response)
}

/// `POST /stream` `{tags?, transcodes?:[{profile,tags}], processing?:[[proc..]..]}`.
pub async fn create(
    State(state): State<AppState>,
    caller: Caller,
    JsonBody(body): JsonBody,
) -> ApiResult<JsonOut> {
    caller.require(Role::User)?;
    let obj = validation::object(&body)?;
    let mut members = vec![NewMember {
        profile: None,
        tags: validation::tags(obj.get("tags"), "tags")?,
        processing: json!([]),
    }];
    members.extend(profiles::transcodes(obj.get("transcodes"))?);
    match obj.get("processing") {
        None | Some(Value::Null) => {}
        Some(Value::Array(outer)) => {
            if outer.len() > members.len() {
                return Err(ApiError::out_of_range(
                    "processing",
                    Some(0),
                    Some(members.len() as i64),
                ));
            }
            for (i, list) in outer.iter().enumerate() {
                members[i].processing =
                    validation::process_list(list, &format!("processing[{i}]"))?;
            }
        }
        Some(_) => return Err(ApiError::wrong_type("processing", "array of process lists")),
    }
    if members.len() > 1 && !caller.org.transcoding {
        return Err(ApiError::feature_not_enabled("transcoding"));
    }
    let any_processing = members
        .iter()
        .any(|m| m.processing.as_array().is_some_and(|l| !l.is_empty()));
    if any_processing && !caller.org.processing {
        return Err(ApiError::feature_not_enabled("processing"));
    }
    let (org_id, hash) = (caller.org.id.clone(), caller.org.hash.clone());
    let rows = write(&state, move |conn| {
        Ok(streams::create_group(conn, &org_id, &hash, &members)?)
    })
    .await?;
    tracing::info!(stream = %rows[0].id, members = rows.len(), org = %caller.org.hash, "stream created");
    let g = GroupData::fresh(rows);
    let id = g.members[0].id.clone();
    render::stream_json(&g, &id, &Ctx::new(&state, false))
}

/// `GET /stream`: the organisation's groups (passthrough objects), newest first.
pub async fn list(
    State(state): State<AppState>,
    caller: Caller,
    RawQuery(q): RawQuery,
) -> ApiResult<JsonOut> {
    let mut filter = query::list_filter(q.as_deref())?;
    if state.config.api_shape.documented() {
        // `page` is this project's proposal; the docs know only `quantity`.
        filter.page = 1;
    }
    let limit = query::asset_limit(q.as_deref())?;
    let conn = state.db.read();
    let groups = streams::list_groups(&conn, &caller.org.id, &filter)?
        .iter()
        .map(|row| render::load(&conn, &row.group_id, limit))
        .collect::<rusqlite::Result<Vec<_>>>()?;
    drop(conn);
    let ctx = Ctx::new(&state, false);
    render::list_json(&groups, &ctx)
}

fn load_visible(
    state: &AppState,
    caller: &MaybeCaller,
    id: &str,
    limit: u32,
) -> ApiResult<(StreamRow, GroupData)> {
    let org = caller.0.as_ref().map(|c| c.org.id.as_str());
    let conn = state.db.read();
    let me = find(&conn, org, id)?;
    let g = render::load(&conn, &me.group_id, limit)?;
    Ok((me, g))
}

/// `GET /stream/{id}`; without credentials the player view.
pub async fn get(
    State(state): State<AppState>,
    caller: MaybeCaller,
    StreamId(id): StreamId,
    RawQuery(q): RawQuery,
) -> ApiResult<JsonOut> {
    let limit = query::asset_limit(q.as_deref())?;
    let (me, g) = load_visible(&state, &caller, &id, limit)?;
    render::stream_json(&g, &me.id, &Ctx::new(&state, caller.0.is_none()))
}

/// `GET /stream/{id}/group`: `{id, state, playout:{rtmp, hls, h5live}}`.
pub async fn group(
    State(state): State<AppState>,
    caller: MaybeCaller,
    StreamId(id): StreamId,
) -> ApiResult<JsonOut> {
    let (_, g) = load_visible(&state, &caller, &id, 0)?;
    render::group_json(&g, &Ctx::new(&state, caller.0.is_none()))
}
