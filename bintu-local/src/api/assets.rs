//! Asset lists of the stream object: the live entry and recordings in `playout.web[]`,
//! thumbnails and motion clips, and replay entries. A file-backed asset is listed only when
//! its file exists, so counts are 0 before the first session and a client never gets a URL
//! that answers 404. In the documented shape (`Ctx::documented`) entries carry only the
//! docs' keys (bintu-api.md §3.5): no `session`/`size`, no replay playlists, `index`
//! numbered by position as in the docs' `web[]` example, the latest recording at
//! `/vod/<name>.mp4`.

use serde::Serialize;
use serde_json::Value;

use super::render::{Ctx, GroupData, Parsed};
use crate::db::assets::SessionTracks;
use crate::db::streams::StreamRow;
use contract::media as paths;
use contract::pages;

/// Any asset entry; absent optional fields are left out.
#[derive(Serialize)]
pub struct Asset<'a> {
    url: String,
    #[serde(rename = "type")]
    kind: &'static str,
    #[serde(rename = "streamId")]
    stream_id: &'a str,
    #[serde(skip_serializing_if = "Option::is_none")]
    streamname: Option<&'a str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    index: Option<i64>,
    #[serde(rename = "createdAt", skip_serializing_if = "Option::is_none")]
    created_at: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    session: Option<i64>,
    #[serde(skip_serializing_if = "Option::is_none")]
    size: Option<i64>,
    #[serde(skip_serializing_if = "std::ops::Not::not")]
    latest: bool,
    #[serde(skip_serializing_if = "std::ops::Not::not")]
    abr: bool,
    /// [P] The tracks the session carried and why outputs are missing (`None`: not known).
    #[serde(skip_serializing_if = "Option::is_none")]
    tracks: Option<Tracks>,
}

/// `{"video":false,"audio":true,"note":"No video in this session: …"}` on a session's
/// recording and replay entries; a field not known is left out.
#[derive(Serialize)]
pub struct Tracks {
    #[serde(skip_serializing_if = "Option::is_none")]
    video: Option<bool>,
    #[serde(skip_serializing_if = "Option::is_none")]
    audio: Option<bool>,
    #[serde(skip_serializing_if = "Option::is_none")]
    note: Option<String>,
}

fn tracks(t: &SessionTracks) -> Option<Tracks> {
    (t.video.is_some() || t.audio.is_some() || t.note.is_some()).then(|| Tracks {
        video: t.video,
        audio: t.audio,
        note: t.note.clone(),
    })
}

impl<'a> Asset<'a> {
    fn new(m: &'a StreamRow, kind: &'static str, url: String) -> Asset<'a> {
        Asset {
            url,
            kind,
            stream_id: &m.id,
            streamname: Some(&m.name),
            index: Some(m.member_index),
            created_at: None,
            session: None,
            size: None,
            latest: false,
            abr: false,
            tracks: None,
        }
    }
}

/// The live playout entry of the requested member (bintu-api.md §2.2, S2).
#[derive(Serialize)]
pub struct LiveEntry<'a> {
    url: String,
    #[serde(rename = "type")]
    kind: &'static str,
    #[serde(rename = "streamId")]
    stream_id: &'a str,
    id: &'a str,
    #[serde(rename = "createdAt")]
    created_at: &'a str,
    #[serde(rename = "pushUrl")]
    push_url: Option<()>,
    opcode: Option<()>,
    #[serde(skip_serializing_if = "Option::is_none")]
    processing: Option<&'a Value>,
    #[serde(skip_serializing_if = "Option::is_none")]
    tags: Option<&'a Value>,
}

#[derive(Serialize)]
#[serde(untagged)]
pub enum WebEntry<'a> {
    Live(LiveEntry<'a>),
    Vod(Asset<'a>),
}

/// File modification time as Bintu writes times, or `None` when the file is missing.
fn mtime_iso(ctx: &Ctx, path: &str) -> Option<String> {
    let modified = std::fs::metadata(ctx.media_dir.join(path))
        .ok()?
        .modified()
        .ok()?;
    let fmt = time::macros::format_description!(
        "[year]-[month]-[day]T[hour]:[minute]:[second].[subsecond digits:3]Z"
    );
    time::OffsetDateTime::from(modified).format(&fmt).ok()
}

/// `playout.web[]`: the live entry of member `me`, then recordings (member order, newest
/// first within a member). Documented: a recording is `{url, type, createdAt, streamId,
/// index}` with `index` its position in this array (the docs' recording carries 1 after the
/// live entry), and each member's latest one has the docs' URL `/vod/<name>.mp4`.
pub fn web<'a>(g: &'a GroupData, p: &'a Parsed, me: usize, ctx: &'a Ctx) -> Vec<WebEntry<'a>> {
    let m = &g.members[me];
    let mut out = vec![WebEntry::Live(LiveEntry {
        url: format!("{}/stream/{}", ctx.public_base, m.id),
        kind: "live",
        stream_id: &m.id,
        id: &m.id,
        created_at: &m.created_at,
        push_url: None,
        opcode: None,
        processing: (!ctx.public).then_some(&p.processing),
        tags: (!ctx.public).then_some(&p.tags),
    })];
    for (m, recs) in g.members.iter().zip(&g.recordings) {
        for (i, r) in recs.iter().enumerate() {
            let mut a = Asset::new(m, "vod", paths::url(&ctx.public_base, &r.file));
            a.created_at = Some(r.created_at.clone());
            if ctx.documented() {
                if i == 0 {
                    a.url = paths::url(&ctx.public_base, &paths::latest_recording(&m.name));
                }
                a.streamname = None;
                a.index = Some(out.len() as i64);
            } else {
                a.session = Some(r.session_ms);
                a.size = Some(r.size);
                a.tracks = tracks(&r.tracks);
            }
            out.push(WebEntry::Vod(a));
        }
    }
    out
}

