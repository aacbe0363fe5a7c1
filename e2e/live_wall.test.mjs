// The live wall (issue 11, item 2) against bintu-local with real publishes: three streams
// live at once appear as tiles with their thumbnails; the tag filter narrows them (in the
// URL); tiles are reachable by keyboard and show the motion clip when focused; no list call
// while the tab is hidden; a stream that ends leaves the wall without a reload; axe-core
// finds no violations.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { BASE, KEY, BIN, DATA_DIR, RTMP_PORT, DOCUMENTED, launch, watchedPage, assertClean, signIn, shot, assertAccessible } from './support.mjs';

let browser;
before(async () => { browser = await launch(); });
after(async () => { await browser?.close(); });

async function createStream(tags) {
  const res = await fetch(`${BASE}/stream`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', 'X-BINTU-APIKEY': KEY },
    body: JSON.stringify({ tags, processing: [[{ id: 'thumbs', interval: 10 },
      { id: 'motionclip', interval: 10, duration: 2 }]] }),
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

const tile = (page, id) => page.locator(`li.live-tile[data-stream="${id}"]`);
const listCalls = (log) => log.urls.filter((u) => /\/stream\?[^/]*state=live/.test(u)).length;

test('every live stream as a tile, filtered by tag, keyboard, paused when hidden, drops an ended one', { timeout: 240_000 }, async () => {
  const a = await createStream(['e2e-wall', 'wall-a']);
  const b = await createStream(['e2e-wall']);
  const c = await createStream(['e2e-wall']);
  const runs = [publish(a.streamname, 80), publish(b.streamname, 80), publish(c.streamname, 45)];

  const { page, log, context } = await watchedPage(browser);
  await page.goto(`${BASE}/`);
  await signIn(page);
  await page.waitForURL(/\/stream$/);
  await page.getByRole('link', { name: 'Live wall' }).click();
  await page.waitForURL(/\/live$/);
  await page.evaluate(() => { window.__sameDocument = true; });
  // Only this test's streams: the filter is the page's own, kept in the URL.
  await page.locator('#live-tag-filter').fill('e2e-wall');
  await page.locator('#live-tag-filter').press('Enter');
  await page.waitForURL(/\/live\?tag=e2e-wall$/);
  for (const s of [a, b, c]) await tile(page, s.id).waitFor({ timeout: 30_000 });
  assert.equal(await page.locator('li.live-tile').count(), 3);
  await page.getByTestId('live-count').filter({ hasText: '3 live streams' }).waitFor();

  // Each tile: its thumbnail (decoded), capture age, LIVE, tags, a link to its overview.
  await page.waitForFunction(() => {
    const imgs = [...document.querySelectorAll('li.live-tile img')];
    return imgs.length === 3 && imgs.every((i) => i.complete && i.naturalWidth > 0);
  }, null, { timeout: 40_000 });
  const ta = tile(page, a.id);
  // The docs' thumbnails carry no createdAt, so there the wall says it does not know.
  assert.match(await ta.locator('.live-tile__age').textContent(),
    DOCUMENTED ? /^capture time unknown$/ : /^captured \d+ (s|min) ago$/);
  assert.equal((await ta.locator('.state-badge').textContent()).trim(), 'LIVE');
  assert.deepEqual(await ta.locator('.live-tile__tags li').allTextContents(), ['e2e-wall', 'wall-a']);
  assert.equal(await ta.getByRole('link').getAttribute('href'), `/stream/${encodeURIComponent(a.id)}`);
  await shot(page, 'live-wall');
  await assertAccessible(page, 'live wall');

  // Keyboard: from the filter, Tab reaches the tiles' links one by one; a focused tile
  // shows its motion clip.
  await page.locator('#live-tag-filter').focus();
  const order = [];
  for (let i = 0; i < 6 && order.length < 3; i++) {
    await page.keyboard.press('Tab');
    const id = await page.evaluate(() => document.activeElement?.closest('li.live-tile')?.dataset.stream);
    if (id) order.push(id);
  }
  assert.deepEqual([...order].sort(), [a.id, b.id, c.id].sort(), 'each tile is reached by Tab');
  const focused = tile(page, order[2]);
  await page.waitForFunction((id) => {
    const img = document.querySelector(`li.live-tile[data-stream="${id}"] img`);
    return img && /\.gif\?/.test(img.src);
  }, order[2], { timeout: 30_000 });
  await page.keyboard.press('Enter');
  await page.waitForURL(new RegExp(`/stream/${encodeURIComponent(order[2])}$`));
  await page.goBack();
  await page.waitForURL(/\/live\?tag=e2e-wall$/);
  await focused.waitFor();

  // The tag filter narrows the wall to the streams with all the tags, and back.
  await page.locator('#live-tag-filter').fill('wall-a');
  await page.locator('#live-tag-filter').press('Enter');
  await page.waitForURL(/\/live\?tag=e2e-wall&tag=wall-a$/);
  await tile(page, b.id).waitFor({ state: 'detached' });
  assert.equal(await page.locator('li.live-tile').count(), 1);
  await page.getByRole('button', { name: 'Remove tag filter wall-a' }).click();
  await tile(page, b.id).waitFor();

  // Hidden tab: no list call; visible again: a call at once.
  await page.evaluate(() => Object.defineProperty(document, 'hidden', { configurable: true, get: () => true }));
  await page.waitForTimeout(1500); // a poll already in flight may still land
  const before = listCalls(log);
  await page.waitForTimeout(11_000);
  assert.equal(listCalls(log), before, 'no list call while hidden');
  await page.evaluate(() => { delete document.hidden; });
  await page.waitForFunction(() => !document.hidden);
  const t0 = Date.now();
  while (listCalls(log) === before && Date.now() - t0 < 5000) await page.waitForTimeout(200);
  assert.ok(listCalls(log) > before, 'polls again when visible');

  // The short publish ends: its tile goes, without a reload.
  await tile(page, c.id).waitFor({ state: 'detached', timeout: 90_000 });
  assert.equal(await page.evaluate(() => window.__sameDocument), true, 'no reload');
  await page.getByTestId('live-count').filter({ hasText: '2 live streams' }).waitFor();
  assertClean(log);
  await context.close();
  await Promise.all(runs);
});
