//! Static files on the API's origin: the console build (with SPA fallback, precompressed
//! variants and long caching of hashed assets) and `/vod` media (`media`).
//! API paths and console routes overlap (`/stream/:id` is both), so a browser navigation —
//! a GET that accepts `text/html` and carries no Bintu credential — gets the console's
//! `index.html`, while API clients get JSON.

use std::path::Path;

use axum::body::Body;
use axum::extract::{Request, State};
use axum::http::{header, HeaderMap, HeaderValue, Method, StatusCode};
use axum::middleware::Next;
use axum::response::{IntoResponse, Response};
use contract::pages;
use tower::ServiceExt;
use tower_http::services::ServeDir;

use crate::api::auth::{APIKEY_HEADER, TOKEN_HEADER};
use crate::error::ApiError;
use crate::page_headers;
use crate::server::AppState;

fn is_navigation(req: &Request) -> bool {
    let accepts_html = req
        .headers()
        .get(header::ACCEPT)
        .and_then(|v| v.to_str().ok())
        .is_some_and(|v| v.contains("text/html"));
    let has_credential =
        req.headers().contains_key(APIKEY_HEADER) || req.headers().contains_key(TOKEN_HEADER);
    matches!(*req.method(), Method::GET | Method::HEAD) && accepts_html && !has_credential
}

/// Middleware on the API router: browser navigations get the console instead of JSON.
pub async fn spa_navigation(State(state): State<AppState>, req: Request, next: Next) -> Response {
    if is_navigation(&req) {
        if let Some(dist) = &state.config.dist {
            return index_html(dist, req.uri().path(), req.headers()).await;
        }
    }
    next.run(req).await
}

/// Longest request path served from disk, and longest segment: Linux refuses longer names
/// (`ENAMETOOLONG`), which `ServeDir` would answer with a bare 500 and an ERROR log line per
/// request. No file bintu-local serves comes near either.
const MAX_PATH_LEN: usize = 1024;
const MAX_SEGMENT_LEN: usize = 255;

/// A path that cannot name a file on disk: answered 404 without touching the file system.
/// `%00` (a NUL byte once decoded) is one too: `ServeDir` answers a HEAD for it with a 500.
fn unservable(path: &str) -> bool {
    path.len() > MAX_PATH_LEN
        || path.split('/').any(|s| s.len() > MAX_SEGMENT_LEN)
        || path.contains("%00")
}

/// Files are only read: any other method on them is "not found" with a Bintu body (instead
/// of `ServeDir`'s bare 405, or the console's page for a POST to `/`).
fn reads(req: &Request) -> bool {
    matches!(*req.method(), Method::GET | Method::HEAD)
}

/// `path` cut to a length worth echoing or logging.
fn shown(path: &str) -> String {
    path.chars().take(128).collect()
}

/// A Bintu 404 for `path`.
fn not_found(path: &str) -> Response {
    ApiError::not_found(&shown(path)).into_response()
}

/// `ServeDir`'s own answer when reading failed for a reason other than "not found" (an I/O
/// error): a bare 500, which becomes a Bintu error body.
fn files_failed(res: &Response) -> bool {
    res.status().is_server_error()
}

/// Anything no route matched: a console file, the console for a client route, or a Bintu 404.
pub async fn fallback(State(state): State<AppState>, req: Request) -> Response {
    let path = req.uri().path().to_string();
    if path == CONFIG_JSON {
        return config_json(&state.public_base);
    }
    let Some(dist) = state.config.dist.clone() else {
        return not_found(&path);
    };
    let navigation = is_navigation(&req);
    if unservable(&path) || !reads(&req) {
        return not_found(&path);
    }
    let request_headers = req.headers().clone();
    if let Some(replay) = page_file(&path) {
        return serve_page(&dist, replay, &request_headers).await;
    }
    // The build leaves `.br` and `.gz` beside each asset (scripts/compress-dist.sh): the
    // wasm goes out at about a third of its size without compressing on every request.
    let files = ServeDir::new(&dist).precompressed_br().precompressed_gzip();
    let mut res = match files.oneshot(req).await {
        Ok(res) => res.map(Body::new),
        Err(e) => return ApiError::internal(e).into_response(),
    };
    if files_failed(&res) {
        return ApiError::internal(format!("console file {}", shown(&path))).into_response();
    }
    if res.status() != StatusCode::NOT_FOUND {
        if page_headers::is_html(res.headers()) {
            // Any other HTML file: no inline script is allowed at all.
            page_headers::apply_to_page(res.headers_mut(), b"", in_replay_app(&path));
        }
        let h = res.headers_mut();
        h.insert(header::VARY, HeaderValue::from_static("accept-encoding"));
        if is_hashed_asset(&path) {
            h.insert(
                header::CACHE_CONTROL,
                HeaderValue::from_static("public, max-age=31536000, immutable"),
            );
        }
        return res;
    }
    if navigation {
        index_html(&dist, &path, &request_headers).await
    } else {
        not_found(&path)
    }
}

