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
