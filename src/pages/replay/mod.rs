//! Replay pages, outside the signed-in shell (a share link is public): the replayer for
//! share links and embed URLs, and Clip & Share. hls.js is loaded only here.

pub mod clip;
mod common;
mod controls;
pub mod cues;
mod download;
mod hls;
mod media;
pub mod player;
mod quality;
mod segments;
mod workspace;
