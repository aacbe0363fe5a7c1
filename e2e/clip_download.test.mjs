// "Download MP4" of Clip & Share against bintu-local with real publishes: the saved file is
// the delivered range shown in the panel (ffprobe duration ± 1 frame) with the session's
// codecs, for a single session and for the rendition being watched of an ABR session; the
// remuxer loads only on the click; Cancel leaves no download; a segment that cannot be
// fetched (404, refused) shows why and saves nothing.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { spawn, execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { BASE, KEY, BIN, DATA_DIR, RTMP_PORT, launch, watchedPage, assertClean, assertAccessible } from './support.mjs';

let browser;
let dir;
before(async () => {
  browser = await launch();
  dir = mkdtempSync(join(tmpdir(), 'clip-dl-'));
});
after(async () => {
  await browser?.close();
  rmSync(dir, { recursive: true, force: true });
});

async function createStream(body) {
  const res = await fetch(`${BASE}/stream`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', 'X-BINTU-APIKEY': KEY },
    body: JSON.stringify(body),
  });
  assert.equal(res.status, 200);
  return (await res.json()).ingest.rtmp.streamname;
}

function publish(streamname, seconds) {
  const child = spawn(BIN, ['--data-dir', DATA_DIR, 'publish', streamname, '--seconds', String(seconds),
    '--size', '640x360', '--url', `rtmp://127.0.0.1:${RTMP_PORT}/live`], { stdio: 'ignore' });
  return new Promise((resolve) => child.on('exit', resolve));
}

/// ffprobe's view of a file or URL: format duration and each stream's type, codec, height, rate.
function probe(target) {
  const out = execFileSync('ffprobe', ['-v', 'error', '-show_entries',
    'format=duration:stream=codec_type,codec_name,height,r_frame_rate', '-of', 'json', target], { timeout: 30000 });
  const j = JSON.parse(out.toString());
  return { duration: Number(j.format.duration), streams: j.streams };
}
const codecs = (p) => p.streams.map((s) => `${s.codec_type}:${s.codec_name}`).sort();
const frame = (p) => {
  const [n, d] = p.streams.find((s) => s.codec_type === 'video').r_frame_rate.split('/').map(Number);
  return d / n;
};

/// Opens Clip & Share of `name`'s latest session and sets the clip to [a, b] by the keyboard.
async function openClip(page, name, a, b) {
  await page.goto(`${BASE}/replay/clip?streamname=${name}`);
  await page.waitForFunction(() => document.querySelector('video')?.currentTime > 0.5, null, { timeout: 30000 });
  await page.locator('.clip-page__title').click(); // focus outside any field
  for (const [t, key, said] of [[a, 'i', 'Start point set at'], [b, 'o', 'End point set at']]) {
    await page.evaluate((x) => new Promise((done) => {
      const v = document.querySelector('video');
      v.addEventListener('seeked', done, { once: true });
      v.currentTime = x;
    }), t);
    await page.keyboard.press(key);
    await page.locator('#announce').filter({ hasText: said }).waitFor();
  }
  const cut = page.locator('#cut-range');
  return {
    cueIn: Number(await cut.getAttribute('data-cue-in')),
    cueOut: Number(await cut.getAttribute('data-cue-out')),
    start: Number(await cut.getAttribute('data-start')),
    end: Number(await cut.getAttribute('data-end')),
  };
}

const loadedRemuxer = (page) => page.evaluate(() => performance.getEntriesByType('resource')
  .some((e) => /clip-download\.js|mediabunny/.test(e.name)));

async function downloadAndCheck(page, name, range, expected) {
  const box = page.locator('.share-box--download');
  const [download] = await Promise.all([
    page.waitForEvent('download', { timeout: 60000 }),
    box.getByRole('button', { name: 'Download MP4' }).click(),
  ]);
  assert.equal(download.suggestedFilename(),
    `${name}-${Math.floor(range.cueIn)}s-${Math.ceil(range.cueOut)}s.mp4`);
  const file = join(dir, download.suggestedFilename());
  await download.saveAs(file);
  await box.getByRole('status').filter({ hasText: /^Saved / }).waitFor();
  const got = probe(file);
  const delivered = range.end - range.start;
  assert.ok(Math.abs(got.duration - delivered) <= frame(got) + 0.001,
    `mp4 lasts ${got.duration} s, the panel delivers ${delivered} s (${range.start}-${range.end})`);
  assert.deepEqual(codecs(got), codecs(expected));
  return got;
}

