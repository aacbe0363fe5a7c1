// The stream screens as a new user would click them, against bintu-local with a real
// publish: create a group stream with processing, publish the test source, watch the
// thumbnail and GIF appear without reloading, expand recordings and replays, edit while live
// (pending banner), re-publish (banner clears); a second organisation cannot see the stream.
// In the documented shapes (E2E_API_SHAPE) the same, except what the docs do not tell the
// console: no pending list (so no banner), no recording size.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { spawn, execFileSync } from 'node:child_process';
import { BASE, KEY, BIN, DATA_DIR, RTMP_PORT, DOCUMENTED, launch, watchedPage, assertClean, signIn, shot, assertAccessible } from './support.mjs';

let browser;
before(async () => { browser = await launch(); });
after(async () => { await browser?.close(); });

/// Publishes the built-in test source for `seconds`; resolves when the publisher exits.
function publish(streamname, seconds) {
  const child = spawn(BIN, ['--data-dir', DATA_DIR, 'publish', streamname, '--seconds', String(seconds),
    '--size', '640x360', '--url', `rtmp://127.0.0.1:${RTMP_PORT}/live`], { stdio: 'ignore' });
  return new Promise((resolve) => child.on('exit', resolve));
}

/// Waits until an <img> matching `selector` has really decoded a picture.
async function imageLoaded(page, selector, timeout) {
  await page.waitForFunction((sel) => {
    const img = document.querySelector(sel);
    return img && img.complete && img.naturalWidth > 0;
  }, selector, { timeout });
}

let created; // { id, streamname }

