//! Route views. Each page owns its resources and actions; shared pieces live in components.

pub mod live;
pub mod not_found;
pub mod organisation;
pub mod replay;
pub mod signin;
pub mod streams;
