//! Changes to an existing stream: `PUT /stream/{id}/tag`, `/processing`, `/lock`, `/unlock`,
//! `/stop` and `DELETE /stream/{id}`. Tags and processing need nanoUser; the rest nanoAdmin
//! (bintu-api.md §2.3). Lock, unlock, stop and delete act on the whole group and answer
//! with the stream, or an empty 200 in the documented shapes (`respond_action`).
//! The lookup up front answers 404/403 early; the change itself is one conditional write
//! (`db::transitions`), so a stream deleted between lookup and write stays deleted and the
//! late request answers 404 as if it had come after.

use axum::extract::State;
use axum::http::StatusCode;
use axum::response::Response;
use contract::codes;
use contract::state::StreamState;
use serde_json::{json, Value};

use super::auth::Caller;
use super::body::JsonBody;
use super::render::JsonOut;
use super::streams::{find, respond, respond_action, write, StreamId};
use super::validation;
use crate::db::orgs::Role;
use crate::db::streams::{self, StreamRow};
use crate::db::transitions::{self, sources};
use crate::error::{ApiError, ApiResult};
use crate::server::AppState;

fn lookup(state: &AppState, caller: &Caller, id: &str) -> ApiResult<StreamRow> {
    find(&state.db.read(), Some(&caller.org.id), id)
}

fn required<'a>(body: &'a Value, key: &str) -> ApiResult<&'a Value> {
    match body.get(key) {
        None | Some(Value::Null) => Err(ApiError::parameter_required(key)),
        Some(v) => Ok(v),
    }
}

/// `PUT /stream/{id}/tag` `{"tags":[..]}`: replaces that stream's tags (on the passthrough
/// id these are the group's top-level tags).
pub async fn tag(
    State(state): State<AppState>,
    caller: Caller,
    StreamId(id): StreamId,
    JsonBody(body): JsonBody,
) -> ApiResult<JsonOut> {
    caller.require(Role::User)?;
    let me = lookup(&state, &caller, &id)?;
    validation::object(&body)?;
    let tags = validation::tags(Some(required(&body, "tags")?), "tags")?;
    let gone = ApiError::stream_not_found(&id);
    write(&state, move |conn| {
        match transitions::set_tags(conn, &me.id, &tags)? {
            0 => Err(gone),
            _ => Ok(()),
        }
    })
    .await?;
    respond(&state, &id)
}

/// `PUT /stream/{id}/processing`: `{"processing":[proc..]}` replaces this member's list;
/// on a group id `{"processing":[[..],[..]]}` replaces every member's list at once
/// (members not given get `[]`). While live, the lists wait for the next publish.
pub async fn processing(
    State(state): State<AppState>,
    caller: Caller,
    StreamId(id): StreamId,
    JsonBody(body): JsonBody,
) -> ApiResult<JsonOut> {
    caller.require(Role::User)?;
    let me = lookup(&state, &caller, &id)?;
    validation::object(&body)?;
    let v = required(&body, "processing")?;
    let nested = v
        .as_array()
        .and_then(|l| l.first())
        .is_some_and(Value::is_array);
    let lists: Vec<(String, Value)> = if nested {
        if me.member_index != 0 {
            return Err(ApiError::wrong_type(
                "processing",
                "array of process objects (the nested form needs the group id)",
            ));
        }
        let members = streams::group_members(&state.db.read(), &me.group_id)?;
        let outer = v.as_array().map(Vec::as_slice).unwrap_or_default();
        if outer.len() > members.len() {
            return Err(ApiError::out_of_range(
                "processing",
                Some(0),
                Some(members.len() as i64),
            ));
        }
        let mut lists = Vec::with_capacity(members.len());
        for (i, m) in members.iter().enumerate() {
            let list = match outer.get(i) {
                Some(l) => validation::process_list(l, &format!("processing[{i}]"))?,
                None => json!([]),
            };
            lists.push((m.id.clone(), list));
        }
        lists
    } else {
        vec![(me.id.clone(), validation::process_list(v, "processing")?)]
    };
    let any = lists
        .iter()
        .any(|(_, l)| l.as_array().is_some_and(|l| !l.is_empty()));
    if any && !caller.org.processing {
        return Err(ApiError::feature_not_enabled("processing"));
    }
    let gone = ApiError::stream_not_found(&id);
    write(&state, move |conn| {
        match transitions::set_processing(conn, &lists)? {
            false => Err(gone),
            true => Ok(()),
        }
    })
    .await?;
    respond(&state, &id)
}

