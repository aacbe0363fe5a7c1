//! A full disk during a publish, on a small tmpfs mounted as the data directory (the tests
//! run as root, as CI does): the session ends cleanly (state `ended`, no ffmpeg left), the
//! API keeps answering, the stream created before is still there, and what the recording
//! had written up to its last complete fragment is kept and listed.

mod common;
mod media_support;
mod streams_support;

use std::path::{Path, PathBuf};
use std::process::Command;

use common::Server;
use media_support::*;
use serde_json::json;
use streams_support::get;

/// A tmpfs of `mb` MiB, unmounted on drop (before its parent directory goes).
struct Tmpfs(PathBuf, #[allow(dead_code)] tempfile::TempDir);

impl Tmpfs {
    fn mount(mb: u32) -> Tmpfs {
        let dir = tempfile::tempdir().unwrap();
        let at = dir.path().join("data");
        std::fs::create_dir(&at).unwrap();
        let ok = Command::new("mount")
            .args(["-t", "tmpfs", "-o", &format!("size={mb}m"), "tmpfs"])
            .arg(&at)
            .status()
            .unwrap()
            .success();
        assert!(ok, "mounting a tmpfs needs root (as CI runs)");
        Tmpfs(at, dir)
    }
}

impl Drop for Tmpfs {
    fn drop(&mut self) {
        let _ = Command::new("umount").arg("-l").arg(&self.0).status();
    }
}

fn used_up(p: &Path) -> bool {
    let out = Command::new("df")
        .args(["--output=avail", "-B1"])
        .arg(p)
        .output()
        .unwrap();
    let text = String::from_utf8_lossy(&out.stdout);
    let avail: u64 = text.lines().nth(1).unwrap().trim().parse().unwrap();
    avail < 1024 * 1024
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_full_disk_ends_the_session_cleanly_and_keeps_what_was_written() {
    let fs = Tmpfs::mount(12);
    let data = fs.0.clone();
    let s = Server::start_with(|c| c.data_dir = data.clone()).await;
    let before = group(&s, &[], json!([])).await;
    let v = group(
        &s,
        &[],
        json!([{"id":"rec","duration":null},{"id":"replay","duration":null}]),
    )
    .await;
    let id = v["id"].as_str().unwrap().to_string();
    let pass = name_of(&v, 0);
    let src = bintu_local::publish::TestSource {
        width: 640,
        height: 360,
        ..source(&s, &pass, None)
    };
    let mut publisher = tokio::process::Command::new("ffmpeg")
        .args(bintu_local::publish::ffmpeg_args(&src, false))
        .stdin(std::process::Stdio::null())
        .stderr(std::process::Stdio::null())
        .kill_on_drop(true)
        .spawn()
        .unwrap();
    wait_state(&s, &id, "live", 30).await;
    until(120, "the disk to fill", || used_up(&data)).await;
    wait_state(&s, &id, "ended", 60).await;
    let _ = publisher.kill().await;
    assert!(ffmpeg_children(&pass).is_empty(), "no ffmpeg left");
    // The API answers, and what it acknowledged before is there.
    assert_eq!(
        get(&s, before["id"].as_str().unwrap()).await["id"],
        before["id"]
    );
    let stream = get(&s, &id).await;
    let rec = stream["playout"]["web"]
        .as_array()
        .unwrap()
        .iter()
        .find(|w| w["type"] == "vod")
        .cloned()
        .unwrap_or_else(|| panic!("recording listed: {stream}"));
    let mp4 = media(&s, &format!("{pass}-{}.mp4", rec["session"]));
    assert!(duration(&ffprobe(&mp4, false)) >= 2.0);
    assert!(decodes(&mp4), "what was written plays");
    drop(s);
}
