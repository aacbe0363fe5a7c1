// Sign-in as a new user would do it, against the real bintu-local.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { BASE, KEY, DOCUMENTED, ORG_NAME, launch, watchedPage, assertClean, signIn, shot, assertAccessible } from './support.mjs';

/// The organisation page once loaded. Its name shows when GET /organisation reports it; in the
/// documented shapes (no features reported) the packages say so instead of "Upgrade needed".
async function organisationShown(page) {
  if (ORG_NAME) await page.getByTestId('org-page-name').filter({ hasText: 'Demo Organisation' }).waitFor();
  if (DOCUMENTED) {
    await page.getByText(/not reported by this API/i).first().waitFor();
    assert.equal(await page.getByText('Upgrade needed').count(), 0, 'unknown is not "Upgrade needed"');
  }
}

let browser;
before(async () => { browser = await launch(); });
after(async () => { await browser?.close(); });

test('a wrong key shows the API message and keeps the user on sign-in', async () => {
  const { page, log, context } = await watchedPage(browser);
  await page.goto(`${BASE}/`);
  await page.waitForURL(/\/signin\?next=/);
  // The release build goes over the wire precompressed (brotli here): the wasm, the biggest
  // part of the console, arrives at well under half its size.
  const wasm = await page.evaluate(() => performance.getEntriesByType('resource')
    .filter((e) => e.name.endsWith('.wasm'))
    .map((e) => ({ encoded: e.encodedBodySize, decoded: e.decodedBodySize }))[0]);
  assert.ok(wasm && wasm.encoded > 0 && wasm.encoded < wasm.decoded / 2, JSON.stringify(wasm));
  await signIn(page, 'definitely-not-a-key');
  const alert = page.getByRole('alert');
  await alert.filter({ hasText: 'API key is not valid' }).waitFor();
  assert.match(page.url(), /\/signin/);
  await assertAccessible(page, 'sign-in with an error');
  assertClean(log, ['definitely-not-a-key', KEY]);
  await context.close();
});

test(`the demo key signs in and shows the organisation (GET /organisation: ${ORG_NAME ? (DOCUMENTED ? 'name and hash' : 'full') : '404'})`, async () => {
  const { page, log, context } = await watchedPage(browser);
  await page.goto(`${BASE}/organisation`);
  await page.waitForURL(/\/signin\?next=%2Forganisation/);
  await signIn(page);
  await page.waitForURL(/\/organisation$/);
  await organisationShown(page);
  if (ORG_NAME) assert.match(await page.getByTestId('org-name').textContent(), /Demo Organisation/);
  await shot(page, 'organisation');
  await assertAccessible(page, 'organisation');
  assertClean(log);
  // Session storage by default: nothing remembered in local storage.
  const stored = await page.evaluate(() => JSON.stringify(localStorage));
  assert.ok(!stored.includes(KEY), 'key must not be in local storage without remember me');
  await context.close();
});

test('the session survives a reload and sign-out returns to sign-in', async () => {
  const { page, log, context } = await watchedPage(browser);
  await page.goto(`${BASE}/organisation`);
  await page.waitForURL(/\/signin\?next=/);
  await signIn(page);
  await page.waitForURL(/\/organisation$/);
  await page.reload();
  await organisationShown(page);
  await page.getByRole('button', { name: 'Sign out' }).click();
  await page.waitForURL(/\/signin/);
  assertClean(log);
  await context.close();
});

test('an unknown route shows the not-found page', async () => {
  const { page, log, context } = await watchedPage(browser);
  await page.goto(`${BASE}/no/such/page`);
  await page.getByRole('heading', { name: 'Page not found' }).waitFor();
  assertClean(log);
  await context.close();
});
