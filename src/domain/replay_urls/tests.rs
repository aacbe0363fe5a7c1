//! The library's URL builders against the spec's examples and edge cases.

use super::*;

const B: &str = OFFICIAL_BUCKET;

fn cfg() -> ReplayConfig {
    ReplayConfig::ours(B, "https://replay.nanocosmos.de/").with_official_path()
}

#[test]
fn buckets_follow_the_api_base() {
    assert_eq!(
        bucket_for(Some("https://bintu.nanocosmos.de"), "http://o"),
        B
    );
    assert_eq!(
        bucket_for(Some("http://127.0.0.1:9/"), "http://o"),
        "http://127.0.0.1:9/vod/replay"
    );
    assert_eq!(bucket_for(None, "http://o/"), "http://o/vod/replay");
}

#[test]
fn playlists_put_abr_before_the_session() {
    assert_eq!(playlist_url(B, "ab-cd", None), format!("{B}/ab-cd.m3u8"));
    assert_eq!(
        playlist_url(B, "ab-cd", Some(17)),
        format!("{B}/ab-cd-17.m3u8")
    );
    assert_eq!(
        playlist_url(B, "ab-cd-abr", Some(17)),
        format!("{B}/ab-cd-abr-17.m3u8")
    );
    assert_eq!(
        abr_playlist_url(B, "ab-cd", None),
        format!("{B}/ab-cd-abr.m3u8")
    );
}

#[test]
fn share_embed_and_ffmpeg_match_the_spec_examples() {
    let s = Some(1712345678901);
    assert_eq!(
        share_url(&cfg(), "abcde-fghij", 10.0, 60.0, s).unwrap(),
        "https://replay.nanocosmos.de/live-replay/replayer?share=YWJjZGUtZmdoaWp8MTB8NjB8MTcxMjM0NTY3ODkwMQ"
    );
    assert_eq!(
        embed_url(&cfg(), "abcde-fghij", 10.0, 60.0, s).unwrap(),
        "https://replay.nanocosmos.de/live-replay/replayer?streamname=abcde-fghij&from=2024-04-05T19:34:48.901Z&to=2024-04-05T19:35:38.901Z&session=1712345678901"
    );
    assert_eq!(
        ffmpeg_command(B, "abcde-fghij", 10.0, 60.0, s).unwrap(),
        "ffmpeg -ss 10.000 -to 60.000 -i https://bintu-vod.nanocosmos.de/vod/replay/abcde-fghij-1712345678901.m3u8 -c copy -y shared.mp4"
    );
    assert_eq!(
        ffmpeg_command_named(B, "ab-cd-abr", 1.5, 9.25, Some(3)).unwrap(),
        format!("ffmpeg -ss 1.500 -to 9.250 -i '{B}/ab-cd-abr-3.m3u8' -c copy -y 'ab-cd-abr-1s-10s.mp4'")
    );
}

#[test]
fn impossible_intervals_give_nothing_instead_of_throwing() {
    assert_eq!(embed_url(&cfg(), "a-b", 5.0, f64::NAN, Some(1)), None);
    assert_eq!(embed_url(&cfg(), "a-b", 0.0, 0.0, Some(1)), None);
    assert_eq!(embed_url(&cfg(), "a-b", 1.0, 9.0, None), None);
    assert_eq!(embed_url(&cfg(), "a-b", 1.0, 1e13, Some(1)), None);
    assert_eq!(ffmpeg_command(B, "a-b", 9.0, 1.0, None), None);
    assert_eq!(share_url(&cfg(), "a-b", -1.0, 1.0, None), None);
    // Fractional milliseconds are truncated, like TimeClip.
    let e = embed_url(&cfg(), "a-b", 0.0019, 1.0, Some(1000)).unwrap();
    assert!(e.contains("from=1970-01-01T00:00:01.001Z"), "{e}");
}

#[test]
fn iframe_escapes_the_url() {
    assert_eq!(
        iframe_snippet("h?a=1&b=\"2\""),
        "<iframe src=\"h?a=1&amp;b=&quot;2&quot;\" width=\"640\" height=\"360\" allow=\"autoplay; fullscreen\" allowfullscreen style=\"border:0\"></iframe>"
    );
}

#[test]
fn sessions_from_numbers_and_file_names() {
    assert_eq!(session_from_filename("1712345678901"), Some(1712345678901));
    assert_eq!(
        session_from_filename("ab-cd-1712345678901.m3u8"),
        Some(1712345678901)
    );
    // The official quirk: index 2 of an ABR file name is "abr".
    assert_eq!(session_from_filename("ab-cd-abr-17.m3u8"), None);
    assert_eq!(session_from_filename("0"), None);
    assert_eq!(session_from_filename("undefined"), None);
    assert_eq!(
        js_iso(-62198755200000.0).as_deref(),
        Some("-000001-01-01T00:00:00.000Z")
    );
    assert_eq!(
        js_iso(253402300800000.0).as_deref(),
        Some("+010000-01-01T00:00:00.000Z")
    );
}
