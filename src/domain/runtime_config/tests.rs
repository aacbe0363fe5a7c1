//! The runtime configuration: the viewers' media host and when the official replayer is offered.

use super::*;

const CLOUD: &str = r#"{"apiUrl":"https://bintu.nanocosmos.de","vodBaseUrl":"https://bintu-vod.nanocosmos.de/vod/","officialReplayerUrl":null}"#;

#[test]
fn a_viewer_who_is_not_signed_in_loads_media_from_the_configured_vod_host() {
    let c = RuntimeConfig::parse(CLOUD);
    assert_eq!(
        c.viewer_bucket(None, "https://console.example"),
        "https://bintu-vod.nanocosmos.de/vod/replay"
    );
    assert_eq!(
        c.viewer_bucket(Some("http://127.0.0.1:9"), "https://console.example"),
        "http://127.0.0.1:9/vod/replay",
        "signed in: the signed-in API's media"
    );
    let api_only = RuntimeConfig::parse(r#"{"apiUrl":"http://10.0.0.2:8090"}"#);
    assert_eq!(
        api_only.viewer_bucket(None, "http://o"),
        "http://10.0.0.2:8090/vod/replay"
    );
    let none = RuntimeConfig::parse("<html>not found</html>");
    assert_eq!(none, RuntimeConfig::default());
    assert_eq!(none.viewer_bucket(None, "http://o/"), "http://o/vod/replay");
}

#[test]
fn the_official_replayer_link_is_offered_for_the_real_cloud_only() {
    let c = RuntimeConfig::parse(CLOUD);
    let r = c.official_replayer(None).unwrap();
    assert_eq!(
        r,
        "https://replay.nanocosmos.de/live-replay/replayer/index.html"
    );
    assert_eq!(r, official_replayer_page());
    assert_eq!(
        official_share_url(&r, "abcde-fghij", 10.0, 60.0, Some(1712345678901)).unwrap(),
        "https://replay.nanocosmos.de/live-replay/replayer/index.html?share=YWJjZGUtZmdoaWp8MTB8NjB8MTcxMjM0NTY3ODkwMQ"
    );
    let local = RuntimeConfig::parse(r#"{"apiUrl":"http://127.0.0.1:8090"}"#);
    assert_eq!(local.official_replayer(None), None);
    assert_eq!(local.official_replayer(Some("http://127.0.0.1:8090")), None);
    assert!(RuntimeConfig::default()
        .official_replayer(Some("https://bintu.nanocosmos.de/"))
        .is_some());
    assert_eq!(official_share_url(&r, "a-b", 9.0, 1.0, None), None);
}
