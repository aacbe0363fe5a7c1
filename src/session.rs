//! The signed-in session as context: the credential signal, sign-in/out, the API client
//! built on it, and the organisation (loaded once per sign-in, for name, role and packages).

use leptos::prelude::*;

use crate::api::{ApiClient, ApiError};
use crate::domain::credentials::Credentials;
use crate::domain::organisation::Organisation;
use crate::storage;

#[derive(Clone, Copy)]
pub struct Session {
    creds: RwSignal<Option<Credentials>>,
}

impl Session {
    /// The current credential (tracked).
    pub fn credentials(&self) -> Option<Credentials> {
        self.creds.get()
    }

    pub fn is_signed_in(&self) -> bool {
        self.creds.with(Option::is_some)
    }

    pub fn sign_in(&self, creds: Credentials, remember: bool) {
        storage::save(&creds, remember);
        self.creds.set(Some(creds));
    }

    pub fn sign_out(&self) {
        storage::clear();
        self.creds.set(None);
    }

    /// An API client on the current credential; a 401 from it signs the user out, and the
    /// shell's guard then sends them to sign-in with the page they were on.
    pub fn api(&self) -> Option<ApiClient> {
        let this = *self;
        let creds = self.creds.get_untracked()?;
        Some(ApiClient::new(
            creds,
            Some(Callback::new(move |_| this.sign_out())),
        ))
    }
}

pub fn provide_session() {
    provide_context(Session {
        creds: RwSignal::new(storage::load()),
    });
}

pub fn use_session() -> Session {
    expect_context::<Session>()
}

/// The API client for pages inside the signed-in shell.
pub fn use_api() -> ApiClient {
    use_session()
        .api()
        .expect("use_api is only called inside the signed-in shell")
}

/// The caller's organisation, loaded by the shell.
pub type OrgResource = LocalResource<Result<Organisation, ApiError>>;

pub fn use_organisation() -> OrgResource {
    expect_context::<OrgResource>()
}
