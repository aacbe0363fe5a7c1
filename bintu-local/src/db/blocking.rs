//! Writes from async code (the RTMP ingest and the engine): run on a blocking thread, since a
//! commit waits for fsync (`synchronous=FULL`) and the writer may be held by an API write.
//! Done on an async worker, that wait stalled every stream served by the same worker, more
//! of them the more streams start or end together (issue 13).

use rusqlite::Connection;

use super::Db;

impl Db {
    /// Runs `f` on the writer connection from a blocking thread and returns its result; a
    /// panic in `f` goes on in the caller, as if `f` had run there.
    pub async fn write<T: Send + 'static>(
        &self,
        f: impl FnOnce(&mut Connection) -> T + Send + 'static,
    ) -> T {
        let db = self.clone();
        match tokio::task::spawn_blocking(move || f(&mut db.lock())).await {
            Ok(v) => v,
            Err(e) => std::panic::resume_unwind(e.into_panic()),
        }
    }
}
