//! Asset lists of the stream object: recordings in `playout.web[]`, thumbnails and motion
//! clips, and replay entries. An asset is listed only when its file exists, so counts are 0
//! before the first session and a client never gets a URL that answers 404.

use serde_json::{json, Value};

use super::render::{json_of, Ctx, GroupData};
use crate::media_paths as paths;

fn has_process(processing: &str, id: &str) -> bool {
    json_of(processing)
        .as_array()
        .is_some_and(|l| l.iter().any(|p| p["id"] == id))
}

/// File modification time as Bintu writes times, or `None` when unavailable.
fn mtime_iso(ctx: &Ctx, path: &str) -> Option<String> {
    let modified = std::fs::metadata(ctx.media_dir.join(path))
        .ok()?
        .modified()
        .ok()?;
    let t = time::OffsetDateTime::from(modified);
    let fmt = time::macros::format_description!(
        "[year]-[month]-[day]T[hour]:[minute]:[second].[subsecond digits:3]Z"
    );
    t.format(&fmt).ok()
}

/// `type:"vod"` entries, member order, newest first within a member.
pub fn recordings(g: &GroupData, ctx: &Ctx) -> Vec<Value> {
    let mut out = Vec::new();
    for (m, recs) in g.members.iter().zip(&g.recordings) {
        for r in recs {
            out.push(json!({
                "url": paths::url(&ctx.public_base, &r.file), "type": "vod",
                "streamId": m.id, "streamname": m.name, "index": m.member_index,
                "createdAt": r.created_at, "session": r.session_ms, "size": r.size,
            }));
        }
    }
    out
}

/// Thumbnails (`process` = "thumbs", JPEG) or motion clips ("motionclip", GIF) of members
/// whose current processing has the process and whose file exists.
pub fn images(g: &GroupData, ctx: &Ctx, process: &str) -> Vec<Value> {
    let (kind, path_of): (&str, fn(&str) -> String) = if process == "thumbs" {
        ("image", paths::thumbnail)
    } else {
        ("gif", paths::motionclip)
    };
    let mut out = Vec::new();
    for m in &g.members {
        if !has_process(&m.processing, process) {
            continue;
        }
        let path = path_of(&m.name);
        if let Some(created) = mtime_iso(ctx, &path) {
            out.push(json!({
                "url": paths::url(&ctx.public_base, &path), "type": kind,
                "streamId": m.id, "streamname": m.name, "index": m.member_index,
                "createdAt": created,
            }));
        }
    }
    out
}

/// Per member with replay: the demo-page entry, the latest playlist, one entry per session
/// playlist (latest first); on the passthrough of a group also the `-abr` playlists.
pub fn replay(g: &GroupData, ctx: &Ctx) -> Vec<Value> {
    let mut out = Vec::new();
    let group = g.members.len() > 1;
    for (m, sessions) in g.members.iter().zip(&g.sessions) {
        let base = json!({ "streamId": m.id, "streamname": m.name, "index": m.member_index });
        let entry = |extra: Value| {
            let mut e = base.clone();
            for (k, v) in extra.as_object().into_iter().flatten() {
                e[k] = v.clone();
            }
            e
        };
        if has_process(&m.processing, "replay") {
            out.push(entry(json!({
                "type": "playout",
                "url": format!("{}/replay/clip?streamname={}", ctx.public_base, m.name),
            })));
            let latest = paths::replay_current(&m.name);
            if ctx.file_exists(&latest) {
                out.push(entry(json!({"type": "hls", "latest": true, "url": paths::url(&ctx.public_base, &latest)})));
            }
        }
        for s in sessions.iter().filter(|s| s.had_replay) {
            let path = paths::replay_session(&m.name, s.session_ms);
            if ctx.file_exists(&path) {
                out.push(entry(json!({
                    "type": "hls", "url": paths::url(&ctx.public_base, &path),
                    "session": s.session_ms, "createdAt": s.started_at,
                })));
            }
        }
        if group && m.member_index == 0 {
            let latest = paths::replay_abr_current(&m.name);
            if ctx.file_exists(&latest) {
                out.push(entry(json!({"type": "hls", "latest": true, "abr": true, "url": paths::url(&ctx.public_base, &latest)})));
            }
            for s in &g.abr_sessions {
                let path = paths::replay_abr_session(&m.name, s.session_ms);
                if ctx.file_exists(&path) {
                    out.push(entry(json!({
                        "type": "hls", "abr": true, "url": paths::url(&ctx.public_base, &path),
                        "session": s.session_ms, "createdAt": s.started_at,
                    })));
                }
            }
        }
    }
    out
}