test('a single session: Download MP4 saves the delivered range with the session codecs', { timeout: 180000 }, async () => {
  const name = await createStream({ processing: [[{ id: 'replay', duration: null }]] });
  await publish(name, 16);
  const { page, log } = await watchedPage(browser);
  const range = await openClip(page, name, 3.3, 9.7);
  assert.ok(range.start <= range.cueIn && range.end === range.cueOut, JSON.stringify(range));
  assert.equal(await loadedRemuxer(page), false, 'the remuxer loads only on the click');
  await assertAccessible(page, 'clip & share with Download MP4');
  // The session as ffmpeg sees it, through the playlist the panel's command names.
  const cmd = (await page.locator('.share-box--ffmpeg code').textContent()).trim();
  const session = probe(cmd.split(' ')[cmd.split(' ').indexOf('-i') + 1]);
  const got = await downloadAndCheck(page, name, range, session);
  assert.equal(got.streams.find((s) => s.codec_type === 'video').height, 360);
  assert.equal(await loadedRemuxer(page), true);
  assertClean(log);
});

test('an ABR session: the rendition being watched is the one downloaded', { timeout: 180000 }, async () => {
  const name = await createStream({ transcodes: [{ profile: 'vtrans2-852x480x800x25' }],
    processing: [[{ id: 'replay', duration: null }], [{ id: 'replay', duration: null }]] });
  await publish(name, 16);
  const { page, log } = await watchedPage(browser);
  const range = await openClip(page, `${name}-abr`, 2.5, 10.2);
  await page.getByRole('combobox', { name: 'Quality' }).selectOption({ label: '480p' });
  await page.waitForFunction(() => document.querySelector('video').videoHeight === 480, null, { timeout: 20000 });
  // The 480p rendition's playlist, from the session's multivariant playlist.
  const cmd = (await page.locator('.share-box--ffmpeg code').textContent()).trim();
  const master = cmd.split(' ')[cmd.split(' ').indexOf('-i') + 1];
  const lines = (await (await fetch(master)).text()).split('\n');
  const at = lines.findIndex((l) => l.includes('RESOLUTION=852x480'));
  assert.ok(at >= 0, lines.join('\n'));
  const rendition = probe(new URL(lines[at + 1].trim(), master).href);
  const got = await downloadAndCheck(page, `${name}-abr`, range, rendition);
  assert.equal(got.streams.find((s) => s.codec_type === 'video').height, 480);
  assertClean(log);
});

test('Cancel saves nothing; a missing or unreachable segment says why and saves nothing', { timeout: 180000 }, async () => {
  const name = await createStream({ processing: [[{ id: 'replay', duration: null }]] });
  await publish(name, 12);
  const { page, log } = await watchedPage(browser);
  await openClip(page, name, 1.0, 9.0);
  const box = page.locator('.share-box--download');
  const downloads = [];
  page.on('download', (d) => downloads.push(d));

  // Cancel while the segments are slow to come.
  let held = 0;
  await page.route(/\.ts(\?|$)/, async (route) => {
    held += 1;
    await new Promise((r) => setTimeout(r, 1500));
    await route.continue().catch(() => {});
    held -= 1;
  });
  await box.getByRole('button', { name: 'Download MP4' }).click();
  await box.locator('progress').waitFor();
  await box.getByRole('button', { name: 'Cancel' }).click();
  await box.getByRole('status').filter({ hasText: 'Cancelled: nothing was saved.' }).waitFor();
  await page.waitForFunction(() => true); // let the held segment requests finish
  while (held > 0) await new Promise((r) => setTimeout(r, 100));
  await page.unroute(/\.ts(\?|$)/);
  await box.getByRole('button', { name: 'Download MP4' }).waitFor();

  // A segment answering 404.
  await page.route(/\.ts(\?|$)/, (route) => route.fulfill({ status: 404, body: 'gone' }));
  await box.getByRole('button', { name: 'Download MP4' }).click();
  await box.getByRole('alert').filter({ hasText: /could not be loaded \(.+\.ts: HTTP 404\)/ }).waitFor();
  await page.unroute(/\.ts(\?|$)/);

  // A segment that cannot be reached at all (refused, or blocked by CORS: the same to a page).
  await page.route(/\.ts(\?|$)/, (route) => route.abort('connectionrefused'));
  await box.getByRole('button', { name: 'Download MP4' }).click();
  await box.getByRole('alert').filter({ hasText: /could not be reached/ }).waitFor();
  await page.unroute(/\.ts(\?|$)/);
  assert.equal(downloads.length, 0, 'no file was saved');
  await assertAccessible(page, 'clip & share after a failed download');
  // The failed fetches are logged by the browser; anything else would be a page error.
  assertClean(log);
});
