//! Registry of live publishes, shared by the ingest (which registers a publish and watches
//! its stop signal) and the API (whose stop, lock and delete end a live ingest).

use std::collections::HashMap;
use std::sync::{Arc, Mutex};

use tokio::sync::watch;

/// Live groups by group id; each has a stop signal the ingest task listens to.
#[derive(Clone, Default)]
pub struct LiveControl {
    inner: Arc<Mutex<HashMap<String, watch::Sender<bool>>>>,
}

impl LiveControl {
    /// Registers a publish of `group_id`; `None` if one is already live (a second publisher
    /// to a live name is refused). The receiver turns `true` when the API asks to stop.
    pub fn register(&self, group_id: &str) -> Option<watch::Receiver<bool>> {
        let mut map = self.inner.lock().unwrap_or_else(|p| p.into_inner());
        if map.contains_key(group_id) {
            return None;
        }
        let (tx, rx) = watch::channel(false);
        map.insert(group_id.to_string(), tx);
        Some(rx)
    }

    /// Removes the registration when the publish has ended.
    pub fn unregister(&self, group_id: &str) {
        self.inner
            .lock()
            .unwrap_or_else(|p| p.into_inner())
            .remove(group_id);
    }

    /// Asks the live publish of `group_id` to stop; `false` when it is not live.
    pub fn stop(&self, group_id: &str) -> bool {
        let map = self.inner.lock().unwrap_or_else(|p| p.into_inner());
        match map.get(group_id) {
            Some(tx) => tx.send(true).is_ok(),
            None => false,
        }
    }

    pub fn is_live(&self, group_id: &str) -> bool {
        self.inner
            .lock()
            .unwrap_or_else(|p| p.into_inner())
            .contains_key(group_id)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn one_publisher_per_group_and_stop_reaches_it() {
        let live = LiveControl::default();
        let rx = live.register("g").unwrap();
        assert!(live.register("g").is_none(), "second publisher refused");
        assert!(live.stop("g"));
        assert!(*rx.borrow());
        live.unregister("g");
        assert!(!live.is_live("g") && !live.stop("g"));
        assert!(live.register("g").is_some());
    }
}
