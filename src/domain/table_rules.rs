//! The v4 "Live Processing" table and its expanded links (dashboard-ui.md §1.4.2, §1.4.3,
//! §2.3): which cells show a value, ⊗ or ENTIRE STREAM, which assets belong to a member,
//! how many links each row counts, and the recording / replay session rows, newest first.

use super::process::{find, Process, ProcessKind};
use super::stream::{Asset, Member, Stream};
use super::time::{format_dashboard_utc, format_size, parse_iso};

/// One cell of INTERVAL (S) or DURATION (S).
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Cell {
    Seconds(u32),
    /// A null duration: the entire stream.
    EntireStream,
    /// The process has no such parameter: ⊗.
    NotApplicable,
    /// The process is not active: "—".
    Inactive,
}

impl Cell {
    pub fn text(&self) -> String {
        match self {
            Cell::Seconds(s) => s.to_string(),
            Cell::EntireStream => "ENTIRE STREAM".into(),
            Cell::NotApplicable => "⊗".into(),
            Cell::Inactive => "—".into(),
        }
    }
}

/// One row of the table.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Row {
    pub kind: ProcessKind,
    pub active: bool,
    pub interval: Cell,
    pub duration: Cell,
    pub links: usize,
}

/// Whether an asset belongs to `member`: by `streamId` (every documented asset has it), then
/// by `streamname`; `index` only when neither is present, since the docs' passthrough
/// recording carries `"index": 1` (bintu-api.md §3.5).
pub fn belongs_to(asset: &Asset, member: &Member) -> bool {
    if let Some(id) = asset.stream_id.as_deref().filter(|id| !id.is_empty()) {
        if !member.id.is_empty() {
            return id == member.id;
        }
    }
    if let Some(name) = asset.streamname.as_deref().filter(|n| !n.is_empty()) {
        return name == member.name();
    }
    asset.index.unwrap_or(0) == member.index
}

/// The member's assets of one process kind, as the expanded row lists them.
pub fn member_assets<'a>(stream: &'a Stream, member: &Member, kind: ProcessKind) -> Vec<&'a Asset> {
    let p = &stream.playout;
    let (list, wanted): (&Vec<Asset>, &str) = match kind {
        ProcessKind::Thumbs => (&p.thumbnails, "image"),
        ProcessKind::Motionclip => (&p.motionclip, "gif"),
        ProcessKind::Rec => (&p.web, "vod"),
        ProcessKind::Replay => (&p.replay, "hls"),
    };
    list.iter()
        .filter(|a| a.kind == wanted && belongs_to(a, member))
        .collect()
}

fn cells(p: Option<&Process>, kind: ProcessKind) -> (Cell, Cell) {
    let Some(p) = p else {
        return (Cell::Inactive, Cell::Inactive);
    };
    let interval = p.interval().map_or(Cell::NotApplicable, Cell::Seconds);
    let duration = match p.duration() {
        None => Cell::NotApplicable,
        Some(None) => Cell::EntireStream,
        Some(Some(d)) => Cell::Seconds(d),
    };
    debug_assert_eq!(p.kind(), kind);
    (interval, duration)
}

/// The four rows for a member, in card order.
pub fn rows(stream: &Stream, member: &Member) -> Vec<Row> {
    ProcessKind::ALL
        .into_iter()
        .map(|kind| {
            let p = find(&member.processing, kind);
            let (interval, duration) = cells(p, kind);
            Row {
                kind,
                active: p.is_some(),
                interval,
                duration,
                links: member_assets(stream, member, kind).len(),
            }
        })
        .collect()
}

/// The session time of an asset: `session` ms, else its `createdAt`.
fn session_ms(a: &Asset) -> Option<i64> {
    a.session
        .or_else(|| a.created_at.as_deref().and_then(parse_iso))
}

/// A recording row: session date (UTC), URL, size.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct RecordingRow {
    pub session: String,
    pub url: String,
    pub size: Option<String>,
}

pub fn recording_rows(stream: &Stream, member: &Member) -> Vec<RecordingRow> {
    let mut list = member_assets(stream, member, ProcessKind::Rec);
    list.sort_by_key(|a| std::cmp::Reverse(session_ms(a)));
    list.into_iter()
        .map(|a| RecordingRow {
            session: session_ms(a).map_or("—".into(), format_dashboard_utc),
            url: a.url.clone(),
            size: a.size.map(format_size),
        })
        .collect()
}

/// A replay row: "Latest" or the session date, the HLS URL, and the stream name the replay
/// pages take (`<name>-abr` for ABR playlists) with its session (`None` = latest).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ReplayRow {
    pub label: String,
    pub url: String,
    pub streamname: String,
    pub session: Option<i64>,
    pub abr: bool,
}

