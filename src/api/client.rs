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
use crate::domain::answers::{self, StreamList};
use crate::domain::credentials::Credentials;
use crate::domain::lenient::read_list;
use crate::domain::new_stream::NewStream;
use crate::domain::organisation::{self, Organisation};
use crate::domain::process::Process;
use crate::domain::stream::Stream;
use crate::domain::transcoding::TranscodingProfile;
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

    /// The body of a 2xx answer as text (possibly empty).
    async fn send_text(
        &self,
        method: Method,
        path: &str,
        body: Option<serde_json::Value>,
    ) -> Result<String, ApiError> {
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
        Ok(text)
    }

    async fn send<T: DeserializeOwned>(
        &self,
        method: Method,
        path: &str,
        body: Option<serde_json::Value>,
    ) -> Result<T, ApiError> {
        let text = self.send_text(method, path, body).await?;
        serde_json::from_str(&text).map_err(|e| ApiError::Decode(e.to_string()))
    }

    fn to_value<B: Serialize>(body: &B) -> Result<serde_json::Value, ApiError> {
        serde_json::to_value(body).map_err(|e| ApiError::Decode(e.to_string()))
    }

    /// `GET /organisation` (its body is documented nowhere). When the API has no such call,
    /// the documented `GET /stream?quantity=1` proves the credential instead and the
    /// organisation reports nothing; either way one authenticated 2xx is enough.
    pub async fn get_organisation(&self) -> Result<Organisation, ApiError> {
        match self.send_text(Method::GET, "/organisation", None).await {
            Ok(body) => Ok(organisation::read_organisation(&body)),
            Err(e) if organisation::organisation_missing(e.status()) => {
                self.send_text(Method::GET, organisation::SIGN_IN_FALLBACK_PATH, None)
                    .await?;
                Ok(Organisation::unreported())
            }
            Err(e) => Err(e),
        }
    }

    /// `GET /stream` with filters and paging; streams that cannot be read are counted.
    pub async fn list_streams(&self, query: &StreamQuery) -> Result<StreamList, ApiError> {
        let text = self.send_text(Method::GET, &query.path(), None).await?;
        answers::stream_list(&text).map_err(ApiError::Decode)
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

    /// `PUT /stream/{member id}/processing`: replaces one member's list (applies at the next
    /// publish). A proposal (CONTRACT.md); kept in this one method so it is easy to switch.
    pub async fn set_processing(
        &self,
        member_id: &str,
        list: &[Process],
    ) -> Result<Stream, ApiError> {
        self.put_processing(member_id, json!({ "processing": list }))
            .await
    }

    /// `PUT /stream/{group id}/processing` with one list per member (`{"processing":[[..],[..]]}`),
    /// applied to the whole group at once (CONTRACT.md proposal).
    pub async fn set_group_processing(
        &self,
        group_id: &str,
        lists: &[Vec<Process>],
    ) -> Result<Stream, ApiError> {
        self.put_processing(group_id, json!({ "processing": lists }))
            .await
    }

    /// `PUT /stream/{id}/processing` with `body`: the one place that path is sent to.
    async fn put_processing(&self, id: &str, body: serde_json::Value) -> Result<Stream, ApiError> {
        let path = urls::stream_action_path(id, "processing");
        self.send(Method::PUT, &path, Some(body)).await
    }

    /// `PUT /stream/{id}/lock`, `/unlock` or `/stop`. Any 2xx is success; the stream comes
    /// back only when the body holds one (the docs show no body), else the caller refetches.
    pub async fn stream_action(
        &self,
        id: &str,
        action: StreamAction,
    ) -> Result<Option<Stream>, ApiError> {
        let path = urls::stream_action_path(id, action.path());
        let text = self.send_text(Method::PUT, &path, None).await?;
        Ok(answers::action_answer(&text))
    }

    /// `DELETE /stream/{id}`: any 2xx is success, whatever its body.
    pub async fn delete_stream(&self, id: &str) -> Result<(), ApiError> {
        self.send_text(Method::DELETE, &urls::stream_path(id, None), None)
            .await
            .map(|_| ())
    }

    /// `GET /tag`: the organisation's tags, most used first.
    /// Strings or `{name}` objects (the shape is a proposal); anything else is left out.
    pub async fn list_tags(&self) -> Result<Vec<String>, ApiError> {
        let v: serde_json::Value = self.send(Method::GET, "/tag", None).await?;
        Ok(crate::domain::tags::read_tag_list(&v))
    }

    /// `GET /transcoding/profiles` (a profile that cannot be read is left out).
    pub async fn transcoding_profiles(&self) -> Result<Vec<TranscodingProfile>, ApiError> {
        let v: serde_json::Value = self
            .send(Method::GET, "/transcoding/profiles", None)
            .await?;
        Ok(read_list(v).0)
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
