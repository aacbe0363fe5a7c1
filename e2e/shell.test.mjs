// The static shell of index.html and replay.html: with the wasm held back, the page being
// opened is already painted (header, skeleton); when the wasm arrives the app replaces it
// and what the shell showed stays where it was (no layout shift at mount). Timings of the
// first visit are measured by `make bench` (e2e/bench/first_visit.mjs), not here.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { BASE, launch, watchedPage, assertClean, signIn } from './support.mjs';

let browser;
before(async () => { browser = await launch(); });
after(async () => { await browser?.close(); });

/// Holds every wasm request until `release()` is called.
async function holdWasm(page) {
  let release;
  const gate = new Promise((r) => { release = r; });
  await page.route(/\.wasm(\?|$)/, async (route) => {
    await gate;
    await route.continue();
  });
  return release;
}

const box = (loc) => loc.boundingBox().then((b) => b && { x: Math.round(b.x), y: Math.round(b.y), w: Math.round(b.width), h: Math.round(b.height) });

test('the sign-in page paints before the wasm and keeps its place when the app mounts', async () => {
  const { page, log } = await watchedPage(browser);
  const release = await holdWasm(page);
  await page.goto(`${BASE}/`, { waitUntil: 'domcontentloaded' });
  const shell = page.locator('#shell .boot--signin');
  await shell.waitFor();
  assert.equal(await page.locator('#shell h1').first().textContent(), 'Sign in');
  const before = { h1: await box(shell.locator('h1')), lead: await box(shell.locator('.lead')),
    form: await box(shell.locator('.boot__block')) };
  release();
  await page.locator('#secret').waitFor();
  assert.equal(await page.locator('#shell').count(), 0, 'the shell is gone');
  const app = page.locator('main.signin');
  assert.deepEqual(await box(app.locator('h1')), before.h1);
  assert.deepEqual(await box(app.locator('.lead')), before.lead);
  const form = await box(app.locator('form'));
  assert.equal(form.y, before.form.y, 'the form starts where its skeleton did');
  assertClean(log);
});

test('a signed-in page paints the top bar and navigation before the wasm', async () => {
  const { page, log } = await watchedPage(browser);
  await signIn(page);
  await page.waitForURL(/\/stream$/);
  // The sidebar stretches with the page's content (the list's length depends on what
  // earlier tests created), so its height is not compared: its place, width and items are.
  const noHeight = ({ h, ...rest }) => rest;
  const items = async (root) => Promise.all((await root.locator('li').all()).map(box));
  const app = { bar: await box(page.locator('header.topbar')), nav: noHeight(await box(page.locator('nav.sidebar'))),
    navItems: await items(page.locator('nav.sidebar')),
    navText: (await page.locator('nav.sidebar li').allTextContents()).map((s) => s.trim()) };
  const release = await holdWasm(page);
  await page.goto(`${BASE}/organisation`, { waitUntil: 'domcontentloaded' });
  const shell = page.locator('#shell .boot--app');
  await shell.waitFor();
  assert.deepEqual(await box(shell.locator('.topbar')), app.bar);
  assert.deepEqual(noHeight(await box(shell.locator('.sidebar'))), app.nav);
  assert.deepEqual(await items(shell.locator('.sidebar')), app.navItems);
  assert.deepEqual((await shell.locator('.sidebar li').allTextContents()).map((s) => s.trim()), app.navText);
  release();
  await page.getByTestId('org-page-name').waitFor();
  assert.equal(await page.locator('#shell').count(), 0);
  assertClean(log);
});

test('the replay pages paint their shell too, from their own build', async () => {
  const { page, log } = await watchedPage(browser);
  const release = await holdWasm(page);
  await page.goto(`${BASE}/replay/clip?streamname=nothing-here`, { waitUntil: 'domcontentloaded' });
  const shell = page.locator('#shell .boot--clip');
  await shell.waitFor();
  const title = await box(shell.locator('h1'));
  release();
  await page.locator('.clip-page__waiting').waitFor();
  assert.equal(await page.locator('#shell').count(), 0);
  assert.deepEqual(await box(page.locator('main.clip-page h1')), title);
  // Everything the replay build loads comes from its own output (dist/replay-app/), but for
  // the site's runtime config.json, which both builds read.
  const own = await page.evaluate(() => performance.getEntriesByType('resource')
    .map((e) => new URL(e.name))
    .filter((u) => u.origin === location.origin && !u.pathname.startsWith('/vod/') && u.pathname !== '/config.json')
    .map((u) => u.pathname));
  assert.ok(own.length > 0 && own.every((p) => p.startsWith('/replay-app/')), own.join());
  assertClean(log);
});
