//! The feed against real child processes: one that reads everything, one that reads nothing.

use std::process::Stdio;
use std::sync::atomic::Ordering;

use tokio::process::Command;

use super::{Feed, LIMIT};

fn child(script: &str) -> tokio::process::Child {
    Command::new("sh")
        .args(["-c", script])
        .stdin(Stdio::piped())
        .stdout(Stdio::null())
        .kill_on_drop(true)
        .spawn()
        .expect("sh")
}

#[tokio::test]
async fn a_reader_gets_every_byte_in_order() {
    let dir = std::env::temp_dir().join(format!("feed-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let out = dir.join("out");
    let mut c = child(&format!("cat > '{}'", out.display()));
    let mut feed = Feed::start(c.stdin.take().unwrap(), "g");
    let mut expected = Vec::new();
    for i in 0..200u32 {
        let chunk: Vec<u8> = (0..1000u32).map(|j| ((i * 7 + j) % 251) as u8).collect();
        expected.extend_from_slice(&chunk);
        feed.send(chunk, i % 10 == 9).unwrap();
    }
    feed.close().await;
    c.wait().await.unwrap();
    assert_eq!(std::fs::read(&out).unwrap(), expected);
    std::fs::remove_dir_all(&dir).ok();
}

#[tokio::test]
async fn a_stalled_reader_never_blocks_and_the_burst_is_skipped_past_the_limit() {
    // `exec`: the shell must not stay behind holding the pipe open once the reader is killed.
    let mut c = child("exec sleep 30");
    let mut feed = Feed::start(c.stdin.take().unwrap(), "g");
    let chunk = 64 * 1024;
    // Twice the limit in one burst: every call returns at once (it is not async), and what
    // is queued never exceeds the limit.
    for _ in 0..(2 * LIMIT / chunk) {
        feed.send(vec![0; chunk], false).unwrap();
        assert!(feed.queued.load(Ordering::Relaxed) <= LIMIT);
    }
    assert!(feed.skipping, "the burst past the limit is being skipped");
    // The burst's end clears it; the next burst is taken again once there is room.
    feed.send(vec![0; chunk], true).unwrap();
    assert!(!feed.skipping);
    c.kill().await.unwrap();
    c.wait().await.unwrap();
    // With the reader gone, the writer's error surfaces as an error of the next send.
    let mut gone = false;
    for _ in 0..1000 {
        if feed.send(vec![0; 16], true).is_err() {
            gone = true;
            break;
        }
        tokio::time::sleep(std::time::Duration::from_millis(10)).await;
    }
    assert!(gone, "a dead decoder is reported");
}
