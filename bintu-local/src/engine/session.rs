//! One running publish: the group's ffmpeg pipeline and, when the passthrough's pictures are
//! decoded on their own, the gated picture pipeline (`args::gated`), each a `Pipe` fed FLV,
//! plus the helper tasks (`launch`). They start once the publish's tracks are known
//! (`tracks::Probe`; the first tags are held until then), so an audio-only or video-only
//! publish gets the outputs its tracks allow, and the session row says what was skipped.
//! `finish` closes their stdin so ffmpeg ends every output cleanly (HLS gets
//! `#EXT-X-ENDLIST`), then remuxes each fragmented MP4 into the users' `+faststart` MP4
//! (`recording`) and records it. A recording that cannot be finalised stays in the work
//! directory, where `recover` finds it at the next start.

use std::io::ErrorKind;
use std::path::Path;
use std::process::ExitStatus;
use std::time::Duration;

use super::args::{Job, Paths};
use super::launch::{self, Running};
use super::pipe::Pipe;
use super::processes::Processes;
use super::recording;
use super::recover;
use super::tracks::{Found, Probe, Tracks};
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
    /// Holds the first tags until the tracks are known; `None` once they are.
    probe: Option<Probe>,
    tracks: Option<Tracks>,
    running: Option<Running>,
    /// Video came after the session was set up without it (said once in the log).
    late_video: bool,
    db: Db,
}

