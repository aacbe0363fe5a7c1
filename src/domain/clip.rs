//! The clip being cut on the Clip & Share page: in and out points with validation in both
//! directions (inline messages instead of the demo's `alert`s, dashboard-ui.md §3.7 items
//! 1–5), the one-click ranges, and the keyboard shortcuts.

use super::cue_time::format_duration;
use super::share::MIN_PLAYBACK_SECONDS;

/// The clipper's minimum length (the official clipper's MINLEN).
pub const MIN_CLIP_SECONDS: f64 = 2.0;

#[derive(Clone, Copy, Debug, Default, PartialEq)]
pub struct ClipRange {
    pub cue_in: Option<f64>,
    pub cue_out: Option<f64>,
}

impl ClipRange {
    /// Sets the in point; refuses one that would leave less than the minimum before `out`.
    pub fn set_in(&mut self, t: f64) -> Result<(), String> {
        let t = t.max(0.0);
        if let Some(out) = self.cue_out {
            if t > out - MIN_CLIP_SECONDS {
                return Err(format!(
                    "The start must be at least {MIN_CLIP_SECONDS} s before the end point."
                ));
            }
        }
        self.cue_in = Some(t);
        Ok(())
    }

    /// Sets the out point; refuses one less than the minimum after `in`.
    pub fn set_out(&mut self, t: f64) -> Result<(), String> {
        if let Some(cin) = self.cue_in {
            if t < cin + MIN_CLIP_SECONDS {
                return Err(format!(
                    "The end must be after the start. Minimum length is {MIN_CLIP_SECONDS} seconds."
                ));
            }
        }
        if t <= 0.0 {
            return Err("The end must be after the start of the session.".into());
        }
        self.cue_out = Some(t);
        Ok(())
    }

    /// Both points, when the range is valid.
    pub fn range(&self) -> Option<(f64, f64)> {
        match (self.cue_in, self.cue_out) {
            (Some(a), Some(b)) if b > a => Some((a, b)),
            _ => None,
        }
    }

    /// "Total 0:42" for a valid range.
    pub fn total(&self) -> Option<String> {
        self.range()
            .map(|(a, b)| format!("Total {}", format_duration(b - a)))
    }

    /// A note when the replayer will stretch the clip (its 5 s minimum).
    pub fn stretch_note(&self) -> Option<String> {
        let (a, b) = self.range()?;
        (b - a < MIN_PLAYBACK_SECONDS).then(|| {
            format!("Clips shorter than {MIN_PLAYBACK_SECONDS} s are extended to {MIN_PLAYBACK_SECONDS} s on playback.")
        })
    }
}

/// One-click ranges: the first N seconds of the session, or the N seconds before the
/// playhead, clamped to the session start (instead of the demo's alert).
pub fn first(seconds: f64) -> ClipRange {
    ClipRange {
        cue_in: Some(0.0),
        cue_out: Some(seconds),
    }
}

pub fn last(seconds: f64, playhead: f64) -> Option<ClipRange> {
    (playhead >= MIN_CLIP_SECONDS).then(|| ClipRange {
        cue_in: Some((playhead - seconds).max(0.0)),
        cue_out: Some(playhead),
    })
}

/// What a key press does on the player pages.
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum Shortcut {
    TogglePlay,
    Seek(f64),
    SetIn,
    SetOut,
}

/// Space/K play-pause, J/L ±10 s, ←/→ ±1 s, I/O set in/out. Keys typed into a text field
/// are not shortcuts (the caller passes `in_text_field`).
pub fn shortcut(key: &str, in_text_field: bool, modifier: bool) -> Option<Shortcut> {
    if in_text_field || modifier {
        return None;
    }
    Some(match key {
        " " | "k" | "K" => Shortcut::TogglePlay,
        "j" | "J" => Shortcut::Seek(-10.0),
        "l" | "L" => Shortcut::Seek(10.0),
        "ArrowLeft" => Shortcut::Seek(-1.0),
        "ArrowRight" => Shortcut::Seek(1.0),
        "i" | "I" => Shortcut::SetIn,
        "o" | "O" => Shortcut::SetOut,
        _ => return None,
    })
}

#[cfg(test)]
mod tests;
