//! Clip ranges: validation both ways, the one-click ranges and the keyboard shortcuts.

use super::*;

#[test]
fn validates_both_directions() {
    let mut c = ClipRange::default();
    c.set_in(10.0).unwrap();
    assert!(c
        .set_out(11.0)
        .unwrap_err()
        .contains("Minimum length is 2 seconds"));
    c.set_out(12.0).unwrap();
    assert_eq!(c.total().as_deref(), Some("Total 0:02"));
    assert!(c.stretch_note().is_some());
    assert!(c.set_in(10.5).unwrap_err().contains("before the end"));
    c.set_in(-3.0).unwrap();
    assert_eq!(c.range(), Some((0.0, 12.0)));
    assert_eq!(c.stretch_note(), None);
    let mut d = ClipRange::default();
    assert!(d.set_out(0.0).is_err());
    d.set_out(5.0).unwrap();
    assert_eq!(d.range(), None);
}

#[test]
fn one_click_ranges() {
    assert_eq!(first(30.0).range(), Some((0.0, 30.0)));
    assert_eq!(last(10.0, 4.0).unwrap().range(), Some((0.0, 4.0)));
    assert_eq!(last(10.0, 25.0).unwrap().range(), Some((15.0, 25.0)));
    assert_eq!(last(10.0, 1.0), None);
}

#[test]
fn shortcuts() {
    assert_eq!(shortcut(" ", false, false), Some(Shortcut::TogglePlay));
    assert_eq!(shortcut("J", false, false), Some(Shortcut::Seek(-10.0)));
    assert_eq!(
        shortcut("ArrowRight", false, false),
        Some(Shortcut::Seek(1.0))
    );
    assert_eq!(shortcut("i", false, false), Some(Shortcut::SetIn));
    assert_eq!(shortcut("o", true, false), None);
    assert_eq!(shortcut("l", false, true), None);
    assert_eq!(shortcut("x", false, false), None);
}