/// Thumbnails (`process` = "thumbs", JPEG) or motion clips ("motionclip", GIF) of members
/// whose current processing has the process and whose file exists.
pub fn images<'a>(g: &'a GroupData, parsed: &[Parsed], ctx: &Ctx, process: &str) -> Vec<Asset<'a>> {
    let (kind, path_of): (&str, fn(&str) -> String) = if process == "thumbs" {
        ("image", paths::thumbnail)
    } else {
        ("gif", paths::motionclip)
    };
    let mut out = Vec::new();
    for (m, p) in g.members.iter().zip(parsed) {
        if !p.has(process) {
            continue;
        }
        let path = path_of(&m.name);
        if let Some(created) = mtime_iso(ctx, &path) {
            let mut a = Asset::new(m, kind, paths::url(&ctx.public_base, &path));
            if ctx.documented() {
                // The docs' thumbnail and GIF entries: url, type, streamId, streamname.
                a.index = None;
            } else {
                a.created_at = Some(created);
            }
            out.push(a);
        }
    }
    out
}

/// Per member with replay: the demo-page entry, the latest playlist, one entry per session
/// playlist (latest first); on the passthrough of a group also the `-abr` playlists.
/// Documented: only the demo-page entries, `index` numbered by position as in the docs.
pub fn replay<'a>(g: &'a GroupData, parsed: &[Parsed], ctx: &Ctx) -> Vec<Asset<'a>> {
    if ctx.documented() {
        let with_replay = g
            .members
            .iter()
            .zip(parsed)
            .filter(|(_, p)| p.has("replay"));
        return with_replay
            .enumerate()
            .map(|(i, (m, _))| Asset {
                index: Some(i as i64),
                ..Asset::new(m, "playout", demo_page(ctx, &m.name))
            })
            .collect();
    }
    let mut out = Vec::new();
    let group = g.members.len() > 1;
    for ((m, sessions), p) in g.members.iter().zip(&g.sessions).zip(parsed) {
        let hls = |path: &str| Asset::new(m, "hls", paths::url(&ctx.public_base, path));
        if p.has("replay") {
            out.push(Asset::new(m, "playout", demo_page(ctx, &m.name)));
            let latest = paths::replay_playlist(&m.name, None);
            if ctx.file_exists(&latest) {
                out.push(Asset {
                    latest: true,
                    ..hls(&latest)
                });
            }
        }
        for s in sessions.iter().filter(|s| s.had_replay) {
            let path = paths::replay_playlist(&m.name, Some(s.session_ms));
            if ctx.file_exists(&path) {
                let created_at = Some(s.started_at.clone());
                out.push(Asset {
                    session: Some(s.session_ms),
                    created_at,
                    tracks: tracks(&s.tracks),
                    ..hls(&path)
                });
            }
        }
        if group && m.member_index == 0 {
            let latest = paths::replay_playlist(&paths::abr_name(&m.name), None);
            if ctx.file_exists(&latest) {
                out.push(Asset {
                    latest: true,
                    abr: true,
                    ..hls(&latest)
                });
            }
            for s in &g.abr_sessions {
                let path = paths::replay_playlist(&paths::abr_name(&m.name), Some(s.session_ms));
                if ctx.file_exists(&path) {
                    let created_at = Some(s.started_at.clone());
                    out.push(Asset {
                        session: Some(s.session_ms),
                        created_at,
                        abr: true,
                        ..hls(&path)
                    });
                }
            }
        }
    }
    out
}

/// The replay demo page of `name` on this server (the docs' entry points at nanocosmos' demo).
fn demo_page(ctx: &Ctx, name: &str) -> String {
    let clip = pages::replay_link(pages::REPLAY_CLIP, name, None);
    format!("{}{clip}", ctx.public_base)
}
