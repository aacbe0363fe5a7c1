//! Live-processing process kinds, their API ids and their documented ranges and defaults
//! (CONTRACT.md "Process objects", dashboard-ui.md §2.2).

/// The four kinds, in the order the UI shows them.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum ProcessKind {
    Thumbs,
    Motionclip,
    Rec,
    Replay,
}

impl ProcessKind {
    pub const ALL: [ProcessKind; 4] = [
        ProcessKind::Thumbs,
        ProcessKind::Motionclip,
        ProcessKind::Rec,
        ProcessKind::Replay,
    ];

    /// The API id (`{"id":"thumbs",..}`).
    pub const fn id(self) -> &'static str {
        match self {
            ProcessKind::Thumbs => "thumbs",
            ProcessKind::Motionclip => "motionclip",
            ProcessKind::Rec => "rec",
            ProcessKind::Replay => "replay",
        }
    }

    /// The kind of an API id; `None` for an unknown id.
    pub fn from_id(id: &str) -> Option<ProcessKind> {
        ProcessKind::ALL.into_iter().find(|k| k.id() == id)
    }

    /// The range of `interval`, for the kinds that have one.
    pub const fn interval(self) -> Option<Range> {
        match self {
            ProcessKind::Thumbs => Some(THUMBS_INTERVAL),
            ProcessKind::Motionclip => Some(MOTIONCLIP_INTERVAL),
            ProcessKind::Rec | ProcessKind::Replay => None,
        }
    }

    /// The range of `duration`; for rec and replay `null` (the entire stream) is also valid.
    pub const fn duration(self) -> Option<Range> {
        match self {
            ProcessKind::Thumbs => None,
            ProcessKind::Motionclip => Some(MOTIONCLIP_DURATION),
            ProcessKind::Rec | ProcessKind::Replay => Some(OPTIONAL_DURATION),
        }
    }

    /// Whether a `null` (absent) duration means "the entire stream" rather than the default.
    pub const fn duration_nullable(self) -> bool {
        matches!(self, ProcessKind::Rec | ProcessKind::Replay)
    }
}

/// Inclusive range of a whole-seconds field; `max: None` = no upper bound. `default` is
/// what an absent value becomes (unused for the nullable durations, where absent = null).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Range {
    pub min: u32,
    pub max: Option<u32>,
    pub default: u32,
}

impl Range {
    pub const fn contains(self, v: u32) -> bool {
        v >= self.min
            && match self.max {
                Some(m) => v <= m,
                None => true,
            }
    }
}

pub const THUMBS_INTERVAL: Range = Range {
    min: 10,
    max: Some(3600),
    default: 30,
};
pub const MOTIONCLIP_INTERVAL: Range = THUMBS_INTERVAL;
pub const MOTIONCLIP_DURATION: Range = Range {
    min: 1,
    max: Some(60),
    default: 5,
};
/// Recording and replay duration: `null` (entire stream) or at least 1 s.
pub const OPTIONAL_DURATION: Range = Range {
    min: 1,
    max: None,
    default: 0,
};

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ranges_and_defaults_are_the_documented_ones() {
        let t = ProcessKind::Thumbs.interval().unwrap();
        assert_eq!((t.min, t.max, t.default), (10, Some(3600), 30));
        let m = ProcessKind::Motionclip.interval().unwrap();
        assert_eq!((m.min, m.max, m.default), (10, Some(3600), 30));
        let d = ProcessKind::Motionclip.duration().unwrap();
        assert_eq!((d.min, d.max, d.default), (1, Some(60), 5));
        assert!(ProcessKind::Rec.duration_nullable() && ProcessKind::Replay.duration_nullable());
        assert!(!ProcessKind::Motionclip.duration_nullable());
        assert_eq!(ProcessKind::Thumbs.duration(), None);
        assert_eq!(ProcessKind::Rec.interval(), None);
        assert!(OPTIONAL_DURATION.contains(1) && !OPTIONAL_DURATION.contains(0));
        assert!(OPTIONAL_DURATION.contains(u32::MAX));
        assert!(!THUMBS_INTERVAL.contains(9) && !THUMBS_INTERVAL.contains(3601));
    }

    #[test]
    fn ids_round_trip() {
        for k in ProcessKind::ALL {
            assert_eq!(ProcessKind::from_id(k.id()), Some(k));
        }
        assert_eq!(ProcessKind::from_id("Thumbs"), None);
    }
}
