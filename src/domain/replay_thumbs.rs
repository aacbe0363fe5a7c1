//! Per-session thumbnails for the clip timeline (optional: only when the engine writes
//! `<bucket>/thumbs/<name>-<session>/index.json` = `[{"t":seconds,"file":"<t>.jpg"}]`).

/// Per-session thumbnails index (optional; absent when the stream has no thumbs).
pub fn thumbs_index_url(bucket: &str, name: &str, session: i64) -> String {
    let dir = contract::media::timeline_in_bucket(name, session);
    format!("{bucket}/{dir}/{}", contract::media::TIMELINE_INDEX)
}

/// One entry of a thumbnails index: seconds from the session start and the image URL.
#[derive(Clone, Debug, PartialEq, serde::Deserialize)]
pub struct Thumb {
    pub t: f64,
    pub file: String,
}

/// Parses `index.json`; anything malformed means "no thumbnails", never an error page.
pub fn parse_thumbs(index_url: &str, body: &str) -> Vec<Thumb> {
    let dir = index_url.rsplit_once('/').map_or("", |(d, _)| d);
    serde_json::from_str::<Vec<Thumb>>(body)
        .unwrap_or_default()
        .into_iter()
        .filter(|t| t.t.is_finite() && t.t >= 0.0 && !t.file.contains(['/', '\\', '?']))
        .map(|t| Thumb {
            file: format!("{dir}/{}", t.file),
            ..t
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn thumbnails_resolve_next_to_the_index() {
        let url = thumbs_index_url("http://h/vod/replay", "ab-cd-abr", 5);
        assert_eq!(url, "http://h/vod/replay/thumbs/ab-cd-5/index.json");
        let t = parse_thumbs(
            &url,
            r#"[{"t":10,"file":"10.jpg"},{"t":-1,"file":"x.jpg"},{"t":2,"file":"../x"}]"#,
        );
        assert_eq!(
            t,
            vec![Thumb {
                t: 10.0,
                file: "http://h/vod/replay/thumbs/ab-cd-5/10.jpg".into()
            }]
        );
        assert!(parse_thumbs(&url, "<html>").is_empty());
    }
}
