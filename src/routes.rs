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
mod tests;
