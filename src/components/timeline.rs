//! The replay timeline: a keyboard-operable slider (`role="slider"`) over a time window with
//! the playhead, segment boundaries, the requested clip range, the range a `-c copy` cut will
//! really deliver, and session thumbnails when there are any.

use leptos::prelude::*;
use wasm_bindgen::JsCast;

use crate::domain::replay_thumbs::Thumb;

/// Percent position of `t` in `[lo, hi]`, clamped.
fn pct(t: f64, (lo, hi): (f64, f64)) -> f64 {
    if hi <= lo || !t.is_finite() {
        return 0.0;
    }
    ((t - lo) / (hi - lo) * 100.0).clamp(0.0, 100.0)
}

fn span_style((a, b): (f64, f64), win: (f64, f64)) -> String {
    let (l, r) = (pct(a, win), pct(b, win));
    format!("left:{l:.3}%;width:{:.3}%", (r - l).max(0.3))
}

#[component]
pub fn Timeline(
    /// Accessible name, e.g. "Session timeline".
    #[prop(into)]
    label: String,
    /// The window shown, seconds: `(start, end)`.
    #[prop(into)]
    window: Signal<(f64, f64)>,
    #[prop(into)] position: Signal<f64>,
    /// What a screen reader hears for the position, e.g. "14:02:10, 0:42 into the session".
    #[prop(into)]
    value_text: Signal<String>,
    #[prop(into, optional)] boundaries: Signal<Vec<f64>>,
    #[prop(into, optional)] clip: Signal<Option<(f64, f64)>>,
    #[prop(into, optional)] cut: Signal<Option<(f64, f64)>>,
    #[prop(into, optional)] thumbs: Signal<Vec<Thumb>>,
    on_seek: Callback<f64>,
) -> impl IntoView {
    let bar = NodeRef::<leptos::html::Div>::new();
    let on_click = move |ev: web_sys::MouseEvent| {
        let Some(el) = bar.get_untracked() else {
            return;
        };
        let rect = el
            .unchecked_ref::<web_sys::Element>()
            .get_bounding_client_rect();
        if rect.width() <= 0.0 {
            return;
        }
        let frac = ((f64::from(ev.client_x()) - rect.left()) / rect.width()).clamp(0.0, 1.0);
        let (lo, hi) = window.get_untracked();
        on_seek.run(lo + frac * (hi - lo));
    };
    let on_key = move |ev: web_sys::KeyboardEvent| {
        let (lo, hi) = window.get_untracked();
        let t = position.get_untracked();
        let to = match ev.key().as_str() {
            "ArrowLeft" | "ArrowDown" => t - 1.0,
            "ArrowRight" | "ArrowUp" => t + 1.0,
            "PageDown" => t - 10.0,
            "PageUp" => t + 10.0,
            "Home" => lo,
            "End" => hi,
            _ => return,
        };
        ev.prevent_default();
        ev.stop_propagation();
        on_seek.run(to.clamp(lo, hi));
    };
    view! {
        <div class="timeline">
            <div
                class="timeline__bar"
                node_ref=bar
                role="slider"
                tabindex="0"
                aria-label=label
                aria-valuemin=move || format!("{:.0}", window.get().0)
                aria-valuemax=move || format!("{:.0}", window.get().1)
                aria-valuenow=move || format!("{:.0}", position.get())
                aria-valuetext=move || value_text.get()
                on:click=on_click
                on:keydown=on_key
            >
                <div class="timeline__thumbs" aria-hidden="true">
                    {move || {
                        let win = window.get();
                        thumbs
                            .get()
                            .into_iter()
                            .filter(|t| t.t >= win.0 && t.t <= win.1)
                            .map(|t| {
                                let style = format!("left:{:.3}%", pct(t.t, win));
                                view! { <img class="timeline__thumb" src=t.file style=style alt="" loading="lazy"/> }
                            })
                            .collect_view()
                    }}
                </div>
                {move || {
                    let win = window.get();
                    boundaries
                        .get()
                        .into_iter()
                        .filter(|b| *b > win.0 && *b < win.1)
                        .map(|b| {
                            let style = format!("left:{:.3}%", pct(b, win));
                            view! { <span class="timeline__boundary" style=style aria-hidden="true"></span> }
                        })
                        .collect_view()
                }}
                {move || cut.get().map(|c| view! {
                    <span class="timeline__cut" style=span_style(c, window.get()) title="What a -c copy cut delivers"></span>
                })}
                {move || clip.get().map(|c| view! {
                    <span class="timeline__clip" style=span_style(c, window.get()) title="Selected clip"></span>
                })}
                <span
                    class="timeline__head"
                    style=move || format!("left:{:.3}%", pct(position.get(), window.get()))
                    aria-hidden="true"
                ></span>
            </div>
        </div>
    }
}

#[cfg(test)]
mod tests {
    use super::pct;

    #[test]
    fn positions_are_clamped_percentages() {
        assert_eq!(pct(5.0, (0.0, 10.0)), 50.0);
        assert_eq!(pct(-1.0, (0.0, 10.0)), 0.0);
        assert_eq!(pct(11.0, (0.0, 10.0)), 100.0);
        assert_eq!(pct(1.0, (3.0, 3.0)), 0.0);
        assert_eq!(pct(f64::NAN, (0.0, 1.0)), 0.0);
    }
}
