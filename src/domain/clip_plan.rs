//! What "Download MP4" fetches and cuts: the segments of a media playlist that a
//! `-c copy` cut of `[cue_in, cue_out]` delivers (from the keyframe that starts the segment
//! holding `cue_in`, see [`copy_cut`]), the cut's offsets from the first of them, and the name
//! the browser saves the file under (the same as the named ffmpeg command's output).

use super::playlist::{copy_cut, Playlist};

/// The download of one clip.
#[derive(Clone, Debug, PartialEq)]
pub struct ClipPlan {
    /// Segment URIs as the playlist writes them, in order.
    pub uris: Vec<String>,
    /// Seconds from the first segment's start where the cut starts (a keyframe) and ends.
    pub from: f64,
    pub to: f64,
    /// The delivered range in session seconds (what the panel shows).
    pub delivered: (f64, f64),
}

/// The segments and offsets of the `-c copy` cut of `[cue_in, cue_out]`; `None` when the
/// playlist does not cover the start point or the range is empty.
pub fn plan(p: &Playlist, cue_in: f64, cue_out: f64) -> Option<ClipPlan> {
    let (start, end) = copy_cut(p, cue_in, cue_out, None)?;
    let segs: Vec<_> = p
        .segments
        .iter()
        .filter(|s| s.end() > start && s.start < end)
        .collect();
    let first = segs.first()?.start;
    Some(ClipPlan {
        uris: segs.iter().map(|s| s.uri.clone()).collect(),
        from: start - first,
        to: end - first,
        delivered: (start, end),
    })
}

/// `<name>-<in>s-<out>s.mp4`, the name characters outside `[A-Za-z0-9-]` replaced by `_`
/// (safe in a shell line and on every file system), `in` rounded down and `out` up.
pub fn clip_file_name(name: &str, cue_in: f64, cue_out: f64) -> String {
    let safe: String = name
        .chars()
        .map(|c| {
            if c.is_ascii_alphanumeric() || c == '-' {
                c
            } else {
                '_'
            }
        })
        .collect();
    format!(
        "{safe}-{}s-{}s.mp4",
        cue_in.floor() as i64,
        cue_out.ceil() as i64
    )
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::playlist::parse;

    const MEDIA: &str = "#EXTM3U\n#EXT-X-TARGETDURATION:4\n#EXTINF:4.000,\nab-cd-100.ts\n#EXTINF:4.000,\nab-cd-104.ts\n#EXTINF:2.5,\nab-cd-108.ts\n#EXT-X-ENDLIST\n";

    #[test]
    fn takes_the_segments_of_the_copy_cut() {
        let p = parse(MEDIA);
        let c = plan(&p, 5.2, 9.0).unwrap();
        assert_eq!(c.uris, ["ab-cd-104.ts", "ab-cd-108.ts"]);
        assert_eq!(c.delivered, (4.0, 9.0));
        assert_eq!((c.from, c.to), (0.0, 5.0));
        // An end on a boundary does not pull in the next segment.
        let c = plan(&p, 0.5, 4.0).unwrap();
        assert_eq!(c.uris, ["ab-cd-100.ts"]);
        assert_eq!((c.from, c.to), (0.0, 4.0));
    }

    #[test]
    fn an_end_past_the_playlist_is_clamped_and_an_empty_cut_is_no_plan() {
        let p = parse(MEDIA);
        let c = plan(&p, 9.0, 60.0).unwrap();
        assert_eq!(c.uris, ["ab-cd-108.ts"]);
        assert_eq!(c.delivered, (8.0, 10.5));
        assert_eq!(plan(&parse("#EXTM3U\n"), 0.0, 5.0), None);
        // An end before the keyframe that starts the cut delivers nothing.
        assert_eq!(plan(&p, 5.0, 3.5), None);
    }

    #[test]
    fn file_names_are_safe() {
        assert_eq!(clip_file_name("ab-cd", 1.5, 9.25), "ab-cd-1s-10s.mp4");
        assert_eq!(clip_file_name("a b/c'd", 0.0, 3.0), "a_b_c_d-0s-3s.mp4");
    }
}
