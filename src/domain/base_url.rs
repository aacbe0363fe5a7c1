//! Normalising the API base URL the user types on the sign-in page.

/// Turns what a user typed into a base URL without a trailing slash.
///
/// Empty input means "the origin that served the console" (`origin`). A bare host gets
/// `https://` (the real Bintu API is HTTPS) unless it is a loopback host, which gets `http://`.
pub fn normalize_base_url(input: &str, origin: &str) -> Result<String, String> {
    let s = input.trim();
    if s.is_empty() {
        return Ok(origin.trim_end_matches('/').to_string());
    }
    if s.chars().any(char::is_whitespace) {
        return Err("The API URL must not contain spaces.".into());
    }
    let with_scheme = if s.starts_with("http://") || s.starts_with("https://") {
        s.to_string()
    } else if s.contains("://") {
        return Err("The API URL must start with http:// or https://.".into());
    } else if is_loopback(s) {
        format!("http://{s}")
    } else {
        format!("https://{s}")
    };
    let rest = with_scheme.split_once("://").map(|(_, r)| r).unwrap_or("");
    let host = rest.split(['/', '?', '#']).next().unwrap_or("");
    if host.is_empty() || host.starts_with(':') {
        return Err("The API URL needs a host name, e.g. https://bintu.nanocosmos.de.".into());
    }
    if rest.contains(['?', '#']) {
        return Err("The API URL must not contain a query or fragment.".into());
    }
    Ok(with_scheme.trim_end_matches('/').to_string())
}

fn is_loopback(s: &str) -> bool {
    let host = s.split(['/', ':']).next().unwrap_or("");
    host == "localhost" || host.starts_with("127.") || s.starts_with("[::1]")
}

/// True when `base` is the origin that served the console (the embedded bintu-local).
pub fn is_same_origin(base: &str, origin: &str) -> bool {
    base.trim_end_matches('/') == origin.trim_end_matches('/')
}

#[cfg(test)]
mod tests {
    use super::*;

    const ORIGIN: &str = "http://127.0.0.1:8090";

    #[test]
    fn empty_means_the_serving_origin() {
        assert_eq!(normalize_base_url("  ", ORIGIN).unwrap(), ORIGIN);
    }

    #[test]
    fn bare_hosts_get_a_scheme_and_lose_the_trailing_slash() {
        assert_eq!(
            normalize_base_url("bintu.nanocosmos.de/", ORIGIN).unwrap(),
            "https://bintu.nanocosmos.de"
        );
        assert_eq!(
            normalize_base_url("localhost:8090", ORIGIN).unwrap(),
            "http://localhost:8090"
        );
        assert_eq!(
            normalize_base_url("127.0.0.1:9", ORIGIN).unwrap(),
            "http://127.0.0.1:9"
        );
        assert_eq!(
            normalize_base_url("https://bintu.nanocosmos.de///", ORIGIN).unwrap(),
            "https://bintu.nanocosmos.de"
        );
        assert_eq!(
            normalize_base_url("http://h/api/", ORIGIN).unwrap(),
            "http://h/api"
        );
    }

    #[test]
    fn rejects_what_cannot_be_a_base_url() {
        for bad in [
            "ftp://x",
            "https://",
            "https://:80",
            "http://a b",
            "https://h/?k=1",
            "h#x",
        ] {
            assert!(normalize_base_url(bad, ORIGIN).is_err(), "{bad}");
        }
    }

    #[test]
    fn same_origin_ignores_trailing_slash() {
        assert!(is_same_origin("http://127.0.0.1:8090/", ORIGIN));
        assert!(!is_same_origin("https://bintu.nanocosmos.de", ORIGIN));
    }
}

/// Where to go after sign-in: the `next` the guard recorded, if it is a local path.
/// Anything else (absent, `//host`, `https://…`) goes to the stream list: no open redirect.
pub fn safe_return_path(next: Option<&str>) -> String {
    match next {
        Some(p) if p.starts_with('/') && !p.starts_with("//") && !p.starts_with("/\\") => {
            p.to_string()
        }
        _ => super::paths::stream_list(),
    }
}

#[cfg(test)]
mod return_path_tests {
    use super::safe_return_path;

    #[test]
    fn only_local_paths_are_followed() {
        assert_eq!(
            safe_return_path(Some("/stream/abc?tab=2")),
            "/stream/abc?tab=2"
        );
        for bad in [
            None,
            Some(""),
            Some("//evil.example"),
            Some("https://evil"),
            Some("/\\evil"),
        ] {
            assert_eq!(safe_return_path(bad), "/stream", "{bad:?}");
        }
    }
}
