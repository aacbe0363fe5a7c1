//! Clip times as people read and type them: the wall clock of a playhead (session + position,
//! in a given UTC offset), `m:ss` lengths and distances, and parsing what is typed into the
//! start/end fields: `HH:MM:SS` (wall clock, resolved across midnight), `m:ss` or `h:mm:ss`
//! with a leading `+`, or `+N` seconds from the session start (dashboard-ui.md §3.7 item 10).

use super::jsnum::parse_float;
use super::time::utc_parts;

/// `m:ss`, or `h:mm:ss` from one hour on (the demo's `formatTime` without a session).
pub fn format_duration(seconds: f64) -> String {
    let s = if seconds.is_finite() {
        seconds.max(0.0).floor() as i64
    } else {
        0
    };
    let (h, m, sec) = (s / 3600, s % 3600 / 60, s % 60);
    if h > 0 {
        format!("{h}:{m:02}:{sec:02}")
    } else {
        format!("{m}:{sec:02}")
    }
}

/// Wall clock `HH:MM:SS` of `session + position`, shifted by `offset_minutes` east of UTC.
pub fn format_clock(session_ms: i64, position: f64, offset_minutes: i32) -> String {
    let ms = session_ms + (position * 1000.0) as i64 + i64::from(offset_minutes) * 60_000;
    let (_, _, _, h, m, s, _) = utc_parts(ms);
    format!("{h:02}:{m:02}:{s:02}")
}

/// `UTC+02:00` style label for an offset.
pub fn zone_label(offset_minutes: i32) -> String {
    if offset_minutes == 0 {
        return "UTC".into();
    }
    let sign = if offset_minutes < 0 { '-' } else { '+' };
    let a = offset_minutes.abs();
    format!("UTC{sign}{:02}:{:02}", a / 60, a % 60)
}

/// How a cue field shows a position: wall clock with a session, else a relative `m:ss`.
pub fn format_cue(position: f64, session_ms: Option<i64>, offset_minutes: i32) -> String {
    match session_ms {
        Some(s) => format_clock(s, position, offset_minutes),
        None => format_duration(position),
    }
}

fn parse_parts(text: &str) -> Option<Vec<f64>> {
    let parts: Vec<&str> = text.split(':').collect();
    let mut out = Vec::with_capacity(parts.len());
    for (i, p) in parts.iter().enumerate() {
        let p = p.trim();
        let last = i + 1 == parts.len();
        let ok = !p.is_empty()
            && p.bytes().all(|b| b.is_ascii_digit() || (last && b == b'.'))
            && p.bytes().filter(|b| *b == b'.').count() <= 1;
        if !ok {
            return None;
        }
        out.push(parse_float(p));
    }
    if out.iter().skip(1).any(|v| *v >= 60.0) || out.iter().any(|v| v.is_nan()) {
        return None;
    }
    Some(out)
}

/// Parses a typed cue into seconds from the session start.
///
/// - `HH:MM:SS` with a session: a wall-clock time in `offset_minutes`, on the session's day,
///   or the next day when that is before the session start (sessions crossing midnight);
/// - `+m:ss`, `+h:mm:ss`, `m:ss` or `+N`: a position relative to the session start;
/// - `HH:MM:SS` without a session: also a relative position.
pub fn parse_cue(text: &str, session_ms: Option<i64>, offset_minutes: i32) -> Result<f64, String> {
    let t = text.trim();
    let (relative, body) = match t.strip_prefix('+') {
        Some(rest) => (true, rest.trim()),
        None => (false, t),
    };
    let parts = parse_parts(body).ok_or_else(|| {
        format!("“{t}” is not a time: use HH:MM:SS (wall clock), m:ss or +seconds.")
    })?;
    let relative_secs = parts.iter().fold(0.0, |acc, v| acc * 60.0 + v);
    match (parts.len(), relative, session_ms) {
        (1, false, _) => Err(format!(
            "“{t}”: write +{t} for seconds from the start, or HH:MM:SS."
        )),
        (n, _, _) if n > 3 => Err(format!("“{t}” has too many parts.")),
        (3, false, Some(session)) => {
            if parts[0] >= 24.0 {
                return Err(format!("“{t}”: hours must be below 24."));
            }
            let day_ms = 86_400_000i64;
            let local_session = session + i64::from(offset_minutes) * 60_000;
            let midnight = local_session.div_euclid(day_ms) * day_ms;
            let mut at = midnight as f64 + relative_secs * 1000.0;
            if at < local_session as f64 {
                at += day_ms as f64;
            }
            Ok((at - local_session as f64) / 1000.0)
        }
        _ => Ok(relative_secs),
    }
}

#[cfg(test)]
mod tests;
