//! Live-processing process objects (`processing` arrays) as the console edits them; the
//! kinds, ranges and defaults are the contract's (`contract::process`).

use serde::{Deserialize, Serialize};

/// One live process as the API carries it: `{"id":"thumbs","interval":30}` etc.
/// `Rec`/`Replay` with `duration: None` serialise as `"duration": null` (= entire stream).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "id", rename_all = "lowercase")]
pub enum Process {
    Thumbs { interval: u32 },
    Motionclip { interval: u32, duration: u32 },
    Rec { duration: Option<u32> },
    Replay { duration: Option<u32> },
}

pub use contract::process::{ProcessKind, Range};

/// What the console shows of a kind, and its default process (the contract holds the ids,
/// ranges and defaults; this adds the words).
pub trait KindText {
    /// The v4 dashboard label.
    fn label(self) -> &'static str;
    /// The one-line description the cards and expanded rows show.
    fn description(self) -> &'static str;
    /// The process with this kind's defaults (thumbnail 30 s, motion clip 30 s / 5 s).
    fn default_process(self) -> Process;
}

impl KindText for ProcessKind {
    fn label(self) -> &'static str {
        match self {
            ProcessKind::Thumbs => "Thumbnail",
            ProcessKind::Motionclip => "Motion Clip SD",
            ProcessKind::Rec => "Recording",
            ProcessKind::Replay => "Replay",
        }
    }

    fn description(self) -> &'static str {
        match self {
            ProcessKind::Thumbs => {
                "Capture snapshots at specified intervals to display as preview or poster."
            }
            ProcessKind::Motionclip => {
                "Generate short clips in a continuous way for dynamic stream preview."
            }
            ProcessKind::Rec => {
                "Record parts or the entire stream, with VOD available after the session."
            }
            ProcessKind::Replay => "Rewind and share key moments of the live stream.",
        }
    }

    fn default_process(self) -> Process {
        let default = |r: Option<Range>| r.map_or(0, |r| r.default);
        match self {
            ProcessKind::Thumbs => Process::Thumbs {
                interval: default(self.interval()),
            },
            ProcessKind::Motionclip => Process::Motionclip {
                interval: default(self.interval()),
                duration: default(self.duration()),
            },
            ProcessKind::Rec => Process::Rec { duration: None },
            ProcessKind::Replay => Process::Replay { duration: None },
        }
    }
}

impl Process {
    pub fn kind(&self) -> ProcessKind {
        match self {
            Process::Thumbs { .. } => ProcessKind::Thumbs,
            Process::Motionclip { .. } => ProcessKind::Motionclip,
            Process::Rec { .. } => ProcessKind::Rec,
            Process::Replay { .. } => ProcessKind::Replay,
        }
    }

    pub fn interval(&self) -> Option<u32> {
        match self {
            Process::Thumbs { interval } | Process::Motionclip { interval, .. } => Some(*interval),
            _ => None,
        }
    }

    /// `Some(None)` = a duration parameter that is null (entire stream); `None` = no such
    /// parameter for this process.
    pub fn duration(&self) -> Option<Option<u32>> {
        match self {
            Process::Thumbs { .. } => None,
            Process::Motionclip { duration, .. } => Some(Some(*duration)),
            Process::Rec { duration } | Process::Replay { duration } => Some(*duration),
        }
    }
}

/// Finds the process of `kind` in a processing list.
pub fn find(list: &[Process], kind: ProcessKind) -> Option<&Process> {
    list.iter().find(|p| p.kind() == kind)
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn wire_format_matches_bintu_examples() {
        let list = vec![
            Process::Replay { duration: Some(30) },
            Process::Thumbs { interval: 45 },
            Process::Rec { duration: None },
            Process::Motionclip {
                interval: 30,
                duration: 5,
            },
        ];
        let v = serde_json::to_value(&list).unwrap();
        assert_eq!(
            v,
            json!([{"id":"replay","duration":30},{"id":"thumbs","interval":45},
                   {"id":"rec","duration":null},{"id":"motionclip","interval":30,"duration":5}])
        );
        let back: Vec<Process> = serde_json::from_value(v).unwrap();
        assert_eq!(back, list);
    }

    #[test]
    fn defaults_follow_the_documented_values() {
        assert_eq!(
            ProcessKind::Thumbs.default_process(),
            Process::Thumbs { interval: 30 }
        );
        assert_eq!(
            ProcessKind::Motionclip.default_process(),
            Process::Motionclip {
                interval: 30,
                duration: 5
            }
        );
        assert_eq!(ProcessKind::Rec.default_process().duration(), Some(None));
        assert_eq!(ProcessKind::Thumbs.default_process().duration(), None);
    }
}
