//! Transcoding profiles on the create page (dashboard-ui.md §1.2.2): the documented fallback
//! list, the option labels, the three profile slots with their defaults, the rule that slot
//! N+1 needs slot N, and the falling-bitrate rule with its inline message; the profile as
//! `GET /transcoding/profiles` lists it.

use serde::{Deserialize, Serialize};

use super::lenient::null_default as nd;
use super::new_stream::TranscodeRequest;

/// A transcoding profile of `GET /transcoding/profiles`.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct TranscodingProfile {
    #[serde(deserialize_with = "nd")]
    pub id: String,
    #[serde(deserialize_with = "nd")]
    pub width: u32,
    #[serde(deserialize_with = "nd")]
    pub height: u32,
    #[serde(deserialize_with = "nd")]
    pub bitrate: u32,
    #[serde(deserialize_with = "nd")]
    pub fps: u32,
}

/// The documented profiles, used when `GET /transcoding/profiles` fails.
pub fn fallback_profiles() -> Vec<TranscodingProfile> {
    [
        (1280, 720, 2000, 30),
        (1280, 720, 1200, 25),
        (960, 540, 1000, 25),
        (852, 480, 800, 25),
        (852, 480, 640, 25),
        (640, 360, 400, 25),
        (640, 360, 300, 15),
        (480, 270, 250, 15),
        (426, 240, 200, 15),
        (320, 240, 200, 15),
    ]
    .into_iter()
    .map(|(width, height, bitrate, fps)| TranscodingProfile {
        id: format!("vtrans2-{width}x{height}x{bitrate}x{fps}"),
        width,
        height,
        bitrate,
        fps,
    })
    .collect()
}

/// `Resolution: 852 x 480, Bitrate: 800 kbit/s, FPS: 25` (0 = "as input").
pub fn profile_label(p: &TranscodingProfile) -> String {
    let res = if p.width == 0 || p.height == 0 {
        "as input".to_string()
    } else {
        format!("{} x {}", p.width, p.height)
    };
    let fps = if p.fps == 0 {
        "as input".to_string()
    } else {
        p.fps.to_string()
    };
    format!(
        "Resolution: {res}, Bitrate: {} kbit/s, FPS: {fps}",
        p.bitrate
    )
}

/// One "Add N. Transcoding Profile" control.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Slot {
    pub on: bool,
    pub profile_id: String,
}

/// The dashboard defaults: 852×480@800/25 and 640×360@400/25 on, 426×240@200/15 off.
pub fn default_slots() -> Vec<Slot> {
    [
        ("vtrans2-852x480x800x25", true),
        ("vtrans2-640x360x400x25", true),
        ("vtrans2-426x240x200x15", false),
    ]
    .into_iter()
    .map(|(id, on)| Slot {
        on,
        profile_id: id.into(),
    })
    .collect()
}

/// Slot `i` can be switched on only when every slot before it is on.
pub fn slot_available(slots: &[Slot], i: usize) -> bool {
    slots.iter().take(i).all(|s| s.on)
}

/// Switches slot `i`; switching one off also switches off the ones after it.
pub fn toggle_slot(slots: &mut [Slot], i: usize, on: bool) {
    if on && !slot_available(slots, i) {
        return;
    }
    if let Some(s) = slots.get_mut(i) {
        s.on = on;
    }
    if !on {
        for s in slots.iter_mut().skip(i + 1) {
            s.on = false;
        }
    }
}

/// The slots in effect: the leading run of switched-on slots.
pub fn active_slots(slots: &[Slot]) -> Vec<&Slot> {
    slots.iter().take_while(|s| s.on).collect()
}

/// Per slot: "Bitrate must be lower than profile N (X kbit/s)" when an active slot's bitrate
/// is not below the active slot before it.
pub fn bitrate_errors(slots: &[Slot], profiles: &[TranscodingProfile]) -> Vec<Option<String>> {
    let bitrate = |s: &Slot| {
        profiles
            .iter()
            .find(|p| p.id == s.profile_id)
            .map(|p| p.bitrate)
    };
    let active = active_slots(slots).len();
    slots
        .iter()
        .enumerate()
        .map(|(i, s)| {
            if i == 0 || i >= active {
                return None;
            }
            let (prev, cur) = (bitrate(&slots[i - 1])?, bitrate(s)?);
            (cur >= prev).then(|| format!("Bitrate must be lower than profile {i} ({prev} kbit/s)"))
        })
        .collect()
}

/// The `transcodes` of `POST /stream`, with the dashboard's member tags.
pub fn transcode_requests(slots: &[Slot]) -> Vec<TranscodeRequest> {
    active_slots(slots)
        .iter()
        .enumerate()
        .map(|(i, s)| TranscodeRequest {
            profile: s.profile_id.clone(),
            tags: vec![format!("{}. Transcode", i + 1)],
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn labels_follow_the_dashboard_format() {
        let p = &fallback_profiles()[3];
        assert_eq!(
            profile_label(p),
            "Resolution: 852 x 480, Bitrate: 800 kbit/s, FPS: 25"
        );
        let asin = TranscodingProfile {
            bitrate: 400,
            ..Default::default()
        };
        assert_eq!(
            profile_label(&asin),
            "Resolution: as input, Bitrate: 400 kbit/s, FPS: as input"
        );
    }

    #[test]
    fn defaults_are_two_on_and_the_third_off_and_all_exist() {
        let s = default_slots();
        let ids: Vec<_> = fallback_profiles().into_iter().map(|p| p.id).collect();
        assert!(s.iter().all(|x| ids.contains(&x.profile_id)));
        assert_eq!(active_slots(&s).len(), 2);
        let t = transcode_requests(&s);
        assert_eq!(t[1].profile, "vtrans2-640x360x400x25");
        assert_eq!(t[1].tags, vec!["2. Transcode".to_string()]);
    }

    #[test]
    fn a_slot_needs_the_one_before_it() {
        let mut s = default_slots();
        toggle_slot(&mut s, 0, false);
        assert!(s.iter().all(|x| !x.on));
        toggle_slot(&mut s, 2, true);
        assert!(!s[2].on);
        assert!(!slot_available(&s, 1));
        toggle_slot(&mut s, 0, true);
        toggle_slot(&mut s, 1, true);
        toggle_slot(&mut s, 2, true);
        assert_eq!(active_slots(&s).len(), 3);
    }

    #[test]
    fn bitrates_must_fall() {
        let profiles = fallback_profiles();
        let mut s = default_slots();
        assert!(bitrate_errors(&s, &profiles).iter().all(Option::is_none));
        s[1].profile_id = "vtrans2-960x540x1000x25".into();
        assert_eq!(
            bitrate_errors(&s, &profiles)[1].as_deref(),
            Some("Bitrate must be lower than profile 1 (800 kbit/s)")
        );
        // An inactive slot is not judged.
        toggle_slot(&mut s, 1, false);
        assert!(bitrate_errors(&s, &profiles).iter().all(Option::is_none));
    }
}
