//! Finalising a recording: the live file is a fragmented MP4 (`args::FRAG_MOVFLAGS`), which
//! stays readable up to its last complete fragment whatever happens to its writer. At the end
//! of a session (or at recovery after a crash) it is cut to that fragment if its tail is
//! incomplete and remuxed by stream copy into a `+faststart` MP4, the file users get. The
//! remux reads and writes the bytes once (about 0.25 s for 2 minutes at 2.6 Mbit/s). When it
//! fails (a full disk has no room for the copy) the fragmented file itself becomes the
//! recording by a rename, which needs no space: it plays, only seeking is slower. The
//! passthrough's pipeline also writes the `+faststart` MP4 itself (`adopt`): after a clean end
//! that file is the recording and no remux runs.

use std::io::{Read, Seek, SeekFrom};
use std::path::Path;

use tokio::process::Command;

use super::atomic;

/// The readable part of a fragmented MP4.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Prefix {
    /// Bytes of complete top-level boxes, ending on a complete fragment.
    pub len: u64,
    /// Complete media data boxes in it.
    pub fragments: u32,
}

/// The longest prefix of the MP4 at `path` that is made of complete top-level boxes and
/// ends on a complete fragment: a `moof` counts only with its complete `mdat`. A box whose
/// header announces more bytes than the file holds ends the prefix.
pub fn complete_prefix(path: &Path) -> std::io::Result<Prefix> {
    let mut f = std::fs::File::open(path)?;
    let len = f.metadata()?.len();
    let (mut at, mut good, mut fragments) = (0u64, 0u64, 0u32);
    let mut open_moof = false;
    while at + 8 <= len {
        f.seek(SeekFrom::Start(at))?;
        let mut head = [0u8; 16];
        let n = f.read(&mut head)?;
        let size32 = u32::from_be_bytes([head[0], head[1], head[2], head[3]]) as u64;
        let kind = [head[4], head[5], head[6], head[7]];
        let size = match size32 {
            // 64-bit size follows the type.
            1 if n >= 16 => u64::from_be_bytes(head[8..16].try_into().expect("8 bytes")),
            // "Extends to the end of the file": written only when the writer never came back
            // to fix the size, so its end is unknown.
            0 => break,
            s => s,
        };
        if size < 8 || at.checked_add(size).is_none_or(|end| end > len) {
            break;
        }
        at += size;
        match &kind {
            b"moof" => open_moof = true,
            b"mdat" => {
                open_moof = false;
                good = at;
                fragments += 1;
            }
            _ if !open_moof => good = at,
            _ => {}
        }
    }
    Ok(Prefix {
        len: good,
        fragments,
    })
}

/// Makes `whole`, the `+faststart` MP4 the pipeline wrote beside the fragmented `part` and
/// finished cleanly, the recording `dest`: a rename, where a remux costs a process start
/// (~0.08 CPU s, most of it the dynamic linker) and a read and write of every byte.
/// `false` (nothing done) when there is no such file or `part` holds no media, which
/// `finalise` then handles as before.
pub async fn adopt(part: &Path, whole: &Path, dest: &Path) -> anyhow::Result<bool> {
    let p = part.to_path_buf();
    let media = tokio::task::spawn_blocking(move || complete_prefix(&p)).await??;
    if media.fragments == 0 || !tokio::fs::try_exists(whole).await? {
        return Ok(false);
    }
    tokio::fs::rename(whole, dest).await?;
    Ok(true)
}

