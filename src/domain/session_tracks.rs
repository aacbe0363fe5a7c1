//! Why the overview's previews are empty: bintu-local marks each session's recording and
//! replay entries with the tracks it carried (`tracks`, a [P] field; absent on the real
//! cloud, where previews behave as before). When the newest session had no video and no
//! picture of the member was captured since it started, the previews say so instead of
//! showing a stale or missing picture.

use super::process::ProcessKind;
use super::stream::{Member, Stream};
use super::table_rules::member_assets;
use super::time::parse_iso;

/// What the previews show in place of a picture.
pub const NO_VIDEO: &str = "No video in this session";

/// The explanation under the previews when the newest session of the stream carried no
/// video and `member` has no picture captured since it began; `None` otherwise, and when
/// the tracks are not known (unknown is not "no video").
pub fn no_video_note(stream: &Stream, member: &Member) -> Option<String> {
    let p = &stream.playout;
    let newest = p
        .web
        .iter()
        .chain(&p.replay)
        .filter(|a| a.session.is_some())
        .max_by_key(|a| a.session)?;
    let session = newest.session?;
    let without_video = p
        .web
        .iter()
        .chain(&p.replay)
        .filter(|a| a.session == Some(session))
        .filter_map(|a| a.tracks.as_ref())
        .find(|t| t.video == Some(false))?;
    let newer_picture = [ProcessKind::Thumbs, ProcessKind::Motionclip]
        .into_iter()
        .flat_map(|k| member_assets(stream, member, k))
        .filter_map(|a| a.created_at.as_deref().and_then(parse_iso))
        .any(|at| at >= session);
    if newer_picture {
        return None;
    }
    Some(
        without_video
            .note
            .clone()
            .unwrap_or_else(|| format!("{NO_VIDEO}: there are no pictures to show.")),
    )
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::stream::{Asset, AssetTracks};

    fn stream(video: Option<bool>, thumb_at: Option<&str>) -> Stream {
        let mut s = Stream::default();
        s.playout.h5live.push(Member {
            streamname: "a".into(),
            ..Member::default()
        });
        let session = |ms: i64, video: Option<bool>| Asset {
            kind: "vod".into(),
            index: Some(0),
            session: Some(ms),
            tracks: video.map(|v| AssetTracks {
                video: Some(v),
                audio: Some(true),
                note: None,
            }),
            ..Asset::default()
        };
        // 2025-01-01T00:00:00Z is 1735689600000 ms.
        s.playout.web = vec![
            session(1_735_689_600_000, video),
            session(1_000, Some(true)),
        ];
        if let Some(at) = thumb_at {
            s.playout.thumbnails.push(Asset {
                kind: "image".into(),
                index: Some(0),
                created_at: Some(at.into()),
                ..Asset::default()
            });
        }
        s
    }

    #[test]
    fn only_a_known_video_less_newest_session_without_newer_pictures_says_so() {
        let s = stream(Some(false), Some("2024-12-31T23:59:00.000Z"));
        let note = no_video_note(&s, &s.playout.h5live[0]).unwrap();
        assert!(note.starts_with(NO_VIDEO), "{note}");
        // A picture captured after the session began (a newer session with video is live).
        let s = stream(Some(false), Some("2025-01-01T00:00:05.000Z"));
        assert_eq!(no_video_note(&s, &s.playout.h5live[0]), None);
        // Video, or tracks not known: the previews behave as before.
        for video in [Some(true), None] {
            let s = stream(video, None);
            assert_eq!(no_video_note(&s, &s.playout.h5live[0]), None);
        }
        assert_eq!(no_video_note(&Stream::default(), &Member::default()), None);
    }
}