/// The console's runtime configuration, read once at its start.
const CONFIG_JSON: &str = "/config.json";

/// `/config.json` for a console served by this server: this server is the API and its media
/// host (generated, so `make run` needs no file in `dist/`); no official replayer.
fn config_json(public_base: &str) -> Response {
    let body = serde_json::json!({
        "apiUrl": public_base,
        "vodBaseUrl": format!("{public_base}{}", contract::media::VOD),
        "officialReplayerUrl": null,
    });
    let mut res = axum::Json(body).into_response();
    res.headers_mut()
        .insert(header::CACHE_CONTROL, HeaderValue::from_static("no-cache"));
    res
}

/// Trunk names built assets `<name>-<16 hex digits>.<ext>` (the wasm `…<hex>_bg.wasm`): a new
/// build is a new name, so those can be cached for good (`index.html`, which names them, is
/// `no-cache`).
fn is_hashed_asset(path: &str) -> bool {
    let file = path.rsplit('/').next().unwrap_or_default();
    let stem = file.rsplit_once('.').map_or("", |(stem, _)| stem);
    let stem = stem.strip_suffix("_bg").unwrap_or(stem);
    stem.rsplit_once('-')
        .is_some_and(|(_, hash)| hash.len() == 16 && hash.bytes().all(|b| b.is_ascii_hexdigit()))
}

/// Requests for the replay build's own files start with this.
fn in_replay_app(path: &str) -> bool {
    path.strip_prefix('/')
        .and_then(|p| p.strip_prefix(pages::REPLAY_APP))
        .is_some_and(|rest| rest.starts_with('/'))
}

/// The two builds' pages requested by their file paths (`/`, `/index.html` and the same
/// under `/<REPLAY_APP>/`): served like navigations, so their headers are computed from the
/// HTML. `Some(true)` for the replay build's page.
fn page_file(path: &str) -> Option<bool> {
    if matches!(path, "/" | "/index.html") {
        return Some(false);
    }
    let rest = path.strip_prefix('/')?.strip_prefix(pages::REPLAY_APP)?;
    matches!(rest, "/" | "/index.html").then_some(true)
}

/// The console's pages are one build (`index.html`); the public replay pages another,
/// smaller one in `dist/<REPLAY_APP>/` (the contract's `is_replay_page` makes the split for
/// both crates). A `dist/` without the replay build serves the console for everything.
async fn index_html(dist: &Path, path: &str, request: &HeaderMap) -> Response {
    let replay = pages::is_replay_page(path);
    let replay_index = dist.join(pages::REPLAY_APP).join("index.html");
    serve_page(dist, replay && replay_index.is_file(), request).await
}

/// An HTML page of the build (`html_page`: its headers, precompressed body); the replay
/// build's page may be embedded.
async fn serve_page(dist: &Path, replay: bool, request: &HeaderMap) -> Response {
    let file = if replay {
        dist.join(pages::REPLAY_APP).join("index.html")
    } else {
        dist.join("index.html")
    };
    html_page::respond(&file, replay, request).await
}

mod html_page;
mod media;
pub use media::media;

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_trunk_hashed_assets_are_immutable() {
        assert!(is_hashed_asset("/nano-console-7f4a2e047f702bcd_bg.wasm"));
        assert!(is_hashed_asset("/nano-console-7f4a2e047f702bcd.js"));
        assert!(is_hashed_asset("/streams-d43f54afaf40befa.css"));
        assert!(!is_hashed_asset("/index.html"));
        assert!(!is_hashed_asset("/public/vendor/hls.light.min.js"));
        assert!(!is_hashed_asset("/app-123.js"));
    }
}