/// Remuxes the fragmented MP4 `part` into the `+faststart` MP4 `dest` (via a temp sibling,
/// so `dest` appears whole), keeping at most `limit` seconds. An incomplete tail is cut off
/// `part` first (a crash or a killed writer left it).
pub async fn finalise(part: &Path, dest: &Path, limit: Option<u32>) -> anyhow::Result<()> {
    let p = part.to_path_buf();
    let (prefix, cut) = tokio::task::spawn_blocking(move || -> std::io::Result<(Prefix, u64)> {
        let prefix = complete_prefix(&p)?;
        let len = std::fs::metadata(&p)?.len();
        // A file with no complete fragment is left exactly as it is.
        if prefix.fragments > 0 && prefix.len < len {
            std::fs::OpenOptions::new()
                .write(true)
                .open(&p)?
                .set_len(prefix.len)?;
        }
        Ok((prefix, len - prefix.len))
    })
    .await??;
    anyhow::ensure!(prefix.fragments > 0, "{} holds no media", part.display());
    if cut > 0 {
        tracing::warn!(file = %part.display(), bytes = cut, "recording had an incomplete tail; cut to its last complete fragment");
    }
    let tmp = atomic::temp_of(dest);
    let mut cmd = Command::new("ffmpeg");
    cmd.args(["-hide_banner", "-nostdin", "-loglevel", "error", "-y", "-i"])
        .arg(part);
    if let Some(secs) = limit {
        cmd.args(["-t", &secs.to_string()]);
    }
    let out = cmd
        .args([
            "-map",
            "0",
            "-c",
            "copy",
            "-movflags",
            "+faststart",
            "-f",
            "mp4",
        ])
        .arg(&tmp)
        .stdin(std::process::Stdio::null())
        .stdout(std::process::Stdio::null())
        .kill_on_drop(true)
        .output()
        .await?;
    if !out.status.success() {
        let _ = tokio::fs::remove_file(&tmp).await;
        let stderr = String::from_utf8_lossy(&out.stderr);
        let why = stderr.lines().next().unwrap_or_default();
        let status = out.status;
        // Without a limit to apply, the fragmented file is a recording as it is.
        anyhow::ensure!(
            limit.is_none(),
            "remuxing {} failed ({status}): {why}",
            part.display()
        );
        tracing::warn!(file = %part.display(), %status, ffmpeg = why,
            "remux failed; the fragmented MP4 is kept as the recording");
        tokio::fs::rename(part, dest).await?;
        return Ok(());
    }
    tokio::fs::rename(&tmp, dest).await?;
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn boxed(kind: &[u8; 4], body: usize) -> Vec<u8> {
        let mut b = ((body + 8) as u32).to_be_bytes().to_vec();
        b.extend_from_slice(kind);
        b.extend(std::iter::repeat_n(0u8, body));
        b
    }

    #[test]
    fn the_prefix_ends_on_the_last_complete_fragment() {
        let dir = tempfile::tempdir().unwrap();
        let p = dir.path().join("a.mp4");
        let mut file = [boxed(b"ftyp", 20), boxed(b"moov", 100)].concat();
        let header = file.len() as u64;
        std::fs::write(&p, &file).unwrap();
        assert_eq!(complete_prefix(&p).unwrap().len, header);
        file.extend([boxed(b"moof", 50), boxed(b"mdat", 1000)].concat());
        let one = file.len() as u64;
        // A second fragment whose mdat is cut short, then one whose moof is cut short.
        let mut torn = file.clone();
        torn.extend(boxed(b"moof", 50));
        torn.extend(&boxed(b"mdat", 1000)[..300]);
        std::fs::write(&p, &torn).unwrap();
        assert_eq!(complete_prefix(&p).unwrap().len, one);
        let mut torn = file.clone();
        torn.extend(&boxed(b"moof", 50)[..20]);
        std::fs::write(&p, &torn).unwrap();
        assert_eq!(complete_prefix(&p).unwrap().len, one);
        // A complete file (with the trailing mfra ffmpeg writes at a clean end) is kept whole.
        file.extend(boxed(b"mfra", 16));
        std::fs::write(&p, &file).unwrap();
        assert_eq!(complete_prefix(&p).unwrap().len, file.len() as u64);
        // A size of zero ("to the end") or garbage ends the prefix.
        let mut zero = file.clone();
        zero.extend([0, 0, 0, 0, b'm', b'd', b'a', b't', 1, 2, 3]);
        std::fs::write(&p, &zero).unwrap();
        assert_eq!(complete_prefix(&p).unwrap().len, file.len() as u64);
        assert_eq!(complete_prefix(&p).unwrap().fragments, 1);
        std::fs::write(&p, b"not an mp4 at all").unwrap();
        assert_eq!(complete_prefix(&p).unwrap().len, 0);
    }
}
