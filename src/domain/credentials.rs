//! The credential the console signs in with, and where it is kept.

use serde::{Deserialize, Serialize};

/// Which Bintu credential header to send.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize, Default)]
pub enum CredentialKind {
    /// Organisation API key: `X-BINTU-APIKEY`.
    #[default]
    ApiKey,
    /// A user's Bintu token: `X-BINTU-TOKEN`.
    Token,
}

impl CredentialKind {
    pub fn header(self) -> &'static str {
        match self {
            CredentialKind::ApiKey => "X-BINTU-APIKEY",
            CredentialKind::Token => "X-BINTU-TOKEN",
        }
    }

    pub fn label(self) -> &'static str {
        match self {
            CredentialKind::ApiKey => "API key",
            CredentialKind::Token => "Bintu token",
        }
    }
}

/// A signed-in session: the API to talk to and the secret to send.
#[derive(Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Credentials {
    pub base_url: String,
    pub kind: CredentialKind,
    pub secret: String,
}

// Hand-written so that a stray `{:?}` can never print the secret.
impl std::fmt::Debug for Credentials {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Credentials")
            .field("base_url", &self.base_url)
            .field("kind", &self.kind)
            .field("secret", &"<redacted>")
            .finish()
    }
}

/// Validates the secret field of the sign-in form.
pub fn validate_secret(kind: CredentialKind, secret: &str) -> Result<String, String> {
    let s = secret.trim();
    if s.is_empty() {
        return Err(format!("Enter your {}.", kind.label()));
    }
    if s.chars().any(|c| c.is_whitespace() || c.is_control()) {
        return Err(format!("The {} must not contain spaces.", kind.label()));
    }
    Ok(s.to_string())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn debug_never_prints_the_secret() {
        let c = Credentials {
            base_url: "http://x".into(),
            kind: CredentialKind::ApiKey,
            secret: "s3cr3t-value".into(),
        };
        let printed = format!("{c:?}");
        assert!(!printed.contains("s3cr3t"), "{printed}");
    }

    #[test]
    fn secret_is_trimmed_and_required() {
        assert_eq!(
            validate_secret(CredentialKind::ApiKey, " abc ").unwrap(),
            "abc"
        );
        assert_eq!(
            validate_secret(CredentialKind::Token, "").unwrap_err(),
            "Enter your Bintu token."
        );
        assert!(validate_secret(CredentialKind::ApiKey, "a b").is_err());
    }

    #[test]
    fn headers_match_bintu() {
        assert_eq!(CredentialKind::ApiKey.header(), "X-BINTU-APIKEY");
        assert_eq!(CredentialKind::Token.header(), "X-BINTU-TOKEN");
    }
}
