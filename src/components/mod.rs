//! Shared components: props in, callbacks out, no API calls, with one exception: the
//! signed-in shell (`layout`) loads the organisation once for every page under it.

pub mod copy;
pub mod feedback;
pub mod layout;
pub mod option_cards;
pub mod preview;
pub mod process_summary;
pub mod processing_editor;
pub mod processing_table;
pub mod share_panel;
pub mod signin_form;
pub mod state_badge;
pub mod storage_estimate;
pub mod stream_tabs;
pub mod tag_input;
pub mod timeline;
