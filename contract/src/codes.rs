//! Error codes of the Bintu error body `{"error":{"message","code","userinfo"}}`. Codes from
//! the public material are Bintu's own; the ones this project invented where the docs are
//! silent (CONTRACT.md "Invented codes", bintu-api.md §4.1) are marked **invented** and
//! listed in [`INVENTED`]. A console may meet other codes from the real cloud.

/// 400 "Parameter required", `userinfo.required_parameter`.
pub const PARAMETER_REQUIRED: u32 = 1002;
/// 400 "Parameter not unique", `userinfo.duplicated_parameter`.
pub const PARAMETER_NOT_UNIQUE: u32 = 1003;
/// 400 "Wrong Data Type" (also malformed JSON, unknown process id), `userinfo.{parameter,type}`.
pub const WRONG_DATA_TYPE: u32 = 1004;
/// **Invented.** 400 "Parameter out of range", `userinfo.{parameter,min,max}`.
pub const OUT_OF_RANGE: u32 = 1005;
/// **Invented.** 404 "Resource not found" for an unknown route, `userinfo.path`.
pub const RESOURCE_NOT_FOUND: u32 = 1006;
/// **Invented.** 405 "Method not allowed" on a known path, `userinfo.{method,path}`.
pub const METHOD_NOT_ALLOWED: u32 = 1007;
/// **Invented** (CONTRACT.md; the message is Bintu's). 403 "Access denied": role too low.
pub const ACCESS_DENIED: u32 = 2001;
/// **Invented.** 403 "Organisation is not enabled for this feature", `userinfo.feature`.
pub const FEATURE_NOT_ENABLED: u32 = 2002;
/// **Invented.** 404 "Stream not found", `userinfo.stream_id` (also another organisation's).
pub const STREAM_NOT_FOUND: u32 = 3001;
/// **Invented.** 400 "Stream is not live": stop on a stream nobody publishes.
pub const STREAM_NOT_LIVE: u32 = 3003;
/// **Invented.** 401 "API key is not valid", `userinfo.apikey` masked.
pub const APIKEY_NOT_VALID: u32 = 4001;
/// 401 "User Credentials are not valid", `userinfo.user`.
pub const CREDENTIALS_NOT_VALID: u32 = 4002;
/// **Invented.** 503 "Service temporarily unavailable": storage or engine failure.
pub const SERVICE_UNAVAILABLE: u32 = 5001;

/// The codes this project invented; the real cloud may answer differently.
pub const INVENTED: [u32; 9] = [
    OUT_OF_RANGE,
    RESOURCE_NOT_FOUND,
    METHOD_NOT_ALLOWED,
    ACCESS_DENIED,
    FEATURE_NOT_ENABLED,
    STREAM_NOT_FOUND,
    STREAM_NOT_LIVE,
    APIKEY_NOT_VALID,
    SERVICE_UNAVAILABLE,
];

/// Whether `code` is one of ours rather than Bintu's documented ones.
pub fn is_invented(code: u32) -> bool {
    INVENTED.contains(&code)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_contracts_invented_codes_are_marked() {
        for c in [3001, 4001, 2001, 2002, 1005] {
            assert!(is_invented(c), "{c}");
        }
        for c in [
            PARAMETER_REQUIRED,
            PARAMETER_NOT_UNIQUE,
            WRONG_DATA_TYPE,
            CREDENTIALS_NOT_VALID,
        ] {
            assert!(!is_invented(c), "{c}");
        }
    }
}
