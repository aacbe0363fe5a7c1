//! The facts the console (wasm) and bintu-local (server) must agree on, written once:
//! process kinds with their ranges and defaults ([`process`]), stream states and their
//! transitions ([`state`]), error codes with the ones this project invented marked
//! ([`codes`]), the media layout and replay naming rules ([`media`]) and the paths that split
//! the console's two builds ([`pages`]). Pure Rust without dependencies; the console's
//! lenient response types and bintu-local's renderer are built on it. Source: CONTRACT.md.

pub mod codes;
pub mod media;
pub mod pages;
pub mod process;
pub mod state;
