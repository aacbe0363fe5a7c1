//! Random identifiers: organisation hashes, stream-name suffixes, API keys and tokens.

use rand::distr::{Alphanumeric, SampleString};

/// `len` random ASCII letters and digits (stream names are case-sensitive, like Bintu's).
pub fn alnum(len: usize) -> String {
    Alphanumeric.sample_string(&mut rand::rng(), len)
}

/// A secret credential: 40 alphanumeric characters (≈ 238 bits).
pub fn secret() -> String {
    alnum(40)
}

/// Shows enough of a secret to recognise it in a log or error, never enough to use it.
pub fn mask(secret: &str) -> String {
    let head: String = secret.chars().take(4).collect();
    if secret.chars().count() <= 4 {
        "****".to_string()
    } else {
        format!("{head}****")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn mask_never_reveals_more_than_four_characters() {
        assert_eq!(mask("abcdefghij"), "abcd****");
        assert_eq!(mask("abc"), "****");
        assert_eq!(mask(""), "****");
    }

    #[test]
    fn secrets_are_long_and_distinct() {
        let (a, b) = (secret(), secret());
        assert_eq!(a.len(), 40);
        assert_ne!(a, b);
    }
}
