//! HLS playlists as the replay pages need them: the `#EXT-X-NANO-PLAYLIST` pointer of a
//! current playlist, media-playlist segments (EXTINF boundaries, ENDLIST), multivariant
//! levels, and the range a `-c copy` cut really delivers (it starts on a keyframe; every
//! segment starts with one).

/// A media segment: `[start, end)` seconds from the playlist start.
#[derive(Clone, Debug, PartialEq)]
pub struct Segment {
    pub start: f64,
    pub duration: f64,
    pub uri: String,
}

impl Segment {
    pub fn end(&self) -> f64 {
        self.start + self.duration
    }
}

/// What a playlist body is.
#[derive(Clone, Debug, PartialEq, Default)]
pub struct Playlist {
    pub segments: Vec<Segment>,
    /// `#EXT-X-ENDLIST`: the session has ended.
    pub ended: bool,
    /// `#EXT-X-STREAM-INF` entries of a multivariant playlist.
    pub levels: Vec<Level>,
    /// `#EXT-X-NANO-PLAYLIST` of a current playlist.
    pub nano_playlist: Option<String>,
}

#[derive(Clone, Debug, PartialEq, Default)]
pub struct Level {
    pub bandwidth: Option<u64>,
    pub height: Option<u32>,
    pub uri: String,
}

impl Playlist {
    pub fn duration(&self) -> f64 {
        self.segments.last().map_or(0.0, Segment::end)
    }

    /// The segment holding `t` (the last one for `t` at or past the end).
    pub fn segment_at(&self, t: f64) -> Option<&Segment> {
        self.segments
            .iter()
            .find(|s| t < s.end())
            .or(self.segments.last())
    }
}

/// Whether a body is a playlist at all (§3.7 item 9: `#EXTM3U` first).
pub fn is_playlist(body: &str) -> bool {
    body.trim_start_matches('\u{FEFF}')
        .trim_start()
        .starts_with("#EXTM3U")
}

/// The official regex `/#EXT-X-NANO-PLAYLIST[:\s]+\s*([^\s]+)/`.
pub fn nano_playlist(body: &str) -> Option<String> {
    const TAG: &str = contract::media::NANO_PLAYLIST_TAG;
    let mut rest = body;
    while let Some(i) = rest.find(TAG) {
        let after = &rest[i + TAG.len()..];
        let value = after.trim_start_matches(|c: char| c == ':' || c.is_whitespace());
        if value.len() < after.len() {
            let end = value.find(char::is_whitespace).unwrap_or(value.len());
            if end > 0 {
                return Some(value[..end].to_string());
            }
        }
        rest = after;
    }
    None
}

/// The official `/(\d+)\.m3u8/` on a file name: the first digit run right before `.m3u8`.
pub fn session_of_file(file: &str) -> Option<i64> {
    let ext = format!(".{}", contract::media::PLAYLIST_EXT);
    let mut from = 0;
    while let Some(rel) = file[from..].find(&ext) {
        let at = from + rel;
        let digits = file[..at]
            .bytes()
            .rev()
            .take_while(u8::is_ascii_digit)
            .count();
        if digits > 0 {
            return file[at - digits..at].parse().ok().filter(|s| *s != 0);
        }
        from = at + ext.len();
    }
    None
}

fn attr<'a>(line: &'a str, key: &str) -> Option<&'a str> {
    line.split(',').find_map(|kv| {
        let (k, v) = kv.split_once('=')?;
        (k.trim().rsplit(':').next()? == key).then_some(v.trim())
    })
}

/// Parses a media or multivariant playlist. Unknown tags are ignored; a malformed EXTINF
/// counts as a zero-length segment rather than failing the whole playlist.
pub fn parse(body: &str) -> Playlist {
    let mut p = Playlist {
        nano_playlist: nano_playlist(body),
        ..Playlist::default()
    };
    let mut pending_dur: Option<f64> = None;
    let mut pending_level: Option<Level> = None;
    let mut clock = 0.0;
    for line in body.lines().map(str::trim).filter(|l| !l.is_empty()) {
        if let Some(v) = line.strip_prefix("#EXTINF:") {
            let d = v
                .split(',')
                .next()
                .unwrap_or("")
                .trim()
                .parse::<f64>()
                .unwrap_or(0.0);
            pending_dur = Some(if d.is_finite() && d > 0.0 { d } else { 0.0 });
        } else if line.starts_with("#EXT-X-STREAM-INF") {
            pending_level = Some(Level {
                bandwidth: attr(line, "BANDWIDTH").and_then(|v| v.parse().ok()),
                height: attr(line, "RESOLUTION")
                    .and_then(|v| v.split_once('x'))
                    .and_then(|(_, h)| h.parse().ok()),
                uri: String::new(),
            });
        } else if line == "#EXT-X-ENDLIST" {
            p.ended = true;
        } else if !line.starts_with('#') {
            if let Some(mut level) = pending_level.take() {
                level.uri = line.to_string();
                p.levels.push(level);
            } else if let Some(d) = pending_dur.take() {
                p.segments.push(Segment {
                    start: clock,
                    duration: d,
                    uri: line.to_string(),
                });
                clock += d;
            }
        }
    }
    p
}