test('create a group stream with live processing, see the instructions', async () => {
  const { page, log, context } = await watchedPage(browser);
  await page.goto(`${BASE}/`);
  await signIn(page);
  await page.waitForURL(/\/stream$/);
  await page.getByRole('link', { name: 'Create stream' }).click();
  await page.getByRole('heading', { name: 'Create new nanoStream' }).waitFor();
  // Defaults: two profiles on, the third off; profile 3 only with 2.
  assert.equal(await page.locator('#profile-0-on').isChecked(), true);
  assert.equal(await page.locator('#profile-1-on').isChecked(), true);
  assert.equal(await page.locator('#profile-2-on').isChecked(), false);
  assert.match(await page.locator('#profile-0 option:checked').textContent(),
    /Resolution: 852 x 480, Bitrate: 800 kbit\/s, FPS: 25/);
  await page.locator('#tag-input').fill('e2e-streams');
  await page.locator('#tag-input').press('Enter');
  // Cards on the passthrough tab; an out-of-range value blocks Create with the range.
  await page.getByLabel('Thumbnail for Passthrough').check();
  await page.locator('#pc-0-thumbs-interval').fill('5');
  await page.locator('#pc-0-thumbs-interval-error')
    .filter({ hasText: 'Enter a whole number between 10 and 3600 seconds' }).waitFor();
  assert.equal(await page.getByRole('button', { name: 'Create new Stream' }).isDisabled(), true);
  await page.locator('#pc-0-thumbs-interval').fill('10');
  await page.getByLabel('Motion Clip SD for Passthrough').check();
  await page.locator('#pc-0-motionclip-interval').fill('10');
  await page.locator('#pc-0-motionclip-duration').fill('2');
  await page.getByLabel('Recording for Passthrough').check();
  await page.getByLabel('Replay for Passthrough').check();
  await page.getByRole('button', { name: 'Sync settings across profiles' }).click();
  await page.getByRole('status').filter({ hasText: 'Applied Passthrough settings to 2 profiles' }).waitFor();
  const summary = page.locator('.process-summary__member');
  assert.equal(await summary.count(), 3);
  assert.equal(await summary.nth(2).locator('.chip').count(), 4);
  await shot(page, 'stream-create');
  await assertAccessible(page, 'create with cards and summary');
  // What goes over the wire: the transcodes and every member's processing, whatever the
  // organisation reports (in the documented shapes it reports no features).
  const posted = page.waitForRequest((r) => r.url() === `${BASE}/stream` && r.method() === 'POST');
  await page.getByRole('button', { name: 'Create new Stream' }).click();
  const sent = JSON.parse((await posted).postData());
  assert.equal(sent.transcodes?.length, 2, JSON.stringify(sent));
  for (const t of sent.transcodes) assert.match(t.profile, /^vtrans2?-\d+x\d+x\d+x\d+$/);
  assert.equal(sent.processing?.length, 3, JSON.stringify(sent));
  for (const list of sent.processing) {
    assert.deepEqual(list.map((p) => p.id).sort(), ['motionclip', 'rec', 'replay', 'thumbs']);
  }
  assert.ok(sent.tags?.includes('e2e-streams'), JSON.stringify(sent.tags));
  await page.waitForURL(/\/stream\/new\//);
  await page.getByText('RTMP INGEST STREAMNAME').waitFor();
  const streamname = (await page.locator('.copy-field__value').nth(1).textContent()).trim();
  assert.match(await page.getByTestId('local-publish').textContent(), new RegExp(`bintu-local publish ${streamname}`));
  await assertAccessible(page, 'instructions');
  const id = decodeURIComponent(page.url().split('/stream/new/')[1]);
  created = { id, streamname };
  // The list shows it, newest first, with its state; the filter lives in the URL.
  await page.goto(`${BASE}/stream?state=created`);
  await page.getByRole('link', { name: id }).waitFor();
  assert.equal(await page.locator('#state-filter').inputValue(), 'created');
  await page.locator('#state-filter').selectOption('live');
  await page.waitForURL(/state=live/);
  // The created stream leaves the list (fails by timeout if it stays).
  await page.getByRole('link', { name: id }).waitFor({ state: 'detached' });
  await page.locator('.stream-table').waitFor();
  await assertAccessible(page, 'stream list');
  assertClean(log);
  await context.close();
});

test('publish: previews appear without reloading, links expand, edits while live stay pending until re-ingest', { timeout: 240_000 }, async () => {
  assert.ok(created, 'the create test ran');
  const { page, log, context } = await watchedPage(browser);
  await page.goto(`${BASE}/stream/${encodeURIComponent(created.id)}`);
  await page.waitForURL(/\/signin\?next=/);
  await signIn(page);
  await page.waitForURL(new RegExp(`/stream/${created.id}$`));
  await page.getByRole('heading', { name: 'Live Processing', exact: true }).waitFor();
  await page.getByText('Thumbnail not available').waitFor();
  const run1 = publish(created.streamname, 35);
  // No reload from here on: polling brings state, previews and assets.
  await page.locator('.state-badge--live').waitFor({ timeout: 30_000 });
  // The page opened before any session: the first one is announced, with a link to clip it.
  const fresh = page.getByTestId('new-session');
  await fresh.waitFor({ timeout: 30_000 });
  assert.match(await fresh.textContent(), /New session available: started \d\d\/\d\d\/\d{4} /);
  assert.match(await fresh.getByRole('link', { name: 'Clip & Share it' }).getAttribute('href'),
    new RegExp(`^/replay/clip\\?streamname=${created.streamname}&session=\\d+$`));
  await fresh.getByRole('button', { name: 'Dismiss' }).click();
  await fresh.waitFor({ state: 'detached' });
  await imageLoaded(page, 'img[alt="Latest Thumbnail"]', 60_000);
  await imageLoaded(page, 'img[alt="Latest Motion Clip"]', 60_000);
  assert.match(await page.locator('.preview__age').first().textContent(), /captured \d+ (s|min) ago/);
  await shot(page, 'stream-overview-live');
  await assertAccessible(page, 'overview while live');
  // Edit while live: change the thumbnail interval of every member at once.
  await page.getByRole('button', { name: 'Edit Options' }).click();
  const dialog = page.getByRole('dialog');
  await dialog.getByRole('heading', { name: 'Edit Live Processing' }).waitFor();
  await dialog.locator('#pc-0-thumbs-interval').fill('20');
  await dialog.getByRole('button', { name: 'Sync settings across profiles' }).click();
  await dialog.getByRole('button', { name: 'Confirm Changes' }).click();
  // The documented shapes carry no pending list: the edit is accepted, nothing to show.
  if (DOCUMENTED) await dialog.waitFor({ state: 'detached' });
  else await page.getByTestId('pending-banner').waitFor();
  await run1;
  await page.locator('.state-badge--ended').waitFor({ timeout: 30_000 });
  // Still pending after the session ended: nothing re-ingested yet.
  assert.equal(await page.getByTestId('pending-banner').count(), DOCUMENTED ? 0 : 1);
  const rec = page.locator('tbody[data-kind=rec]');
  await rec.locator('.cell-links').filter({ hasNotText: /^0$/ }).waitFor({ timeout: 30_000 });
  await rec.getByRole('button', { name: 'Show links of Recording' }).click();
  await rec.locator('.recording-row').first().waitFor();
  assert.match(await rec.locator('.recording-row td').nth(1).textContent(), /\d\d\/\d\d\/\d{4} \d\d:\d\d (am|pm) \(UTC\)/);
  if (!DOCUMENTED) assert.match(await rec.locator('.recording-row td').nth(3).textContent(), /(KB|MB)/);
  // Listed under Passthrough (the tab shown), and it is the passthrough's own file: in the
  // documented shapes `index` is not the member, `streamId` is.
  assert.equal(await page.locator('#lp-tab-0').getAttribute('aria-selected'), 'true');
  const recUrls = await rec.locator('.recording-row a').evaluateAll((as) => as.map((a) => a.href));
  assert.ok(recUrls.length > 0);
  for (const u of recUrls) {
    assert.match(u, new RegExp(`/vod/${created.streamname}(-\\d+)?\\.mp4$`), 'a passthrough recording');
  }
  const replay = page.locator('tbody[data-kind=replay]');
  await replay.getByRole('button', { name: 'Show links of Replay' }).click();
  await replay.locator('.replay-row').first().waitFor();
  assert.equal((await replay.locator('.replay-row td').first().textContent()).trim(), 'Latest');
  // Latest (single and ABR) first, then one row per past session with its date.
  const watch = await replay.getByRole('link', { name: /^Watch Replay of \d\d\// }).first().getAttribute('href');
  assert.match(watch, new RegExp(`^/replay/player\\?streamname=${created.streamname}(-abr)?&session=\\d+$`));
  assert.equal(await replay.getByRole('link', { name: /Clip & Share Latest Live Session/ }).getAttribute('href'),
    `/replay/clip?streamname=${created.streamname}`);
  await shot(page, 'stream-overview-links');
  await assertAccessible(page, 'overview with expanded links');
  // Re-publish: the pending settings apply and the banner goes.
  const run2 = publish(created.streamname, 12);
  if (!DOCUMENTED) await page.getByTestId('pending-banner').waitFor({ state: 'detached', timeout: 30_000 });
  await page.locator('tbody[data-kind=thumbs] .cell-interval').filter({ hasText: /^\s*20\s*$/ })
    .waitFor({ timeout: 30_000 });
  // Polls update the page in place: the rows the user opened are still open.
  assert.equal(await replay.getByRole('button', { name: 'Show links of Replay' }).getAttribute('aria-expanded'), 'true');
  await run2;
  assertClean(log);
  await context.close();
});

test('a deep link opens a profile with its row expanded; reduced motion keeps the GIF still until hovered', async () => {
  assert.ok(created, 'the create test ran');
  const { page, log, context } = await watchedPage(browser, { reducedMotion: 'reduce' });
  const link = `/stream/${created.id}?tab=live-processing&profile=2&process=rec`;
  await page.goto(`${BASE}${link}`);
  await page.waitForURL(/\/signin\?next=/);
  await signIn(page);
  await page.waitForURL(`${BASE}${link}`);
  assert.equal(await page.locator('#lp-tab-2').getAttribute('aria-selected'), 'true');
  const rec = page.locator('tbody[data-kind=rec]');
  assert.equal(await rec.getByRole('button', { name: 'Show links of Recording' }).getAttribute('aria-expanded'), 'true');
  await rec.locator('.recording-row').first().waitFor();
  assert.match(await page.getByText(/^Showing .* stream with name /).textContent(), /^Showing 2\. /);
  // The rows under 2. Transcode are that member's recordings (matched by streamId).
  const api = await (await fetch(`${BASE}/stream/${created.id}`, { headers: { 'X-BINTU-APIKEY': KEY } })).json();
  const second = api.playout.h5live[2].rtmp.streamname;
  for (const u of await rec.locator('.recording-row a').evaluateAll((as) => as.map((a) => a.href))) {
    assert.match(u, new RegExp(`/vod/${second}(-\\d+)?\\.mp4$`), '2. Transcode recording');
  }
  // Moving between tabs keeps the address in step (replaced, so Back leaves the page).
  await page.locator('#lp-tab-2').press('ArrowLeft');
  await page.waitForURL(/profile=1&process=rec$/);
  assert.equal(await page.locator('#lp-tab-1').getAttribute('aria-selected'), 'true');
  // The motion clip is a still frame (the thumbnail is not animated and stays an image)...
  const clip = page.getByRole('region', { name: 'Motion Clip' });
  await clip.locator('canvas.preview__still').waitFor();
  assert.equal(await clip.locator('img[alt="Latest Motion Clip"]').count(), 0);
  await imageLoaded(page, 'img[alt="Latest Thumbnail"]', 10_000);
  // ...until hovered, and again once the pointer leaves.
  await clip.hover();
  await imageLoaded(page, 'img[alt="Latest Motion Clip"]', 10_000);
  await page.getByRole('heading', { name: 'Live Processing', exact: true }).hover();
  await clip.locator('canvas.preview__still').waitFor();
  await assertAccessible(page, 'overview with reduced motion');
  assertClean(log);
  await context.close();
});

test("a second organisation's user cannot see the stream", async () => {
  assert.ok(created, 'the create test ran');
  const out = execFileSync(BIN, ['--data-dir', DATA_DIR, 'org', 'create', 'Other Org'], { encoding: 'utf8' });
  const otherKey = out.match(/API key \(X-BINTU-APIKEY\): (\S+)/)[1];
  const { page, log, context } = await watchedPage(browser);
  await page.goto(`${BASE}/stream`);
  await page.waitForURL(/\/signin\?next=/);
  await signIn(page, otherKey);
  await page.waitForURL(/\/stream$/);
  await page.getByText('No streams match these filters.').waitFor();
  await page.goto(`${BASE}/stream/${encodeURIComponent(created.id)}`);
  await page.getByRole('alert').waitFor();
  assert.equal(await page.locator('.processing-table').count(), 0);
  assertClean(log, [KEY, otherKey]);
  await context.close();
});
