//! The stream object (bintu-api.md §2.2, CONTRACT.md "Stream object additions"). Data is
//! gathered under one database lock (`load`), then rendered without it. Top-level fields
//! describe the requested member; `playout` lists the whole group, passthrough first.
//! Rendering borrows from the rows into typed structs serialised straight to bytes: no
//! intermediate `serde_json::Value` tree, which was most of a GET's cost.
//! `Ctx::shape` selects the shape: the documented one leaves out every field the public docs
//! do not show (member `streamname`/`profile`/`processing_pending` on `h5live[]`, the h5live
//! extras on `rtmp[]`, `hls[].index`; assets as in `assets`).

use axum::http::{header, HeaderValue};
use axum::response::{IntoResponse, Response};
use contract::media;
use serde::Serialize;
use serde_json::Value;

use super::assets::{self, Asset, WebEntry};
pub use super::group::{json_of, label, load, Ctx, GroupData, Parsed};
use crate::db::streams::StreamRow;
use crate::error::ApiError;

#[derive(Serialize)]
pub struct Rtmp<'a> {
    url: &'a str,
    streamname: &'a str,
}

#[derive(Serialize)]
struct Info {
    width: i64,
    height: i64,
    bitrate: i64,
    fps: i64,
}

#[derive(Serialize)]
pub struct MemberEntry<'a> {
    id: &'a str,
    index: i64,
    #[serde(skip_serializing_if = "Option::is_none")]
    streamname: Option<&'a str>,
    #[serde(rename = "type")]
    kind: &'static str,
    #[serde(skip_serializing_if = "Option::is_none")]
    label: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    info: Option<Info>,
    #[serde(skip_serializing_if = "Option::is_none")]
    rtmp: Option<Rtmp<'a>>,
    #[serde(skip_serializing_if = "Option::is_none")]
    url: Option<&'a str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    profile: Option<&'a str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    tags: Option<&'a Value>,
    #[serde(skip_serializing_if = "Option::is_none")]
    processing: Option<&'a Value>,
    #[serde(skip_serializing_if = "Option::is_none")]
    processing_pending: Option<&'a Value>,
}

/// A member's entry in `h5live[]` (`rtmp_list` false) or `rtmp[]` (true). Documented:
/// h5live entries as in the docs (`id, index, type, tags, processing, label, rtmp, info`),
/// rtmp entries `id, url, streamname, type, index, processing`.
fn member_entry<'a>(
    m: &'a StreamRow,
    p: &'a Parsed,
    ctx: &'a Ctx,
    rtmp_list: bool,
) -> MemberEntry<'a> {
    let private = |v: &'a Value| (!ctx.public).then_some(v);
    let documented = ctx.documented();
    let h5live_fields = !(documented && rtmp_list);
    MemberEntry {
        id: &m.id,
        index: m.member_index,
        streamname: (!documented || rtmp_list).then_some(&m.name),
        kind: "live",
        label: h5live_fields.then(|| label(m.member_index)),
        info: h5live_fields.then_some(Info {
            width: m.width,
            height: m.height,
            bitrate: m.bitrate,
            fps: m.fps,
        }),
        rtmp: h5live_fields.then_some(Rtmp {
            url: &ctx.rtmp_base,
            streamname: &m.name,
        }),
        url: rtmp_list.then_some(ctx.rtmp_base.as_str()),
        profile: m.profile.as_deref().filter(|_| !documented),
        tags: private(&p.tags).filter(|_| h5live_fields),
        processing: private(&p.processing),
        processing_pending: p.pending.as_ref().and_then(private).filter(|_| !documented),
    }
}

#[derive(Serialize)]
pub struct Hls {
    url: String,
    #[serde(rename = "type")]
    kind: &'static str,
    #[serde(skip_serializing_if = "Option::is_none")]
    index: Option<i64>,
}

#[derive(Serialize)]
pub struct Playout<'a> {
    h5live: Vec<MemberEntry<'a>>,
    rtmp: Vec<MemberEntry<'a>>,
    hls: Vec<Hls>,
    #[serde(skip_serializing_if = "Option::is_none")]
    web: Option<Vec<WebEntry<'a>>>,
    #[serde(skip_serializing_if = "Option::is_none")]
    thumbnails: Option<Vec<Asset<'a>>>,
    #[serde(skip_serializing_if = "Option::is_none")]
    motionclip: Option<Vec<Asset<'a>>>,
    #[serde(skip_serializing_if = "Option::is_none")]
    replay: Option<Vec<Asset<'a>>>,
}

#[derive(Serialize)]
pub struct StreamObject<'a> {
    id: &'a str,
    streamgroup: &'a str,
    state: &'a str,
    #[serde(rename = "type")]
    kind: &'static str,
    created_at: &'a str,
    #[serde(skip_serializing_if = "Option::is_none")]
    tags: Option<&'a Value>,
    transcoding: bool,
    webrtc: bool,
    ingest: Ingest<'a>,
    playout: Playout<'a>,
}

