//! The organisation as `GET /organisation` returns it (bintu-api.md §2.6, a proposal), read
//! tolerantly: every field defaults, unknown fields are ignored.

use serde::{Deserialize, Serialize};

#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct Organisation {
    pub id: String,
    pub name: String,
    pub hash: String,
    /// The caller's role, when the API says (`nanoAdmin`, `nanoUser`, `nanoReadOnly`).
    pub role: Option<String>,
    pub features: Features,
    /// `[P]` bytes of media on disk (bintu-local only; `None` when the API does not say).
    pub usage: Option<Usage>,
    /// `[P]` the server's retention settings (bintu-local only).
    pub retention: Option<Retention>,
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
#[serde(default)]
pub struct Features {
    pub processing: ProcessingFeatures,
    pub transcoding: bool,
    pub h5live: bool,
    pub webcaster: bool,
    pub captions: bool,
    pub metadata: bool,
    pub secure: bool,
    pub vod: bool,
}

#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct ProcessingFeatures {
    pub enabled: bool,
    pub thumbs: bool,
    pub motionclip: bool,
    pub replay: bool,
    pub rec: bool,
}

impl Organisation {
    /// Whether the caller may change streams (create, edit processing, tags).
    /// Unknown role (API keys on the real Bintu) means full rights.
    pub fn can_edit(&self) -> bool {
        self.role.as_deref() != Some("nanoReadOnly")
    }

    /// Whether the caller may stop, lock, unlock and delete (nanoAdmin only).
    pub fn can_administer(&self) -> bool {
        matches!(self.role.as_deref(), None | Some("nanoAdmin"))
    }

    /// The packages as the Organisation page lists them: (label, enabled).
    pub fn packages(&self) -> Vec<(&'static str, bool)> {
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
mod tests {
    use super::*;

    #[test]
    fn reads_partial_bodies_and_ignores_unknown_fields() {
        let o: Organisation =
            serde_json::from_str(r#"{"name":"N","hash":"H","x":1,"features":{"vod":true}}"#)
                .unwrap();
        assert_eq!(o.name, "N");
        assert!(o.features.vod && !o.features.processing.enabled);
        assert!(o.can_edit() && o.can_administer());
    }

    #[test]
    fn usage_and_retention_are_optional_and_read_when_present() {
        let o: Organisation = serde_json::from_str(r#"{"name":"N"}"#).unwrap();
        assert_eq!((o.usage, o.retention), (None, None));
        let o: Organisation = serde_json::from_str(
            r#"{"usage":{"recordings":2048,"replay":1,"thumbnails":0,"total":2049},
                "retention":{"days":30,"bytes":null,"deletedPurgeHours":168}}"#,
        )
        .unwrap();
        assert_eq!(o.usage.unwrap().total, 2049);
        let r = o.retention.unwrap();
        assert_eq!(
            r.summary(),
            "Sessions older than 30 days, no size limit; deleted streams' media after 168 h"
        );
        let o: Organisation = serde_json::from_str(r#"{"usage":null}"#).unwrap();
        assert_eq!(o.usage, None, "null reads as absent");
    }

    #[test]
    fn bytes_read_like_people_write_them() {
        assert_eq!(human_bytes(0), "0 B");
        assert_eq!(human_bytes(1023), "1023 B");
        assert_eq!(human_bytes(1536), "1.5 KB");
        assert_eq!(human_bytes(50 << 30), "50.0 GB");
        assert_eq!(human_bytes(u64::MAX), "16384.0 PB");
    }

    #[test]
    fn roles_gate_editing_and_administration() {
        let ro = Organisation {
            role: Some("nanoReadOnly".into()),
            ..Default::default()
        };
        assert!(!ro.can_edit() && !ro.can_administer());
        let user = Organisation {
            role: Some("nanoUser".into()),
            ..Default::default()
        };
        assert!(user.can_edit() && !user.can_administer());
    }
}
