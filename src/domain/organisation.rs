//! The organisation as `GET /organisation` returns it. The path exists on the real API but its
//! body is documented nowhere (bintu-api.md §2.6), so no field is required and every package
//! flag is tri-state: `Some(true)` on, `Some(false)` off, `None` not reported. Unknown is not
//! off: an unreported package is offered and the API's answer to the request decides.

use serde::{Deserialize, Deserializer, Serialize};
use serde_json::Value;

use super::lenient::{lenient_option as opt, null_default as nd};

#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct Organisation {
    #[serde(deserialize_with = "nd")]
    pub id: String,
    #[serde(deserialize_with = "nd")]
    pub name: String,
    #[serde(deserialize_with = "nd")]
    pub hash: String,
    /// The caller's role, when the API says (`nanoAdmin`, `nanoUser`, `nanoReadOnly`).
    #[serde(deserialize_with = "opt")]
    pub role: Option<String>,
    #[serde(deserialize_with = "features")]
    pub features: Features,
    /// `[P]` bytes of media on disk (bintu-local only; `None` when the API does not say).
    #[serde(deserialize_with = "opt")]
    pub usage: Option<Usage>,
    /// `[P]` the server's retention settings (bintu-local only).
    #[serde(deserialize_with = "opt")]
    pub retention: Option<Retention>,
    /// The API has no `GET /organisation` (sign-in fell back to another call).
    #[serde(skip)]
    pub unreported: bool,
}

/// `usage` of `GET /organisation`: bytes per kind of media.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct Usage {
    pub recordings: u64,
    pub replay: u64,
    pub thumbnails: u64,
    pub total: u64,
}

/// `retention` of `GET /organisation`; `None` fields mean "no limit".
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(default, rename_all = "camelCase")]
pub struct Retention {
    pub days: Option<u32>,
    pub bytes: Option<u64>,
    pub deleted_purge_hours: Option<u64>,
}

/// A byte count as people read it: `0 B`, `512 B`, `1.5 KB`, `23.4 MB`, `2.0 GB` (powers of
/// 1024, one decimal above bytes).
pub fn human_bytes(n: u64) -> String {
    const UNITS: [&str; 5] = ["KB", "MB", "GB", "TB", "PB"];
    if n < 1024 {
        return format!("{n} B");
    }
    let mut v = n as f64 / 1024.0;
    let mut unit = 0;
    while v >= 1024.0 && unit < UNITS.len() - 1 {
        v /= 1024.0;
        unit += 1;
    }
    format!("{v:.1} {}", UNITS[unit])
}

impl Retention {
    /// The settings as one line: "Sessions older than 30 days, above 50.0 GB (oldest replay
    /// first); deleted streams after 168 h", or "No limit" parts.
    pub fn summary(&self) -> String {
        let age = self.days.map_or("no age limit".to_string(), |d| {
            format!("sessions older than {d} days")
        });
        let size = self.bytes.map_or("no size limit".to_string(), |b| {
            format!("above {} (oldest replay first)", human_bytes(b))
        });
        let purge = self.deleted_purge_hours.map_or(String::new(), |h| {
            format!("; deleted streams' media after {h} h")
        });
        let mut s = format!("{age}, {size}{purge}");
        s[..1].make_ascii_uppercase();
        s
    }
}

#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct Features {
    pub processing: ProcessingFeatures,
    pub transcoding: Option<bool>,
    pub h5live: Option<bool>,
    pub webcaster: Option<bool>,
    pub captions: Option<bool>,
    pub metadata: Option<bool>,
    pub secure: Option<bool>,
    pub vod: Option<bool>,
}

#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct ProcessingFeatures {
    pub enabled: Option<bool>,
    pub thumbs: Option<bool>,
    pub motionclip: Option<bool>,
    pub replay: Option<bool>,
    pub rec: Option<bool>,
}

/// The documented cheap call that proves a credential when `GET /organisation` is missing:
/// the newest stream (`quantity` is documented, bintu-api.md §2.1).
pub const SIGN_IN_FALLBACK_PATH: &str = "/stream?quantity=1";

