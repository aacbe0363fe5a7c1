//! Shared, presentational components: props in, callbacks out, no API calls.

pub mod copy;
pub mod feedback;
pub mod layout;
pub mod signin_form;
