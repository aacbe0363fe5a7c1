//! The end of a connection's publish: on every normal path (`end_publish`), and from `Drop`
//! when the connection task unwinds from a panic.

use super::Conn;
use crate::db::sessions;

impl Conn {
    /// Ends the publish if there is one: pipeline finished, sessions closed, state `ended`.
    pub(super) async fn end_publish(&mut self) {
        let Some(p) = self.publishing.take() else {
            return;
        };
        let group = p.engine.group_id.clone();
        p.engine.finish().await;
        let (g, ms) = (group.clone(), p.session_ms);
        let ended = self
            .state
            .db
            .write(move |c| sessions::end_publish(c, &g, ms))
            .await;
        if let Err(e) = ended {
            tracing::error!(stream = %group, error = %e, "cannot record the end of the publish");
        }
        self.state.live.unregister(&group);
        tracing::info!(stream = %group, session = p.session_ms, "publish ended");
    }

    pub(super) fn close_books(&self, group: &str, session_ms: i64) {
        if let Err(e) = sessions::end_publish(&self.state.db.lock(), group, session_ms) {
            tracing::error!(stream = %group, error = %e, "cannot record the end of the publish");
        }
        self.state.live.unregister(group);
    }
}

impl Drop for Conn {
    /// Normally `end_publish` has run and there is nothing left. With a publish still set the
    /// task is unwinding from a panic: close the books so the stream does not stay `live`
    /// (the engine's ffmpeg children are killed as they drop; recovery at start keeps what
    /// they wrote).
    fn drop(&mut self) {
        if let Some(p) = self.publishing.take() {
            tracing::error!(stream = %p.engine.group_id, "connection ended by a panic; publish ended");
            self.close_books(&p.engine.group_id, p.session_ms);
        }
    }
}
