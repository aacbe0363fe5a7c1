//! `ApiClient`: the base URL and credential, one private `send` that adds the credential
//! header and maps non-2xx answers to `ApiError`, and one method per Bintu endpoint.
//! The only module that talks to the Bintu API (it is the only user of gloo-net's Request
//! for it); paths come from `domain::urls`, which is tested natively.

use gloo_net::http::{Method, RequestBuilder};
use leptos::prelude::{Callable, Callback};
use serde::de::DeserializeOwned;
use serde::Serialize;
use serde_json::json;

use super::ApiError;
use crate::domain::credentials::Credentials;
use crate::domain::organisation::Organisation;
use crate::domain::process::Process;
use crate::domain::stream::{NewStream, Stream, TranscodingProfile};
use crate::domain::urls::{self, StreamQuery};

#[derive(Clone)]
pub struct ApiClient {
    creds: Credentials,
    /// Called on any 401, so the app can send the user to sign-in (keeping their page).
    on_unauthorized: Option<Callback<()>>,
}

impl ApiClient {
    pub fn new(creds: Credentials, on_unauthorized: Option<Callback<()>>) -> Self {
        Self {
            creds,
            on_unauthorized,
        }
    }

    pub fn base_url(&self) -> &str {
        &self.creds.base_url
    }

    async fn send<T: DeserializeOwned>(
        &self,
        method: Method,
        path: &str,
        body: Option<serde_json::Value>,
    ) -> Result<T, ApiError> {
        let url = format!("{}{path}", self.creds.base_url);
        let builder = RequestBuilder::new(&url)
            .method(method)
            .header("Accept", "application/json")
            .header(self.creds.kind.header(), &self.creds.secret);
        let request = match body {
            Some(b) => builder.json(&b),
            None => builder.build(),
        }
        .map_err(|e| ApiError::Network(e.to_string()))?;
        let response = request
            .send()
            .await
            .map_err(|e| ApiError::Network(e.to_string()))?;
        let status = response.status();
        let text = response
            .text()
            .await
            .map_err(|e| ApiError::Network(e.to_string()))?;
        if !(200..300).contains(&status) {
            let err = ApiError::from_response(status, &text);
            if err.is_unauthorized() {
                if let Some(cb) = self.on_unauthorized {
                    cb.run(());
                }
            }
            return Err(err);
        }
        serde_json::from_str(&text).map_err(|e| ApiError::Decode(e.to_string()))
    }

    fn to_value<B: Serialize>(body: &B) -> Result<serde_json::Value, ApiError> {
        serde_json::to_value(body).map_err(|e| ApiError::Decode(e.to_string()))
    }

    /// `GET /organisation`.
    pub async fn get_organisation(&self) -> Result<Organisation, ApiError> {
        self.send(Method::GET, "/organisation", None).await
    }

    /// `GET /stream` with filters and paging.
    pub async fn list_streams(&self, query: &StreamQuery) -> Result<Vec<Stream>, ApiError> {
        self.send(Method::GET, &query.path(), None).await
    }

    /// `GET /stream/{id}?asset_limit=n`.
    pub async fn get_stream(&self, id: &str, asset_limit: Option<u32>) -> Result<Stream, ApiError> {
        self.send(Method::GET, &urls::stream_path(id, asset_limit), None)
            .await
    }

    /// `POST /stream`.
    pub async fn create_stream(&self, body: &NewStream) -> Result<Stream, ApiError> {
        self.send(Method::POST, "/stream", Some(Self::to_value(body)?))
            .await
    }

    /// `PUT /stream/{id}/tag`: replaces all tags.
    pub async fn set_tags(&self, id: &str, tags: &[String]) -> Result<Stream, ApiError> {
        let body = json!({ "tags": tags });
        self.send(
            Method::PUT,
            &urls::stream_action_path(id, "tag"),
            Some(body),
        )
        .await
    }

    /// `PUT /stream/{member id}/processing`: replaces one member's list (applies at the next
    /// publish). A proposal (CONTRACT.md); kept in this one method so it is easy to switch.
    pub async fn set_processing(
        &self,
        member_id: &str,
        list: &[Process],
    ) -> Result<Stream, ApiError> {
        let body = json!({ "processing": list });
        self.send(
            Method::PUT,
            &urls::stream_action_path(member_id, "processing"),
            Some(body),
        )
        .await
    }

    /// `PUT /stream/{group id}/processing` with one list per member (`{"processing":[[..],[..]]}`),
    /// applied to the whole group at once (CONTRACT.md proposal).
    pub async fn set_group_processing(
        &self,
        group_id: &str,
        lists: &[Vec<Process>],
    ) -> Result<Stream, ApiError> {
        let body = json!({ "processing": lists });
        self.send(
            Method::PUT,
            &urls::stream_action_path(group_id, "processing"),
            Some(body),
        )
        .await
    }

    /// `PUT /stream/{id}/lock`, `/unlock` or `/stop`.
    pub async fn stream_action(&self, id: &str, action: StreamAction) -> Result<Stream, ApiError> {
        self.send(
            Method::PUT,
            &urls::stream_action_path(id, action.path()),
            None,
        )
        .await
    }

    /// `DELETE /stream/{id}`.
    pub async fn delete_stream(&self, id: &str) -> Result<serde_json::Value, ApiError> {
        self.send(Method::DELETE, &urls::stream_path(id, None), None)
            .await
    }

    /// `GET /tag`: the organisation's tags, most used first.
    pub async fn list_tags(&self) -> Result<Vec<String>, ApiError> {
        self.send(Method::GET, "/tag", None).await
    }

    /// `GET /transcoding/profiles`.
    pub async fn transcoding_profiles(&self) -> Result<Vec<TranscodingProfile>, ApiError> {
        self.send(Method::GET, "/transcoding/profiles", None).await
    }
}

/// The state-changing stream actions (nanoAdmin only).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum StreamAction {
    Lock,
    Unlock,
    Stop,
}

impl StreamAction {
    fn path(self) -> &'static str {
        match self {
            StreamAction::Lock => "lock",
            StreamAction::Unlock => "unlock",
            StreamAction::Stop => "stop",
        }
    }
}
