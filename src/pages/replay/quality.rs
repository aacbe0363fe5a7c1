//! The quality select of ABR sessions: "Auto (720p)" plus each level from the highest down,
//! shown only when there is more than one level (dashboard-ui.md §3.6, guarded per §3.7 item 15).

use leptos::prelude::*;

use super::media::Media;
use crate::domain::replay_player::level_label;

#[component]
pub fn QualitySelect(media: Media) -> impl IntoView {
    let auto_label = move || {
        let playing = media.playing_level.get();
        media
            .levels
            .with(|l| {
                usize::try_from(playing)
                    .ok()
                    .and_then(|i| l.get(i).cloned())
            })
            .map_or("Auto".to_string(), |l| {
                format!("Auto ({})", level_label(l.height, l.bitrate))
            })
    };
    move || {
        (media.levels.with(Vec::len) > 1).then(|| {
            let options = media.levels.with(|l| {
                l.iter()
                    .enumerate()
                    .rev()
                    .map(|(i, l)| (i as i32, level_label(l.height, l.bitrate)))
                    .collect::<Vec<_>>()
            });
            view! {
                <label class="replayer__quality">
                    <span class="visually-hidden">"Quality"</span>
                    <select
                        aria-label="Quality"
                        on:change=move |ev| {
                            let v = event_target_value(&ev).parse::<i32>().unwrap_or(-1);
                            media.set_level(v);
                        }
                    >
                        <option value="-1" selected=move || media.level.get() == -1>{auto_label}</option>
                        {options
                            .into_iter()
                            .map(|(i, label)| view! {
                                <option value=i.to_string() selected=move || media.level.get() == i>{label}</option>
                            })
                            .collect_view()}
                    </select>
                </label>
            }
        })
    }
}
