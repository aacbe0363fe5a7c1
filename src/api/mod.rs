//! The one API client. Every HTTP call of the console goes through `ApiClient`; media
//! playlists (no credentials: never send the key to a media host) go through `media`.

mod client;
mod error;
pub mod media;

pub use client::{ApiClient, StreamAction};
pub use error::ApiError;
