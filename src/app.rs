//! The provider stack and the single route table.

use leptos::prelude::*;
use leptos_router::components::{ParentRoute, Redirect, Route, Router, Routes};
use leptos_router::path;

use crate::components::layout::AppShell;
use crate::pages::not_found::NotFoundPage;
use crate::pages::organisation::OrganisationPage;
use crate::pages::replay::clip::ClipPage;
use crate::pages::replay::player::ReplayerPage;
use crate::pages::signin::SignInPage;
use crate::pages::streams::create::CreateStreamPage;
use crate::pages::streams::instructions::StreamInstructionsPage;
use crate::pages::streams::list::StreamListPage;
use crate::pages::streams::overview::StreamOverviewPage;
use crate::session::provide_session;

/// The console.
#[component]
pub fn App() -> impl IntoView {
    provide_session();
    view! {
        <Router>
            <Routes fallback=|| view! { <NotFoundPage/> }>
                <Route path=path!("/signin") view=SignInPage/>
                // Public replay pages: their own light layout, no sign-in (share links).
                <Route path=path!("/replay/clip") view=ClipPage/>
                <Route path=path!("/replay/player") view=ReplayerPage/>
                <Route path=path!("/live-replay/replayer") view=ReplayerPage/>
                <Route path=path!("/live-replay/replayer/index.html") view=ReplayerPage/>
                <ParentRoute path=path!("") view=AppShell>
                    <Route path=path!("") view=|| view! { <Redirect path="/stream"/> }/>
                    <Route path=path!("organisation") view=OrganisationPage/>
                    <Route path=path!("stream") view=StreamListPage/>
                    <Route path=path!("stream/create") view=CreateStreamPage/>
                    <Route path=path!("stream/new/:id") view=StreamInstructionsPage/>
                    <Route path=path!("stream/:id") view=StreamOverviewPage/>
                </ParentRoute>
            </Routes>
        </Router>
    }
}
