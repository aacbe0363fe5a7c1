//! The bases of every URL the API hands out (`http://host:port` for assets and players,
//! `rtmp://host:port/live` for ingest). `--public-url` fixes them; without it they follow
//! the request's `Host` header, so a server bound to `0.0.0.0` answers a client that
//! reached it as `192.168.1.20:8090` with URLs on `192.168.1.20`, never on `0.0.0.0`.
//! The middleware puts the request's bases in a task-local (`current`), which saves passing
//! the request down to every renderer.

use std::net::SocketAddr;
use std::str::FromStr;

use axum::extract::{Request, State};
use axum::http::header::HOST;
use axum::http::uri::Authority;
use axum::middleware::Next;
use axum::response::Response;

use crate::server::AppState;

/// The two bases for one request.
#[derive(Clone, Debug, PartialEq)]
pub struct Bases {
    pub http: String,
    pub rtmp: String,
}

tokio::task_local! {
    static BASES: Bases;
}

/// Checks a `--public-url` value: `http(s)://host[:port][/path]`, no query or credentials;
/// returns it without a trailing `/`.
pub fn parse_public_url(s: &str) -> Result<String, String> {
    let uri = axum::http::Uri::from_str(s.trim()).map_err(|e| format!("{s}: {e}"))?;
    let scheme_ok = matches!(uri.scheme_str(), Some("http" | "https"));
    let auth = uri.authority().ok_or(format!("{s}: needs a host"))?;
    if !scheme_ok || auth.as_str().contains('@') || uri.query().is_some() {
        return Err(format!("{s}: expected http(s)://host[:port][/path]"));
    }
    Ok(s.trim().trim_end_matches('/').to_string())
}

/// The host a client named, if it is a plain `host[:port]` (no credentials, no junk).
fn client_authority(host: Option<&str>) -> Option<Authority> {
    let host = host?.trim();
    if host.is_empty() || host.len() > 255 || host.contains('@') {
        return None;
    }
    Authority::from_str(host).ok()
}

/// The host part of an `http(s)://host[:port]…` base (IPv6 keeps its brackets).
fn host_of(base: &str) -> Option<String> {
    let uri = axum::http::Uri::from_str(base).ok()?;
    uri.authority().map(|a| a.host().to_string())
}

/// The bases for a request that named `host`: `--public-url` if given, else the `Host`
/// header, else the address the server is bound to (an unspecified one becomes loopback).
pub fn for_request(
    public_url: Option<&str>,
    host: Option<&str>,
    http: SocketAddr,
    rtmp: SocketAddr,
) -> Bases {
    let rtmp_port = rtmp.port();
    if let Some(base) = public_url {
        let h = host_of(base).unwrap_or_else(|| loopback_if_unspecified(http).ip().to_string());
        return Bases {
            http: base.to_string(),
            rtmp: format!("rtmp://{h}:{rtmp_port}/live"),
        };
    }
    match client_authority(host) {
        Some(a) => Bases {
            http: format!("http://{a}"),
            rtmp: format!("rtmp://{}:{rtmp_port}/live", a.host()),
        },
        None => Bases {
            http: format!("http://{}", loopback_if_unspecified(http)),
            rtmp: format!("rtmp://{}/live", loopback_if_unspecified(rtmp)),
        },
    }
}

fn loopback_if_unspecified(mut a: SocketAddr) -> SocketAddr {
    if a.ip().is_unspecified() {
        a.set_ip(match a {
            SocketAddr::V4(_) => std::net::Ipv4Addr::LOCALHOST.into(),
            SocketAddr::V6(_) => std::net::Ipv6Addr::LOCALHOST.into(),
        });
    }
    a
}

/// Middleware: the request's bases, for `current` in its handler.
pub async fn scope(State(state): State<AppState>, req: Request, next: Next) -> Response {
    let host = req.headers().get(HOST).and_then(|v| v.to_str().ok());
    let bases = for_request(
        state.config.public_url.as_deref(),
        host,
        state.http_addr,
        state.rtmp_addr,
    );
    BASES.scope(bases, next.run(req)).await
}

/// The bases of the request being handled; outside a request (none in the task), those
/// of a request without `Host`.
pub fn current(state: &AppState) -> Bases {
    BASES.try_with(Bases::clone).unwrap_or_else(|_| {
        let public = state.config.public_url.as_deref();
        for_request(public, None, state.http_addr, state.rtmp_addr)
    })
}

#[cfg(test)]
mod tests;
