// "Download MP4" of Clip & Share: fetches the HLS segments of the delivered range, copies
// their packets (no re-encode) into a normal MP4 with mediabunny (npm, pinned in
// package.json, vendored by scripts/setup.sh beside this file) and lets the browser save it.
// Loaded by the replay pages only when the user clicks (a module <script> that sets
// `window.nanoClipDownload`; mediabunny then comes by a dynamic import), so neither this file
// nor mediabunny is part of a first visit. The cut matches `ffmpeg -ss in -to out -c copy`:
// it starts on the keyframe at or before `from` (the segment's first frame) and ends at `to`.
// mediabunny's own trimming is not used: packets are copied here, segment by segment, so at
// most one segment is held besides the MP4 being built.

const LIB = new URL('./vendor/mediabunny.min.js', import.meta.url).href;
const EPS = 1e-6;

/** An error whose message is meant for the user. */
export class ClipError extends Error {
  name = 'ClipError';
}

async function fetchSegment(url, signal) {
  let res;
  try {
    res = await fetch(url, { signal, credentials: 'omit' });
  } catch (e) {
    if (signal?.aborted) throw e;
    throw new ClipError(`A segment could not be reached (${fileOf(url)}): the media server is down or does not allow this page to read it (CORS).`);
  }
  if (!res.ok) {
    throw new ClipError(`A segment of this clip could not be loaded (${fileOf(url)}: HTTP ${res.status}). It may have been deleted.`);
  }
  return new Uint8Array(await res.arrayBuffer());
}

function fileOf(url) {
  return url.split('?')[0].split('/').pop();
}

/**
 * Copies the packets of MPEG-TS segments `parts` (an async iterable of Uint8Array, in playlist
 * order) into an MP4 held in memory. `from`/`to` are seconds from the first segment's start.
 * Video: from the keyframe at or before `from`, in decode order up to the first packet shown
 * at or after `to` (so every kept frame still has its references). Audio: packets starting
 * in [keyframe, to). Returns the MP4 bytes.
 */
export async function remux(mb, parts, from, to) {
  const output = new mb.Output({
    format: new mb.Mp4OutputFormat({ fastStart: 'in-memory' }),
    target: new mb.BufferTarget(),
  });
  const supported = output.format.getSupportedCodecs();
  let tracks = null; // per track: { source, meta, done }
  let origin = null; // timestamp of the cut's first keyframe in the segments' clock
  let start = null; // the first keyframe's timestamp
  let end = null;
  for await (const bytes of parts) {
    const input = new mb.Input({ source: new mb.BufferSource(bytes), formats: [mb.MPEG_TS] });
    let inTracks;
    try {
      inTracks = await input.getTracks();
    } catch (e) {
      throw new ClipError(`A segment is not MPEG-TS media this page can read (${e.message}).`);
    }
    if (tracks === null) {
      tracks = [];
      for (const t of inTracks) {
        if (!t.isVideoTrack() && !t.isAudioTrack()) continue;
        if (!t.codec || !supported.includes(t.codec)) {
          throw new ClipError(`This session's ${t.type} codec (${t.codec ?? 'unknown'}) cannot be put into an MP4 in the browser; use the ffmpeg command instead.`);
        }
        const source = t.isVideoTrack()
          ? new mb.EncodedVideoPacketSource(t.codec)
          : new mb.EncodedAudioPacketSource(t.codec);
        if (t.isVideoTrack()) output.addVideoTrack(source);
        else output.addAudioTrack(source);
        tracks.push({ source, video: t.isVideoTrack(), meta: { decoderConfig: await t.getDecoderConfig() }, done: false });
      }
      if (tracks.length === 0) throw new ClipError('The session has no audio or video track.');
      await output.start();
    }
    // Pair this segment's tracks with the output's by kind and order.
    const byKind = { video: inTracks.filter((t) => t.isVideoTrack()), audio: inTracks.filter((t) => t.isAudioTrack()) };
    const seen = { video: 0, audio: 0 };
    const packets = [];
    for (const out of tracks) {
      const kind = out.video ? 'video' : 'audio';
      const t = byKind[kind][seen[kind]++];
      const list = [];
      if (t) for await (const p of new mb.EncodedPacketSink(t).packets()) list.push(p);
      packets.push(list);
    }
    if (origin === null) {
      const lead = tracks.findIndex((t) => t.video);
      const first = packets[lead >= 0 ? lead : 0][0];
      if (!first) throw new ClipError('The first segment of the clip holds no media.');
      origin = first.timestamp;
      end = origin + to;
      start = origin;
      if (lead >= 0) {
        // The keyframe at or before `from` (segments start with one, so it is in this one).
        for (const p of packets[lead]) if (p.type === 'key' && p.timestamp <= origin + from + EPS) start = p.timestamp;
      } else {
        start = origin + from;
      }
    }
    for (let i = 0; i < tracks.length; i++) {
      const out = tracks[i];
      for (const p of packets[i]) {
        if (out.done) break;
        if (p.timestamp < start - EPS) continue;
        if (p.timestamp >= end - EPS) {
          out.done = true;
          break;
        }
        await out.source.add(p.clone({ timestamp: p.timestamp - start }), out.meta ?? undefined);
        out.meta = null;
      }
    }
    if (tracks.every((t) => t.done)) break;
  }
  if (tracks === null) throw new ClipError('The clip has no segments.');
  await output.finalize();
  return { bytes: new Uint8Array(output.target.buffer), duration: end - start };
}

/**
 * What the page calls. `urls`: the segments of the delivered range, in order; `from`/`to`:
 * seconds from the first one's start; `fileName`: what the browser saves; `onProgress(f)`
 * with f in [0, 1]; `signal`: an AbortSignal (Cancel). Saves only a complete file; rejects
 * with a ClipError (message for the user) or an AbortError.
 */
export async function downloadClip({ urls, from, to, fileName, onProgress, signal }) {
  let mb;
  try {
    mb = await import(LIB);
  } catch (e) {
    throw new ClipError(`The MP4 writer could not be loaded (${e.message}).`);
  }
  signal?.throwIfAborted();
  let done = 0;
  const report = () => onProgress?.(Math.min(0.99, done / urls.length));
  report();
  // The next segment downloads while the current one is copied.
  async function* parts() {
    let next = fetchSegment(urls[0], signal);
    for (let i = 0; i < urls.length; i++) {
      const bytes = await next;
      if (i + 1 < urls.length) {
        next = fetchSegment(urls[i + 1], signal);
        next.catch(() => {}); // surfaced when awaited
      }
      signal?.throwIfAborted();
      yield bytes;
      done = i + 1;
      report();
    }
  }
  const { bytes } = await remux(mb, parts(), from, to);
  signal?.throwIfAborted();
  const url = URL.createObjectURL(new Blob([bytes], { type: 'video/mp4' }));
  const a = document.createElement('a');
  a.href = url;
  a.download = fileName;
  a.style.display = 'none';
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
  onProgress?.(1);
  return bytes.length;
}

// The page's handle (src/pages/replay/download.rs); the module is also importable (tests).
if (typeof window !== 'undefined') window.nanoClipDownload = downloadClip;
