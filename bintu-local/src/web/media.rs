//! `/vod/*`: the media directory, read-only, with the content types of the formats the engine
//! writes, `no-cache` on files rewritten in place, and `<name>.mp4` resolved to the stream's
//! latest recording.

use axum::body::Body;
use axum::extract::{Request, State};
use axum::http::{header, HeaderValue, StatusCode};
use axum::response::{IntoResponse, Response};
use contract::media;
use tower::ServiceExt;
use tower_http::services::ServeDir;

use super::{files_failed, not_found, reads, shown, unservable};
use crate::error::ApiError;
use crate::server::AppState;

/// Content type for the media bintu-local writes; `None` leaves `ServeDir`'s guess.
fn media_type(path: &str) -> Option<&'static str> {
    let ext = path.rsplit_once('.').map(|(_, e)| e.to_ascii_lowercase())?;
    Some(match ext.as_str() {
        media::PICTURE_EXT | "jpeg" => "image/jpeg",
        media::MOTION_EXT => "image/gif",
        media::RECORDING_EXT => "video/mp4",
        media::PLAYLIST_EXT => "application/vnd.apple.mpegurl",
        media::SEGMENT_EXT => "video/mp2t",
        _ => return None,
    })
}

/// `/<name>.mp4` when no such file exists: the newest recording of stream `name`, which the
/// docs' recording URL names (bintu-api.md §3.5); the file itself stays per session.
fn recording_alias(state: &AppState, path: &str) -> Option<String> {
    let name = media::parse::latest_recording_name(path.strip_prefix('/')?)?;
    if state.config.media_dir().join(&path[1..]).is_file() {
        return None;
    }
    let conn = state.db.read();
    let file = crate::db::assets::latest_recording_file(&conn, name).ok()??;
    Some(format!("/{file}"))
}

/// `/vod/*` (nested, so the path arrives without the prefix): read-only media.
/// `ServeDir` rejects `..` traversal and serves byte ranges.
pub async fn media(State(state): State<AppState>, mut req: Request) -> Response {
    let path = req.uri().path().to_string();
    if unservable(&path) || !reads(&req) {
        return not_found(&format!("{}{path}", media::VOD));
    }
    if let Some(file) = recording_alias(&state, &path) {
        match file.parse() {
            Ok(uri) => *req.uri_mut() = uri,
            Err(e) => return ApiError::internal(e).into_response(),
        }
    }
    // Directories are not listed or redirected (a redirect would lose the `/vod` prefix).
    let files = ServeDir::new(state.config.media_dir()).append_index_html_on_directories(false);
    let mut res = match files.oneshot(req).await {
        Ok(res) => res.map(Body::new),
        Err(e) => return ApiError::internal(e).into_response(),
    };
    if files_failed(&res) {
        return ApiError::internal(format!("media file {}", shown(&path))).into_response();
    }
    if res.status() == StatusCode::NOT_FOUND {
        return not_found(&format!("{}{path}", media::VOD));
    }
    let h = res.headers_mut();
    if let Some(ct) = media_type(&path) {
        h.insert(header::CONTENT_TYPE, HeaderValue::from_static(ct));
    }
    if media::parse::rewritten_in_place(&path) {
        h.insert(header::CACHE_CONTROL, HeaderValue::from_static("no-cache"));
    }
    res
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn media_types_cover_every_output_format() {
        assert_eq!(media_type("/thumbnails/a-b.jpg"), Some("image/jpeg"));
        assert_eq!(media_type("/thumbnails/a-b.gif"), Some("image/gif"));
        assert_eq!(media_type("/a-b-1.mp4"), Some("video/mp4"));
        assert_eq!(
            media_type("/replay/a-b.m3u8"),
            Some("application/vnd.apple.mpegurl")
        );
        assert_eq!(media_type("/replay/a-b-17.ts"), Some("video/mp2t"));
        assert_eq!(media_type("/x.bin"), None);
    }
}
