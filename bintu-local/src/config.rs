//! Runtime configuration shared by the HTTP server, the ingest and the media engine.

use std::net::{IpAddr, Ipv4Addr};
use std::path::PathBuf;
use std::time::Duration;

use crate::storage::plan::Policy;

use crate::api::shape::ApiShape;

/// Where bintu-local listens and keeps its files.
#[derive(Clone, Debug)]
pub struct Config {
    /// Data directory: `bintu.sqlite3` plus `media/` (served under `/vod`).
    pub data_dir: PathBuf,
    /// Console build to serve at `/` (Trunk's `dist/`); `None` serves the API only.
    pub dist: Option<PathBuf>,
    pub host: IpAddr,
    /// HTTP port; 0 picks a free one (tests).
    pub port: u16,
    /// RTMP ingest port; 0 picks a free one (tests).
    pub rtmp_port: u16,
    /// Largest accepted request body, in bytes; larger bodies get a Bintu error, not a 5xx.
    pub body_limit: usize,
    /// The response shapes: this project's full contract or only what the docs show.
    pub api_shape: ApiShape,
    /// `--public-url`: the base of the URLs the API hands out; `None` follows each
    /// request's `Host` (`public_url`).
    pub public_url: Option<String>,
    /// What the storage pass removes (`storage::plan`), and how often it runs.
    pub retention: Policy,
    pub retention_every: Duration,
    /// Connection, time and buffer limits of the listeners.
    pub limits: crate::limits::Limits,
}

impl Config {
    /// A configuration on loopback with free ports, for tests and benchmarks.
    pub fn ephemeral(data_dir: PathBuf) -> Self {
        Self {
            data_dir,
            dist: None,
            host: IpAddr::V4(Ipv4Addr::LOCALHOST),
            port: 0,
            rtmp_port: 0,
            body_limit: 64 * 1024,
            api_shape: ApiShape::Full,
            public_url: None,
            retention: Policy::default(),
            retention_every: Duration::from_secs(600),
            limits: Default::default(),
        }
    }

    pub fn db_path(&self) -> PathBuf {
        self.data_dir.join("bintu.sqlite3")
    }

    pub fn media_dir(&self) -> PathBuf {
        self.data_dir.join("media")
    }
}
