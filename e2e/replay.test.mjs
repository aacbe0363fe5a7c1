// Clip & Share against bintu-local with a real publish: open Clip & Share from the stream
// overview, check hls.js plays, set in/out by keyboard, open the share link in a new page and
// check the replayer plays only that range, then run the ffmpeg command the page shows and
// check the MP4's duration against the range and the -c copy cut range the page shows.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { spawn, execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { BASE, KEY, BIN, DATA_DIR, RTMP_PORT, launch, watchedPage, assertClean, signIn, shot, assertAccessible } from './support.mjs';
import { decodeShareUrl } from './tools/make_share_vectors.mjs';

let browser;
before(async () => { browser = await launch(); });
after(async () => { await browser?.close(); });

async function createStream() {
  const res = await fetch(`${BASE}/stream`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', 'X-BINTU-APIKEY': KEY },
    body: JSON.stringify({ processing: [[{ id: 'replay', duration: null }, { id: 'thumbs', interval: 10 }]] }),
  });
  assert.equal(res.status, 200);
  const s = await res.json();
  return { id: s.id, streamname: s.ingest.rtmp.streamname };
}

function publish(streamname, seconds) {
  const child = spawn(BIN, ['--data-dir', DATA_DIR, 'publish', streamname, '--seconds', String(seconds),
    '--size', '640x360', '--url', `rtmp://127.0.0.1:${RTMP_PORT}/live`], { stdio: 'ignore' });
  return new Promise((resolve) => child.on('exit', resolve));
}

const videoTime = (page) => page.evaluate(() => document.querySelector('video').currentTime);
const waitTime = (page, t, timeout = 30000) =>
  page.waitForFunction((x) => document.querySelector('video')?.currentTime > x, t, { timeout });

