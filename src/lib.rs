//! nano-console: the live-processing console for nanoStream Cloud, a Leptos CSR app.
//!
//! - `domain`: pure rules and wire types (host-tested);
//! - `api`: the one HTTP client;
//! - `session`, `storage`: who is signed in and where the credential is kept;
//! - `config`: the runtime `config.json`, read once at start;
//! - `browser`: the page origin, the clock and the key-press context, read in one place;
//! - `components`: shared presentational pieces (props in, callbacks out);
//! - `pages`: route views, each owning its resources and actions;
//! - `app`: the provider stack and the two routers; `routes`: their tables;
//! - `shell`: the hand-over from the HTML's static shell to the app.

pub mod api;
mod app;
pub mod browser;
pub mod components;
pub mod config;
pub mod domain;
pub mod pages;
pub mod routes;
pub mod session;
mod shell;
pub mod storage;

pub use app::{remember_initial_location, App, ReplayApp};
pub use shell::remove_static_shell;
