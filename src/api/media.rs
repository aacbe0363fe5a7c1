//! Unauthenticated media reads (HLS playlists). Deliberately outside `ApiClient::send`:
//! media may live on another host, and the credential must never travel there.

use super::ApiError;

/// Fetches a text resource (a playlist) without credentials; non-2xx is an error.
pub async fn fetch_text(url: &str) -> Result<String, ApiError> {
    let response = gloo_net::http::Request::get(url)
        .send()
        .await
        .map_err(|e| ApiError::Network(e.to_string()))?;
    let status = response.status();
    let text = response
        .text()
        .await
        .map_err(|e| ApiError::Network(e.to_string()))?;
    if (200..300).contains(&status) {
        Ok(text)
    } else {
        Err(ApiError::from_response(status, &text))
    }
}
