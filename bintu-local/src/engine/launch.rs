//! Starting a session's processes once its tracks are known: the group pipeline, the gated
//! picture pipeline (pictures only when there is video), the ABR playlists (transcodes only
//! when there is video) and the helper tasks (playlist mirror, timeline, motion clip).

use std::path::Path;

use tokio::sync::watch;
use tokio::task::JoinHandle;

use super::args::{self, Job, Paths};
use super::gate::Gate;
use super::pipe::Pipe;
use super::playlists::{self, Variant};
use super::tracks::Tracks;
use super::{atomic, gif, timeline};
use crate::ingest::flv;
use contract::media;

/// The running processes of a session.
pub(super) struct Running {
    /// The group pipeline, unless it would have no output.
    pub main: Option<Pipe>,
    /// The passthrough's gated picture pipeline and its gate.
    pub pictures: Option<(Pipe, Gate)>,
    pub stop: watch::Sender<bool>,
    pub helpers: Vec<JoinHandle<()>>,
}

/// Starts what `jobs` need for `tracks`.
pub(super) async fn launch(
    jobs: &[Job],
    paths: &Paths,
    group: &str,
    tracks: Tracks,
) -> anyhow::Result<Running> {
    if tracks.video {
        write_abr(jobs, paths).await?;
    }
    let main = match args::group_args(jobs, paths, tracks) {
        Some(a) => {
            let mut pipe = Pipe::spawn(a, group)?;
            pipe.queue(&flv::header(tracks.video, tracks.audio));
            Some(pipe)
        }
        None => None,
    };
    let pictures = match jobs.first().filter(|_| args::gated(jobs, tracks)) {
        Some(job) => {
            let mut pipe = Pipe::spawn_pictures(args::gated_args(job, paths), group)?;
            pipe.queue(&flv::header(true, false));
            Some((pipe, Gate::new(job.procs.thumbs, job.procs.motionclip)))
        }
        None => None,
    };
    let (stop, stop_rx) = watch::channel(false);
    let dir: &Path = &paths.media;
    let mut helpers = Vec::new();
    for job in jobs {
        let name = &job.member.name;
        // Without video only the passthrough's audio copy is written (`args::group_args`).
        if !tracks.video && job.member.index > 0 {
            continue;
        }
        if job.procs.replay.is_some() {
            let file = media::replay_playlist(name, Some(paths.session_ms));
            helpers.push(tokio::spawn(playlists::mirror(
                dir.join(&file),
                dir.join(media::replay_playlist(name, None)),
                media::playlist_file(name, Some(paths.session_ms)),
                stop_rx.clone(),
            )));
        }
        if !tracks.video {
            continue;
        }
        if let (Some(interval), Some(_)) = (job.procs.thumbs, job.procs.replay) {
            helpers.push(tokio::spawn(timeline::run(
                dir.join(media::thumbnail(name)),
                dir.join(media::timeline_dir(name, paths.session_ms)),
                paths.session_ms,
                interval,
                stop_rx.clone(),
            )));
        }
        if let Some((interval, duration)) = job.procs.motionclip {
            helpers.push(tokio::spawn(gif::run(
                paths.gif_frames(name),
                dir.join(media::motionclip(name)),
                interval,
                duration,
                stop_rx.clone(),
            )));
        }
    }
    Ok(Running {
        main,
        pictures,
        stop,
        helpers,
    })
}

/// `<first>-abr-<session>.m3u8` and `<first>-abr.m3u8` over the members with replay, when the
/// group has transcodes.
async fn write_abr(jobs: &[Job], paths: &Paths) -> anyhow::Result<()> {
    let with_replay: Vec<&Job> = jobs.iter().filter(|j| j.procs.replay.is_some()).collect();
    if jobs.len() < 2 || with_replay.is_empty() {
        return Ok(());
    }
    let variants: Vec<Variant> = with_replay
        .iter()
        .map(|j| {
            let m = &j.member;
            // The passthrough's bitrate is unknown here; rank it above the top transcode.
            let top = jobs.iter().map(|j| j.member.bitrate).max().unwrap_or(0);
            let kbps = if m.index == 0 {
                top.max(1000) * 2
            } else {
                m.bitrate
            };
            Variant {
                uri: media::playlist_file(&m.name, Some(paths.session_ms)),
                bandwidth: (kbps + 128) * 1000,
                width: m.width,
                height: m.height,
            }
        })
        .collect();
    let name = &jobs[0].member.name;
    let abr = media::abr_name(name);
    let session_file = media::playlist_file(&abr, Some(paths.session_ms));
    atomic::write(
        &paths
            .media
            .join(media::replay_playlist(&abr, Some(paths.session_ms))),
        playlists::multivariant(&variants, None).as_bytes(),
    )
    .await?;
    let current = playlists::multivariant(&variants, Some(&session_file));
    atomic::write(
        &paths.media.join(media::replay_playlist(&abr, None)),
        current.as_bytes(),
    )
    .await?;
    Ok(())
}
