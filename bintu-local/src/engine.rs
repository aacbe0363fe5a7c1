//! The live-processing engine: one ffmpeg pipeline per publish (see `args` for why one
//! process decodes once for the whole group), plus helper tasks that mirror playlists and
//! assemble motion clips, and the end-of-session bookkeeping (finalised MP4s become
//! `recordings` rows). The ingest feeds it FLV bytes and calls `finish` when the publish ends.

pub mod args;
pub mod atomic;
mod feed;
pub mod gate;
pub mod gif;
mod launch;
mod pipe;
pub mod playlists;
pub mod processes;
pub mod recording;
pub mod recover;
mod session;
pub mod timeline;
pub mod tracks;

pub use session::Session;
