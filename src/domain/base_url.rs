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
mod tests;