test('clip by keyboard, share, replay only that range, cut it with ffmpeg', { timeout: 180000 }, async () => {
  const stream = await createStream();
  // An ended session: its playlist is complete (ENDLIST), so offsets and the cut are stable.
  await publish(stream.streamname, 34);

  const { page, log } = await watchedPage(browser);
  await page.goto(`${BASE}/`);
  await signIn(page);
  await page.waitForURL(/\/stream$/);
  await page.goto(`${BASE}/stream/${encodeURIComponent(stream.id)}`);
  const replay = page.locator('tbody[data-kind=replay]');
  await replay.getByRole('button', { name: 'Show links of Replay' }).click();
  await replay.getByRole('link', { name: /Clip & Share Latest Live Session/ }).click();
  await page.waitForURL(/\/replay\/clip\?streamname=/);

  // hls.js (not the browser's own HLS) plays, and playback advances.
  await waitTime(page, 1);
  assert.equal(await page.locator('video').getAttribute('data-engine'), 'hls.js');
  assert.ok(await page.evaluate(() => typeof window.Hls === 'function'));
  await page.locator('.clip-page__title').click(); // focus outside any field
  await page.keyboard.press('l'); // forward 10 s
  await waitTime(page, 11);
  await page.keyboard.press('i');
  await page.locator('#announce').filter({ hasText: 'Start point set at' }).waitFor();
  const t1 = await videoTime(page);
  await waitTime(page, t1 + 6);
  await page.keyboard.press('o');
  await page.locator('#announce').filter({ hasText: 'End point set at' }).waitFor();
  assert.match(await page.locator('#cue-in').inputValue(), /^\d\d:\d\d:\d\d$/);
  assert.match(await page.locator('#clip-total').textContent(), /^Total 0:0[5-7]$/);

  const cut = page.locator('#cut-range');
  const cueIn = Number(await cut.getAttribute('data-cue-in'));
  const cueOut = Number(await cut.getAttribute('data-cue-out'));
  const cutStart = Number(await cut.getAttribute('data-start'));
  const cutEnd = Number(await cut.getAttribute('data-end'));
  assert.ok(cueIn >= 10 && cueOut - cueIn >= 5, `${cueIn}-${cueOut}`);
  assert.ok(cutStart <= cueIn && cutEnd <= cueOut + 1e-6, `cut ${cutStart}-${cutEnd}`);

  // The share code decodes in the official logic to this clip.
  const shareUrl = await page.locator('.share-box--share a').getAttribute('href');
  assert.ok(shareUrl.startsWith(`${BASE}/replay/player?share=`), shareUrl);
  const decoded = decodeShareUrl(new URL(shareUrl).searchParams.get('share'));
  assert.equal(decoded.streamName, stream.streamname);
  assert.equal(decoded.cueIn, cueIn);
  assert.equal(decoded.cueOut, cueOut);
  const official = await page.locator('.share-box--official a').getAttribute('href');
  assert.ok(official.startsWith(`${BASE}/live-replay/replayer?share=`));
  await shot(page, 'replay-clip');
  await assertAccessible(page, 'clip & share');

  // The replayer, in a fresh signed-out context: starts at cueIn, stops at cueOut.
  const viewer = await watchedPage(browser);
  await viewer.page.addInitScript(() => {
    window.__times = [];
    document.addEventListener('timeupdate', (e) => window.__times.push(e.target.currentTime), true);
  });
  await viewer.page.goto(shareUrl);
  await viewer.page.waitForFunction(() => { const v = document.querySelector('video'); return v && !v.paused; });
  assert.equal(await viewer.page.locator('video').getAttribute('data-engine'), 'hls.js');
  await viewer.page.waitForFunction((out) => {
    const v = document.querySelector('video');
    return v.paused && v.currentTime >= out - 0.3;
  }, cueOut, { timeout: 30000 });
  const times = await viewer.page.evaluate(() => window.__times.filter((t) => t > 0));
  assert.ok(times.length > 3, 'timeupdates seen');
  assert.ok(Math.min(...times) >= cueIn - 0.05, `started at ${Math.min(...times)} < ${cueIn}`);
  assert.ok(Math.abs((await videoTime(viewer.page)) - cueOut) < 0.3, 'paused at cueOut');
  assert.equal((await viewer.page.getByRole('button', { name: 'Play' }).count()) > 0, true);
  // Keyboard without focusing anything: J (back 10 s) is clamped to the clip start.
  await viewer.page.keyboard.press('j');
  await viewer.page.waitForFunction((cin) => Math.abs(document.querySelector('video').currentTime - cin) < 0.3, cueIn);
  await shot(viewer.page, 'replay-player');
  await assertAccessible(viewer.page, 'replayer playing a share link');
  assertClean(viewer.log);

  // The ffmpeg command as shown, run against the local server.
  const cmd = (await page.locator('.share-box--ffmpeg code').textContent()).trim();
  assert.match(cmd, /^ffmpeg -ss \d+\.\d{3} -to \d+\.\d{3} -i http:\/\/\S+\.m3u8 -c copy -y shared\.mp4$/);
  const dir = mkdtempSync(join(tmpdir(), 'clip-'));
  try {
    const args = cmd.split(' ').slice(1).map((a) => (a === 'shared.mp4' ? join(dir, 'shared.mp4') : a));
    execFileSync('ffmpeg', ['-loglevel', 'error', ...args], { timeout: 60000 });
    const duration = Number(execFileSync('ffprobe', ['-v', 'error', '-show_entries', 'format=duration',
      '-of', 'csv=p=0', join(dir, 'shared.mp4')]).toString().trim());
    assert.ok(duration >= cueOut - cueIn - 0.5, `mp4 ${duration}s shorter than ${cueOut - cueIn}`);
    assert.ok(duration <= cutEnd - cutStart + 0.5, `mp4 ${duration}s longer than the cut ${cutEnd - cutStart}`);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
  assertClean(log);
});

test('an invalid or truncated share link says why, never a blank page', async () => {
  const { page, log } = await watchedPage(browser);
  await page.goto(`${BASE}/replay/player?share=YWJjZGUtZmdoaWp8MTB8NjB8MTcxMjM0NTY3OD%`);
  await page.getByRole('heading', { name: 'This link is invalid' }).waitFor();
  assert.match(await page.locator('.replayer__reason').textContent(), /not valid URL text/);
  await page.goto(`${BASE}/live-replay/replayer?share=Y`);
  await page.getByRole('heading', { name: 'This link is invalid' }).waitFor();
  assert.match(await page.locator('.replayer__reason').textContent(), /base64/);
  await assertAccessible(page, 'replayer with an invalid link');
  // A share-link viewer gets the replay pages' own build, not the console's.
  const wasm = await page.evaluate(() => performance.getEntriesByType('resource')
    .map((e) => new URL(e.name).pathname).filter((p) => p.endsWith('.wasm')));
  assert.equal(wasm.length, 1, wasm.join());
  assert.match(wasm[0], /^\/replay-app\/nano-replay-[0-9a-f]+_bg\.wasm$/);
  // A console address typed into the replay build is handed over to the console.
  await page.evaluate(() => {
    history.pushState(null, '', '/organisation');
    dispatchEvent(new PopStateEvent('popstate'));
  });
  await page.waitForURL(/\/signin\?next=%2Forganisation/);
  assertClean(log);
});

test('a stream with no replay yet retries with a visible countdown', async () => {
  const stream = await createStream(); // never published: no playlist exists
  const { page, log } = await watchedPage(browser);
  await page.goto(`${BASE}/replay/clip?streamname=${stream.streamname}`);
  const waiting = page.locator('.clip-page__waiting');
  await waiting.filter({ hasText: /Trying again in 10 s/ }).waitFor();
  await waiting.filter({ hasText: /Trying again in [1-9] s/ }).waitFor();
  assert.equal(await waiting.getAttribute('role'), 'status');
  // The replayer too, for a share link whose session playlist is missing.
  await page.goto(`${BASE}/replay/player?share=${Buffer.from(`${stream.streamname}|1|9|1712345678901`).toString('base64').split('=')[0]}`);
  await page.locator('.replayer__retry').filter({ hasText: /Trying again in \d+ s/ }).waitFor();
  assert.equal(log.errors.length, 0);
});

test('an ABR session plays with a quality select (Auto + each level)', { timeout: 120000 }, async () => {
  const res = await fetch(`${BASE}/stream`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', 'X-BINTU-APIKEY': KEY },
    body: JSON.stringify({ transcodes: [{ profile: 'vtrans2-852x480x800x25' }],
      processing: [[{ id: 'replay', duration: null }], [{ id: 'replay', duration: null }]] }),
  });
  assert.equal(res.status, 200);
  const name = (await res.json()).ingest.rtmp.streamname;
  await publish(name, 14);
  const { page, log } = await watchedPage(browser);
  // Watch Replay of the latest session of the virtual ABR name (query mode, no sign-in).
  await page.goto(`${BASE}/replay/player?streamname=${name}-abr`);
  await waitTime(page, 1);
  assert.equal(await page.locator('video').getAttribute('data-engine'), 'hls.js');
  const quality = page.getByRole('combobox', { name: 'Quality' });
  const options = await quality.locator('option').allTextContents();
  assert.equal(options.length, 3, options.join(','));
  assert.match(options[0], /^Auto/);
  assert.ok(options.includes('480p'), options.join(','));
  await quality.selectOption({ label: '480p' });
  await page.waitForFunction(() => document.querySelector('video').videoHeight === 480, null, { timeout: 15000 });
  assertClean(log);
});
