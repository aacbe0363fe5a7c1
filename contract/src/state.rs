//! Stream states (`"state"` on the wire) and the transitions between them (bintu-api.md §2.2,
//! CONTRACT.md lock/unlock/stop/delete): `created` (never live), `live`, `ended`, `locked`
//! (refuses ingest), `deleted` (hidden from lists, media kept).

use std::fmt;

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum StreamState {
    Created,
    Live,
    Ended,
    Locked,
    Deleted,
}

/// Why a publish is refused.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum PublishRefused {
    Locked,
    Deleted,
    AlreadyLive,
}

impl StreamState {
    pub const ALL: [StreamState; 5] = [
        StreamState::Created,
        StreamState::Live,
        StreamState::Ended,
        StreamState::Locked,
        StreamState::Deleted,
    ];

    /// The values `GET /stream?state=` takes, in the order the list filter offers them
    /// ("all" omits the parameter and excludes deleted streams).
    pub const FILTERS: [StreamState; 4] = [
        StreamState::Live,
        StreamState::Created,
        StreamState::Ended,
        StreamState::Locked,
    ];

    /// The wire value.
    pub const fn as_str(self) -> &'static str {
        match self {
            StreamState::Created => "created",
            StreamState::Live => "live",
            StreamState::Ended => "ended",
            StreamState::Locked => "locked",
            StreamState::Deleted => "deleted",
        }
    }

    /// The state of a wire value; `None` for anything else (exact, lower case).
    pub fn parse(s: &str) -> Option<StreamState> {
        StreamState::ALL.into_iter().find(|st| st.as_str() == s)
    }

    /// A publish starts: `created`/`ended` become `live`; the others refuse it.
    pub const fn publish(self) -> Result<StreamState, PublishRefused> {
        match self {
            StreamState::Created | StreamState::Ended => Ok(StreamState::Live),
            StreamState::Live => Err(PublishRefused::AlreadyLive),
            StreamState::Locked => Err(PublishRefused::Locked),
            StreamState::Deleted => Err(PublishRefused::Deleted),
        }
    }

    /// A publish ends (or a stop repairs a `live` without a publisher): `live` → `ended`.
    pub const fn end(self) -> StreamState {
        match self {
            StreamState::Live => StreamState::Ended,
            other => other,
        }
    }

    /// `PUT /lock`: refuses ingest from now on (a live ingest is stopped).
    pub const fn lock(self) -> StreamState {
        match self {
            StreamState::Deleted => StreamState::Deleted,
            _ => StreamState::Locked,
        }
    }

    /// `PUT /unlock`: `locked` → `ended` if it was ever published, else `created`; any other
    /// state is left as it is.
    pub const fn unlock(self, ever_published: bool) -> StreamState {
        match self {
            StreamState::Locked if ever_published => StreamState::Ended,
            StreamState::Locked => StreamState::Created,
            other => other,
        }
    }

    /// `DELETE`: hidden from lists and lookups from now on.
    pub const fn delete(self) -> StreamState {
        StreamState::Deleted
    }
}

impl fmt::Display for StreamState {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use StreamState::*;

    #[test]
    fn wire_values_round_trip() {
        for s in StreamState::ALL {
            assert_eq!(StreamState::parse(s.as_str()), Some(s));
        }
        assert_eq!(StreamState::parse("Live"), None);
        assert_eq!(Live.to_string(), "live");
        assert!(!StreamState::FILTERS.contains(&Deleted));
    }

    #[test]
    fn transitions() {
        assert_eq!(Created.publish(), Ok(Live));
        assert_eq!(Ended.publish(), Ok(Live));
        assert_eq!(Live.publish(), Err(PublishRefused::AlreadyLive));
        assert_eq!(Locked.publish(), Err(PublishRefused::Locked));
        assert_eq!(Deleted.publish(), Err(PublishRefused::Deleted));
        assert_eq!(Live.end(), Ended);
        assert_eq!(Locked.end(), Locked);
        assert_eq!(Live.lock(), Locked);
        assert_eq!(Deleted.lock(), Deleted);
        assert_eq!(Locked.unlock(true), Ended);
        assert_eq!(Locked.unlock(false), Created);
        assert_eq!(Live.unlock(false), Live);
        assert_eq!(Created.delete(), Deleted);
    }
}
