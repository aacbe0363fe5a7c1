//! Domain types and rules, compiled and tested on the host with plain `cargo test`.
//! Pure Rust only (std, serde, base64): no browser, UI or JS-binding crates,
//! and no clock: functions that need the time take `now` as an argument.

pub mod answers;
pub mod base_url;
pub mod clip;
pub mod clip_plan;
pub mod credentials;
pub mod cue_time;
pub mod encoder_advice;
pub mod jsnum;
pub mod lenient;
pub mod list_query;
pub mod live_wall;
pub mod media_sessions;
pub mod new_stream;
pub mod organisation;
pub mod overview_link;
pub mod paths;
pub mod playlist;
pub mod process;
pub mod processing_form;
pub mod processing_sync;
pub mod replay_player;
pub mod replay_thumbs;
pub mod replay_urls;
pub mod runtime_config;
pub mod session_tracks;
pub mod share;
pub mod storage_estimate;
pub mod stream;
pub mod table_rules;
pub mod tags;
pub mod time;
pub mod transcoding;
pub mod urls;
