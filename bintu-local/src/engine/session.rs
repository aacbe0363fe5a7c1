//! One running publish: the group's ffmpeg pipeline and, when the passthrough's pictures are
//! decoded on their own, the gated picture pipeline (`args::gated`), each a `Pipe` fed FLV,
//! plus the helper tasks. `finish` closes their stdin so ffmpeg ends every output cleanly
//! (HLS gets `#EXT-X-ENDLIST`, MP4 gets its `moov` moved to the front), then records the MP4s.

use std::path::{Path, PathBuf};
use std::process::ExitStatus;
use std::time::Duration;

use tokio::process::Command;
use tokio::sync::watch;
use tokio::task::JoinHandle;

use super::args::{self, Job, Paths};
use super::gate::Gate;
use super::pipe::Pipe;
use super::playlists::{self, Variant};
use super::processes::Processes;
use super::{atomic, gif, timeline};
use crate::db::sessions::{self, PublishPlan};
use crate::db::Db;
use crate::ingest::flv;
use contract::media;

/// How long ffmpeg gets to finalise its outputs after stdin closes before it is killed.
const FINISH_TIMEOUT: Duration = Duration::from_secs(30);

pub struct Session {
    pub group_id: String,
    jobs: Vec<Job>,
    paths: Paths,
    /// The group pipeline, unless it would have no output.
    main: Option<Pipe>,
    /// The passthrough's gated picture pipeline and its gate.
    pictures: Option<(Pipe, Gate)>,
    stop: watch::Sender<bool>,
    helpers: Vec<JoinHandle<()>>,
    db: Db,
}

impl Session {
    /// Creates the directories, writes the ABR playlists and starts ffmpeg and the helpers.
    pub async fn start(
        plan: &PublishPlan,
        media: &Path,
        work_root: &Path,
        db: Db,
    ) -> anyhow::Result<Self> {
        let jobs: Vec<Job> = plan
            .members
            .iter()
            .map(|m| Job {
                member: m.clone(),
                procs: Processes::parse(&m.processing),
            })
            .collect();
        let first = jobs
            .first()
            .map(|j| j.member.name.clone())
            .unwrap_or_default();
        let paths = Paths {
            media: media.to_path_buf(),
            work: work_root.join(format!("{first}-{}", plan.session_ms)),
            session_ms: plan.session_ms,
        };
        for dir in [
            media.join("thumbnails"),
            media.join("replay"),
            paths.work.clone(),
        ] {
            tokio::fs::create_dir_all(&dir).await?;
        }
        for job in jobs.iter().filter(|j| j.procs.motionclip.is_some()) {
            tokio::fs::create_dir_all(paths.gif_frames(&job.member.name)).await?;
        }
        write_abr(&jobs, &paths).await?;
        let main = match args::group_args(&jobs, &paths) {
            Some(a) => {
                let mut pipe = Pipe::spawn(a, &plan.group_id)?;
                pipe.queue(&flv::header(true));
                Some(pipe)
            }
            None => None,
        };
        let pictures = match jobs.first().filter(|_| args::gated(&jobs)) {
            Some(job) => {
                let mut pipe = Pipe::spawn(args::gated_args(job, &paths), &plan.group_id)?;
                pipe.queue(&flv::header(false));
                Some((pipe, Gate::new(job.procs.thumbs, job.procs.motionclip)))
            }
            None => None,
        };
        let (stop, stop_rx) = watch::channel(false);
        let mut helpers = Vec::new();
        for job in &jobs {
            let name = &job.member.name;
            if job.procs.replay.is_some() {
                let file = media::replay_playlist(name, Some(plan.session_ms));
                helpers.push(tokio::spawn(playlists::mirror(
                    media.join(&file),
                    media.join(media::replay_playlist(name, None)),
                    media::playlist_file(name, Some(plan.session_ms)),
                    stop_rx.clone(),
                )));
            }
            if let (Some(interval), Some(_)) = (job.procs.thumbs, job.procs.replay) {
                helpers.push(tokio::spawn(timeline::run(
                    media.join(media::thumbnail(name)),
                    media.join(media::timeline_dir(name, plan.session_ms)),
                    plan.session_ms,
                    interval,
                    stop_rx.clone(),
                )));
            }
            if let Some((interval, duration)) = job.procs.motionclip {
                helpers.push(tokio::spawn(gif::run(
                    paths.gif_frames(name),
                    media.join(media::motionclip(name)),
                    interval,
                    duration,
                    stop_rx.clone(),
                )));
            }
        }
        Ok(Session {
            group_id: plan.group_id.clone(),
            jobs,
            paths,
            main,
            pictures,
            stop,
            helpers,
            db,
        })
    }