impl Session {
    /// Creates the directories (an unwritable media directory refuses the publish here);
    /// the processes start with the first media (`media`).
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
            media.join(media::THUMBNAILS_DIR),
            media.join(media::REPLAY_DIR),
            paths.work.clone(),
        ] {
            tokio::fs::create_dir_all(&dir).await?;
        }
        for job in jobs.iter().filter(|j| j.procs.motionclip.is_some()) {
            tokio::fs::create_dir_all(paths.gif_frames(&job.member.name)).await?;
        }
        Ok(Session {
            group_id: plan.group_id.clone(),
            jobs,
            paths,
            probe: Some(Probe::default()),
            tracks: None,
            running: None,
            late_video: false,
            db,
        })
    }

    /// The publisher's `onMetaData` named a video / an audio codec.
    pub fn announce(&mut self, video: bool, audio: bool) {
        if let Some(p) = self.probe.as_mut() {
            p.announce(video, audio);
        }
    }

    /// Feeds one RTMP audio/video message (an FLV tag body); an error means a pipeline is
    /// gone, or the publish carries video the engine cannot take (one log line says which).
    pub async fn media(&mut self, kind: u8, timestamp: u32, body: &[u8]) -> std::io::Result<()> {
        let Some(probe) = self.probe.as_mut() else {
            return self.deliver(kind, timestamp, body).await;
        };
        match probe.push(kind, timestamp, body) {
            Found::Waiting => Ok(()),
            Found::Tracks(tracks) => self.begin(tracks).await,
            Found::Unsupported(why) => {
                self.probe = None;
                tracing::warn!(stream = %self.group_id, reason = %why, "publish refused: unsupported video");
                self.record_tracks(&format!("Publish refused: {why}"), None)
                    .await;
                Err(std::io::Error::new(ErrorKind::Unsupported, why))
            }
        }
    }

    /// Starts the processes for `tracks` and hands them the held tags.
    async fn begin(&mut self, tracks: Tracks) -> std::io::Result<()> {
        let held = self.probe.take().map(Probe::into_tags).unwrap_or_default();
        tracing::info!(stream = %self.group_id, video = tracks.video, audio = tracks.audio,
            audio_copy = tracks.audio_copy, "publish tracks");
        if let Some(note) = tracks.note() {
            tracing::warn!(stream = %self.group_id, "{note}");
        }
        self.record_tracks(tracks.note().as_deref().unwrap_or(""), Some(tracks))
            .await;
        self.tracks = Some(tracks);
        let running = launch::launch(&self.jobs, &self.paths, &self.group_id, tracks)
            .await
            .map_err(|e| std::io::Error::other(format!("cannot start processing: {e}")))?;
        self.running = Some(running);
        for (kind, ts, body) in held {
            self.deliver(kind, ts, &body).await?;
        }
        Ok(())
    }

    async fn record_tracks(&self, note: &str, tracks: Option<Tracks>) {
        let note = (!note.is_empty()).then(|| note.to_string());
        let (video, audio) = (tracks.map(|t| t.video), tracks.map(|t| t.audio));
        let (group, session_ms) = (self.group_id.clone(), self.paths.session_ms);
        let r = (self.db)
            .write(move |c| {
                sessions::set_tracks(c, &group, session_ms, video, audio, note.as_deref())
            })
            .await;
        if let Err(e) = r {
            tracing::error!(stream = %self.group_id, error = %e, "cannot record the session's tracks");
        }
    }

    async fn deliver(&mut self, kind: u8, timestamp: u32, body: &[u8]) -> std::io::Result<()> {
        let Some(run) = self.running.as_mut() else {
            return Ok(());
        };
        if kind == flv::VIDEO && !self.late_video && self.tracks.is_some_and(|t| !t.video) {
            self.late_video = true;
            tracing::warn!(stream = %self.group_id, "video arrived after the session was set up audio-only; it is not kept in this session");
        }
        if let Some(main) = run.main.as_mut() {
            main.queue_tag(kind, timestamp, body);
            main.write(false).await?;
        }
        if let Some((pipe, gate)) = run.pictures.as_mut().filter(|_| kind == flv::VIDEO) {
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
        let run = self.running.as_mut()?;
        let main = run.main.as_mut().and_then(Pipe::exited);
        main.or_else(|| run.pictures.as_mut().and_then(|(p, _)| p.exited()))
    }

    /// Ends the session cleanly: a publish shorter than the probe starts its processes with
    /// what it sent, then EOF to ffmpeg, wait (kill after `FINISH_TIMEOUT`), final playlist
    /// and clip, then the MP4s are finalised into place and recorded.
    pub async fn finish(mut self) {
        if let Some(tracks) = self.probe.as_ref().and_then(Probe::settle) {
            if let Err(e) = self.begin(tracks).await {
                tracing::error!(stream = %self.group_id, error = %e, "cannot process the end of the publish");
            }
        }
        let group = self.group_id.clone();
        let Some(mut run) = self.running.take() else {
            let _ = tokio::fs::remove_dir_all(&self.paths.work).await;
            return;
        };
        let finish = |pipe: Option<Pipe>| async {
            match pipe {
                Some(p) => vec![p.finish(FINISH_TIMEOUT, &group).await],
                None => vec![],
            }
        };
        let (main, pictures) = tokio::join!(
            finish(run.main.take()),
            finish(run.pictures.take().map(|(p, _)| p))
        );
        let clean = main.first().is_some_and(|s| s.is_some_and(|s| s.success()));
        for status in main.into_iter().chain(pictures) {
            if !status.is_some_and(|s| s.success()) {
                tracing::error!(stream = %group, status = ?status, "ffmpeg pipeline failed; its outputs may be incomplete");
            }
        }
        let _ = run.stop.send(true);
        for h in run.helpers.drain(..) {
            let _ = h.await;
        }
        // A pipeline killed from outside (OOM killer, kill -9) wrote no `#EXT-X-ENDLIST`:
        // without it players treat the ended session as live forever.
        for job in self.jobs.iter().filter(|j| j.procs.replay.is_some()) {
            recover::close_playlist(&self.paths.media, &job.member.name, self.paths.session_ms)
                .await;
        }
        let video = self.tracks.is_none_or(|t| t.video);
        let mut kept = true;
        for job in &self.jobs {
            // Without video a transcode writes nothing (`args::group_args`).
            let Some(limit) = job.procs.rec.filter(|_| video || job.member.index == 0) else {
                continue;
            };
            if let Err(e) = self.finalise_recording(job, limit, clean).await {
                kept = false;
                tracing::error!(stream = %job.member.name, error = %e,
                    work = %self.paths.work.display(),
                    "recording not finalised; left in the work directory for recovery at the next start");
            }
        }
        if kept {
            let _ = tokio::fs::remove_dir_all(&self.paths.work).await;
        }
    }

    /// `clean`: the group pipeline ended successfully, so the passthrough's `+faststart` MP4
    /// is complete and becomes the recording; otherwise it is dropped (first, for the space)
    /// and the fragmented file is remuxed.
    async fn finalise_recording(
        &self,
        job: &Job,
        limit: Option<u32>,
        clean: bool,
    ) -> anyhow::Result<()> {
        let part = self.paths.rec_part(&job.member.name);
        let whole = self.paths.rec_whole(&job.member.name);
        let rel = media::recording(&job.member.name, self.paths.session_ms);
        let dest = self.paths.media.join(&rel);
        let adopted =
            job.member.index == 0 && clean && recording::adopt(&part, &whole, &dest).await?;
        if !adopted {
            let _ = tokio::fs::remove_file(&whole).await;
            // The passthrough's output stops at the limit itself; the tee muxer of a transcode
            // cannot stop one slave early, so the remux keeps only the limit.
            recording::finalise(&part, &dest, limit.filter(|_| job.member.index > 0)).await?;
        }
        let size = tokio::fs::metadata(&dest).await?.len() as i64;
        let (stream, session_ms) = (job.member.stream_id.clone(), self.paths.session_ms);
        (self.db)
            .write(move |c| sessions::add_recording(c, &stream, session_ms, &rel, size))
            .await?;
        // Gone already when the fragmented file itself became the recording.
        let _ = tokio::fs::remove_file(&part).await;
        Ok(())
    }
}
