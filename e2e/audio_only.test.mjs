// An audio-only publish (issue 14), end to end: ffmpeg publishes AAC only (as a radio-style
// stream or an encoder's audio test does) to a stream with all four processes on (recording,
// replay, thumbnails, motion clip). The overview lists a recording that is an audio-only MP4
// and a replay session that plays in the replayer; the previews say why there are no
// pictures. In the documented shapes the API carries no `tracks` (a [P] field), so the
// console cannot know why: the previews then show their ordinary empty state, and the test
// asserts that instead.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { spawn, execFileSync } from 'node:child_process';
import { BASE, KEY, RTMP_PORT, DOCUMENTED, launch, watchedPage, assertClean, signIn, shot, assertAccessible } from './support.mjs';

let browser;
before(async () => { browser = await launch(); });
after(async () => { await browser?.close(); });

const SECONDS = 12;

async function createStream() {
  const res = await fetch(`${BASE}/stream`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', 'X-BINTU-APIKEY': KEY },
    body: JSON.stringify({
      processing: [[{ id: 'rec', duration: null }, { id: 'replay', duration: null },
        { id: 'thumbs', interval: 10 }, { id: 'motionclip', interval: 10, duration: 2 }]],
    }),
  });
  assert.equal(res.status, 200);
  const s = await res.json();
  return { id: s.id, streamname: s.ingest.rtmp.streamname };
}

/// Publishes a 440 Hz tone as AAC 48 kHz, no video track, in real time; resolves with
/// ffmpeg's exit code.
function publishAudioOnly(streamname) {
  const child = spawn('ffmpeg', ['-hide_banner', '-nostdin', '-loglevel', 'error', '-re',
    '-f', 'lavfi', '-i', 'sine=frequency=440:sample_rate=48000', '-t', String(SECONDS),
    '-c:a', 'aac', '-b:a', '128k', '-f', 'flv', `rtmp://127.0.0.1:${RTMP_PORT}/live/${streamname}`],
  { stdio: 'ignore' });
  return new Promise((resolve) => child.on('exit', resolve));
}

/// The stream types and duration of a media URL, as ffprobe reads it over HTTP.
function probe(url) {
  const out = execFileSync('ffprobe', ['-v', 'error', '-show_entries', 'stream=codec_type:format=duration',
    '-of', 'json', url], { timeout: 60_000 });
  const v = JSON.parse(out.toString());
  return { types: v.streams.map((s) => s.codec_type), duration: Number(v.format.duration) };
}

test('an audio-only publish is recorded and replayed, and the overview says why there are no pictures',
  { timeout: 180_000 }, async () => {
    const created = await createStream();
    assert.equal(await publishAudioOnly(created.streamname), 0, 'ffmpeg publishes');

    const { page, log, context } = await watchedPage(browser);
    await page.goto(`${BASE}/`);
    await signIn(page);
    await page.waitForURL(/\/stream$/);
    await page.goto(`${BASE}/stream/${encodeURIComponent(created.id)}`);
    await page.locator('.state-badge--ended').waitFor({ timeout: 30_000 });

    // The previews: why there is no picture, or (documented shapes) the ordinary empty state.
    const thumb = page.getByRole('region', { name: 'Thumbnail' });
    const clip = page.getByRole('region', { name: 'Motion Clip' });
    for (const preview of [thumb, clip]) {
      if (DOCUMENTED) {
        // What the console can say without `tracks`: the generic hint, not the reason.
        await preview.locator('.preview__empty').filter({ hasText: /not available$/ }).waitFor();
        assert.equal(await preview.locator('.preview__age').textContent(), 'Assets appear after the stream goes live');
        assert.equal(await preview.getByText('No video in this session').count(), 0);
      } else {
        await preview.locator('.preview__empty').filter({ hasText: /^No video in this session$/ })
          .waitFor({ timeout: 30_000 });
        assert.match(await preview.locator('.preview__age').textContent(),
          /^No video in this session: recording and replay are audio-only; thumbnails, motion clips and transcodes were skipped/);
      }
      assert.equal(await preview.locator('img').count(), 0, 'no picture shown');
    }

    // The recording: listed, and an audio-only MP4 about as long as the publish.
    const rec = page.locator('tbody[data-kind=rec]');
    await rec.locator('.cell-links').filter({ hasNotText: /^0$/ }).waitFor({ timeout: 30_000 });
    await rec.getByRole('button', { name: 'Show links of Recording' }).click();
    await rec.locator('.recording-row').first().waitFor();
    const recUrls = await rec.locator('.recording-row a').evaluateAll((as) => as.map((a) => a.href));
    assert.ok(recUrls.length > 0, 'a recording is listed');
    for (const u of recUrls) {
      assert.match(u, new RegExp(`/vod/${created.streamname}(-\\d+)?\\.mp4$`));
      const p = probe(u);
      assert.deepEqual(p.types, ['audio'], `${u} is audio-only`);
      assert.ok(Math.abs(p.duration - SECONDS) <= 3, `${u}: ${p.duration} s of ${SECONDS} s`);
    }

    // The replay: the session's row opens the replayer, which plays it.
    const replay = page.locator('tbody[data-kind=replay]');
    await replay.getByRole('button', { name: 'Show links of Replay' }).click();
    const watch = await replay.getByRole('link', { name: /^Watch Replay of \d\d\// }).first().getAttribute('href');
    assert.match(watch, new RegExp(`^/replay/player\\?streamname=${created.streamname}&session=\\d+$`));
    await shot(page, 'audio-only-overview');
    await assertAccessible(page, 'overview of an audio-only session');
    assertClean(log);

    const viewer = await watchedPage(browser);
    await viewer.page.goto(`${BASE}${watch}`);
    await viewer.page.waitForFunction(() => {
      const v = document.querySelector('video');
      return v && v.currentTime > 1;
    }, null, { timeout: 30_000 });
    assertClean(viewer.log);
    await viewer.context.close();
    await context.close();
  });
