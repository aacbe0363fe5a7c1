//! The pages' headers: the inline bootstrap allowed by its hash alone, framing denied to the
//! console and allowed to the replay pages.

use super::*;

const TRUNK: &str = "<head><link rel=\"modulepreload\" href=\"/a-1.js\">\
    <script type=\"module\">import init from '/a-1.js';await init();</script>\
    <script src=\"/public/x.js\"></script></head>";

#[test]
fn inline_bootstrap_is_allowed_by_its_hash_and_nothing_else_inline() {
    assert_eq!(
        inline_scripts(TRUNK),
        ["import init from '/a-1.js';await init();"]
    );
    let csp = content_security_policy(TRUNK, false);
    let want = base64::engine::general_purpose::STANDARD
        .encode(Sha256::digest(b"import init from '/a-1.js';await init();"));
    assert!(csp.contains(&format!("'sha256-{want}'")), "{csp}");
    assert!(csp.contains("'wasm-unsafe-eval'"), "{csp}");
    assert!(!csp.contains("script-src 'self' 'unsafe-inline'"), "{csp}");
    assert!(csp.ends_with("frame-ancestors 'none'"), "{csp}");
    assert!(content_security_policy(TRUNK, true).ends_with("frame-ancestors *"));
}

#[test]
fn console_pages_deny_framing_and_replay_pages_allow_it() {
    let mut h = HeaderMap::new();
    apply_to_page(&mut h, TRUNK.as_bytes(), false);
    assert_eq!(h[header::X_FRAME_OPTIONS], "DENY");
    assert_eq!(h[header::CACHE_CONTROL], "no-cache");
    let mut h = HeaderMap::new();
    apply_to_page(&mut h, TRUNK.as_bytes(), true);
    assert!(h.get(header::X_FRAME_OPTIONS).is_none());
    assert!(h[header::CONTENT_SECURITY_POLICY]
        .to_str()
        .unwrap()
        .contains("worker-src 'self' blob:"));
}
