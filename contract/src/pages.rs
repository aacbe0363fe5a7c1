//! The paths that split the console's two wasm builds: the public replay pages (share
//! links; `replay.html`, built into [`REPLAY_APP`]) and the console (`index.html`).
//! bintu-local serves the replay build for [`is_replay_page`] navigations and links to
//! Clip & Share; the console routes and links to them. Each page is a list of path
//! segments, so the routers are built from the same values as the links.

/// `dist/` subdirectory and public URL path (`/replay-app/`) of the replay pages' build.
/// The Makefile reads this line (the one place the name is written).
pub const REPLAY_APP: &str = "replay-app";

/// A page's path, as segments.
pub type Segments = &'static [&'static str];

/// The first segment of our replay pages (`/replay/…`) and of the official replayer's
/// path (`/live-replay/…`): the two prefixes that split the builds.
pub const REPLAY: &str = "replay";
pub const LIVE_REPLAY: &str = "live-replay";
const REPLAYER: &str = "replayer";
/// The second segment of Clip & Share. `scripts/shell-head.sh` reads these `pub const`
/// lines (`REPLAY`, `LIVE_REPLAY`, `CLIP`) for the static shell's skeleton picker.
pub const CLIP: &str = "clip";

/// Our Clip & Share page: `/replay/clip?streamname=<name>[&session=<ms>]`.
pub const REPLAY_CLIP: Segments = &[REPLAY, CLIP];
/// Our replayer: `/replay/player?streamname=..` or `?share=<code>`.
pub const REPLAY_PLAYER: Segments = &[REPLAY, "player"];
/// The official replayer's path, served by the same page.
pub const LIVE_REPLAYER: Segments = &[LIVE_REPLAY, REPLAYER];
/// The official replayer's path with its `index.html`.
pub const LIVE_REPLAYER_INDEX: Segments = &[LIVE_REPLAY, REPLAYER, "index.html"];

/// Every replay page.
pub const REPLAY_PAGES: [Segments; 4] = [
    REPLAY_CLIP,
    REPLAY_PLAYER,
    LIVE_REPLAYER,
    LIVE_REPLAYER_INDEX,
];

/// The query parameters of the links to the replay pages.
pub const STREAMNAME_PARAM: &str = "streamname";
pub const SESSION_PARAM: &str = "session";

/// `/a/b` for `["a", "b"]`.
pub fn path(page: Segments) -> String {
    page.iter().map(|s| format!("/{s}")).collect()
}

/// Whether `path` belongs to the replay pages' build: its first segment is a replay page's
/// (`/replay/…`, `/live-replay/…`). Everything else is the console's.
pub fn is_replay_page(path: &str) -> bool {
    let Some((first, _)) = path.strip_prefix('/').and_then(|p| p.split_once('/')) else {
        return false;
    };
    first == REPLAY || first == LIVE_REPLAY
}

/// A link to a replay page for a stream name that the caller has already percent-encoded
/// for a query (`session = None`: the latest session).
pub fn replay_link(page: Segments, encoded_streamname: &str, session_ms: Option<i64>) -> String {
    let mut s = format!("{}?{STREAMNAME_PARAM}={encoded_streamname}", path(page));
    if let Some(ms) = session_ms {
        s.push_str(&format!("&{SESSION_PARAM}={ms}"));
    }
    s
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn paths_and_links() {
        assert_eq!(path(REPLAY_PLAYER), "/replay/player");
        assert_eq!(
            path(LIVE_REPLAYER_INDEX),
            "/live-replay/replayer/index.html"
        );
        assert_eq!(
            replay_link(REPLAY_CLIP, "a-b", None),
            "/replay/clip?streamname=a-b"
        );
        assert_eq!(
            replay_link(REPLAY_PLAYER, "a-b-abr", Some(17)),
            "/replay/player?streamname=a-b-abr&session=17"
        );
    }

    #[test]
    fn replay_pages_are_told_from_console_pages() {
        for p in REPLAY_PAGES {
            assert!(is_replay_page(&path(p)), "{p:?}");
        }
        assert!(is_replay_page("/replay/anything"));
        assert!(is_replay_page("/live-replay/x"));
        for p in [
            "/stream",
            "/replay",
            "/stream/replay/x",
            "/signin",
            "/",
            "",
            "replay/clip",
        ] {
            assert!(!is_replay_page(p), "{p}");
        }
    }
}