/// Stop on a stream that is not being published (an invented code).
fn not_live(id: &str) -> ApiError {
    ApiError::new(
        StatusCode::BAD_REQUEST,
        codes::STREAM_NOT_LIVE,
        "Stream is not live",
    )
    .with_userinfo(json!({ "stream_id": id }))
}

/// `PUT /stream/{id}/stop`: ends a live ingest (the ingest then sets `ended`).
pub async fn stop(
    State(state): State<AppState>,
    caller: Caller,
    StreamId(id): StreamId,
) -> ApiResult<Response> {
    caller.require(Role::Admin)?;
    let me = lookup(&state, &caller, &id)?;
    let stopped = state.live.stop(&me.group_id);
    if !stopped && me.state != StreamState::Live {
        return Err(not_live(&id));
    }
    if !stopped {
        // `live` in the database but no publisher registered (e.g. the server was killed
        // mid-publish): nothing to stop, so repair the state instead of leaving it stuck.
        let group = me.group_id.clone();
        let err = not_live(&id);
        write(&state, move |conn| {
            match transitions::change(conn, &group, &[StreamState::Live], StreamState::Ended)? {
                0 => Err(err),
                _ => Ok(()),
            }
        })
        .await?;
    }
    tracing::info!(stream = %me.group_id, stopped, "stop requested");
    respond_action(&state, &id)
}

/// Moves the group to `to` from every state `step` takes there, in one conditional write,
/// and ends a live ingest of it. A group that is in none of them (deleted meanwhile) is
/// not found.
async fn set_state(
    state: &AppState,
    me: &StreamRow,
    id: &str,
    step: fn(StreamState) -> StreamState,
    to: StreamState,
) -> ApiResult<()> {
    let group = me.group_id.clone();
    let gone = ApiError::stream_not_found(id);
    write(state, move |conn| {
        match transitions::change(conn, &group, &sources(step, to), to)? {
            0 => Err(gone),
            _ => Ok(()),
        }
    })
    .await?;
    state.live.stop(&me.group_id);
    tracing::info!(stream = %me.group_id, state = %to, "group state changed");
    Ok(())
}

/// `PUT /stream/{id}/lock`: refuses further ingest; a live ingest is stopped.
pub async fn lock(
    State(state): State<AppState>,
    caller: Caller,
    StreamId(id): StreamId,
) -> ApiResult<Response> {
    caller.require(Role::Admin)?;
    let me = lookup(&state, &caller, &id)?;
    set_state(&state, &me, &id, StreamState::lock, StreamState::Locked).await?;
    respond_action(&state, &id)
}

/// `PUT /stream/{id}/unlock`: back to `ended` if it was ever published, else `created`.
/// Unlocking a stream that is not locked changes nothing; a deleted one is not found.
pub async fn unlock(
    State(state): State<AppState>,
    caller: Caller,
    StreamId(id): StreamId,
) -> ApiResult<Response> {
    caller.require(Role::Admin)?;
    let me = lookup(&state, &caller, &id)?;
    let group = me.group_id.clone();
    let gone = ApiError::stream_not_found(&id);
    write(&state, move |conn| {
        if transitions::unlock(conn, &group)? > 0 {
            return Ok(());
        }
        match transitions::group_state(conn, &group)? {
            None | Some(StreamState::Deleted) => Err(gone),
            Some(_) => Ok(()),
        }
    })
    .await?;
    respond_action(&state, &id)
}

/// `DELETE /stream/{id}`: hidden from lists and lookups from now on; its media is purged
/// after the grace period (`storage`).
pub async fn delete(
    State(state): State<AppState>,
    caller: Caller,
    StreamId(id): StreamId,
) -> ApiResult<Response> {
    caller.require(Role::Admin)?;
    let me = lookup(&state, &caller, &id)?;
    set_state(&state, &me, &id, StreamState::delete, StreamState::Deleted).await?;
    respond_action(&state, &id)
}
