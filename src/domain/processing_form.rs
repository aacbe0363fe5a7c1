//! The editable draft of one member's four option cards (Thumbnail, Motion Clip SD,
//! Recording, Replay): raw field text as typed, validation with the allowed range in the
//! message, and conversion to the wire `Vec<Process>` (dashboard-ui.md §1.2.3, §1.5, §2.4).
//! Rules across members (differs, sync) are in `processing_sync`.

use contract::process::{
    MOTIONCLIP_DURATION, MOTIONCLIP_INTERVAL, OPTIONAL_DURATION, THUMBS_INTERVAL,
};

use super::process::{KindText, Process, ProcessKind, Range};

/// One option card as the user sees it: on/off plus the text of its fields. Text is kept
/// as typed so that an invalid value is never lost while the user corrects it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct CardDraft {
    pub enabled: bool,
    pub interval: String,
    pub duration: String,
}

/// The four cards of one group member, in `ProcessKind::ALL` order.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct MemberDraft {
    pub cards: [CardDraft; 4],
}

/// Validation messages of one card's fields (`None` = valid or not shown).
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct CardErrors {
    pub interval: Option<String>,
    pub duration: Option<String>,
}

impl CardErrors {
    pub fn is_empty(&self) -> bool {
        self.interval.is_none() && self.duration.is_none()
    }
}

fn slot(kind: ProcessKind) -> usize {
    ProcessKind::ALL
        .iter()
        .position(|k| *k == kind)
        .unwrap_or(0)
}

fn card_for(p: &Process) -> CardDraft {
    let interval = p.interval().map(|v| v.to_string()).unwrap_or_default();
    let duration = match p.duration() {
        Some(Some(d)) => d.to_string(),
        _ => String::new(),
    };
    CardDraft {
        enabled: true,
        interval,
        duration,
    }
}

impl Default for MemberDraft {
    /// All cards off, pre-filled with the documented defaults for when they are switched on.
    fn default() -> Self {
        let cards = ProcessKind::ALL.map(|k| CardDraft {
            enabled: false,
            ..card_for(&k.default_process())
        });
        MemberDraft { cards }
    }
}

impl MemberDraft {
    /// The draft showing a member's current processing list.
    pub fn from_processes(list: &[Process]) -> Self {
        let mut d = MemberDraft::default();
        for p in list {
            d.cards[slot(p.kind())] = card_for(p);
        }
        d
    }

    pub fn card(&self, kind: ProcessKind) -> &CardDraft {
        &self.cards[slot(kind)]
    }

    pub fn card_mut(&mut self, kind: ProcessKind) -> &mut CardDraft {
        &mut self.cards[slot(kind)]
    }

    /// The kinds switched on, in card order.
    pub fn enabled_kinds(&self) -> Vec<ProcessKind> {
        ProcessKind::ALL
            .into_iter()
            .filter(|k| self.card(*k).enabled)
            .collect()
    }

    /// Field errors of a card; an off card has none (its fields are not sent).
    pub fn errors(&self, kind: ProcessKind) -> CardErrors {
        let c = self.card(kind);
        if !c.enabled {
            return CardErrors::default();
        }
        match kind {
            ProcessKind::Thumbs => CardErrors {
                interval: parse_whole(&c.interval, THUMBS_INTERVAL).err(),
                duration: None,
            },
            ProcessKind::Motionclip => CardErrors {
                interval: parse_whole(&c.interval, MOTIONCLIP_INTERVAL).err(),
                duration: parse_whole(&c.duration, MOTIONCLIP_DURATION).err(),
            },
            ProcessKind::Rec | ProcessKind::Replay => CardErrors {
                interval: None,
                duration: parse_optional(&c.duration).err(),
            },
        }
    }

    pub fn is_valid(&self) -> bool {
        ProcessKind::ALL.iter().all(|k| self.errors(*k).is_empty())
    }

    /// The wire list, or the first error message.
    pub fn to_processes(&self) -> Result<Vec<Process>, String> {
        let mut out = Vec::new();
        for kind in self.enabled_kinds() {
            let c = self.card(kind);
            let p = match kind {
                ProcessKind::Thumbs => Process::Thumbs {
                    interval: parse_whole(&c.interval, THUMBS_INTERVAL)?,
                },
                ProcessKind::Motionclip => Process::Motionclip {
                    interval: parse_whole(&c.interval, MOTIONCLIP_INTERVAL)?,
                    duration: parse_whole(&c.duration, MOTIONCLIP_DURATION)?,
                },
                ProcessKind::Rec => Process::Rec {
                    duration: parse_optional(&c.duration)?,
                },
                ProcessKind::Replay => Process::Replay {
                    duration: parse_optional(&c.duration)?,
                },
            };
            out.push(p);
        }
        Ok(out)
    }

    /// Non-blocking advice: a motion clip longer than its interval.
    pub fn warnings(&self) -> Vec<String> {
        let mut w = Vec::new();
        let c = self.card(ProcessKind::Motionclip);
        if c.enabled {
            if let (Ok(i), Ok(d)) = (
                c.interval.trim().parse::<u32>(),
                c.duration.trim().parse::<u32>(),
            ) {
                if d > i {
                    w.push(format!(
                        "The clip duration ({d} s) is longer than its interval ({i} s); clips will overlap."
                    ));
                }
            }
        }
        w
    }
}

/// The helper line under a field, with the range it accepts (the contract's).
pub fn helper_text(kind: ProcessKind, field: Field) -> String {
    let range = match field {
        Field::Interval => kind.interval(),
        Field::Duration => kind.duration(),
    };
    match range {
        Some(Range {
            min,
            max: Some(max),
            ..
        }) => format!("Min: {min} | Max: {max}"),
        Some(r) => format!("Min: {} | Leave empty for the entire stream", r.min),
        None => String::new(),
    }
}

/// Which field of a card.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Field {
    Interval,
    Duration,
}

/// The fields a card shows, in order.
pub fn fields(kind: ProcessKind) -> &'static [Field] {
    match kind {
        ProcessKind::Thumbs => &[Field::Interval],
        ProcessKind::Motionclip => &[Field::Duration, Field::Interval],
        ProcessKind::Rec | ProcessKind::Replay => &[Field::Duration],
    }
}

/// A whole number of seconds within `r`.
pub fn parse_whole(raw: &str, r: Range) -> Result<u32, String> {
    let msg = || match r.max {
        Some(max) => format!("Enter a whole number between {} and {max} seconds", r.min),
        None => format!("Enter a whole number of at least {} seconds", r.min),
    };
    let v: u32 = raw.trim().parse().map_err(|_| msg())?;
    if v < r.min || r.max.is_some_and(|m| v > m) {
        return Err(msg());
    }
    Ok(v)
}

/// Recording / replay duration: empty = entire stream, else a whole number ≥ 1.
pub fn parse_optional(raw: &str) -> Result<Option<u32>, String> {
    if raw.trim().is_empty() {
        return Ok(None);
    }
    parse_whole(raw, OPTIONAL_DURATION).map(Some).map_err(|_| {
        "Enter a whole number of at least 1 second. Leave empty for the entire stream".to_string()
    })
}

#[cfg(test)]
mod tests;
