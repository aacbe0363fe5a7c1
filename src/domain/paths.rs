//! In-app links (hrefs), built in one place so links and the route table cannot drift.
//! Replay routes mirror the official demo's parameters (dashboard-ui.md §1.0, §3).

use contract::pages;

use super::urls::encode_component;

pub fn stream_list() -> String {
    "/stream".into()
}

pub fn stream_create() -> String {
    "/stream/create".into()
}

/// The "Easy instructions" page after creation.
pub fn stream_new(id: &str) -> String {
    format!("/stream/new/{}", encode_component(id))
}

pub fn stream_overview(id: &str) -> String {
    format!("/stream/{}", encode_component(id))
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
