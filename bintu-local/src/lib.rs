//! bintu-local: a Bintu-compatible API on one machine, so the console runs and is tested
//! offline for real. This crate root wires the modules; `server::serve` is the entry point
//! used by the binary and by the integration tests (which bind port 0).

pub mod api;
pub mod config;
pub mod db;
pub mod engine;
pub mod error;
pub mod guard;
pub mod http;
pub mod ids;
pub mod ingest;
pub mod limits;
pub mod live;
pub mod page_headers;
pub mod public_url;
pub mod publish;
pub mod server;
pub mod storage;
pub mod web;

pub use config::Config;
pub use server::{serve, AppState, Running};