#[derive(Serialize)]
pub struct Ingest<'a> {
    rtmp: Rtmp<'a>,
}

/// The parsed JSON columns of every member, in member order; borrowed by the render.
pub fn parse_all(g: &GroupData) -> Vec<Parsed> {
    g.members.iter().map(Parsed::of).collect()
}

fn playout<'a>(
    g: &'a GroupData,
    parsed: &'a [Parsed],
    ctx: &'a Ctx,
    me: usize,
    full: bool,
) -> Playout<'a> {
    let members = || g.members.iter().zip(parsed);
    let hls = g
        .members
        .iter()
        .map(|m| Hls {
            url: media::url(&ctx.public_base, &media::replay_playlist(&m.name, None)),
            kind: "live",
            index: (!ctx.documented()).then_some(m.member_index),
        })
        .collect();
    Playout {
        h5live: members()
            .map(|(m, p)| member_entry(m, p, ctx, false))
            .collect(),
        rtmp: members()
            .map(|(m, p)| member_entry(m, p, ctx, true))
            .collect(),
        hls,
        web: full.then(|| assets::web(g, &parsed[me], me, ctx)),
        thumbnails: full.then(|| assets::images(g, parsed, ctx, "thumbs")),
        motionclip: full.then(|| assets::images(g, parsed, ctx, "motionclip")),
        replay: full.then(|| assets::replay(g, parsed, ctx)),
    }
}

/// The stream object of member `requested` (an id of `g.members`; the passthrough if not).
pub fn stream_object<'a>(
    g: &'a GroupData,
    parsed: &'a [Parsed],
    requested: &str,
    ctx: &'a Ctx,
) -> StreamObject<'a> {
    let i = g
        .members
        .iter()
        .position(|m| m.id == requested)
        .unwrap_or(0);
    let me = &g.members[i];
    StreamObject {
        id: &me.id,
        streamgroup: &me.group_id,
        state: me.state.as_str(),
        kind: "low-latency",
        created_at: &me.created_at,
        tags: (!ctx.public).then_some(&parsed[i].tags),
        transcoding: g.members.len() > 1,
        webrtc: false,
        ingest: Ingest {
            rtmp: Rtmp {
                url: &ctx.rtmp_base,
                streamname: &me.name,
            },
        },
        playout: playout(g, parsed, ctx, i, true),
    }
}

#[derive(Serialize)]
pub struct GroupObject<'a> {
    id: &'a str,
    state: &'a str,
    playout: Playout<'a>,
}

/// `GET /stream/{id}/group`: `{id, state, playout:{rtmp, hls, h5live}}`.
pub fn group_object<'a>(g: &'a GroupData, parsed: &'a [Parsed], ctx: &'a Ctx) -> GroupObject<'a> {
    let first = &g.members[0];
    GroupObject {
        id: &first.group_id,
        state: first.state.as_str(),
        playout: playout(g, parsed, ctx, 0, false),
    }
}

/// A JSON 200 response serialised once, straight from borrowed structs.
pub struct JsonOut(Vec<u8>);

impl JsonOut {
    pub fn of<T: Serialize>(v: &T) -> Result<JsonOut, ApiError> {
        serde_json::to_vec(v)
            .map(JsonOut)
            .map_err(ApiError::internal)
    }
}

impl IntoResponse for JsonOut {
    fn into_response(self) -> Response {
        let mut res = self.0.into_response();
        res.headers_mut().insert(
            header::CONTENT_TYPE,
            HeaderValue::from_static("application/json; charset=utf-8"),
        );
        res
    }
}

/// The stream object of `requested`, serialised.
pub fn stream_json(g: &GroupData, requested: &str, ctx: &Ctx) -> Result<JsonOut, ApiError> {
    let parsed = parse_all(g);
    JsonOut::of(&stream_object(g, &parsed, requested, ctx))
}

/// `GET /stream`'s array: each group's passthrough object, serialised.
pub fn list_json(groups: &[GroupData], ctx: &Ctx) -> Result<JsonOut, ApiError> {
    let parsed: Vec<Vec<Parsed>> = groups.iter().map(parse_all).collect();
    let objects: Vec<StreamObject> = groups
        .iter()
        .zip(&parsed)
        .map(|(g, p)| stream_object(g, p, &g.members[0].id, ctx))
        .collect();
    JsonOut::of(&objects)
}

/// The group object, serialised.
pub fn group_json(g: &GroupData, ctx: &Ctx) -> Result<JsonOut, ApiError> {
    let parsed = parse_all(g);
    JsonOut::of(&group_object(g, &parsed, ctx))
}
