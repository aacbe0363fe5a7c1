//! The processes of one member for one session, read from its applied `processing` JSON
//! (`[{"id":"thumbs","interval":30},{"id":"motionclip","interval":30,"duration":5},
//! {"id":"rec","duration":null},{"id":"replay","duration":null}]`).

use serde_json::Value;

/// Which outputs a member produces in a session, with their settings.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Processes {
    /// JPEG every `interval` seconds.
    pub thumbs: Option<u32>,
    /// GIF every `interval` seconds of the last `duration` seconds.
    pub motionclip: Option<(u32, u32)>,
    /// MP4 per session, limited to `Some(seconds)`.
    pub rec: Option<Option<u32>>,
    /// HLS per session, sliding window of `Some(seconds)`.
    pub replay: Option<Option<u32>>,
}

impl Processes {
    /// Reads the process list; unknown ids and bad numbers fall back to the defaults the API
    /// validated against, so a hand-edited row cannot stop a publish.
    pub fn parse(processing: &Value) -> Self {
        let mut out = Processes::default();
        let num = |p: &Value, key: &str| {
            p.get(key)
                .and_then(Value::as_u64)
                .map(|n| n.clamp(1, 86_400) as u32)
        };
        for p in processing.as_array().into_iter().flatten() {
            match p.get("id").and_then(Value::as_str) {
                Some("thumbs") => out.thumbs = Some(num(p, "interval").unwrap_or(30)),
                Some("motionclip") => {
                    out.motionclip = Some((
                        num(p, "interval").unwrap_or(30),
                        num(p, "duration").unwrap_or(5),
                    ))
                }
                Some("rec") => out.rec = Some(num(p, "duration")),
                Some("replay") => out.replay = Some(num(p, "duration")),
                _ => {}
            }
        }
        out
    }

    /// Whether any output needs decoded pictures of this member.
    pub fn needs_pictures(&self) -> bool {
        self.thumbs.is_some() || self.motionclip.is_some()
    }

    /// Whether any output needs the member's encoded stream.
    pub fn needs_stream(&self) -> bool {
        self.rec.is_some() || self.replay.is_some()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn parses_all_four_and_defaults() {
        let p = Processes::parse(&json!([
            {"id":"thumbs","interval":10},
            {"id":"motionclip","interval":20,"duration":3},
            {"id":"rec","duration":null},
            {"id":"replay","duration":60},
            {"id":"unknown"}
        ]));
        assert_eq!(p.thumbs, Some(10));
        assert_eq!(p.motionclip, Some((20, 3)));
        assert_eq!(p.rec, Some(None));
        assert_eq!(p.replay, Some(Some(60)));
        assert!(p.needs_pictures() && p.needs_stream());
        let none = Processes::parse(&json!([]));
        assert!(!none.needs_pictures() && !none.needs_stream());
        assert_eq!(Processes::parse(&json!([{"id":"thumbs"}])).thumbs, Some(30));
    }
}
