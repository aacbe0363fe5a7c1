//! Rules across the members of a group in the create page and the Edit modal: whether two
//! drafts differ (the tab markers), "Sync settings across profiles", the ABR replay advice,
//! and the drafts the modal starts from (dashboard-ui.md §1.2.4, §1.5, §2.4).

use super::process::ProcessKind;
use super::processing_form::{parse_optional, MemberDraft};
use super::stream::Stream;

/// Whether two drafts would send different settings (text that parses to the same value,
/// like "30" and " 30", does not count as a difference).
pub fn differs(a: &MemberDraft, b: &MemberDraft) -> bool {
    match (a.to_processes(), b.to_processes()) {
        (Ok(x), Ok(y)) => x != y,
        _ => a != b,
    }
}

/// Copies member `from`'s cards to every other member; returns how many changed.
pub fn sync_from(drafts: &mut [MemberDraft], from: usize) -> usize {
    let Some(src) = drafts.get(from).cloned() else {
        return 0;
    };
    let mut changed = 0;
    for (i, d) in drafts.iter_mut().enumerate() {
        if i != from && differs(d, &src) {
            changed += 1;
        }
        if i != from {
            *d = src.clone();
        }
    }
    changed
}

/// The drafts the Edit modal starts from, one per member in index order: what applies at the
/// next publish (`processing_pending` when present, else `processing`).
pub fn next_session_drafts(stream: &Stream) -> Vec<MemberDraft> {
    stream
        .members()
        .iter()
        .map(|m| {
            MemberDraft::from_processes(m.processing_pending.as_ref().unwrap_or(&m.processing))
        })
        .collect()
}

/// Group advice: ABR replay works best with the same replay duration on every member.
pub fn group_warnings(drafts: &[MemberDraft]) -> Vec<String> {
    let durations: Vec<Option<u32>> = drafts
        .iter()
        .filter(|d| d.card(ProcessKind::Replay).enabled)
        .filter_map(|d| parse_optional(&d.card(ProcessKind::Replay).duration).ok())
        .collect();
    if durations.len() > 1 && durations.iter().any(|d| *d != durations[0]) {
        vec!["Replay durations differ across profiles; ABR replay works best with the same duration on every stream.".into()]
    } else {
        Vec::new()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::process::Process;

    #[test]
    fn sync_copies_the_active_tab_and_counts_changes() {
        let mut a = MemberDraft::default();
        a.card_mut(ProcessKind::Replay).enabled = true;
        let mut drafts = vec![a.clone(), MemberDraft::default(), a.clone()];
        assert!(differs(&drafts[0], &drafts[1]));
        assert!(!differs(&drafts[0], &drafts[2]));
        assert_eq!(sync_from(&mut drafts, 0), 1);
        assert!(drafts.iter().all(|d| !differs(d, &a)));
        assert_eq!(sync_from(&mut drafts, 7), 0);
    }

    #[test]
    fn equal_values_written_differently_do_not_differ() {
        let mut a = MemberDraft::default();
        a.card_mut(ProcessKind::Thumbs).enabled = true;
        let mut b = a.clone();
        b.card_mut(ProcessKind::Thumbs).interval = " 30".into();
        assert!(!differs(&a, &b));
    }

    #[test]
    fn the_modal_starts_from_the_pending_settings() {
        let s: Stream = serde_json::from_value(serde_json::json!({
            "playout": {"h5live": [
                {"index": 1, "processing": [{"id": "rec", "duration": null}]},
                {"index": 0, "processing": [{"id": "thumbs", "interval": 30}],
                 "processing_pending": [{"id": "thumbs", "interval": 60}]}]}
        }))
        .unwrap();
        let d = next_session_drafts(&s);
        assert_eq!(
            d[0].to_processes().unwrap(),
            vec![Process::Thumbs { interval: 60 }]
        );
        assert_eq!(
            d[1].to_processes().unwrap(),
            vec![Process::Rec { duration: None }]
        );
    }

    #[test]
    fn warns_when_replay_durations_differ() {
        let mut b = MemberDraft::default();
        b.card_mut(ProcessKind::Replay).enabled = true;
        let mut c = b.clone();
        c.card_mut(ProcessKind::Replay).duration = "60".into();
        assert_eq!(group_warnings(&[b.clone(), c]).len(), 1);
        assert!(group_warnings(&[b.clone(), b]).is_empty());
    }
}
