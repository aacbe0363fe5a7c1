//! The provider stack and the single route table.

use leptos::prelude::*;
use leptos_router::components::{ParentRoute, Redirect, Route, Router, Routes};
use leptos_router::path;

use crate::components::layout::AppShell;
use crate::pages::not_found::NotFoundPage;
use crate::pages::organisation::OrganisationPage;
use crate::pages::signin::SignInPage;
use crate::session::provide_session;

/// The console.
#[component]
pub fn App() -> impl IntoView {
    provide_session();
    view! {
        <Router>
            <Routes fallback=|| view! { <NotFoundPage/> }>
                <Route path=path!("/signin") view=SignInPage/>
                <ParentRoute path=path!("") view=AppShell>
                    <Route path=path!("") view=|| view! { <Redirect path="/organisation"/> }/>
                    <Route path=path!("organisation") view=OrganisationPage/>
                </ParentRoute>
            </Routes>
        </Router>
    }
}
