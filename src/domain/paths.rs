//! In-app links (hrefs) and the console's route segments, in one place: the route table
//! (`crate::routes`) is built from these segments and the link builders below from the same
//! ones, and a test there walks every builder through the real router. Replay routes mirror
//! the official demo's parameters (dashboard-ui.md §1.0, §3); their paths are the contract's.

use contract::pages;

use super::urls::encode_component;

/// Route segments of the console build.
pub const SIGNIN: &str = "signin";
pub const STREAM: &str = "stream";
pub const CREATE: &str = "create";
pub const NEW: &str = "new";
pub const ORGANISATION: &str = "organisation";
pub const LIVE: &str = "live";
/// The stream-id parameter of `/stream/:id` and `/stream/new/:id`.
pub const ID: &str = "id";
/// The sign-in page's parameter naming where to go back to.
pub const NEXT_PARAM: &str = "next";

pub fn stream_list() -> String {
    format!("/{STREAM}")
}

pub fn stream_create() -> String {
    format!("/{STREAM}/{CREATE}")
}

/// The "Easy instructions" page after creation.
pub fn stream_new(id: &str) -> String {
    format!("/{STREAM}/{NEW}/{}", encode_component(id))
}

/// The live wall: every live stream as a tile.
pub fn live_wall() -> String {
    format!("/{LIVE}")
}

pub fn stream_overview(id: &str) -> String {
    format!("/{STREAM}/{}", encode_component(id))
}

pub fn organisation() -> String {
    format!("/{ORGANISATION}")
}

/// Sign-in, returning to `next` (a local path) afterwards.
pub fn signin(next: Option<&str>) -> String {
    match next {
        Some(n) => format!("/{SIGNIN}?{NEXT_PARAM}={}", encode_component(n)),
        None => format!("/{SIGNIN}"),
    }
}

/// Clip & Share for a stream name (`<name>` or the virtual `<name>-abr`); `session = None`
/// means the latest session, found through `#EXT-X-NANO-PLAYLIST`.
pub fn replay_clip(streamname: &str, session: Option<i64>) -> String {
    pages::replay_link(pages::REPLAY_CLIP, &encode_component(streamname), session)
}

/// Watch Replay: the replayer on a whole session (or the latest one).
pub fn replay_watch(streamname: &str, session: Option<i64>) -> String {
    pages::replay_link(pages::REPLAY_PLAYER, &encode_component(streamname), session)
}

/// A path and the router's `search` (which comes without the `?`, though a `?` is tolerated)
/// as one address: `/stream` + `state=live` → `/stream?state=live`.
pub fn with_search(path: &str, search: &str) -> String {
    match search.strip_prefix('?').unwrap_or(search) {
        "" => path.to_string(),
        q => format!("{path}?{q}"),
    }
}

/// Whether `path` is one of the public replay pages, which are a separate, smaller wasm
/// build (`nano-replay`, `replay.html`); everything else is the console. bintu-local makes
/// the same split with the same function when it serves a navigation.
pub use contract::pages::is_replay_page;

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn with_search_joins_the_router_search_with_one_question_mark() {
        assert_eq!(with_search("/stream", ""), "/stream");
        assert_eq!(with_search("/stream", "state=live"), "/stream?state=live");
        assert_eq!(with_search("/stream", "?state=live"), "/stream?state=live");
        assert_eq!(with_search("/stream", "?"), "/stream");
    }

    #[test]
    fn replay_links_carry_the_demo_parameters() {
        assert_eq!(replay_clip("ab-cd", None), "/replay/clip?streamname=ab-cd");
        assert_eq!(
            replay_clip("ab-cd-abr", Some(17)),
            "/replay/clip?streamname=ab-cd-abr&session=17"
        );
        assert_eq!(
            replay_watch("ab-cd", Some(5)),
            "/replay/player?streamname=ab-cd&session=5"
        );
        assert_eq!(stream_overview("a/b"), "/stream/a%2Fb");
        assert_eq!(stream_new("x"), "/stream/new/x");
    }

    #[test]
    fn replay_pages_are_told_from_console_pages() {
        for p in [replay_clip("a", None), replay_watch("a", Some(1))] {
            assert!(is_replay_page(&p), "{p}");
        }
        assert!(is_replay_page("/live-replay/replayer/index.html"));
        for p in ["/stream", "/replay", "/stream/replay/x", "/signin", "/"] {
            assert!(!is_replay_page(p), "{p}");
        }
    }
}
