//! Share codes, exactly as the official library builds and reads them (dashboard-ui.md §3.3):
//! `btoa("<name>|<cueIn>|<cueOut>|<session>")` without `=` padding, decoded with `atob`'s
//! forgiving rules, `parseFloat` cues, `parseInt` session, a 128-character name limit and the
//! 5 s minimum. A code made here decodes in the official replayer and vice versa.

use base64::alphabet;
use base64::engine::{DecodePaddingMode, GeneralPurpose, GeneralPurposeConfig};
use base64::Engine;

use super::jsnum::{parse_float, parse_int10, to_js_string, truthy};

/// The replayer stretches shorter clips to this length (`decodeShareUrl`).
pub const MIN_PLAYBACK_SECONDS: f64 = 5.0;
/// `decodeShareUrl` rejects longer names.
pub const MAX_NAME_CHARS: usize = 128;

/// What a share code carries, after the decoder's rules.
#[derive(Clone, Debug, PartialEq)]
pub struct ShareCode {
    /// As given, so a virtual ABR name keeps its `-abr`.
    pub stream_name: String,
    pub cue_in: f64,
    /// Already stretched to at least `cue_in + 5`.
    pub cue_out: f64,
    /// Session start, epoch ms; `None` when absent or 0.
    pub session: Option<i64>,
}

/// Why a share code cannot be read; shown as "This link is invalid: <reason>".
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum ShareError {
    NotBase64,
    NotLatin1,
    NameTooLong(usize),
    EmptyName,
    BadCue(&'static str),
}

impl std::fmt::Display for ShareError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            ShareError::NotBase64 => {
                write!(
                    f,
                    "the share code is not valid base64 (it may be truncated)"
                )
            }
            ShareError::NotLatin1 => {
                write!(f, "the stream name has characters a link cannot carry")
            }
            ShareError::NameTooLong(n) => write!(
                f,
                "the stream name is {n} characters long; at most {MAX_NAME_CHARS} are allowed"
            ),
            ShareError::EmptyName => write!(f, "the share code names no stream"),
            ShareError::BadCue(which) => write!(f, "the {which} time is missing or not a number"),
        }
    }
}

/// `btoa(...).split("=")[0]` for a clip, or `None` where `getShareUrl` returns `""`
/// (`cueIn >= 0 && cueOut && cueOut > cueIn` fails) or `btoa` would throw (a character
/// above U+00FF in the name).
pub fn encode(
    stream_name: &str,
    cue_in: f64,
    cue_out: f64,
    session: Option<i64>,
) -> Option<String> {
    if !(cue_in >= 0.0 && truthy(cue_out) && cue_out > cue_in) {
        return None;
    }
    // `session || ""`: 0 is falsy.
    let session = session
        .filter(|s| *s != 0)
        .map(|s| s.to_string())
        .unwrap_or_default();
    let text = format!(
        "{stream_name}|{}|{}|{session}",
        to_js_string(cue_in),
        to_js_string(cue_out)
    );
    // btoa works on a "binary string": one byte per UTF-16 unit, which must be <= 0xFF.
    let bytes: Option<Vec<u8>> = text
        .chars()
        .map(|c| u8::try_from(u32::from(c)).ok())
        .collect();
    let b64 = base64::engine::general_purpose::STANDARD.encode(bytes?);
    Some(b64.split('=').next().unwrap_or_default().to_string())
}

const FORGIVING: GeneralPurpose = GeneralPurpose::new(
    &alphabet::STANDARD,
    GeneralPurposeConfig::new()
        .with_decode_allow_trailing_bits(true)
        .with_decode_padding_mode(DecodePaddingMode::RequireNone),
);

/// WHATWG "forgiving-base64 decode" (`atob`), also accepting the URL-safe `-` and `_`.
pub fn atob(code: &str) -> Option<Vec<u8>> {
    let mut s: String = code
        .chars()
        .filter(|c| !matches!(c, '\t' | '\n' | '\x0C' | '\r' | ' '))
        .map(|c| match c {
            '-' => '+',
            '_' => '/',
            c => c,
        })
        .collect();
    if s.len().is_multiple_of(4) {
        for _ in 0..2 {
            if s.ends_with('=') {
                s.pop();
            }
        }
    }
    if s.len() % 4 == 1
        || !s
            .bytes()
            .all(|b| b.is_ascii_alphanumeric() || b == b'+' || b == b'/')
    {
        return None;
    }
    FORGIVING.decode(s).ok()
}

