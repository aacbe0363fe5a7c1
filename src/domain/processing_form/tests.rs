//! The option cards' draft: defaults, round trips, the contract's ranges, warnings.

use super::*;

#[test]
fn default_is_all_off_with_documented_prefill() {
    let d = MemberDraft::default();
    assert!(d.enabled_kinds().is_empty());
    assert_eq!(d.card(ProcessKind::Thumbs).interval, "30");
    assert_eq!(d.card(ProcessKind::Motionclip).duration, "5");
    assert_eq!(d.card(ProcessKind::Rec).duration, "");
    assert_eq!(d.to_processes(), Ok(vec![]));
}

#[test]
fn round_trips_a_processing_list() {
    let list = vec![
        Process::Thumbs { interval: 45 },
        Process::Motionclip {
            interval: 10,
            duration: 3,
        },
        Process::Rec { duration: None },
        Process::Replay { duration: Some(90) },
    ];
    let d = MemberDraft::from_processes(&list);
    assert_eq!(d.to_processes().unwrap(), list);
}

#[test]
fn validation_names_the_allowed_range() {
    let mut d = MemberDraft::default();
    d.card_mut(ProcessKind::Thumbs).enabled = true;
    for bad in ["9", "3601", "abc", "", "10.5", "-1"] {
        d.card_mut(ProcessKind::Thumbs).interval = bad.into();
        assert_eq!(
            d.errors(ProcessKind::Thumbs).interval.as_deref(),
            Some("Enter a whole number between 10 and 3600 seconds"),
            "{bad}"
        );
        assert!(!d.is_valid());
    }
    d.card_mut(ProcessKind::Thumbs).interval = " 3600 ".into();
    assert!(d.is_valid());
    d.card_mut(ProcessKind::Motionclip).enabled = true;
    d.card_mut(ProcessKind::Motionclip).duration = "61".into();
    assert_eq!(
        d.errors(ProcessKind::Motionclip).duration.as_deref(),
        Some("Enter a whole number between 1 and 60 seconds")
    );
    d.card_mut(ProcessKind::Rec).enabled = true;
    d.card_mut(ProcessKind::Rec).duration = "0".into();
    assert!(d
        .errors(ProcessKind::Rec)
        .duration
        .unwrap()
        .contains("Leave empty for the entire stream"));
    assert!(d.to_processes().is_err());
}

/// Both crates take the ranges from the contract: the bounds pass, one past them is
/// refused (bintu-local's validation has the same test), and the helper line says so.
#[test]
fn ranges_are_the_contracts() {
    for kind in ProcessKind::ALL {
        for &field in fields(kind) {
            let range = match field {
                Field::Interval => kind.interval(),
                Field::Duration => kind.duration(),
            };
            let r = range.expect("a card field has a range");
            let mut d = MemberDraft::default();
            d.card_mut(kind).enabled = true;
            let mut valid = |v: u32| {
                let c = d.card_mut(kind);
                match field {
                    Field::Interval => c.interval = v.to_string(),
                    Field::Duration => c.duration = v.to_string(),
                }
                d.is_valid()
            };
            assert!(valid(r.min), "{kind:?} {field:?} {}", r.min);
            assert!(!valid(r.min - 1), "{kind:?} {field:?} below");
            if let Some(max) = r.max {
                assert!(valid(max), "{kind:?} {field:?} {max}");
                assert!(!valid(max + 1), "{kind:?} {field:?} above");
            }
            assert!(helper_text(kind, field).starts_with(&format!("Min: {}", r.min)));
        }
    }
}

#[test]
fn off_cards_are_not_validated_or_sent() {
    let mut d = MemberDraft::default();
    d.card_mut(ProcessKind::Thumbs).interval = "nonsense".into();
    assert!(d.is_valid());
    assert_eq!(d.to_processes(), Ok(vec![]));
}

#[test]
fn warns_about_overlapping_clips() {
    let mut a = MemberDraft::default();
    a.card_mut(ProcessKind::Motionclip).enabled = true;
    a.card_mut(ProcessKind::Motionclip).interval = "10".into();
    a.card_mut(ProcessKind::Motionclip).duration = "20".into();
    assert_eq!(a.warnings().len(), 1);
    a.card_mut(ProcessKind::Motionclip).duration = "10".into();
    assert!(a.warnings().is_empty());
}
