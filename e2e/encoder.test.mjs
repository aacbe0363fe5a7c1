// Encoder advice from the media (issue 11, item 3), against bintu-local with real RTMP
// publishes from ffmpeg acting as the user's encoder: a keyframe every 8 s (like OBS with its
// automatic keyframes) shows the measured interval and the warning with the fix; a keyframe
// every 2 s shows the interval and no warning.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { BASE, KEY, RTMP_PORT, launch, watchedPage, assertClean, signIn, shot, assertAccessible } from './support.mjs';

let browser;
before(async () => { browser = await launch(); });
after(async () => { await browser?.close(); });

async function createStream() {
  const res = await fetch(`${BASE}/stream`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', 'X-BINTU-APIKEY': KEY },
    body: JSON.stringify({ processing: [[{ id: 'replay', duration: null }, { id: 'thumbs', interval: 30 }]] }),
  });
  assert.equal(res.status, 200);
  const s = await res.json();
  return { id: s.id, streamname: s.ingest.rtmp.streamname };
}

/// Publishes a test picture with a keyframe every `keyint` seconds (a fixed GOP, no scene-cut
/// keyframes), as an encoder configured that way would; resolves when ffmpeg exits.
function publishWithKeyframes(streamname, seconds, keyint, fps = 25) {
  const gop = String(keyint * fps);
  const child = spawn('ffmpeg', ['-hide_banner', '-nostdin', '-loglevel', 'error', '-re',
    '-f', 'lavfi', '-i', `testsrc2=size=640x360:rate=${fps}`,
    '-f', 'lavfi', '-i', 'sine=frequency=440:sample_rate=48000', '-t', String(seconds),
    '-c:v', 'libx264', '-preset', 'veryfast', '-pix_fmt', 'yuv420p',
    '-g', gop, '-keyint_min', gop, '-sc_threshold', '0', '-b:v', '1000k',
    '-c:a', 'aac', '-b:a', '96k', '-f', 'flv', `rtmp://127.0.0.1:${RTMP_PORT}/live/${streamname}`],
  { stdio: 'ignore' });
  return new Promise((resolve) => child.on('exit', resolve));
}

test('8 s keyframes warn with the fix, 2 s keyframes do not', { timeout: 180_000 }, async () => {
  const slow = await createStream();
  const fast = await createStream();
  // Both publishes at once; each ends, so its playlist is complete (ENDLIST).
  const codes = await Promise.all([
    publishWithKeyframes(slow.streamname, 34, 8),
    publishWithKeyframes(fast.streamname, 14, 2),
  ]);
  assert.deepEqual(codes, [0, 0], 'ffmpeg publishes');

  const { page, log, context } = await watchedPage(browser);
  await page.goto(`${BASE}/`);
  await signIn(page);
  await page.waitForURL(/\/stream$/);

  await page.goto(`${BASE}/stream/${encodeURIComponent(slow.id)}`);
  const interval = page.getByTestId('keyframe-interval');
  await interval.filter({ hasText: 'Keyframe every 8.0 s' }).waitFor({ timeout: 20_000 });
  const warning = page.getByTestId('encoder-warning');
  await warning.waitFor();
  const text = await warning.textContent();
  assert.match(text, /Keyframes up to 8\.0 s apart: clips are cut on keyframes/);
  assert.match(text, /OBS, Settings → Output → Keyframe Interval = 2/);
  // The thumbnail interval (30 s) is longer than the gap: no thumbnail warning.
  assert.doesNotMatch(text, /thumbnail interval/);
  await shot(page, 'encoder-warning');
  await assertAccessible(page, 'overview with encoder warning');

  await page.goto(`${BASE}/stream/${encodeURIComponent(fast.id)}`);
  await interval.filter({ hasText: 'Keyframe every 2.0 s' }).waitFor({ timeout: 20_000 });
  assert.equal(await page.getByTestId('encoder-warning').count(), 0);
  assertClean(log);
  await context.close();
});