/// `decodeShareUrl(code)`, with a reason instead of the silent `{}`.
pub fn decode(code: &str) -> Result<ShareCode, ShareError> {
    let bytes = atob(code).ok_or(ShareError::NotBase64)?;
    // atob's result is a binary string: each byte is one character (Latin-1).
    let text: String = bytes.iter().map(|&b| char::from(b)).collect();
    let mut parts = text.split('|');
    let stream_name = parts.next().unwrap_or_default().to_string();
    let count = stream_name.chars().count();
    if count > MAX_NAME_CHARS {
        return Err(ShareError::NameTooLong(count));
    }
    let cue_in = parts.next().map_or(f64::NAN, parse_float);
    if cue_in.is_nan() {
        return Err(ShareError::BadCue("start"));
    }
    let mut cue_out = parts.next().map_or(f64::NAN, parse_float);
    if cue_out.is_nan() {
        return Err(ShareError::BadCue("end"));
    }
    if cue_out < cue_in + MIN_PLAYBACK_SECONDS {
        cue_out = cue_in + MIN_PLAYBACK_SECONDS;
    }
    let session = parts.next().map_or(f64::NAN, parse_int10);
    // `parseInt(..) || undefined`; values beyond i64 cannot be a session and count as absent.
    let session = (truthy(session) && session.abs() < 9.2e18).then_some(session as i64);
    if stream_name.is_empty() {
        return Err(ShareError::EmptyName);
    }
    Ok(ShareCode {
        stream_name,
        cue_in,
        cue_out,
        session,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn worked_example_from_the_spec() {
        let code = encode("abcde-fghij", 10.0, 60.0, Some(1712345678901)).unwrap();
        assert_eq!(code, "YWJjZGUtZmdoaWp8MTB8NjB8MTcxMjM0NTY3ODkwMQ");
        let d = decode(&code).unwrap();
        assert_eq!(d.stream_name, "abcde-fghij");
        assert_eq!(
            (d.cue_in, d.cue_out, d.session),
            (10.0, 60.0, Some(1712345678901))
        );
    }

    #[test]
    fn encode_refuses_what_get_share_url_refuses() {
        assert_eq!(encode("a-b", -1.0, 5.0, Some(1)), None);
        assert_eq!(encode("a-b", 5.0, 5.0, Some(1)), None);
        assert_eq!(encode("a-b", 0.0, 0.0, Some(1)), None);
        assert_eq!(encode("a-b", 0.0, f64::NAN, Some(1)), None);
        assert_eq!(encode("Ω-b", 0.0, 9.0, Some(1)), None);
        // No session gives an empty last field, as `session || ""` does.
        assert_eq!(
            atob(&encode("a-b", 0.0, 9.0, None).unwrap()).unwrap(),
            b"a-b|0|9|"
        );
    }

    #[test]
    fn short_clips_stretch_to_five_seconds_and_abr_names_survive() {
        let code = encode("ab-cd-abr", 1.25, 3.0, Some(7)).unwrap();
        let d = decode(&code).unwrap();
        assert_eq!(
            (d.stream_name.as_str(), d.cue_in, d.cue_out),
            ("ab-cd-abr", 1.25, 6.25)
        );
    }

    #[test]
    fn decode_is_forgiving_like_atob() {
        let code = "YWJjZGUtZmdoaWp8MTB8NjB8MTcxMjM0NTY3ODkwMQ";
        let want = decode(code).unwrap();
        assert_eq!(
            decode(&format!(" {}\n{}== ", &code[..10], &code[10..])),
            Ok(want.clone())
        );
        // `a|1|9|` has a `/`-free code; URL-safe letters decode the same as standard ones.
        assert_eq!(atob("-_-_"), atob("+/+/"));
        assert_eq!(decode("YQ"), Err(ShareError::BadCue("start")));
        assert_eq!(decode("Y"), Err(ShareError::NotBase64));
        assert_eq!(decode("YQ="), Err(ShareError::NotBase64));
        assert_eq!(decode("Y!Q"), Err(ShareError::NotBase64));
        assert_eq!(decode(""), Err(ShareError::BadCue("start")));
    }

    #[test]
    fn decode_reads_numbers_the_javascript_way() {
        let b64 = |s: &str| base64::engine::general_purpose::STANDARD_NO_PAD.encode(s);
        let d = decode(&b64("x-y|12.5s|1e2|0")).unwrap();
        assert_eq!((d.cue_in, d.cue_out, d.session), (12.5, 100.0, None));
        let d = decode(&b64("x-y| 3|20|17abc|extra")).unwrap();
        assert_eq!((d.cue_in, d.session), (3.0, Some(17)));
        assert_eq!(decode(&b64("x-y|a|20|1")), Err(ShareError::BadCue("start")));
        assert_eq!(decode(&b64("x-y|1")), Err(ShareError::BadCue("end")));
        assert_eq!(decode(&b64("|1|9|1")), Err(ShareError::EmptyName));
        let long = "n".repeat(129);
        assert_eq!(
            decode(&b64(&format!("{long}|1|9|1"))),
            Err(ShareError::NameTooLong(129))
        );
        assert!(decode(&b64(&format!("{}|1|9|1", &long[1..]))).is_ok());
    }

    // proptest needs OS randomness: host only.
    #[cfg(not(target_arch = "wasm32"))]
    mod props {
        use super::*;
        use proptest::prelude::*;

        proptest! {
            #[test]
            fn round_trip(name in "[A-Za-z0-9]{1,20}(-[A-Za-z0-9]{1,20}){0,2}",
                          cue_in in 0.0f64..1e6, len in 0.001f64..1e5,
                          session in proptest::option::of(1i64..4_102_444_800_000)) {
                let cue_out = cue_in + len;
                prop_assume!(cue_out > cue_in);
                let code = encode(&name, cue_in, cue_out, session).unwrap();
                prop_assert!(code.bytes().all(|b| b.is_ascii_alphanumeric()));
                let d = decode(&code).unwrap();
                prop_assert_eq!(&d.stream_name, &name);
                prop_assert_eq!(d.cue_in, cue_in);
                prop_assert_eq!(d.cue_out, cue_out.max(cue_in + MIN_PLAYBACK_SECONDS));
                prop_assert_eq!(d.session, session);
            }

            #[test]
            fn decode_never_panics(code in "\\PC{0,300}") {
                let _ = decode(&code);
            }

            #[test]
            fn decode_never_panics_on_any_payload(fields in proptest::collection::vec("[^|]{0,140}", 0..7)) {
                let text = fields.join("|");
                let bytes: Vec<u8> = text.bytes().collect();
                let _ = decode(&base64::engine::general_purpose::STANDARD.encode(bytes));
            }
        }
    }
}
