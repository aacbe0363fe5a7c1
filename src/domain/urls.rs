//! API paths and query strings, built here so the part that can be wrong is tested natively.

/// Percent-encodes a query or path component (RFC 3986 unreserved characters stay as is).
pub fn encode_component(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for b in s.bytes() {
        match b {
            b'A'..=b'Z' | b'a'..=b'z' | b'0'..=b'9' | b'-' | b'_' | b'.' | b'~' => {
                out.push(b as char)
            }
            _ => out.push_str(&format!("%{b:02X}")),
        }
    }
    out
}

/// Decodes `%XX` escapes like `decodeURIComponent` (a `+` stays a `+`). Invalid escapes and
/// invalid UTF-8 give `None`.
pub fn decode_component(s: &str) -> Option<String> {
    let bytes = s.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        if bytes[i] == b'%' {
            let hex = s.get(i + 1..i + 3)?;
            out.push(u8::from_str_radix(hex, 16).ok()?);
            i += 3;
        } else {
            out.push(bytes[i]);
            i += 1;
        }
    }
    String::from_utf8(out).ok()
}

/// Filters of `GET /stream`.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct StreamQuery {
    pub quantity: Option<u32>,
    /// 1-based.
    pub page: Option<u32>,
    /// `live`, `created`, `ended` or `locked`; `None` = all.
    pub state: Option<String>,
    /// AND-combined.
    pub tags: Vec<String>,
    /// Recordings and replay sessions per stream object (bintu-local honours it on the list
    /// too; an API that ignores it only sends more).
    pub asset_limit: Option<u32>,
}

impl StreamQuery {
    /// `/stream?quantity=..&page=..&state=..&tags[]=..`
    pub fn path(&self) -> String {
        let mut params: Vec<String> = Vec::new();
        if let Some(q) = self.quantity {
            params.push(format!("quantity={q}"));
        }
        if let Some(p) = self.page {
            params.push(format!("page={p}"));
        }
        if let Some(s) = &self.state {
            params.push(format!("state={}", encode_component(s)));
        }
        for t in &self.tags {
            params.push(format!("tags%5B%5D={}", encode_component(t)));
        }
        if let Some(n) = self.asset_limit {
            params.push(format!("asset_limit={n}"));
        }
        if params.is_empty() {
            "/stream".to_string()
        } else {
            format!("/stream?{}", params.join("&"))
        }
    }
}

/// `/stream/{id}` with an optional `asset_limit`.
pub fn stream_path(id: &str, asset_limit: Option<u32>) -> String {
    match asset_limit {
        Some(n) => format!("/stream/{}?asset_limit={n}", encode_component(id)),
        None => format!("/stream/{}", encode_component(id)),
    }
}

/// `/stream/{id}/{action}` for `tag`, `processing`, `lock`, `unlock`, `stop`, `group`.
pub fn stream_action_path(id: &str, action: &str) -> String {
    format!("/stream/{}/{action}", encode_component(id))
}

/// Appends a cache-busting parameter to a media URL that is overwritten in place. Inline
/// (`data:`) and `blob:` URLs are never cached and a query would corrupt them.
pub fn cache_busted(url: &str, token: i64) -> String {
    if url.starts_with("data:") || url.starts_with("blob:") {
        return url.to_string();
    }
    let sep = if url.contains('?') { '&' } else { '?' };
    format!("{url}{sep}t={token}")
}

#[cfg(test)]
mod tests;
