//! Panic containment. bintu-local's release build unwinds (Cargo.toml), so tokio and hyper
//! end only the task or connection a panic happens in; this module makes that one log line
//! (the hook) and gives the ingest a way to call into the RTMP library without trusting it.

use std::panic::{catch_unwind, AssertUnwindSafe};

/// Replaces the default panic message (several lines on stderr) with one error log line
/// naming where it happened; the task, connection or request it ran in is closed.
pub fn install_panic_hook() {
    std::panic::set_hook(Box::new(|info| {
        let what = info
            .payload()
            .downcast_ref::<&str>()
            .map(|s| s.to_string())
            .or_else(|| info.payload().downcast_ref::<String>().cloned())
            .unwrap_or_default();
        let at = info
            .location()
            .map(|l| format!("{}:{}", l.file(), l.line()))
            .unwrap_or_default();
        let what = what.replace('\n', " ");
        tracing::error!(at = %at, "panic: {what}; closing the connection or request it ran in");
    }));
}

/// Runs `f`, turning a panic into an error, so state that must be cleaned up (a live
/// publish) survives a bug in a library call.
pub fn contained<T, E: std::fmt::Display>(
    what: &str,
    f: impl FnOnce() -> Result<T, E>,
) -> anyhow::Result<T> {
    match catch_unwind(AssertUnwindSafe(f)) {
        Ok(Ok(v)) => Ok(v),
        Ok(Err(e)) => Err(anyhow::anyhow!("{what}: {e}")),
        Err(_) => Err(anyhow::anyhow!("{what} panicked")),
    }
}
