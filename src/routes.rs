//! The two route tables, built from the segments the link builders use (`domain::paths` for
//! the console, `contract::pages` for the replay pages), and a test that walks every link
//! builder through the same tables with the router's own matching.

use contract::pages::{self, Segments};
use leptos::prelude::*;
use leptos_router::components::Redirect;
use leptos_router::{MatchNestedRoutes, NestedRoute, ParamSegment, StaticSegment};

use crate::components::layout::AppShell;
use crate::domain::paths::{self, CREATE, ID, LIVE, NEW, ORGANISATION, SIGNIN, STREAM};
use crate::pages::live::LiveWallPage;
use crate::pages::organisation::OrganisationPage;
use crate::pages::replay::clip::ClipPage;
use crate::pages::replay::player::ReplayerPage;
use crate::pages::signin::SignInPage;
use crate::pages::streams::create::CreateStreamPage;
use crate::pages::streams::instructions::StreamInstructionsPage;
use crate::pages::streams::list::StreamListPage;
use crate::pages::streams::overview::StreamOverviewPage;

fn home() -> impl IntoView {
    view! { <Redirect path=paths::stream_list()/> }
}

/// The console's pages: sign-in, and the signed-in shell around the rest.
pub fn console() -> impl MatchNestedRoutes + Clone + Send + 'static {
    (
        NestedRoute::new(StaticSegment(SIGNIN), SignInPage),
        NestedRoute::new(StaticSegment(""), AppShell).child((
            NestedRoute::new(StaticSegment(""), home),
            NestedRoute::new(StaticSegment(ORGANISATION), OrganisationPage),
            NestedRoute::new(StaticSegment(LIVE), LiveWallPage),
            NestedRoute::new(StaticSegment(STREAM), StreamListPage),
            NestedRoute::new(
                (StaticSegment(STREAM), StaticSegment(CREATE)),
                CreateStreamPage,
            ),
            NestedRoute::new(
                (StaticSegment(STREAM), StaticSegment(NEW), ParamSegment(ID)),
                StreamInstructionsPage,
            ),
            NestedRoute::new(
                (StaticSegment(STREAM), ParamSegment(ID)),
                StreamOverviewPage,
            ),
        )),
    )
}

/// A two-segment replay page's path (every one of the contract's but the `index.html` alias).
fn two(page: Segments) -> (StaticSegment<&'static str>, StaticSegment<&'static str>) {
    (StaticSegment(page[0]), StaticSegment(page[1]))
}

/// The public replay pages (the contract's paths; `/live-replay/…` is the official alias).
pub fn replay() -> impl MatchNestedRoutes + Clone + Send + 'static {
    let index = pages::LIVE_REPLAYER_INDEX;
    (
        NestedRoute::new(two(pages::REPLAY_CLIP), ClipPage),
        NestedRoute::new(two(pages::REPLAY_PLAYER), ReplayerPage),
        NestedRoute::new(two(pages::LIVE_REPLAYER), ReplayerPage),
        NestedRoute::new(
            (
                StaticSegment(index[0]),
                StaticSegment(index[1]),
                StaticSegment(index[2]),
            ),
            ReplayerPage,
        ),
    )
}

#[cfg(test)]
mod tests {
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
}
