//! Every link builder's path, console and replay, matched through the real route table (and the
//! check itself fails on a path without a route).

use leptos_router::RouteDefs;

use super::*;
use crate::components::layout::nav;
use crate::domain::base_url::safe_return_path;
use crate::domain::list_query::ListFilter;
use crate::domain::replay_urls::{share_url, ReplayConfig};

/// Whether the table has a route for the path part of `href`, as the router decides.
fn matches<R: MatchNestedRoutes>(routes: R, href: &str) -> bool {
    let path = href.split(['?', '#']).next().unwrap_or_default();
    RouteDefs::new(routes).match_route(path).is_some()
}

#[test]
fn every_console_link_has_a_route() {
    let mut links = vec![
        paths::stream_list(),
        paths::stream_create(),
        paths::stream_new("8a3b-x"),
        paths::stream_overview("a/b c"),
        paths::organisation(),
        paths::live_wall(),
        crate::domain::live_wall::href(&["a b".into()]),
        paths::signin(Some("/stream/x?tab=2")),
        paths::signin(None),
        safe_return_path(None),
        ListFilter::from_search("state=live&tag=a&page=2").href(),
        "/".to_string(),
    ];
    links.extend(nav().into_iter().map(|(_, href, _)| href));
    for link in links {
        assert!(
            matches(console(), &link),
            "console link without a route: {link}"
        );
        assert!(!matches(replay(), &link), "{link} is also a replay route");
    }
}

#[test]
fn every_replay_link_has_a_route() {
    let cfg = ReplayConfig::ours("http://h/vod/replay", "http://h");
    let mut links = vec![
        paths::replay_clip("ab-cd", Some(17)),
        paths::replay_watch("ab-cd-abr", None),
    ];
    for c in [cfg.clone(), cfg.with_official_path()] {
        let url = share_url(&c, "ab-cd", 1.0, 9.0, Some(17)).unwrap();
        links.push(url.trim_start_matches("http://h").to_string());
    }
    links.extend(pages::REPLAY_PAGES.into_iter().map(pages::path));
    for link in links {
        assert!(
            matches(replay(), &link),
            "replay link without a route: {link}"
        );
        assert!(
            paths::is_replay_page(&link),
            "{link} is not told a replay page"
        );
        assert!(!matches(console(), &link), "{link} is also a console route");
    }
}

#[test]
fn the_check_fails_on_a_path_without_a_route() {
    for bad in [
        "/stream/a/b",
        "/streams",
        "/replay/clips",
        "/organisation/x",
    ] {
        assert!(!matches(console(), bad) && !matches(replay(), bad), "{bad}");
    }
}