/// Whether an answer of `GET /organisation` means the API has no such call (404, 405, 501),
/// so sign-in falls back to `SIGN_IN_FALLBACK_PATH`. 401/403 and network errors do not.
pub fn organisation_missing(status: Option<u16>) -> bool {
    matches!(status, Some(404 | 405 | 501))
}

/// A 2xx body of `GET /organisation`: whatever it holds, the call was authenticated, so an
/// unreadable body is an organisation that reports nothing, not a failed sign-in.
pub fn read_organisation(body: &str) -> Organisation {
    match serde_json::from_str::<Value>(body) {
        Ok(v) if v.is_object() => {
            serde_json::from_value(v).unwrap_or_else(|_| Organisation::unreported())
        }
        _ => Organisation::unreported(),
    }
}

/// Whether the console offers a package: everything but an explicit "off".
pub fn offered(flag: Option<bool>) -> bool {
    flag != Some(false)
}

fn flag(v: &Value, key: &str) -> Option<bool> {
    v.get(key)?.as_bool()
}

/// Any `features` value: an object's boolean keys are read, `processing` may be a boolean or
/// an object; everything else (null, a list, a string) reports nothing.
fn features<'de, D: Deserializer<'de>>(d: D) -> Result<Features, D::Error> {
    let v = Option::<Value>::deserialize(d)?.unwrap_or_default();
    let p = v.get("processing").cloned().unwrap_or_default();
    let processing = ProcessingFeatures {
        enabled: p.as_bool().or_else(|| flag(&p, "enabled")),
        thumbs: flag(&p, "thumbs"),
        motionclip: flag(&p, "motionclip"),
        replay: flag(&p, "replay"),
        rec: flag(&p, "rec"),
    };
    Ok(Features {
        processing,
        transcoding: flag(&v, "transcoding"),
        h5live: flag(&v, "h5live"),
        webcaster: flag(&v, "webcaster"),
        captions: flag(&v, "captions"),
        metadata: flag(&v, "metadata"),
        secure: flag(&v, "secure"),
        vod: flag(&v, "vod"),
    })
}

impl Organisation {
    /// The organisation of an API without `GET /organisation`: nothing reported.
    pub fn unreported() -> Self {
        Organisation {
            unreported: true,
            ..Default::default()
        }
    }

    /// Whether the caller may change streams (create, edit processing, tags).
    /// Unknown role (API keys on the real Bintu) means full rights.
    pub fn can_edit(&self) -> bool {
        self.role.as_deref() != Some("nanoReadOnly")
    }

    /// Whether the caller may stop, lock, unlock and delete (nanoAdmin only).
    pub fn can_administer(&self) -> bool {
        matches!(self.role.as_deref(), None | Some("nanoAdmin"))
    }

    pub fn transcoding_offered(&self) -> bool {
        offered(self.features.transcoding)
    }

    pub fn processing_offered(&self) -> bool {
        offered(self.features.processing.enabled)
    }

    /// "Name (hash)", or what there is of it.
    pub fn label(&self) -> String {
        match (self.name.is_empty(), self.hash.is_empty()) {
            (false, false) => format!("{} ({})", self.name, self.hash),
            (false, true) => self.name.clone(),
            (true, false) => self.hash.clone(),
            (true, true) => String::new(),
        }
    }

    /// The packages as the Organisation page lists them: (label, on / off / not reported).
    pub fn packages(&self) -> Vec<(&'static str, Option<bool>)> {
        let f = &self.features;
        vec![
            ("Live Processing", f.processing.enabled),
            ("Transcoding", f.transcoding),
            ("H5Live", f.h5live),
            ("Webcaster", f.webcaster),
            ("Live Captions", f.captions),
            ("Metadata", f.metadata),
            ("Secure", f.secure),
            ("VOD", f.vod),
        ]
    }
}

#[cfg(test)]
#[path = "organisation_tests.rs"]
mod tests;
