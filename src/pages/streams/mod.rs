//! The stream screens: list, create, instructions, overview (header, previews, encoder
//! advice, Live Processing table) and the Edit modal.

pub mod create;
pub mod edit_modal;
pub mod encoder;
pub mod header;
pub mod instructions;
pub mod list;
pub mod live_processing;
pub mod overview;
pub mod upgrade;