pub fn replay_rows(stream: &Stream, member: &Member) -> Vec<ReplayRow> {
    let mut list = member_assets(stream, member, ProcessKind::Replay);
    // Latest first, then sessions newest first; ABR after single streams of the same session.
    list.sort_by_key(|a| (!a.latest, std::cmp::Reverse(a.session), a.abr));
    list.into_iter()
        .map(|a| {
            let base = a
                .streamname
                .clone()
                .unwrap_or_else(|| member.name().to_string());
            let streamname = if a.abr {
                contract::media::abr_name(&base)
            } else {
                base
            };
            let when = if a.latest {
                "Latest".to_string()
            } else {
                a.session.map_or("—".into(), format_dashboard_utc)
            };
            ReplayRow {
                label: if a.abr { format!("{when} (ABR)") } else { when },
                url: a.url.clone(),
                streamname,
                session: if a.latest { None } else { a.session },
                abr: a.abr,
            }
        })
        .collect()
}

/// "captured 12 s ago" for a preview loaded at `loaded_ms`.
pub fn captured_label(loaded_ms: i64, now_ms: i64) -> String {
    format!(
        "captured {} ago",
        super::time::format_age(loaded_ms, now_ms)
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    fn stream() -> Stream {
        serde_json::from_value(serde_json::json!({
            "id":"g","state":"ended",
            "playout":{
              "h5live":[
                {"id":"g","index":0,"streamname":"aa-bb","processing":[
                  {"id":"thumbs","interval":10},{"id":"rec","duration":null},
                  {"id":"replay","duration":null}]},
                {"id":"t1","index":1,"streamname":"aa-bb-1","processing":[
                  {"id":"motionclip","interval":10,"duration":5},{"id":"replay","duration":60}]}],
              "thumbnails":[{"url":"t0.jpg","type":"image","index":0,"streamname":"aa-bb"}],
              "motionclip":[{"url":"m1.gif","type":"gif","index":1,"streamname":"aa-bb-1"}],
              "web":[{"url":"live","type":"live","index":0},
                     {"url":"r1.mp4","type":"vod","index":0,"session":1000,"size":2048},
                     {"url":"r2.mp4","type":"vod","index":0,"session":90000000,"size":5242880}],
              "replay":[{"url":"demo","type":"playout"},
                {"url":"s1.m3u8","type":"hls","index":0,"streamname":"aa-bb","session":1000},
                {"url":"l.m3u8","type":"hls","index":0,"streamname":"aa-bb","latest":true},
                {"url":"a1.m3u8","type":"hls","index":0,"streamname":"aa-bb","session":1000,"abr":true},
                {"url":"s2.m3u8","type":"hls","index":0,"streamname":"aa-bb","session":90000000}]}
        }))
        .unwrap()
    }

    #[test]
    fn cells_follow_the_v4_display_rules() {
        let s = stream();
        let m = s.members();
        let r = rows(&s, m[0]);
        let texts: Vec<_> = r
            .iter()
            .map(|r| (r.active, r.interval.text(), r.duration.text(), r.links))
            .collect();
        assert_eq!(
            texts,
            vec![
                (true, "10".into(), "⊗".into(), 1),
                (false, "—".into(), "—".into(), 0),
                (true, "⊗".into(), "ENTIRE STREAM".into(), 2),
                (true, "⊗".into(), "ENTIRE STREAM".into(), 4),
            ]
        );
        let r1 = rows(&s, m[1]);
        assert_eq!(r1[1].interval.text(), "10");
        assert_eq!(r1[1].duration.text(), "5");
        assert_eq!(r1[1].links, 1);
        assert_eq!(r1[3].duration.text(), "60");
        assert_eq!(r1[0].links, 0, "assets of other members are not counted");
    }

    #[test]
    fn recordings_newest_first_with_utc_dates_and_sizes() {
        let s = stream();
        let rec = recording_rows(&s, s.members()[0]);
        assert_eq!(rec[0].url, "r2.mp4");
        assert_eq!(rec[0].session, "01/02/1970 01:00 am (UTC)");
        assert_eq!(rec[0].size.as_deref(), Some("5.00 MB"));
        assert_eq!(rec[1].size.as_deref(), Some("2.0 KB"));
    }

    #[test]
    fn replay_rows_put_latest_first_and_name_abr_playlists() {
        let s = stream();
        let rows = replay_rows(&s, s.members()[0]);
        let labels: Vec<_> = rows.iter().map(|r| r.label.as_str()).collect();
        assert_eq!(labels[0], "Latest");
        assert_eq!(rows[0].session, None);
        assert_eq!(rows[1].session, Some(90000000));
        assert_eq!(rows[2].streamname, "aa-bb");
        assert_eq!(rows[3].streamname, "aa-bb-abr");
        assert!(rows[3].label.ends_with("(ABR)"));
    }

    #[test]
    fn captured_label_counts_seconds() {
        assert_eq!(captured_label(1_000, 13_500), "captured 12 s ago");
    }
}