    /// Feeds one RTMP audio/video message (an FLV tag body) to the pipelines; an error means
    /// one of them is gone.
    pub async fn media(&mut self, kind: u8, timestamp: u32, body: &[u8]) -> std::io::Result<()> {
        if let Some(main) = self.main.as_mut() {
            main.queue_tag(kind, timestamp, body);
            main.write(false).await?;
        }
        if let Some((pipe, gate)) = self.pictures.as_mut().filter(|_| kind == flv::VIDEO) {
            let passed = gate.video(timestamp, body);
            if !passed.is_empty() {
                for (ts, tag) in passed {
                    pipe.queue_tag(flv::VIDEO, ts, &tag);
                }
                // At the end of a burst hand everything over: the next may be a minute away.
                pipe.write(!gate.passing()).await?;
            }
        }
        Ok(())
    }

    /// `Some(status)` once a pipeline has exited on its own.
    pub fn exited(&mut self) -> Option<ExitStatus> {
        let main = self.main.as_mut().and_then(Pipe::exited);
        main.or_else(|| self.pictures.as_mut().and_then(|(p, _)| p.exited()))
    }

    /// Ends the session cleanly: EOF to ffmpeg, wait (kill after `FINISH_TIMEOUT`), final
    /// playlist and clip, then the finalised MP4s are moved into place and recorded.
    pub async fn finish(mut self) {
        let group = self.group_id.clone();
        let finish = |pipe: Option<Pipe>| async {
            match pipe {
                Some(p) => vec![p.finish(FINISH_TIMEOUT, &group).await],
                None => vec![],
            }
        };
        let (main, pictures) = tokio::join!(
            finish(self.main.take()),
            finish(self.pictures.take().map(|(p, _)| p))
        );
        for status in main.into_iter().chain(pictures) {
            if !status.is_some_and(|s| s.success()) {
                tracing::error!(stream = %group, status = ?status, "ffmpeg pipeline failed; its outputs may be incomplete");
            }
        }
        let _ = self.stop.send(true);
        for h in self.helpers.drain(..) {
            let _ = h.await;
        }
        for job in &self.jobs {
            if let Some(limit) = job.procs.rec {
                if let Err(e) = self.finalise_recording(job, limit).await {
                    tracing::error!(stream = %job.member.name, error = %e, "recording not finalised");
                }
            }
        }
        let _ = tokio::fs::remove_dir_all(&self.paths.work).await;
    }

    async fn finalise_recording(&self, job: &Job, limit: Option<u32>) -> anyhow::Result<()> {
        let part = self.paths.rec_part(&job.member.name);
        let rel = media::recording(&job.member.name, self.paths.session_ms);
        let dest = self.paths.media.join(&rel);
        // The tee muxer of a transcode cannot stop one slave early: trim its copy here.
        match limit.filter(|_| job.member.index > 0) {
            Some(secs) => trim(&part, &dest, secs).await?,
            None => move_file(&part, &dest).await?,
        }
        let size = tokio::fs::metadata(&dest).await?.len() as i64;
        let conn = self.db.lock();
        sessions::add_recording(
            &conn,
            &job.member.stream_id,
            self.paths.session_ms,
            &rel,
            size,
        )?;
        Ok(())
    }
}

async fn move_file(from: &Path, to: &Path) -> std::io::Result<()> {
    if tokio::fs::rename(from, to).await.is_err() {
        tokio::fs::copy(from, to).await?;
        tokio::fs::remove_file(from).await?;
    }
    Ok(())
}

/// Remux the first `secs` seconds (stream copy) into `to`, via a temp file.
async fn trim(from: &Path, to: &Path, secs: u32) -> anyhow::Result<()> {
    let tmp: PathBuf = atomic::temp_of(to);
    let status = Command::new("ffmpeg")
        .args(["-hide_banner", "-nostdin", "-loglevel", "error", "-y", "-i"])
        .arg(from)
        .args([
            "-t",
            &secs.to_string(),
            "-c",
            "copy",
            "-movflags",
            "+faststart",
            "-f",
            "mp4",
        ])
        .arg(&tmp)
        .kill_on_drop(true)
        .status()
        .await?;
    anyhow::ensure!(status.success(), "trimming failed: {status}");
    tokio::fs::rename(&tmp, to).await?;
    Ok(())
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
