//! One HTML page of the console build (`index.html`, the replay build's `index.html`) as a
//! response: its security headers (`page_headers`, computed from the plain HTML) and its body
//! in the best encoding the browser accepts among the `.br` and `.gz` the release build
//! leaves beside it (scripts/compress-dist.sh). The pages inline the shared styles (they
//! paint the static shell without waiting for a request), so sent raw they would cost a
//! first visit ~12-17 KB more than the same bytes brotli-compressed.

use std::path::{Path, PathBuf};
use std::time::SystemTime;

use axum::body::Body;
use axum::http::{header, HeaderMap, HeaderValue};
use axum::response::{IntoResponse, Response};

use crate::error::ApiError;
use crate::page_headers;

/// The encodings the build precompresses, best first: (Content-Encoding, file suffix).
const ENCODINGS: [(&str, &str); 2] = [("br", "br"), ("gzip", "gz")];

/// Whether `accept` (an `Accept-Encoding` value) allows `coding`: named (or `*`) without
/// `q=0`. An explicit entry for the coding wins over `*`.
pub fn accepts(accept: &str, coding: &str) -> bool {
    let mut star = None;
    for item in accept.split(',') {
        let mut parts = item.split(';');
        let name = parts.next().unwrap_or_default().trim();
        let allowed = parts.all(|p| {
            let p = p.trim();
            p.strip_prefix("q=")
                .is_none_or(|q| q.trim().parse::<f32>().map_or(true, |q| q > 0.0))
        });
        if name.eq_ignore_ascii_case(coding) {
            return allowed;
        }
        if name == "*" {
            star = Some(allowed);
        }
    }
    star.unwrap_or(false)
}

/// When `path` was last written, in whole seconds: gzip and brotli give the variant its
/// page's time cut to the second (scripts/compress-dist.sh).
fn modified(path: &Path) -> Option<u64> {
    let time = std::fs::metadata(path).and_then(|m| m.modified()).ok()?;
    time.duration_since(SystemTime::UNIX_EPOCH)
        .ok()
        .map(|d| d.as_secs())
}

/// The precompressed variant of `file` to send for `accept`: one the browser accepts and no
/// older than the page (a stale one would not match the policy computed from the page).
/// A page rewritten within the same second as its variants is not told apart; a build is not.
fn variant(file: &Path, accept: &str) -> Option<(&'static str, PathBuf)> {
    let page_time = modified(file)?;
    ENCODINGS.iter().find_map(|&(coding, suffix)| {
        if !accepts(accept, coding) {
            return None;
        }
        let mut name = file.as_os_str().to_owned();
        name.push(format!(".{suffix}"));
        let path = PathBuf::from(name);
        (modified(&path)? >= page_time).then_some((coding, path))
    })
}

/// The page at `file`, `no-cache`, under its policy (`embeddable` for the replay pages),
/// compressed when the request's headers accept a variant the build left beside it.
pub async fn respond(file: &Path, embeddable: bool, request: &HeaderMap) -> Response {
    let html = match tokio::fs::read(file).await {
        Ok(bytes) => bytes,
        Err(e) => {
            return ApiError::internal(format!("console {}: {e}", file.display())).into_response()
        }
    };
    let mut h = HeaderMap::new();
    h.insert(
        header::CONTENT_TYPE,
        HeaderValue::from_static("text/html; charset=utf-8"),
    );
    h.insert(header::VARY, HeaderValue::from_static("accept-encoding"));
    page_headers::apply_to_page(&mut h, &html, embeddable);
    let accept = request
        .get(header::ACCEPT_ENCODING)
        .and_then(|v| v.to_str().ok())
        .unwrap_or_default();
    let mut body = html;
    if let Some((coding, path)) = variant(file, accept) {
        // Unreadable variant (removed since the check): the plain page is still right.
        if let Ok(bytes) = tokio::fs::read(&path).await {
            h.insert(header::CONTENT_ENCODING, HeaderValue::from_static(coding));
            body = bytes;
        }
    }
    let mut res = Body::from(body).into_response();
    res.headers_mut().extend(h);
    res
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn accept_encoding_is_read_with_its_weights() {
        let chromium = "gzip, deflate, br, zstd";
        assert!(accepts(chromium, "br") && accepts(chromium, "gzip"));
        assert!(!accepts("gzip", "br"));
        assert!(!accepts("", "gzip"));
        assert!(!accepts("br;q=0, gzip", "br"));
        assert!(accepts("br;q=0.5", "br"));
        assert!(accepts("*", "br"));
        assert!(!accepts("*, br;q=0", "br"));
        assert!(accepts("identity;q=0, BR", "br"));
    }
}
