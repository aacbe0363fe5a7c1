//! Response headers that protect the pages: `X-Content-Type-Options: nosniff` on every
//! response, and on each HTML page `Cache-Control: no-cache` (it names the hashed assets of
//! one build) and a Content-Security-Policy. The console's pages may not be framed
//! (`frame-ancestors 'none'` and `X-Frame-Options: DENY`: clickjacking of the key-holding
//! console); the public replay pages are the embed target, so they may be.
//!
//! The policy allows what the two Leptos builds need and nothing more that a page could be
//! made to run: scripts only from this origin plus the inline bootstrap Trunk writes into
//! `index.html` (allowed by its SHA-256, computed from the file served, so every build
//! matches), wasm compilation (`'wasm-unsafe-eval'`), hls.js's `blob:` worker and media
//! source. Connections, images and media may go to any http(s) origin: the console talks to
//! whichever Bintu API it is pointed at and plays media from wherever that API says.

use axum::http::{header, HeaderMap, HeaderValue};
use base64::Engine;
use sha2::{Digest, Sha256};
use tower_http::set_header::SetResponseHeaderLayer;

/// `X-Content-Type-Options: nosniff` on every response (API, media, console files).
pub fn nosniff() -> SetResponseHeaderLayer<HeaderValue> {
    SetResponseHeaderLayer::overriding(
        header::X_CONTENT_TYPE_OPTIONS,
        HeaderValue::from_static("nosniff"),
    )
}

/// The contents of every inline `<script>` (one without `src`) in `html`.
fn inline_scripts(html: &str) -> Vec<&str> {
    let mut out = Vec::new();
    let mut rest = html;
    while let Some(start) = rest.find("<script") {
        rest = &rest[start..];
        let Some(open_end) = rest.find('>') else {
            break;
        };
        let open = &rest[..open_end];
        let body_start = open_end + 1;
        let Some(len) = rest[body_start..].find("</script") else {
            break;
        };
        if !open.contains(" src=") {
            out.push(&rest[body_start..body_start + len]);
        }
        rest = &rest[body_start + len..];
    }
    out
}

/// The policy for a page whose HTML is `html`; `embeddable` for the replay pages.
pub fn content_security_policy(html: &str, embeddable: bool) -> String {
    let b64 = base64::engine::general_purpose::STANDARD;
    let hashes: String = inline_scripts(html)
        .iter()
        .map(|s| format!(" 'sha256-{}'", b64.encode(Sha256::digest(s.as_bytes()))))
        .collect();
    let frame = if embeddable { "*" } else { "'none'" };
    format!(
        "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'{hashes}; \
         style-src 'self' 'unsafe-inline'; img-src 'self' data: blob: http: https:; \
         media-src 'self' blob: http: https:; connect-src 'self' http: https:; \
         worker-src 'self' blob:; font-src 'self' data:; object-src 'none'; \
         base-uri 'self'; form-action 'self'; frame-ancestors {frame}"
    )
}

/// `no-cache`, the policy and (console pages) the framing ban on an HTML page's response.
pub fn apply_to_page(h: &mut HeaderMap, html: &[u8], embeddable: bool) {
    h.insert(header::CACHE_CONTROL, HeaderValue::from_static("no-cache"));
    let csp = content_security_policy(&String::from_utf8_lossy(html), embeddable);
    if let Ok(v) = HeaderValue::from_str(&csp) {
        h.insert(header::CONTENT_SECURITY_POLICY, v);
    }
    if embeddable {
        h.remove(header::X_FRAME_OPTIONS);
    } else {
        h.insert(header::X_FRAME_OPTIONS, HeaderValue::from_static("DENY"));
    }
}

/// Whether a response is an HTML page (by its content type).
pub fn is_html(h: &HeaderMap) -> bool {
    h.get(header::CONTENT_TYPE)
        .and_then(|v| v.to_str().ok())
        .is_some_and(|v| v.starts_with("text/html"))
}

#[cfg(test)]
mod tests;
