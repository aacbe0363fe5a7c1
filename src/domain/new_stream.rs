//! The `POST /stream` body the create page sends (dashboard-ui.md §1.2, CONTRACT.md): the
//! user's tags (plus "Passthrough" on a group, as the dashboard tags its members), the active
//! transcoding slots, and one processing list per member when something is switched on.
//! A package is left out only when the organisation says it is off: when the API does not
//! say, the request carries it and the API's answer decides (unknown is not off).

use super::organisation::Organisation;
use super::processing_form::MemberDraft;
use super::stream::NewStream;
use super::transcoding::{transcode_requests, Slot};

pub fn build(
    org: &Organisation,
    tags: Vec<String>,
    slots: &[Slot],
    drafts: &[MemberDraft],
) -> NewStream {
    let transcodes = if org.transcoding_offered() {
        transcode_requests(slots)
    } else {
        Vec::new()
    };
    let members = 1 + transcodes.len();
    let processing: Vec<_> = drafts
        .iter()
        .take(members)
        .map(|d| d.to_processes().unwrap_or_default())
        .collect();
    let any = processing.iter().any(|p| !p.is_empty());
    let mut tags = tags;
    if !transcodes.is_empty() && !tags.iter().any(|t| t == "Passthrough") {
        tags.push("Passthrough".into());
    }
    NewStream {
        tags,
        transcodes,
        processing: if any && org.processing_offered() {
            processing
        } else {
            Vec::new()
        },
    }
}

#[cfg(test)]
mod tests {
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
}
