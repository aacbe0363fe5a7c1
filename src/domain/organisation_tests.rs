//! Unit tests of the organisation body (kept apart so `organisation.rs` stays short).

use super::*;

#[test]
fn reads_partial_bodies_and_ignores_unknown_fields() {
    let o: Organisation =
        serde_json::from_str(r#"{"name":"N","hash":"H","x":1,"features":{"vod":true}}"#).unwrap();
    assert_eq!(o.label(), "N (H)");
    assert_eq!(o.features.vod, Some(true));
    assert_eq!(o.features.processing.enabled, None);
    assert!(
        o.processing_offered() && o.transcoding_offered(),
        "unknown is not off"
    );
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
fn null_names_and_odd_features_read_as_not_reported() {
    for body in [
        r#"{"name":null,"hash":null,"features":null}"#,
        r#"{"features":[1,2]}"#,
        r#"{"features":"all","role":7}"#,
        r#"{"features":{"transcoding":"yes","processing":null}}"#,
    ] {
        let o: Organisation = serde_json::from_str(body).unwrap();
        assert_eq!(o.features, Features::default(), "{body}");
        assert!(o.role.is_none() && o.label().is_empty());
    }
    let off: Organisation = serde_json::from_str(
        r#"{"features":{"transcoding":false,"processing":{"enabled":false,"rec":true}}}"#,
    )
    .unwrap();
    assert!(!off.transcoding_offered() && !off.processing_offered());
    assert_eq!(off.features.processing.rec, Some(true));
    let bare: Organisation = serde_json::from_str(r#"{"features":{"processing":true}}"#).unwrap();
    assert!(bare.processing_offered());
    assert!(Organisation::unreported()
        .packages()
        .iter()
        .all(|(_, f)| f.is_none()));
}

#[test]
fn a_missing_organisation_call_falls_back_and_any_2xx_body_signs_in() {
    assert!(organisation_missing(Some(404)) && organisation_missing(Some(501)));
    assert!(!organisation_missing(Some(401)) && !organisation_missing(None));
    assert!(read_organisation("<html>").unreported);
    assert!(read_organisation("[]").unreported);
    let o = read_organisation(r#"{"name":"Your Organisation Name","hash":"XsTvy"}"#);
    assert!(!o.unreported && o.processing_offered());
    assert_eq!(o.label(), "Your Organisation Name (XsTvy)");
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
