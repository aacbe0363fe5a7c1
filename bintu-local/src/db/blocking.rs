//! Writes from async code (the RTMP ingest and the engine): run on a blocking thread, since a
//! commit waits for fsync (`synchronous=FULL`) and the writer may be held by an API write.
//! Done on an async worker, that wait stalled every stream served by the same worker, more
//! of them the more streams start or end together (issue 13).

use rusqlite::Connection;

use super::Db;

impl Db {
    /// Runs `f` on the writer connection from a blocking thread; `Err` if `f` panicked (the
    /// API answers that request with a Bintu error body, `api::streams::write`).
    pub async fn try_write<T: Send + 'static>(
        &self,
        f: impl FnOnce(&mut Connection) -> T + Send + 'static,
    ) -> Result<T, tokio::task::JoinError> {
        let db = self.clone();
        tokio::task::spawn_blocking(move || f(&mut db.lock())).await
    }

    /// `try_write` for the ingest and the engine: a panic in `f` goes on in the caller, as
    /// if `f` had run there.
    pub async fn write<T: Send + 'static>(
        &self,
        f: impl FnOnce(&mut Connection) -> T + Send + 'static,
    ) -> T {
        match self.try_write(f).await {
            Ok(v) => v,
            Err(e) => std::panic::resume_unwind(e.into_panic()),
        }
    }
}