/// What `ffmpeg -ss in -to out -i <playlist> -c copy` delivers: from the keyframe at or
/// before `cue_in` (the start of its segment, or a finer keyframe when the GOP is known) to
/// `cue_out`, clamped to the playlist. `None` without segments or for an empty range.
pub fn copy_cut(p: &Playlist, cue_in: f64, cue_out: f64, gop: Option<f64>) -> Option<(f64, f64)> {
    let seg = p.segment_at(cue_in.max(0.0))?;
    let mut start = seg.start;
    if let Some(g) = gop.filter(|g| *g > 0.0) {
        let k = ((cue_in - seg.start) / g).floor().max(0.0);
        start = (seg.start + k * g).min(seg.end());
    }
    let end = cue_out.min(p.duration());
    (end > start).then_some((start, end))
}

#[cfg(test)]
mod tests {
    use super::*;

    const MEDIA: &str = "#EXTM3U\n#EXT-X-TARGETDURATION:4\n#EXTINF:4.000,\nab-cd-100.ts\n#EXTINF:4.000,\nab-cd-104.ts\n#EXTINF:2.5,\nab-cd-108.ts\n#EXT-X-ENDLIST\n";

    #[test]
    fn finds_the_session_pointer() {
        let cur = "#EXTM3U\n#EXT-X-NANO-PLAYLIST:ab-cd-1712345678901.m3u8\n#EXTINF:2,\nx.ts\n";
        assert_eq!(
            nano_playlist(cur).as_deref(),
            Some("ab-cd-1712345678901.m3u8")
        );
        assert_eq!(
            nano_playlist("#EXT-X-NANO-PLAYLIST: \t f.m3u8 x").as_deref(),
            Some("f.m3u8")
        );
        assert_eq!(nano_playlist("#EXT-X-NANO-PLAYLISTX:f"), None);
        assert_eq!(
            session_of_file("ab-cd-abr-1712345678901.m3u8"),
            Some(1712345678901)
        );
        assert_eq!(session_of_file("a1.txt b-22.m3u8"), Some(22));
        assert_eq!(session_of_file("ab.m3u8"), None);
        assert!(is_playlist("\n#EXTM3U\n"));
        assert!(!is_playlist("<html>"));
    }

    #[test]
    fn segments_have_cumulative_boundaries() {
        let p = parse(MEDIA);
        assert!(p.ended);
        let starts: Vec<f64> = p.segments.iter().map(|s| s.start).collect();
        assert_eq!(starts, vec![0.0, 4.0, 8.0]);
        assert_eq!(p.duration(), 10.5);
        assert_eq!(p.segment_at(4.0).unwrap().uri, "ab-cd-104.ts");
        assert_eq!(p.segment_at(99.0).unwrap().uri, "ab-cd-108.ts");
    }

    #[test]
    fn multivariant_levels() {
        let m = "#EXTM3U\n#EXT-X-STREAM-INF:BANDWIDTH=800000,RESOLUTION=852x480\nab-cd-1.m3u8\n#EXT-X-STREAM-INF:BANDWIDTH=2500000,RESOLUTION=1280x720,CODECS=\"avc1.64001f,mp4a.40.2\"\nab-ce-1.m3u8\n";
        let p = parse(m);
        assert_eq!(p.levels.len(), 2);
        assert_eq!(
            (p.levels[1].height, p.levels[1].bandwidth),
            (Some(720), Some(2_500_000))
        );
        assert!(p.segments.is_empty());
    }

    #[test]
    fn copy_cuts_start_on_a_keyframe() {
        let p = parse(MEDIA);
        assert_eq!(copy_cut(&p, 5.5, 9.0, None), Some((4.0, 9.0)));
        assert_eq!(copy_cut(&p, 5.5, 9.0, Some(2.0)), Some((4.0, 9.0)));
        assert_eq!(copy_cut(&p, 6.5, 40.0, Some(2.0)), Some((6.0, 10.5)));
        assert_eq!(copy_cut(&Playlist::default(), 1.0, 2.0, None), None);
    }

    // proptest needs OS randomness: host only.
    #[cfg(not(target_arch = "wasm32"))]
    mod props {
        use super::*;
        use proptest::prelude::*;

        proptest! {
            #[test]
            fn parse_never_panics(body in "\\PC{0,400}") {
                let p = parse(&body);
                let _ = copy_cut(&p, 1.0, 3.0, Some(2.0));
            }

            #[test]
            fn cut_contains_the_request(durs in proptest::collection::vec(0.5f64..6.0, 1..20),
                                        a in 0.0f64..1.0, b in 0.0f64..1.0) {
                let body: String = durs.iter().enumerate()
                    .map(|(i, d)| format!("#EXTINF:{d},\ns{i}.ts\n")).collect();
                let p = parse(&body);
                let total = p.duration();
                let (cin, cout) = (a.min(b) * total, a.max(b) * total);
                if let Some((s, e)) = copy_cut(&p, cin, cout, None) {
                    prop_assert!(s <= cin && e <= cout + 1e-9);
                    prop_assert!(p.segments.iter().any(|seg| seg.start == s));
                }
            }
        }
    }
}
