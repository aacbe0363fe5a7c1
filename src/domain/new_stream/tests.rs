//! The create body: one processing list per member, member tags, and packages left out only when
//! the organisation says they are off.

use super::*;
use crate::domain::process::{Process, ProcessKind};
use crate::domain::transcoding::{default_slots, toggle_slot};

fn org(processing: bool, transcoding: bool) -> Organisation {
    let mut o = Organisation::default();
    o.features.processing.enabled = Some(processing);
    o.features.transcoding = Some(transcoding);
    o
}

#[test]
fn a_group_sends_one_list_per_member_and_member_tags() {
    let mut d = MemberDraft::default();
    d.card_mut(ProcessKind::Replay).enabled = true;
    let drafts = vec![d.clone(), MemberDraft::default(), d, MemberDraft::default()];
    let body = build(
        &org(true, true),
        vec!["news".into()],
        &default_slots(),
        &drafts,
    );
    assert_eq!(body.tags, vec!["news".to_string(), "Passthrough".into()]);
    assert_eq!(body.transcodes.len(), 2);
    assert_eq!(
        body.processing.len(),
        3,
        "the switched-off third profile is not sent"
    );
    assert_eq!(body.processing[2], vec![Process::Replay { duration: None }]);
    assert!(body.processing[1].is_empty());
}

#[test]
fn nothing_switched_on_or_no_package_sends_no_processing() {
    let mut d = MemberDraft::default();
    d.card_mut(ProcessKind::Thumbs).enabled = true;
    let mut slots = default_slots();
    toggle_slot(&mut slots, 0, false);
    let single = build(&org(true, true), vec![], &slots, &[MemberDraft::default()]);
    assert!(single.processing.is_empty() && single.transcodes.is_empty());
    assert!(single.tags.is_empty(), "a single stream gets no member tag");
    let gated = build(&org(false, false), vec![], &default_slots(), &[d]);
    assert!(gated.processing.is_empty() && gated.transcodes.is_empty());
    let json = serde_json::to_string(&gated).unwrap();
    assert_eq!(json, "{}");
}

#[test]
fn an_organisation_that_does_not_say_gets_both_sent() {
    let mut d = MemberDraft::default();
    d.card_mut(ProcessKind::Rec).enabled = true;
    let drafts = vec![d.clone(), d];
    let mut slots = default_slots();
    toggle_slot(&mut slots, 1, false);
    for org in [Organisation::default(), Organisation::unreported()] {
        let body = build(&org, vec![], &slots, &drafts);
        assert_eq!(body.transcodes.len(), 1);
        assert_eq!(body.processing.len(), 2);
    }
}
